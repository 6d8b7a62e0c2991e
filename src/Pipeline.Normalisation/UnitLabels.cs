using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>Reads the label a source writes beside its own unit id, by the shape its keying declares.</summary>
public static class UnitLabels
{
    private const string CommitteePrefix = "UBND ";

    /// <summary>The province and commune names, or the commune code, in a label; null when the label lacks the shape.</summary>
    public static LabelReading? Read(UnitLabelShape shape, string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        return shape switch
        {
            UnitLabelShape.CommuneDashProvince => Names(StripCommittee(label), " - "),
            UnitLabelShape.CommuneCommaProvince => Names(label, ", "),
            UnitLabelShape.FacilityInCommune => label.LastIndexOf(" | ", StringComparison.Ordinal) is var bar and >= 0
                && label[(bar + 3)..].Trim() is { Length: > 0 } code
                    ? new LabelReading(null, null, code)
                    : null,
            _ => null,
        };
    }

    // The portal and EMC name agencies: "UBND phường Ba Đình" is the people's committee of phường Ba Đình.
    private static string StripCommittee(string label) =>
        label.StartsWith(CommitteePrefix, StringComparison.OrdinalIgnoreCase) ? label[CommitteePrefix.Length..] : label;

    // The province is after the last separator: province names never carry one, commune names might.
    private static LabelReading? Names(string label, string separator)
    {
        var at = label.LastIndexOf(separator, StringComparison.Ordinal);
        return at <= 0 ? null : new LabelReading(label[(at + separator.Length)..].Trim(), label[..at].Trim(), null);
    }
}

/// <summary>What a label says: names within a province, or the code of the commune a facility sits in.</summary>
public sealed record LabelReading(string? Province, string? Commune, string? CommuneCode);
