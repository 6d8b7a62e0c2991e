using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Intake.Cursors;

/// <summary>
/// Reads a stream's stored cursor strictly. No stored cursor is the only thing that means "start from the beginning":
/// JSON that is not the connector's shape (null, a missing or unknown field, a wrong type) or a date later than now
/// fails the run with <see cref="CursorStateException"/>, naming the row to fix. Deleting that row is how an operator
/// asks for a full reload on purpose.
/// </summary>
public static class StoredCursor
{
    /// <summary>
    /// How far a cursor's date may be ahead of our clock. The dates are the source's own (its as-of, its file stamps),
    /// compared by the source on its own clock, so a few minutes' skew is harmless; a day ahead is not skew.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    // The connector's own records, written by JsonSerializer with default options: every field is always written.
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The stream's cursor for the session's period, <paramref name="fresh"/> when none is stored.</summary>
    public static async Task<T> ReadAsync<T>(
        IIntakeSession session, string stream, TimeProvider clock, T fresh, CancellationToken cancellationToken)
        where T : class, IStreamCursor
    {
        var json = await session.ReadCursorAsync(stream, cancellationToken);
        var where = $"{session.Source.Name} stream '{stream}' period {session.Period}";
        try
        {
            var cursor = Parse(json, fresh);
            var now = clock.GetUtcNow();
            var future = cursor.Dates().Where(d => d > now + ClockSkew).ToList();
            if (future.Count > 0)
            {
                throw new CursorStateException(string.Create(CultureInfo.InvariantCulture, $"it is dated {future.Max():O}, after now ({now:O})"));
            }

            return cursor;
        }
        catch (CursorStateException e)
        {
            throw new CursorStateException(
                $"{where}: stored cursor refused, {e.Message}. Nothing was fetched for it. Correct the row of intake.cursor "
                + $"(source '{session.Source.Name}', stream '{stream}', period '{session.Period}') or delete it to reload the period in full.");
        }
    }

    /// <summary>The cursor in <paramref name="json"/> (<paramref name="fresh"/> for null), or <see cref="CursorStateException"/>.</summary>
    public static T Parse<T>(string? json, T fresh)
        where T : class
    {
        if (json is null)
        {
            return fresh;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict) ?? throw new CursorStateException("it is JSON null");
        }
        catch (JsonException e)
        {
            throw new CursorStateException($"it is not a {typeof(T).Name} ({e.Message})");
        }
    }

    /// <summary>The dates of the fields that are set, as sources write them in cursors (ISO 8601).</summary>
    public static IEnumerable<DateTimeOffset> Dates(params (string Field, string? Text)[] fields) =>
        fields.Where(f => f.Text is not null).Select(f => Date(f.Field, f.Text!));

    /// <summary>A date as a source wrote it in a cursor (ISO 8601), or <see cref="CursorStateException"/>.</summary>
    public static DateTimeOffset Date(string field, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new CursorStateException($"{field} '{text}' is not a date");
}
