using Pipeline.Core.Evaluation;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Core.Tests.Support;

/// <summary>The shipped frameworks and unit lists, read once for the evaluation tests.</summary>
internal static class Frameworks
{
    private static readonly Lazy<AdminUnitSet> Units = new(() => AdminUnitFiles.Read(AdminUnitsCopy.Original));

    public static LevelFramework Qd2361 => (LevelFramework)FrameworkCatalog.Load("qd2361");

    public static SetFramework Dn151 => (SetFramework)FrameworkCatalog.Load("dn151");

    public static PointsFramework Dti => (PointsFramework)FrameworkCatalog.Load("dti");

    public static UnitLookup Units2024 => UnitLookup.For(Era.Y2024, Units.Value);

    public static UnitLookup Units2025 => UnitLookup.For(Era.Y2025, Units.Value);

    /// <summary>
    /// Values that meet, exactly at the threshold, every cell of <paramref name="scope"/> up to <paramref name="level"/>
    /// (each criterion at its highest applicable cell at or below that level); criteria not yet applicable stay missing.
    /// </summary>
    public static Observation?[] MeetingLevel(LevelFramework framework, CriterionScope scope, int level)
    {
        var values = new Observation?[framework.Criteria.Count];
        foreach (var criterion in framework.Criteria.Where(c => c.Scope == scope && c.Measure != Measure.CommuneRollup))
        {
            var cell = Enumerable.Range(1, level).Select(criterion.At).LastOrDefault(c => c is not null);
            if (cell is not null)
            {
                values[criterion.Index] = criterion.Measure == Measure.YesNo ? Observation.Yes : new Observation(cell.Min!.Value);
            }
        }

        return values;
    }

    public static int IndexOf(Framework framework, string code) => framework.Find(code)!.Index;
}
