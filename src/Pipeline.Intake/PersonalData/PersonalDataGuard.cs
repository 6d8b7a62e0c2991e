using System.Text;
using System.Text.Json;

namespace Pipeline.Intake.PersonalData;

/// <summary>
/// Refuses payloads that carry personal identifiers. The VNeID and health feeds may only bring aggregates per unit
/// (Decree 13/2023, Law 91/2025); a field named like an identifier, or a value shaped like a citizen id (12-digit
/// CCCD) or a health-insurance card number, rejects the whole payload. The finding names where it was, never the
/// value, so the reason can be stored.
/// </summary>
public static class PersonalDataGuard
{
    // Field names compared after lower-casing and dropping everything but letters and digits.
    private static readonly HashSet<string> IdentifierFields =
    [
        "cccd", "socccd", "cancuoc", "socancuoc", "cmnd", "socmnd", "sodinhdanh", "madinhdanh", "sodinhdanhcanhan",
        "citizenid", "nationalid", "personalid", "idnumber", "identitynumber",
        "hoten", "hovaten", "fullname", "ngaysinh", "dateofbirth", "birthdate", "dob",
        "sodienthoai", "dienthoai", "phone", "phonenumber", "email",
        "sobhyt", "mabhyt", "mathebhyt", "sothebhyt", "mabenhnhan", "patientid",
    ];

    /// <summary>Checks a JSON payload; returns where the identifier is, or null when the payload is clean.</summary>
    public static string? FindInJson(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        return Walk(document.RootElement, "$");
    }

    /// <summary>Checks a CSV header and one row's fields; returns where the identifier is, or null.</summary>
    public static string? FindInCsvHeader(IReadOnlyList<string> header)
    {
        foreach (var name in header)
        {
            if (IsIdentifierField(name))
            {
                return $"column '{name}' is a personal identifier";
            }
        }

        return null;
    }

    /// <summary>Checks one CSV record's fields for identifier-shaped values.</summary>
    public static string? FindInCsvFields(IReadOnlyList<string> header, IReadOnlyList<string> fields, int line)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (LooksLikeIdentifier(fields[i]) is { } kind)
            {
                var column = i < header.Count ? header[i] : $"field {i + 1}";
                return $"line {line}, column '{column}' holds a value shaped like {kind}";
            }
        }

        return null;
    }

    private static string? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (IsIdentifierField(property.Name))
                    {
                        return $"field {at} is a personal identifier";
                    }

                    if (Walk(property.Value, at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String or JsonValueKind.Number:
                return LooksLikeIdentifier(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText()) is { } kind
                    ? $"field {path} holds a value shaped like {kind}"
                    : null;
            default:
                return null;
        }
    }

    private static bool IsIdentifierField(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(c);
            }
        }

        return IdentifierFields.Contains(folded.ToString());
    }

    // A 12-digit string is a CCCD number (no count per commune comes near 10^11); two letters and 13 digits is a
    // health-insurance card number.
    private static string? LooksLikeIdentifier(string value)
    {
        var v = value.Trim();
        if (v.Length == 12 && v.All(char.IsAsciiDigit))
        {
            return "a citizen id (12 digits)";
        }

        if (v.Length == 15 && char.IsAsciiLetterUpper(v[0]) && char.IsAsciiLetterUpper(v[1]) && v[2..].All(char.IsAsciiDigit))
        {
            return "a health-insurance card number";
        }

        return null;
    }
}
