using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// Pulls the operators' quarterly CSV files for one quarter from the file drop: reads the index, then, per operator,
/// fetches each file of the quarter that its cursor does not hold with the same hash, oldest first, and commits it as
/// one page. Corrections arrive as extra files, so a later run fetches only those.
/// </summary>
public sealed class TelecomConnector(ITelecomApi api, IOptions<TelecomOptions> options, AdminUnitSet units, TimeProvider clock) : ISourceConnector
{
    public const string OperatorA = "operator-a";
    public const string OperatorB = "operator-b";
    public const string OperatorC = "operator-c";

    public static readonly SourceDescriptor Descriptor = new(
        "telecom",
        "Telecom operators' commune feeds (CSV file drop)",
        new UnitKeying(
            UnitKeyKind.Code,
            Era.Y2024,
            "2024 units, also after the reform: 2024 commune codes (ma_xa) from operator-a and operator-c, full 2024 names (commune, district, province) from operator-b"),
        PeriodKind.Quarter,
        [OperatorA, OperatorB, OperatorC]);

    private readonly Lazy<CommuneCodes> _codes = new(() => CommuneCodes.From(units));

    public SourceDescriptor Source => Descriptor;

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Username}:{o.Password}"));
        var period = session.Period.ToString();

        // Every operator's cursor before the first request: one that cannot be trusted refuses the whole run.
        var cursors = new Dictionary<string, TelecomCursor>(StringComparer.Ordinal);
        foreach (var stream in Descriptor.Streams)
        {
            cursors[stream] = await StoredCursor.ReadAsync(session, stream, clock, TelecomCursor.Fresh, cancellationToken);
        }

        var index = await ReadIndexAsync(session, authorization, cancellationToken);
        foreach (var stream in Descriptor.Streams)
        {
            var layout = FeedLayout.For(stream);
            var cursor = cursors[stream];

            // A correction must land after the file it corrects, or the file would put the old values back.
            var files = index.Where(e => e.Operator == stream && e.Period == period)
                .OrderBy(e => e.Modified)
                .ThenBy(e => e.File, StringComparer.Ordinal);
            foreach (var entry in files)
            {
                if (cursor.Holds(entry.File, entry.Sha256))
                {
                    continue;
                }

                using var response = await api.GetFileAsync(authorization, entry.File, cancellationToken);
                var payload = await SourceResponse.ReadAsync(response, stream, $"GET /feeds/files/{entry.File}", clock, cancellationToken);
                if (FeedGuard.Find(payload.Content) is { } finding)
                {
                    await PersonalDataRefusal.RefuseAsync(session, payload, finding, cancellationToken);
                }

                var (records, quarantined) = FeedFileReader.Read(payload.Content, layout, entry.File, period, _codes.Value);
                BadLineLimit.Check(
                    $"{stream} file {entry.File}", (records.Count / FeedFileReader.RecordsPerLine) + quarantined.Count, quarantined.Count, o.MaxBadLineShare);

                // The hash of the bytes landed, not the index's: if the file changed between listing and download, the
                // next run sees the difference and fetches it again.
                cursor = cursor.With(entry.File, Convert.ToHexStringLower(SHA256.HashData(payload.Content)));
                await session.CommitPageAsync(new LandedPage(payload, records, quarantined, cursor.ToString()), cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<FeedIndexEntry>> ReadIndexAsync(IIntakeSession session, string authorization, CancellationToken cancellationToken)
    {
        using var response = await api.GetIndexAsync(authorization, cancellationToken);
        var payload = await SourceResponse.ReadJsonAsync(session, response, "index", "GET /feeds/index.json", clock, cancellationToken);

        var entries = FeedIndex.Read(payload.Content);

        // Landed (once per distinct content) for lineage: which files the source listed when this run chose its downloads.
        await session.LandReferenceAsync(payload, cancellationToken);
        return entries;
    }
}
