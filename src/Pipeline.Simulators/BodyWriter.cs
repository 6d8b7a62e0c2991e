using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Simulators.Faults;

namespace Pipeline.Simulators;

/// <summary>Writes a <see cref="SimBody"/> to bytes, applying the row faults before and the byte faults after.</summary>
internal static class BodyWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static (byte[] Full, byte[] Sent, string ContentType) Write(SimBody body, FaultKind? fault)
    {
        var (full, contentType) = body switch
        {
            JsonRows j => (Encoding.UTF8.GetBytes(j.Envelope(ToJson(ApplyRowFault(j.Table, fault))).ToJsonString(Json)), "application/json; charset=utf-8"),
            CsvRows c => (Encoding.UTF8.GetBytes(ToCsv(ApplyRowFault(c.Table, fault))), "text/csv; charset=utf-8"),
            JsonDocumentBody d => (Encoding.UTF8.GetBytes(d.Document.ToJsonString(Json)), "application/json; charset=utf-8"),
            ErrorBody e => (Encoding.UTF8.GetBytes(new JsonObject { ["error"] = e.Message }.ToJsonString(Json)), "application/json; charset=utf-8"),
            _ => throw new InvalidOperationException($"unknown body {body.GetType().Name}"),
        };

        var sent = fault switch
        {
            FaultKind.EmptyBody => [],
            FaultKind.MalformedJson => full[..(full.Length / 2)],
            FaultKind.TruncatedCsv => CutMidLine(full),
            _ => full,
        };
        return (full, sent, contentType);
    }

    private static SimTable ApplyRowFault(SimTable table, FaultKind? fault)
    {
        switch (fault)
        {
            case FaultKind.DuplicatedRows when table.Rows.Count > 0:
                // Every tenth row again, at least one, at the end of the page.
                var again = table.Rows.Where((_, i) => i % 10 == 0).Select(r => (object?[])r.Clone());
                return table with { Rows = [.. table.Rows, .. again] };
            case FaultKind.UnknownUnits when table.Rows.Count > 0:
                var key = Index(table, table.KeyColumn);
                var rows = table.Rows.Select(r => (object?[])r.Clone()).ToList();
                for (var i = 0; i < Math.Min(2, rows.Count); i++)
                {
                    rows[i * (rows.Count - 1)][key] = table.UnknownKey(i);
                }

                return table with { Rows = rows };
            case FaultKind.RenamedColumn when table.Rows.Count > 0:
                // Drift the name of the last value column, as a source renaming a field in a new release would;
                // a table without one (a plain list) keeps its shape.
                var columns = table.Columns.ToArray();
                var last = Array.FindLastIndex(columns, c => table.Rows[0][Array.IndexOf(columns, c)] is long or int or decimal or double);
                if (last >= 0)
                {
                    columns[last] += "_v2";
                }

                return table with { Columns = columns };
            case FaultKind.CitizenIdentifier when table.Rows.Count > 0:
                var withId = table.Rows.Select((r, i) => (object?[])[.. r, i == 0 ? "001099012345" : null]).ToList();
                return table with { Columns = [.. table.Columns, "so_cccd"], Rows = withId };
            default:
                return table;
        }
    }

    private static JsonArray ToJson(SimTable table)
    {
        var array = new JsonArray();
        foreach (var row in table.Rows)
        {
            var item = new JsonObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                item[table.Columns[i]] = ToNode(row[i]);
            }

            array.Add(item);
        }

        return array;
    }

    private static JsonValue? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => throw new InvalidOperationException($"simulators serve strings, numbers and booleans, not {value.GetType().Name}"),
    };

    private static string ToCsv(SimTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(Quote)).Append('\n');
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(v => v switch
            {
                null => "",
                IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
                _ => Quote(v.ToString() ?? ""),
            })).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    // Cut inside a line two thirds of the way in, as a dropped transfer leaves a file.
    private static byte[] CutMidLine(byte[] full)
    {
        var cut = Math.Max(1, full.Length * 2 / 3);
        while (cut < full.Length - 1 && (full[cut] == (byte)'\n' || full[cut - 1] == (byte)'\n'))
        {
            cut++;
        }

        return full[..cut];
    }

    private static int Index(SimTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i] == column)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"table has no key column {column}");
    }
}
