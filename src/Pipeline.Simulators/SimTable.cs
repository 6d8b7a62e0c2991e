namespace Pipeline.Simulators;

/// <summary>
/// Rows a simulator serves, before they are written as JSON or CSV. Keeping them as a table lets the row faults
/// (duplicates, unknown units, a renamed column, a citizen id) work the same way for every source.
/// </summary>
/// <param name="KeyColumn">The column holding the unit key; unknown-unit faults overwrite it.</param>
/// <param name="UnknownKey">A key of the same shape that the source does not have (e.g. <c>99991</c>).</param>
public sealed record SimTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, string KeyColumn, Func<int, string> UnknownKey);

/// <summary>What an endpoint answers.</summary>
public abstract record SimBody;

/// <summary>A JSON body: the rows as an array of objects, wrapped by <paramref name="Envelope"/>.</summary>
/// <param name="Envelope">Builds the document around the rows array (paging fields, totals); identity for a bare array.</param>
public sealed record JsonRows(SimTable Table, Func<System.Text.Json.Nodes.JsonArray, System.Text.Json.Nodes.JsonNode> Envelope) : SimBody;

/// <summary>A CSV file (UTF-8, comma, header row) of the rows.</summary>
public sealed record CsvRows(SimTable Table) : SimBody;

/// <summary>Any other JSON document (a unit list, a file index), served as it is; row faults do not apply.</summary>
public sealed record JsonDocumentBody(System.Text.Json.Nodes.JsonNode Document) : SimBody;

/// <summary>An error the contract defines (400 for a bad parameter, 401 without the key).</summary>
public sealed record ErrorBody(int StatusCode, string Message) : SimBody;
