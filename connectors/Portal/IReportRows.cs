using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// What one report service adds to the rows every report shares (ID, TEN, NGAY_CAPNHAT, TOTAL_ROW): its value
/// fields, their checks, and how a valid row becomes records.
/// </summary>
internal interface IReportRows
{
    string Service { get; }

    /// <summary>The value fields the contract documents; each must be in every row.</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>What is wrong with the row's values (naming field and value), or null when they are all valid.</summary>
    string? Problem(JsonElement row);

    IEnumerable<SourceRecord> Records(JsonElement row, UnitKey unit, string period, string at);
}
