using Pipeline.Cli.Tests.Support;

namespace Pipeline.Cli.Tests.Units;

/// <summary>`pipeline units resolve` as SPEC section 7 describes it.</summary>
public sealed class UnitsResolveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("resolve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Era2024_RepeatsTheInput_AndAddsCodeStatusCandidates()
    {
        var input = Write(
            "names.csv",
            "province_name,district_name,commune_name",
            "Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,X. Nghĩa Phương",
            "Tỉnh Bắc Giang,Huyện Lục Nam,Xã Nghĩa Phương",
            "TP Hà Nội,H. Gia Lâm,Yên Viên",
            "Tỉnh Quảng Trị,TP Đông Hà,Phường 01",
            "Tỉnh Hòa Bình,Huyện Lạc Thủy,TT. Chi Nê",
            "Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,Xã Không Có");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, stdout, stderr) = await CliRun.RunAsync("units", "resolve", "--era", "2024", "--names", input, "--out", output);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(
            [
                "province_name,district_name,commune_name,code,status,candidates",
                "Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,X. Nghĩa Phương,21283,matched,",
                "Tỉnh Bắc Giang,Huyện Lục Nam,Xã Nghĩa Phương,07486,matched,",
                "TP Hà Nội,H. Gia Lâm,Yên Viên,,ambiguous,00526;00532",
                "Tỉnh Quảng Trị,TP Đông Hà,Phường 01,19333,matched,",
                "Tỉnh Hòa Bình,Huyện Lạc Thủy,TT. Chi Nê,05392,matched,",
                "Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,Xã Không Có,,unmatched,",
            ],
            File.ReadAllLines(output));
        Assert.Contains("6 names: 4 matched, 1 ambiguous, 1 unmatched.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Era2025_WithoutADistrictColumn_KeepsTheInputColumns()
    {
        var input = Write("names.csv", "province_name,commune_name", "Tinh Thai Nguyen,Xa Van Lang", "Tỉnh Thái Nguyên,Xã Văn Lăng");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("units", "resolve", "--era", "2025", "--names", input, "--out", output);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(
            [
                "province_name,commune_name,code,status,candidates",
                "Tinh Thai Nguyen,Xa Van Lang,,ambiguous,02143;05665",
                "Tỉnh Thái Nguyên,Xã Văn Lăng,05665,matched,",
            ],
            File.ReadAllLines(output));
    }

    [Fact]
    public async Task Era2025_WithADistrict_ExitsWith2_NamingTheLine_AndWritesNothing()
    {
        var input = Write("names.csv", "province_name,district_name,commune_name", "Tỉnh Thái Nguyên,,Xã Văn Lăng", "Tỉnh Thái Nguyên,Huyện Võ Nhai,Xã Văn Lăng");
        var output = Path.Combine(_dir, "out.csv");

        var (exitCode, _, stderr) = await CliRun.RunAsync("units", "resolve", "--era", "2025", "--names", input, "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("names.csv:3: district_name 'Huyện Võ Nhai' given for era 2025", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "out.csv*"));
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
