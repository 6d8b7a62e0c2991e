using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Maps the lines of crosswalk_2024_to_2025.csv.</summary>
internal static class CrosswalkRows
{
    public static readonly string[] Header =
    [
        "old_commune_code", "old_commune_name", "old_district_code", "old_district_name", "old_province_code",
        "old_province_name", "new_commune_code", "new_commune_name", "new_province_code", "new_province_name",
        "merge_type", "is_split", "n_new_targets", "primary_target", "source_note", "source_old_name", "source_row", "fix_note",
    ];

    /// <summary>The normalised "Ghi chú" values listed in the data README.</summary>
    public static readonly HashSet<string> MergeTypes =
    [
        "full", "partial", "unchanged", "partial_area", "partial_area_full_population", "district_to_special_zone",
        "type_changed", "partial_population", "renamed", "full_area",
    ];

    public static CrosswalkEdge Map(CsvLine line)
    {
        var mergeType = line.Text("merge_type");
        if (!MergeTypes.Contains(mergeType))
        {
            throw new FieldException($"column merge_type is '{mergeType}', not one of {string.Join(", ", MergeTypes)}");
        }

        return new CrosswalkEdge(
            line.OptionalCode("old_commune_code", 5),
            line.OptionalText("old_commune_name"),
            line.Code("old_district_code", 3),
            line.Text("old_district_name"),
            line.Code("old_province_code", 2),
            line.Text("old_province_name"),
            line.Code("new_commune_code", 5),
            line.Text("new_commune_name"),
            line.Code("new_province_code", 2),
            line.Text("new_province_name"),
            mergeType,
            line.Flag("is_split"),
            line.Int("n_new_targets"),
            line.OptionalFlag("primary_target"),
            line.Text("source_note"),
            line.OptionalText("source_old_name"),
            line.Int("source_row"),
            line.OptionalText("fix_note"));
    }
}
