using Pipeline.Core.Input;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;

namespace Pipeline.Core.Tests.ReferenceData;

public sealed class AdminUnitFilesTests
{
    private static readonly Lazy<AdminUnitSet> Shared = new(() => AdminUnitFiles.Read(AdminUnitsCopy.Original));

    [Fact]
    public void Read_FindsThePublishedCountsOfBothEras()
    {
        var set = Shared.Value;

        Assert.Equal(63, set.Units2024.Count(u => u.Level == UnitLevel.Province));
        Assert.Equal(696, set.Units2024.Count(u => u.Level == UnitLevel.District));
        Assert.Equal(10_035, set.Units2024.Count(u => u.Level == UnitLevel.Commune));
        Assert.Equal(34, set.Units2025.Count(u => u.Level == UnitLevel.Province));
        Assert.Equal(3_321, set.Units2025.Count(u => u.Level == UnitLevel.Commune));
        Assert.Equal(10_571, set.Crosswalk.Count);
        Assert.Equal(440, set.Crosswalk.Where(e => e.IsSplit).Select(e => e.OldCommuneCode).Distinct().Count());
    }

    [Fact]
    public void Read_KeepsLeadingZerosAndTheEraOfReusedCodes()
    {
        var set = Shared.Value;

        Assert.Equal("Phường Trúc Bạch", set.Units2024.Single(u => u.Code == "00004").Name);
        Assert.Equal("Phường Ba Đình", set.Units2025.Single(u => u.Code == "00004").Name);
        Assert.Equal("Đắk Nông", set.Units2024.Single(u => u.Code == "67").ShortName);
    }

    [Fact]
    public void Read_RefusesAWrongHeader_NamingFileAndLine1()
    {
        using var copy = new AdminUnitsCopy();
        copy.ReplaceLine(AdminUnitFiles.Units2025, 1, header => header.Replace("short_name", "shortname", StringComparison.Ordinal));

        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((AdminUnitFiles.Units2025, 1L), (problem.File, problem.Line));
        Assert.Contains("header", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesABadCode_NamingFileLineAndValue()
    {
        using var copy = new AdminUnitsCopy();
        var line = copy.LineOf(AdminUnitFiles.Units2024, "00004");
        copy.ReplaceLine(AdminUnitFiles.Units2024, line, l => "0004X" + l[5..]);

        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        var problem = error.Problems[0];
        Assert.Equal((AdminUnitFiles.Units2024, (long)line), (problem.File, problem.Line));
        Assert.Contains("'0004X', not a 5-digit code", problem.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"units_2024.csv:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesACommuneWhoseParentDoesNotExist()
    {
        using var copy = new AdminUnitsCopy();
        var line = copy.LineOf(AdminUnitFiles.Units2024, "21283");
        // Xã Nghĩa Phương moves under district 999, which is not in the file.
        copy.ReplaceLine(AdminUnitFiles.Units2024, line, l => l.Replace(",528,51,528,", ",999,51,999,", StringComparison.Ordinal));

        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        var problem = Assert.Single(error.Problems, p => p.Line == line);
        Assert.Equal(AdminUnitFiles.Units2024, problem.File);
        Assert.Contains("parent_code 999", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesATruncatedFile_ByThePublishedCounts()
    {
        using var copy = new AdminUnitsCopy();
        var path = Path.Combine(copy.Directory, AdminUnitFiles.Crosswalk);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^1]);

        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        Assert.Contains(error.Problems, p => p.File == AdminUnitFiles.Crosswalk && p.Problem.Contains("10570 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RefusesMalformedQuoting_InsteadOfRepairingIt()
    {
        using var copy = new AdminUnitsCopy();
        copy.ReplaceLine(AdminUnitFiles.TypeChanges, 3, l => l.Replace("Xã Lộc Ninh", "Xã \"Lộc Ninh", StringComparison.Ordinal));

        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        Assert.Equal((AdminUnitFiles.TypeChanges, 3L), (error.Problems[0].File, error.Problems[0].Line));
    }
}
