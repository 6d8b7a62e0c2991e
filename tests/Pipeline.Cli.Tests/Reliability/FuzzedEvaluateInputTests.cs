using System.Text.RegularExpressions;
using Pipeline.Cli.Tests.Support;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Reliability scenario 13: "fuzzed CSV input to `./pipeline evaluate`: a clear error, never a crash." Damaged IN.csv
/// files (<see cref="FuzzedCsv"/>, deterministic) go through the real program: each named damage exits 2 with
/// `file:line: problem` on stderr, no stack trace and no OUT.csv; random mutations either evaluate (exit 0, complete
/// OUT.csv) or are refused the same way. A thousand more mutations go through the reader in-process, where only
/// <see cref="BadInputException"/> naming the file and a line may come out.
/// </summary>
public sealed partial class FuzzedEvaluateInputTests : IDisposable
{
    private const int ProcessMutations = 8;
    private const int InProcessMutations = 1_000;

    private readonly string _dir = Directory.CreateTempSubdirectory("evaluate-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryNamedDamage_ExitsWith2_NamingFileAndLine_WithoutStackTrace_AndWritesNothing()
    {
        var runs = await RunAllAsync(FuzzedCsv.Refused());

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == 2, $"{run.Name}: exit {run.ExitCode}, stderr: {run.Err}");
            AssertNamesFileAndLine(run);
            AssertNothingWritten(run);
        });
    }

    [Fact]
    public async Task RandomMutations_EitherEvaluate_OrExitWith2_NamingFileAndLine()
    {
        var runs = await RunAllAsync(Enumerable.Range(1, ProcessMutations).Select(seed => ($"mutation-{seed}", FuzzedCsv.Mutation(seed))));

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode is 0 or 2, $"{run.Name}: exit {run.ExitCode}, stderr: {run.Err}");
            if (run.ExitCode == 2)
            {
                AssertNamesFileAndLine(run);
                AssertNothingWritten(run);
            }
            else
            {
                Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing", File.ReadLines(run.Out).First());
            }
        });
    }

    [Fact]
    public async Task AHeaderOnlyFile_IsAnEmptyEvaluation_NotAnError()
    {
        // Nothing to evaluate is not bad input: the output is the header alone, as for any input with no units.
        var run = Assert.Single(await RunAllAsync([("header-only", System.Text.Encoding.UTF8.GetBytes(FuzzedCsv.Header + "\n"))]));

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(["unit_code,scope,level,attainable_level,blocking,missing"], File.ReadAllLines(run.Out));
    }

    [Fact]
    public void AThousandMutations_ThroughTheReader_OnlyEverRaiseBadInput_WithFileAndLine()
    {
        var framework = FrameworkCatalog.Load("qd2361");
        var lookup = UnitLookup.For(Era.Y2024, AdminUnitFiles.Read(AdminUnitsCopy.Original));
        var path = Path.Combine(_dir, "in.csv");
        var refused = 0;

        for (var seed = 1; seed <= InProcessMutations; seed++)
        {
            File.WriteAllBytes(path, FuzzedCsv.Mutation(seed));
            try
            {
                EvaluationInput.Read(path, framework, lookup, LevelRun.UnitProblem);
            }
            catch (BadInputException e)
            {
                refused++;
                Assert.All(e.Problems, p => Assert.True(p is { File: "in.csv", Line: > 0 }, $"seed {seed}: {p}"));
            }
        }

        // The mutations must actually break files, or this test proves nothing.
        Assert.InRange(refused, InProcessMutations / 4, InProcessMutations);
    }

    private static void AssertNamesFileAndLine(Run run)
    {
        Assert.Matches(FileAndLine(Path.GetFileName(run.In)), run.Err);
        Assert.StartsWith("error: ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), run.Err);
        Assert.DoesNotContain("Unhandled", run.Err, StringComparison.Ordinal);
    }

    private static void AssertNothingWritten(Run run) =>
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(run.Out)!, Path.GetFileName(run.Out) + "*"));

    /// <summary>Each case in a folder of its own, two programs at a time (the machine has two cores).</summary>
    private async Task<Run[]> RunAllAsync(IEnumerable<(string Name, byte[] Bytes)> cases)
    {
        using var slots = new SemaphoreSlim(2);
        return await Task.WhenAll(cases.Select(async c =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dir, c.Name)).FullName;
            var input = Path.Combine(folder, c.Name + ".csv");
            var output = Path.Combine(folder, "out.csv");
            await File.WriteAllBytesAsync(input, c.Bytes);
            await slots.WaitAsync();
            try
            {
                var (exit, _, err) = await CliRun.RunAsync("evaluate", "--framework", "qd2361", "--era", "2024", "--values", input, "--out", output);
                return new Run(c.Name, input, output, exit, err);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private static Regex FileAndLine(string file) => new($"{Regex.Escape(file)}:[1-9][0-9]*: ");

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private sealed record Run(string Name, string In, string Out, int ExitCode, string Err);
}
