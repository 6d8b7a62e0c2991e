using Pipeline.Cli.Tests.Support;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Cli.Tests.Evaluation;

/// <summary>`pipeline evaluate` as SPEC section 7 describes it: outputs per framework kind, exit codes, nothing written on bad input.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("evaluate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Qd2361_WritesOneRowPerUnit_WithLevelsAndWhatBlocks()
    {
        var input = Write("in.csv", "unit_code,criterion,value,denominator", "21283,X.XHS.01,5,8", "21283,X.CQS.01,100,", "528,H.CQS.01,95,");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, stdout, stderr) = await CliRun.RunAsync("evaluate", "--framework", "qd2361", "--era", "2024", "--values", input, "--out", output, "--explain");

        Assert.True(exitCode == 0, stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing", lines[0]);
        Assert.StartsWith("21283,commune,0,2,,X.CQS.02;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("528,district,0,0,H.CHUNG.01,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("21283 (commune): level 0 (none), attainable 2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qd2361_WithBounds_AddsTheUndeterminedColumn_AndCountsUndeterminedAsAttainable()
    {
        // X.XHS.01 needs 50% at level 1: 40-55% straddles it, so it is neither met nor blocking.
        var input = Write("bounds.csv", "unit_code,criterion,value,denominator,low,high", "21283,X.XHS.01,48,100,40,55", "21283,X.CQS.01,100,,,");
        var output = Path.Combine(_dir, "bounds-out.csv");

        var (exitCode, stdout, stderr) = await CliRun.RunAsync("evaluate", "--framework", "qd2361", "--era", "2024", "--values", input, "--out", output, "--explain");

        Assert.True(exitCode == 0, stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing,undetermined", lines[0]);
        Assert.StartsWith("21283,commune,0,1,,X.CQS.02;", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",X.XHS.01", lines[1], StringComparison.Ordinal);
        Assert.Contains("X.XHS.01 undetermined: 40%-55% against 50% needed for level 1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ExitsWith2_NamesFileAndLine_AndWritesNothing()
    {
        var input = Write("bad.csv", "unit_code,criterion,value,denominator", "21283,X.CQS.01,100,", "21283,X.CQS.01,101,");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("evaluate", "--framework", "qd2361", "--era", "2024", "--values", input, "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("bad.csv:3:", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "out.csv*"));
    }

    [Fact]
    public async Task Dn151_WritesRecognisedAndAdvanced_AndRefusesEra2025()
    {
        // The first commune of district 660 (Gia Nghĩa, Đắk Nông) on the 2024 map.
        var code = File.ReadLines(Path.Combine(AdminUnitsCopy.Original, "units_2024.csv")).First(l => l.Contains(",commune,660,67,", StringComparison.Ordinal)).Split(',')[0];
        var input = Write("dn.csv", "unit_code,criterion,value", $"{code},DN151.CDS.HTS.01,90");
        var output = Path.Combine(_dir, "dn-out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("evaluate", "--framework", "dn151", "--era", "2024", "--values", input, "--out", output);
        var (wrongEra, _, eraError) = await CliRun.RunAsync("evaluate", "--framework", "dn151", "--era", "2025", "--values", input, "--out", output + ".2025");

        Assert.True(exitCode == 0, stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal("unit_code,unit_type,recognised,advanced,blocking,missing", lines[0]);
        Assert.StartsWith($"{code},Phường,false,false,,DN151.CDS.", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, wrongEra);
        Assert.Contains("applies to the 2024 map only", eraError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dti_WritesPointsSubtotalsAndRank()
    {
        var input = Write("dti.csv", "unit_code,criterion,value", "21283,DTI.1.5,có", "21238,DTI.1.5,không", "21238,DTI.8.8,3");
        var output = Path.Combine(_dir, "dti-out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("evaluate", "--framework", "dti", "--era", "2024", "--values", input, "--out", output, "--normalise", "minmax");

        Assert.True(exitCode == 0, stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal("unit_code,points,max_points,rank,normalised,group_1,group_2,group_3,group_4,group_5,group_6,group_7,group_8,group_9,missing", lines[0]);
        Assert.StartsWith("21283,10,835,1,100,10,0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("21238,3,835,2,0,0,", lines[2], StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
