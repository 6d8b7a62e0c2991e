using System.Globalization;

namespace Pipeline.Intake;

/// <summary>
/// How much of a file may be quarantined before the file is refused whole. A few bad lines are the source's slips and
/// are quarantined one by one; a file mostly bad is a broken export (a wrong delimiter, shifted columns, another
/// encoding), and landing its few lines that happen to parse would be a partial load that looks complete.
/// </summary>
public static class BadLineLimit
{
    /// <summary>The default share: a source whose file is a fifth bad has a problem to fix, not lines to skip.</summary>
    public const double DefaultMaxShare = 0.2;

    /// <summary>Throws <see cref="SourceFormatException"/> when more than <paramref name="maxShare"/> of the lines are bad.</summary>
    /// <param name="what">The file, as the run history should name it (<c>operator-a file operator-a_2025-Q3.csv</c>).</param>
    public static void Check(string what, int lines, int bad, double maxShare)
    {
        if (lines > 0 && (double)bad / lines > maxShare)
        {
            throw new SourceFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: {bad} of {lines} lines ({100.0 * bad / lines:0.0}%) are bad, above the configured maximum of {100 * maxShare:0.0}% (MaxBadLineShare); the file is refused whole and nothing of it is stored"));
        }
    }
}
