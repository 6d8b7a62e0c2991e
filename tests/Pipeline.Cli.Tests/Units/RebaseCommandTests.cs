using Pipeline.Cli.Tests.Support;

namespace Pipeline.Cli.Tests.Units;

/// <summary>`pipeline rebase` as SPEC section 7 describes it.</summary>
public sealed class RebaseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rebase-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WritesSumsOn2025Communes_AndListsUnallocatedRowsOnStderrAndInRejects()
    {
        var input = Write("in.csv", "unit_code,measure,numerator,denominator", "00382,dossiers,10,40", "00397,dossiers,5,10", "00415,dossiers,0,50", "15637,dossiers,12,20");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, stdout, stderr) = await CliRun.RunAsync("rebase", "--values", input, "--out", output);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(
            [
                "unit_code,measure,numerator,denominator,complete",
                "00382,dossiers,15,100,true",
                "15634,dossiers,,,false",
                "15661,dossiers,,,false",
            ],
            File.ReadAllLines(output));
        Assert.Equal(
            [
                "unit_code,measure,numerator,denominator,reason",
                "15637,dossiers,12,20,split across 2 new communes (15634;15661) with no primary target",
            ],
            File.ReadAllLines(output + ".rejects.csv"));
        Assert.Contains("not allocated: 15637 dossiers", stderr, StringComparison.Ordinal);
        Assert.Contains("4 rows on 2024 communes -> 3 rows on 2025 communes (1 complete); 1 not allocated.", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00099,m,1,", "unit_code '00099' is not a 2024 commune")]
    [InlineData("00382,m,-1,", "counts cannot be negative")]
    [InlineData("00382,m,x,", "numerator")]
    [InlineData("01,m,1,", "not a 5-digit code")]
    public async Task BadInput_ExitsWith2_NamingTheLine_AndWritesNothing(string row, string problem)
    {
        var input = Write("in.csv", "unit_code,measure,numerator,denominator", "00397,m,1,2", row);
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("rebase", "--values", input, "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("in.csv:3:", stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "out.csv*"));
    }

    [Fact]
    public async Task ASecondRowForTheSameCommuneAndMeasure_IsBadInput()
    {
        var input = Write("in.csv", "unit_code,measure,numerator", "00397,m,1", "00397,m,2");

        var (exitCode, _, stderr) = await CliRun.RunAsync("rebase", "--values", input, "--out", Path.Combine(_dir, "out.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("in.csv:3: a second row for unit_code '00397' and measure 'm'", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
