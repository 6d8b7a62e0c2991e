using Pipeline.Core.Input;

namespace Pipeline.Core.Units.Names;

/// <summary>One row of a names file: a unit as another system writes it.</summary>
public sealed record WrittenName(string ProvinceName, string? DistrictName, string CommuneName);

/// <summary>
/// Reads the names file of <c>units resolve</c> (SPEC section 7): <c>province_name,district_name,commune_name</c>,
/// or <c>province_name,commune_name</c> for the 2025 map, which has no districts. Every problem is reported with its
/// line; a 2025 row naming a district is refused rather than silently ignored.
/// </summary>
public static class NameList
{
    public static readonly string[] Header = ["province_name", "district_name", "commune_name"];
    public static readonly string[] HeaderWithoutDistrict = ["province_name", "commune_name"];

    /// <summary>The rows, and the header the file used (output repeats the input's columns).</summary>
    public static (IReadOnlyList<string> Header, CsvRows<WrittenName> Rows) Read(string path, Era era)
    {
        var problems = new ProblemList();
        var header = File.Exists(path) && File.ReadLines(path).FirstOrDefault()?.TrimStart('\uFEFF') == string.Join(',', HeaderWithoutDistrict)
            ? HeaderWithoutDistrict
            : Header;
        var rows = CsvFile.Read(path, header, line => Map(line, era), problems);
        problems.ThrowIfAny();
        return (header, rows);
    }

    private static WrittenName Map(CsvLine line, Era era)
    {
        var district = line.OptionalText("district_name");
        if (district is not null && era == Era.Y2025)
        {
            throw new FieldException($"district_name '{district}' given for era 2025, which has no districts");
        }

        return new WrittenName(line.Text("province_name"), district, line.Text("commune_name"));
    }
}
