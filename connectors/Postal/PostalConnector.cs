using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// Pulls the postal operator's quarterly export files (CONTRACT.md). Reads the quarter's index, picks the files the
/// cursor has not committed with that hash (corrections included), and only then reads the postcode registry, which
/// validates and labels the rows. Each file is one landed page; the cursor moves past it in the same transaction.
/// </summary>
public sealed class PostalConnector(IPostalApi api, IOptions<PostalOptions> options, TimeProvider clock) : ISourceConnector
{
    public const string Stream = "exports";

    public static readonly SourceDescriptor Descriptor = new(
        "postal",
        "Postal operator: service points, OCOP products on e-commerce, digital addresses",
        new UnitKeying(UnitKeyKind.SourceId, Era.Y2025, "5-digit postcodes of the operator's registry (2025 communes), labelled with commune and province name", UnitLabelShape.CommuneCommaProvince),
        PeriodKind.Quarter,
        [Stream]);

    public SourceDescriptor Source => Descriptor;

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var key = options.Value.ApiKey;
        var period = session.Period.ToString();
        var cursor = await StoredCursor.ReadAsync(session, Stream, clock, PostalCursor.Fresh, cancellationToken);

        var indexRequest = $"GET /api/v1/exports/{period}/index.json";
        using var indexResponse = await api.GetExportIndexAsync(key, period, cancellationToken);
        var index = await ReadJsonAsync(session, indexResponse, "index", indexRequest, cancellationToken);
        var pending = ExportIndex.Read(index.Content, period).Where(e => !cursor.Has(e)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var registry = await ReadRegistryAsync(session, cancellationToken);
        foreach (var entry in pending)
        {
            var request = $"GET /api/v1/exports/{period}/{entry.File}";
            using var response = await api.GetExportFileAsync(key, period, entry.File, cancellationToken);
            var payload = await SourceResponse.ReadAsync(response, Stream, request, clock, cancellationToken);
            var content = ExportFileReader.Read(payload.Content, entry.File, period, registry);
            if (content.PersonalData is { } finding)
            {
                await PersonalDataRefusal.RefuseAsync(session, payload, finding, cancellationToken);
            }

            BadLineLimit.Check(
                $"postal export file {entry.File}",
                (content.Records.Count / ExportRows.RecordsPerRow) + content.Quarantined.Count,
                content.Quarantined.Count,
                options.Value.MaxBadLineShare);

            cursor = cursor.After(entry, registry.Stamp);
            await session.CommitPageAsync(new LandedPage(payload, content.Records, content.Quarantined, cursor.ToString()), cancellationToken);
        }
    }

    /// <summary>Every page of the registry: a page shorter than the page size is the last.</summary>
    private async Task<PostcodeRegistry> ReadRegistryAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var entries = new List<PostcodeEntry>();
        for (var page = 1; ; page++)
        {
            var request = $"GET /api/v1/postcodes page={page} size={o.RegistryPageSize}";
            using var response = await api.GetPostcodesAsync(o.ApiKey, page, o.RegistryPageSize, cancellationToken);
            var payload = await ReadJsonAsync(session, response, "postcodes", request, cancellationToken);
            var items = PostcodeRegistry.ReadPage(payload.Content, page);
            entries.AddRange(items);
            if (items.Count < o.RegistryPageSize)
            {
                return PostcodeRegistry.From(entries);
            }
        }
    }

    // The index and registry hold no values; they are landed as references (lineage of the labels and of which
    // files were due), and refused like any payload if they carry personal data.
    private async Task<FetchedPayload> ReadJsonAsync(
        IIntakeSession session, HttpResponseMessage response, string stream, string request, CancellationToken cancellationToken)
    {
        var payload = await SourceResponse.ReadJsonAsync(session, response, stream, request, clock, cancellationToken);

        await session.LandReferenceAsync(payload, cancellationToken);
        return payload;
    }
}
