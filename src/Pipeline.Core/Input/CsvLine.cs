using System.Globalization;
using CsvHelper;

namespace Pipeline.Core.Input;

/// <summary>A data line of a <see cref="CsvFile"/>, with typed getters whose failures name the column and value.</summary>
public readonly struct CsvLine(CsvReader reader, string file, long number)
{
    public string File => file;

    public long Number => number;

    public string Text(string column)
    {
        var value = reader.GetString(column);
        return string.IsNullOrEmpty(value) ? throw new FieldException($"column {column} is empty") : value;
    }

    public string? OptionalText(string column)
    {
        if (!reader.TryGetFieldIndex(column, out _))
        {
            return null;
        }

        var value = reader.GetString(column);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A GSO code: exactly <paramref name="digits"/> ASCII digits, kept as a string with its leading zeros.</summary>
    public string Code(string column, int digits) => CheckCode(column, Text(column), digits);

    public string? OptionalCode(string column, int digits) =>
        OptionalText(column) is { } value ? CheckCode(column, value, digits) : null;

    public long Long(string column) => OptionalLong(column) ?? throw new FieldException($"column {column} is empty");

    public long? OptionalLong(string column) => OptionalText(column) is { } value
        ? long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FieldException($"column {column} is '{value}', not a whole number")
        : null;

    public int Int(string column) => checked((int)Long(column));

    public decimal? OptionalDecimal(string column) => OptionalText(column) is { } value
        ? decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FieldException($"column {column} is '{value}', not a number")
        : null;

    /// <summary>A 0/1 flag; empty means unknown.</summary>
    public bool? OptionalFlag(string column) => OptionalText(column) switch
    {
        null => null,
        "1" => true,
        "0" => false,
        var other => throw new FieldException($"column {column} is '{other}', expected 0 or 1"),
    };

    public bool Flag(string column) => OptionalFlag(column) ?? throw new FieldException($"column {column} is empty");

    public DateOnly Date(string column)
    {
        var value = Text(column);
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FieldException($"column {column} is '{value}', not a date (yyyy-MM-dd)");
    }

    private static string CheckCode(string column, string value, int digits) =>
        value.Length == digits && value.All(char.IsAsciiDigit)
            ? value
            : throw new FieldException($"column {column} is '{value}', not a {digits}-digit code");
}

/// <summary>A field that does not parse; <see cref="CsvFile"/> adds the file and line.</summary>
public sealed class FieldException(string message) : Exception(message);
