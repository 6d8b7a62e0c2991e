using System.Globalization;

namespace Pipeline.Bench;

/// <summary>A target a figure must meet; <see cref="Met"/> is false when this run missed it.</summary>
internal sealed record BenchTarget(string Text, bool Met);

/// <summary>
/// One figure: its value, its ratio to a baseline measured in the same run (and what that baseline was), and the
/// target it is held to, if any. Printed as <c>name: value (ratio x baseline) baseline: ...; target ...: pass|MISSED</c>.
/// </summary>
internal sealed record BenchLine(string Name, string Value, double Ratio, string Baseline, BenchTarget? Target = null)
{
    public override string ToString()
    {
        var target = Target is null ? "" : $"; target {Target.Text}: {(Target.Met ? "pass" : "MISSED")}";
        return string.Create(CultureInfo.InvariantCulture, $"{Name}: {Value} ({Ratio:0.00}x baseline) baseline: {Baseline}{target}");
    }
}

/// <summary>Prints figures as they are measured and counts the targets met and missed; other lines start with '#'.</summary>
internal sealed class BenchReport(TextWriter output)
{
    private readonly List<BenchLine> _lines = [];

    public IReadOnlyList<BenchLine> Lines => _lines;

    public int Missed => _lines.Count(l => l.Target is { Met: false });

    public void Add(BenchLine line)
    {
        _lines.Add(line);
        output.WriteLine(line);
        output.Flush();
    }

    public void Note(string text)
    {
        output.WriteLine($"# {text}");
        output.Flush();
    }

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.00} s");

    public static string Millis(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms");

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MB");

    public static string Rate(long rows, TimeSpan t) => $"{Count((long)(rows / Math.Max(t.TotalSeconds, 1e-9)))} rows/s";
}
