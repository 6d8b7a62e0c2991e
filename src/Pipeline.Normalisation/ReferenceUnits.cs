using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;
using Pipeline.Core.Units.Names;
using Pipeline.Core.Units.Rebasing;

namespace Pipeline.Normalisation;

/// <summary>The unit lists of both eras, their name indexes and the crosswalk, built once per process from the reference files.</summary>
public sealed class ReferenceUnits
{
    private readonly Dictionary<Era, UnitLookup> _lookups;
    private readonly Dictionary<Era, Lazy<NameResolver>> _names;

    public ReferenceUnits(AdminUnitSet set)
    {
        _lookups = new()
        {
            [Era.Y2024] = UnitLookup.For(Era.Y2024, set),
            [Era.Y2025] = UnitLookup.For(Era.Y2025, set),
        };

        // Name indexes cost a little to build; a load of code-keyed sources never needs them.
        _names = new()
        {
            [Era.Y2024] = new(() => new NameResolver(Era.Y2024, set.Units2024)),
            [Era.Y2025] = new(() => new NameResolver(Era.Y2025, set.Units2025)),
        };
        Succession = new CommuneSuccession(set.Crosswalk);
    }

    public CommuneSuccession Succession { get; }

    public NameResolver Names(Era era) => _names[era].Value;

    /// <summary>The commune with this code in this era, or null (a province, a district or no unit at all).</summary>
    public AdminUnit? Commune(Era era, string code) =>
        _lookups[era].Find(code) is { Level: UnitLevel.Commune } unit ? unit : null;
}
