using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// The lines of one SIMULATED feed file as a <see cref="SimTable"/> (so the shared row faults apply), with the size and
/// SHA-256 the drop's index lists for it. Files never change once landed, so they are built once per data set and
/// shared by every simulator instance: the index lists six files a quarter from 2024-Q1, of up to 10,035 lines each.
/// </summary>
internal sealed record FeedContent(SimTable Table, int Size, string Sha256, int DistinctKeys)
{
    private static readonly string[] CodeKeys = ["ky_bao_cao", "ma_tinh", "ma_huyen", "ma_xa", "ten_xa"];
    private static readonly string[] NameKeys = ["ky_bao_cao", "ten_tinh", "ten_huyen", "ten_xa"];
    private static readonly string[] Values =
        ["so_tb_smartphone_15t", "so_ho_cap_quang", "tong_so_ho", "so_nvh_cap_quang", "tong_so_nvh", "so_cks_ca_nhan", "tslcd_200mbps"];

    private static readonly ConditionalWeakTable<SimulationData, ConcurrentDictionary<string, Lazy<FeedContent>>> Cache = [];

    public static FeedContent Of(SimulationData data, FeedFile file) =>
        Cache.GetValue(data, _ => new ConcurrentDictionary<string, Lazy<FeedContent>>(StringComparer.Ordinal))
            .GetOrAdd(file.Name, _ => new Lazy<FeedContent>(() => Build(data, file)))
            .Value;

    private static FeedContent Build(SimulationData data, FeedFile file)
    {
        var feed = file.Operator;
        var period = file.Period.ToString();
        var rows = new List<object?[]>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in OperatorProfile.Of(data, feed))
        {
            var commune = profile.Commune;
            if (file.Correction > 0 && !feed.Revises(commune, period))
            {
                continue;
            }

            var f = TelecomFigures.Of(profile, feed, file.Period, file.Correction > 0 ? 1 : 0);
            object?[] values = [f.Smartphone15Plus, f.HouseholdsFibre, f.Households, f.CulturalHousesFibre, f.CulturalHouses, f.DigitalSignatures, f.Tslcd200];
            if (feed.KeysByName)
            {
                var (province, district, name) = profile.Names;
                keys.Add($"{name}, {district}, {province}");
                rows.Add([period, province, district, name, .. values]);
            }
            else
            {
                keys.Add(commune.Unit.Code);
                rows.Add([period, commune.Unit.ProvinceCode, commune.Unit.DistrictCode, commune.Unit.Code, commune.Unit.Name, .. values]);
            }
        }

        var table = feed.KeysByName
            ? new SimTable([.. NameKeys, .. Values], rows, "ten_xa", i => $"Khu công nghiệp số {i + 1}")
            : new SimTable([.. CodeKeys, .. Values], rows, "ma_xa", i => $"9999{i + 1}");
        var (bytes, _, _) = BodyWriter.Write(new CsvRows(table), null);
        return new FeedContent(table, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), keys.Count);
    }
}
