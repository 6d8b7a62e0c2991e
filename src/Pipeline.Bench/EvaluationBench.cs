using System.Diagnostics;
using Pipeline.Core.Evaluation;

namespace Pipeline.Bench;

/// <summary>
/// The level evaluator (<see cref="LevelEvaluator"/>, the code every evaluation of the product runs) over every commune
/// x commune criterion x period, values in memory; against a plain sum over the same values (the memory-bandwidth
/// floor), and on two threads against one. Each timing is the best of five after a warm-up: with three, the 2024 map's
/// ratio ranged 8.6x-10.1x over four runs on a machine doing nothing else, for a 0.2 s timing.
/// </summary>
internal static class EvaluationBench
{
    private const int Repeats = 5;

    public static void Run(BenchReport report, string label, IReadOnlyList<string> communes, int periods)
    {
        var framework = (LevelFramework)FrameworkCatalog.Load("qd2361");
        var evaluator = new LevelEvaluator(framework);
        var criteria = evaluator.CriteriaOf(CriterionScope.Commune);
        var values = Values(framework.Criteria.Count, criteria, communes.Count * periods);
        var name = $"evaluation {label} ({BenchReport.Count(communes.Count)} communes x {criteria.Count} criteria x {periods} periods)";

        var sum = Best(() => PlainSum(values));
        var one = Best(() => Evaluate(evaluator, communes, values, 0, values.Length));
        var ratio = one / sum;
        report.Add(new BenchLine(
            name,
            $"{BenchReport.Millis(one)} one thread ({BenchReport.Count((long)(values.Length / (one / 1000)))} commune-periods/s)",
            ratio,
            $"plain sum over the same values in memory {BenchReport.Millis(sum)}",
            new BenchTarget("<= 10x", ratio <= 10)));

        var two = Best(() =>
        {
            // Two dedicated threads, each on half the commune-periods: not the thread pool, whose second thread may be late.
            var half = values.Length / 2;
            var levels = new long[2];
            var threads = new[] { (From: 0, To: half), (From: half, To: values.Length) }
                .Select((range, part) => new Thread(() => levels[part] = Evaluate(evaluator, communes, values, range.From, range.To)))
                .ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            return levels[0] + levels[1];
        });
        var speedup = one / two;
        report.Add(new BenchLine(
            $"{name} on two threads",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BenchReport.Millis(two)}, {speedup:0.00}x faster than one"),
            two / one,
            $"one thread {BenchReport.Millis(one)}",
            new BenchTarget(">= 1.6x faster (<= 0.63x)", speedup >= 1.6)));
    }

    private static long Evaluate(LevelEvaluator evaluator, IReadOnlyList<string> communes, Observation?[][] values, int from, int to)
    {
        long levels = 0;
        for (var i = from; i < to; i++)
        {
            levels += evaluator.Evaluate(communes[i % communes.Count], CriterionScope.Commune, values[i]).Level;
        }

        return levels;
    }

    private static long PlainSum(Observation?[][] values)
    {
        var total = 0m;
        foreach (var row in values)
        {
            foreach (var value in row)
            {
                if (value is { } v)
                {
                    total += v.Value;
                }
            }
        }

        return (long)total;
    }

    /// <summary>Milliseconds of the fastest of a few runs, after one untimed run (JIT, caches).</summary>
    private static double Best(Func<long> run)
    {
        GC.KeepAlive(run());
        var best = double.MaxValue;
        for (var i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(run());
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    /// <summary>SIMULATED values spread around the thresholds, so communes stop at every level; a fixed seed.</summary>
    private static Observation?[][] Values(int count, IReadOnlyList<LevelCriterion> criteria, int rows)
    {
        var random = new Random(2361);
        var values = new Observation?[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = new Observation?[count];
            foreach (var c in criteria)
            {
                row[c.Index] = random.Next(50) == 0 ? null : c.Measure switch
                {
                    Measure.Percent => random.Next(2) == 0 ? new Observation(random.Next(101)) : new Observation(random.Next(1001), 1000),
                    Measure.YesNo => random.Next(5) == 0 ? Observation.No : Observation.Yes,
                    Measure.Count => new Observation(random.Next(6)),
                    Measure.Enterprises => new Observation(random.Next(4), random.Next(3, 8)),
                    _ => null,
                };
            }

            values[r] = row;
        }

        return values;
    }
}
