using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Health;

/// <summary>
/// The facility registry as read in one run, page by page: the facilities accepted (their MA_CSKCB are the only
/// unit keys the statistics may use), the rows refused and why, and the pages themselves, to land. A row is refused
/// when a field is empty, its kind is not one the contract lists, its MA_XA is not a 2025 commune code, or its
/// MA_CSKCB was already listed (the first listing stands; the second is not guessed at).
/// </summary>
internal sealed class FacilityRegistry(IReadOnlySet<string> communeCodes)
{
    private static readonly string[] Fields = ["MA_CSKCB", "TEN_CSKCB", "LOAI", "MA_XA", "TEN_XA"];

    private readonly Dictionary<string, RegisteredFacility> _facilities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private readonly List<(FetchedPayload Payload, List<QuarantinedRecord> Quarantined, int TotalPages)> _pages = [];

    public int Count => _facilities.Count;

    /// <summary>Reads one registry page; returns the registry's total_pages.</summary>
    public int Read(FetchedPayload payload, int page)
    {
        using var document = JsonDocument.Parse(payload.Content);
        var root = document.RootElement;
        const string what = "facilities page";
        if (HealthJson.RequiredInt(root, "page", what) != page)
        {
            throw new SourceFormatException($"health facilities answered page {root.GetProperty("page")} when asked for page {page}");
        }

        var totalPages = HealthJson.RequiredInt(root, "total_pages", what);
        var quarantined = new List<QuarantinedRecord>();
        var index = 0;
        foreach (var item in HealthJson.RequiredArray(root, "items", what).EnumerateArray())
        {
            var at = $"items[{index++}]";
            HealthJson.RequireFields(item, Fields, $"facilities {at}");
            if (Accept(item) is var (reason, detail, code))
            {
                quarantined.Add(new QuarantinedRecord(at, item.GetRawText(), reason, detail));
                if (code is not null)
                {
                    _refused.TryAdd(code, detail);
                }
            }
        }

        _pages.Add((payload, quarantined, totalPages));
        return totalPages;
    }

    public RegisteredFacility? Find(string code) => _facilities.GetValueOrDefault(code);

    /// <summary>Why a code has no accepted facility, for the quarantine detail of a statistics row keyed by it.</summary>
    public string WhyUnknown(string code) =>
        _refused.TryGetValue(code, out var why)
            ? $"MA_CSKCB '{code}' has no accepted registry row ({why})"
            : $"MA_CSKCB '{code}' is not in the facility registry";

    /// <summary>
    /// Lands the registry pages read in this run: payloads and refused rows, no records (the statistics records
    /// carry the facility's name and commune in their unit label). Byte-identical pages are stored once.
    /// </summary>
    public async Task LandAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var number = 0;
        foreach (var (payload, quarantined, totalPages) in _pages)
        {
            var cursor = new RegistryCursor(++number, totalPages).ToString();
            await session.CommitPageAsync(new LandedPage(payload, [], quarantined, cursor), cancellationToken);
        }
    }

    private (string Reason, string Detail, string? Code)? Accept(JsonElement item)
    {
        var code = HealthJson.Text(item, "MA_CSKCB");
        if (code is null)
        {
            return (QuarantineReasons.MissingField, "MA_CSKCB is empty", null);
        }

        foreach (var field in Fields.Skip(1))
        {
            if (HealthJson.Text(item, field) is null)
            {
                return (QuarantineReasons.MissingField, $"{field} is empty for MA_CSKCB '{code}'", code);
            }
        }

        var kind = HealthJson.Text(item, "LOAI")!;
        var commune = HealthJson.Text(item, "MA_XA")!;
        if (!RegisteredFacility.Kinds.Contains(kind))
        {
            return (QuarantineReasons.BadValue, $"LOAI '{kind}' of MA_CSKCB '{code}' is not one of TYT, BV, PK", code);
        }

        if (!communeCodes.Contains(commune))
        {
            return (QuarantineReasons.UnknownUnit, $"MA_XA '{commune}' of MA_CSKCB '{code}' is not a 2025 commune code", code);
        }

        if (_facilities.ContainsKey(code))
        {
            // The first listing stays accepted; do not mark the code refused.
            return (QuarantineReasons.DuplicateRow, $"second registry row for MA_CSKCB '{code}'", null);
        }

        _facilities.Add(code, new RegisteredFacility(code, HealthJson.Text(item, "TEN_CSKCB")!, kind, commune));
        return null;
    }
}
