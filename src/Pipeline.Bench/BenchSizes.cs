namespace Pipeline.Bench;

/// <summary>How big each figure is: the issue's sizes by default, a short version with --quick, periods times --scale.</summary>
public sealed record BenchSizes(
    IReadOnlyList<int> LoadPeriods,
    IReadOnlyList<string> PullProvinces,
    int EvaluationPeriods2025,
    int EvaluationPeriods2024,
    int PickupJobs,
    int GrowthBasePeriods,
    IReadOnlyList<int> GrowthScales)
{
    private const long RowsPerPeriod = 3_321L * FactCsv.Indicators;

    public static BenchSizes Of(bool quick, int scale, long rows)
    {
        if (quick)
        {
            return new BenchSizes([1 * scale, 2 * scale], ["01"], 2 * scale, 1 * scale, 20, 1 * scale, [1, 2]);
        }

        // 60 periods is the issue's month of national facts (about 8 M rows); its 1 M subset is 8 of them.
        var full = rows > 0 ? (int)Math.Ceiling(rows / (double)RowsPerPeriod) : 60 * scale;
        var subset = Math.Max(1, (int)Math.Round(full / 7.5));
        return new BenchSizes(subset == full ? [full] : [subset, full], [], 60 * scale, 12 * scale, 100, 1 * scale, [1, 2, 4, 8]);
    }

    public override string ToString() =>
        $"load {string.Join(" and ", LoadPeriods)} periods, pull {(PullProvinces.Count == 0 ? "all provinces" : $"provinces {string.Join(' ', PullProvinces)}")}, "
        + $"evaluation {EvaluationPeriods2025} and {EvaluationPeriods2024} periods, {PickupJobs} jobs, growth {GrowthBasePeriods} periods x {string.Join('/', GrowthScales)}";
}
