using Pipeline.Core.Units.Names;
using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>
/// Places a source's unit keys on warehouse units by the keying the source declares (SPEC section 4): a code of
/// the declared era, a full name matched within its province and district, or the source's own id through a
/// steward's mapping or else the label beside it. A steward's mapping wins over everything, so a quarantined name
/// or id is fixed by adding one. Nothing is guessed: ambiguous names list their candidates.
/// </summary>
public sealed class SourceUnitResolver
{
    private readonly UnitKeying _keying;
    private readonly ReferenceUnits _units;
    private readonly Dictionary<(UnitKeyKind, string), UnitMapping> _stewardMappings;
    private readonly Dictionary<UnitKey, UnitResolution> _resolved = [];

    public SourceUnitResolver(UnitKeying keying, ReferenceUnits units, IEnumerable<UnitMapping> stewardMappings)
    {
        _keying = keying;
        _units = units;
        _stewardMappings = stewardMappings.ToDictionary(m => (m.KeyKind, m.Key));
    }

    public UnitKeying Keying => _keying;

    public UnitResolution Resolve(UnitKey key)
    {
        // Each key repeats once per indicator (and the name matcher is the costly part): resolve it once.
        if (!_resolved.TryGetValue(key, out var resolution))
        {
            _resolved[key] = resolution = ResolveOnce(key);
        }

        return resolution;
    }

    private UnitResolution ResolveOnce(UnitKey key)
    {
        if (_stewardMappings.TryGetValue((key.Kind, key.Value), out var mapping))
        {
            return UnitResolution.Placed(mapping.Era, mapping.Code, "steward");
        }

        return key.Kind switch
        {
            UnitKeyKind.Code => ByCode(key.Value, "code"),
            UnitKeyKind.Name => ByName(key.Value),
            _ => ByLabel(key),
        };
    }

    private UnitResolution ByCode(string code, string method) =>
        _units.Commune(_keying.Era, code) is not null
            ? UnitResolution.Placed(_keying.Era, code, method)
            : UnitResolution.Refused(PlacementReasons.UnknownUnit, $"'{code}' is not a commune code of {(short)_keying.Era}");

    // "Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi" (2024) or "Phường Ba Đình, Thành phố Hà Nội" (2025).
    private UnitResolution ByName(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            3 => FromNames(_units.Names(_keying.Era).Resolve(parts[2], parts[1], parts[0]), "name", name),
            2 => FromNames(_units.Names(_keying.Era).Resolve(parts[1], null, parts[0]), "name", name),
            _ => UnitResolution.Refused(PlacementReasons.UnmatchedUnit, $"'{name}' is not shaped 'commune, [district, ]province'"),
        };
    }

    private UnitResolution ByLabel(UnitKey key)
    {
        var reading = UnitLabels.Read(_keying.Labels, key.Label);
        if (reading is null)
        {
            return UnitResolution.Refused(
                PlacementReasons.UnmappedKey,
                key.Label is null
                    ? $"id '{key.Value}' has no label and no steward mapping"
                    : $"id '{key.Value}': label '{key.Label}' is not shaped as the source declares ({_keying.Labels}) and there is no steward mapping");
        }

        if (reading.CommuneCode is { } code)
        {
            return ByCode(code, "label");
        }

        return FromNames(_units.Names(_keying.Era).Resolve(reading.Province!, null, reading.Commune!), "label", key.Label!);
    }

    private UnitResolution FromNames(NameResolution found, string method, string written) => found.Status switch
    {
        NameStatus.Matched => UnitResolution.Placed(_keying.Era, found.Code!, method),
        NameStatus.Ambiguous => UnitResolution.Refused(
            PlacementReasons.AmbiguousUnit,
            $"'{written}' fits {found.Candidates.Count} communes of {(short)_keying.Era}: {string.Join(';', found.Candidates)}",
            found.Candidates),
        _ => UnitResolution.Refused(PlacementReasons.UnmatchedUnit, $"'{written}': {found.Reason}"),
    };
}
