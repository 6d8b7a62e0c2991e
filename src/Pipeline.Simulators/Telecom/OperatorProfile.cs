using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// What does not change from quarter to quarter for one operator in one commune: its seeded draws (market share,
/// network reach, household count drift...) and how it writes the commune's names. Drawn once per data set, so a
/// quarter's file is arithmetic on these, not thousands of hashes per line: the drop's index must answer quickly.
/// </summary>
internal sealed record OperatorProfile(
    Commune Commune,
    double Share,
    double Users,
    double Fibre,
    double Reach,
    double HouseholdDrift,
    double CulturalHouses,
    double HouseFibreNoise,
    double Signed,
    double SignatureShare,
    double Tslcd,
    (string Province, string District, string Commune) Names)
{
    private static readonly ConditionalWeakTable<SimulationData, ConcurrentDictionary<string, Lazy<IReadOnlyList<OperatorProfile>>>> Cache = [];

    /// <summary>The operator's profile in every 2024 commune it covers, in the order of the data's communes.</summary>
    public static IReadOnlyList<OperatorProfile> Of(SimulationData data, OperatorFeed feed) =>
        Cache.GetValue(data, _ => new ConcurrentDictionary<string, Lazy<IReadOnlyList<OperatorProfile>>>(StringComparer.Ordinal))
            .GetOrAdd(feed.Name, _ => new Lazy<IReadOnlyList<OperatorProfile>>(() => Draw(data, feed)))
            .Value;

    private static List<OperatorProfile> Draw(SimulationData data, OperatorFeed feed)
    {
        var op = feed.Name;
        var profiles = new List<OperatorProfile>();
        var registryNames = feed.KeysByName ? data.Communes2024.Select(c => c.FullName).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var commune in data.Communes2024.Where(feed.Covers))
        {
            var code = commune.Unit.Code;

            // Where operator-c is absent, operators a and b share its subscribers between them.
            var share = feed.MarketShare / (feed == OperatorFeed.C || OperatorFeed.C.Covers(commune) ? 1.0 : 1.0 - OperatorFeed.C.MarketShare);
            var houses = Math.Clamp(Math.Round(commune.Households / StableRandom.Between(160, 320, "telecom-houses", code)), 2, 40);
            profiles.Add(new OperatorProfile(
                commune,
                share * StableRandom.Between(0.85, 1.15, "telecom-share", op, code) * StableRandom.Between(1.0, 1.15, "telecom-multisim", op, code),
                StableRandom.Between(-0.04, 0.04, "telecom-smartphone", code),
                StableRandom.Between(-0.06, 0.06, "telecom-fibre", code),
                StableRandom.Between(feed.ReachLow, feed.ReachHigh, "telecom-reach", op, code),
                StableRandom.Between(0.93, 1.10, "telecom-households", op, code),
                Math.Max(1, houses + Math.Floor(StableRandom.Between(-1, 2, "telecom-houses-counted", op, code))),
                StableRandom.Between(-0.08, 0.08, "telecom-houses-fibre", op, code),
                StableRandom.Between(-0.04, 0.04, "telecom-signature", code),
                share * StableRandom.Between(0.85, 1.15, "telecom-signature-share", op, code),
                StableRandom.Uniform("telecom-tslcd", code),
                feed.KeysByName ? WrittenNames(commune, op, registryNames) : default));
        }

        return profiles;
    }

    private static (string, string, string) WrittenNames(Commune commune, string op, HashSet<string> registryNames)
    {
        var (province, district, name) = OperatorNames.Write(commune, op);

        // A variant that happens to be another unit's name would be a duplicate key: write the registry's instead.
        return $"{name}, {district}, {province}" is var written && written != commune.FullName && registryNames.Contains(written)
            ? (commune.Province.Name, commune.District!.Name, commune.Unit.Name)
            : (province, district, name);
    }
}
