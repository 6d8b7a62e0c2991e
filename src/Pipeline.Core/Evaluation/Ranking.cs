namespace Pipeline.Core.Evaluation;

/// <summary>Ranks scored units (1 = highest total; equal totals share a rank, the next rank skips) and normalises totals.</summary>
public static class Ranking
{
    public static IReadOnlyList<PointsResult> Rank(IReadOnlyList<PointsResult> results, ScoreNormalisation normalisation)
    {
        var totals = results.Select(r => r.Total).ToList();
        var ascending = totals.Order().ToArray();
        var ranked = new List<PointsResult>(results.Count);
        foreach (var result in results)
        {
            ranked.Add(result with
            {
                Rank = 1 + CountAbove(ascending, result.Total),
                Normalised = Normalise(result.Total, totals, normalisation),
            });
        }

        return ranked;
    }

    /// <summary>How many of the ascending totals are greater than <paramref name="total"/> (binary search for the first one above it).</summary>
    private static int CountAbove(decimal[] ascending, decimal total)
    {
        var (low, high) = (0, ascending.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ascending[middle] <= total)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return ascending.Length - low;
    }

    private static decimal? Normalise(decimal total, IReadOnlyList<decimal> totals, ScoreNormalisation normalisation)
    {
        switch (normalisation)
        {
            case ScoreNormalisation.MinMax:
            {
                var (min, max) = (totals.Min(), totals.Max());
                return max == min ? 0 : Math.Round(100m * (total - min) / (max - min), 2);
            }

            case ScoreNormalisation.ZScore:
            {
                var mean = totals.Average();
                var sd = (decimal)Math.Sqrt((double)totals.Sum(t => (t - mean) * (t - mean)) / totals.Count);
                return sd == 0 ? 0 : Math.Round((total - mean) / sd, 4);
            }

            default:
                return null;
        }
    }
}
