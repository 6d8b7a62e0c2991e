using Pipeline.Core.Input;

namespace Pipeline.Core.ReferenceData;

/// <summary>
/// Reads the reference folder (../shared/data/admin-units): the unit lists of both eras, the crosswalk, both
/// population tables and the post-reform type changes. Every file is checked before anything is returned; the
/// GSO reconciliation table is not read (an unverified copy that the data README calls a lead, not an authority).
/// </summary>
public static class AdminUnitFiles
{
    public const string Units2024 = "units_2024.csv";
    public const string Units2025 = "units_2025.csv";
    public const string Crosswalk = "crosswalk_2024_to_2025.csv";
    public const string Population2025 = "population_2025.csv";
    public const string Census2019 = "population_2019_census.csv";
    public const string TypeChanges = "changes_after_2025-07-01.csv";

    /// <exception cref="BadInputException">A file is missing or wrong; the message names file, line and problem.</exception>
    public static AdminUnitSet Read(string directory, AdminUnitCounts? expected = null)
    {
        var problems = new ProblemList();
        var files = new AdminUnitRows(
            CsvFile.Read(Path.Combine(directory, Units2024), UnitRows.Header2024, UnitRows.Map2024, problems),
            CsvFile.Read(Path.Combine(directory, Units2025), UnitRows.Header2025, UnitRows.Map2025, problems),
            CsvFile.Read(Path.Combine(directory, Crosswalk), CrosswalkRows.Header, CrosswalkRows.Map, problems),
            CsvFile.Read(Path.Combine(directory, Population2025), PopulationRows.Header2025, PopulationRows.Map2025, problems),
            CsvFile.Read(Path.Combine(directory, Census2019), PopulationRows.HeaderCensus, PopulationRows.MapCensus, problems),
            CsvFile.Read(Path.Combine(directory, TypeChanges), TypeChangeRows.Header, TypeChangeRows.Map, problems));

        // Checks across rows and files only make sense on files that parsed.
        problems.ThrowIfAny();
        AdminUnitChecks.Run(files, expected ?? AdminUnitCounts.Published, problems);
        problems.ThrowIfAny();
        return new AdminUnitSet(
            files.Units2024.Items,
            files.Units2025.Items,
            files.Crosswalk.Items,
            files.Population2025.Items,
            files.Census2019.Items,
            files.TypeChanges.Items);
    }
}
