using System.Text.Json;
using Pipeline.Intake;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// Reads EMC's unit list (all pages of <c>/api/v2/units</c>) into the set of ids a dossier-stats item may carry. The
/// list is only checked against, not landed: it carries no values, and the labels records need come with every
/// dossier-stats item. It still passes the personal-data guard, as every payload does.
/// </summary>
internal static class EmcUnitList
{
    public const string Stream = "units";
    private static readonly string[] Fields = ["unitId", "unitName", "provinceName"];

    public static async Task<IReadOnlySet<string>> ReadAsync(
        IEmcApi api, EmcOptions options, IIntakeSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var request = $"GET /api/v2/units page={page} size={options.UnitPageSize}";
            using var response = await api.GetUnitsAsync(options.ApiKey, page, options.UnitPageSize, cancellationToken);
            var payload = await SourceResponse.ReadJsonAsync(session, response, Stream, request, clock, cancellationToken);

            // Landed for lineage: the list the stats rows were checked against.
            await session.LandReferenceAsync(payload, cancellationToken);
            using var document = JsonDocument.Parse(payload.Content);
            var envelope = EmcEnvelope.Read(document.RootElement, "units", page, options.UnitPageSize, withAsOf: false);
            ids.UnionWith(Ids(envelope.Data));
            if (page >= envelope.TotalPages)
            {
                return ids;
            }
        }
    }

    private static IEnumerable<string> Ids(JsonElement data)
    {
        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            var at = $"units data[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new SourceFormatException($"EMC {at} is not an object");
            }

            foreach (var field in Fields)
            {
                if (!item.TryGetProperty(field, out _))
                {
                    throw new SourceFormatException(
                        $"EMC {at} has no field '{field}' (fields now: {string.Join(", ", item.EnumerateObject().Select(p => p.Name))})");
                }
            }

            // A unit without an id cannot be matched by anything; it is left out of the list, not guessed at.
            if (item.GetProperty("unitId") is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
