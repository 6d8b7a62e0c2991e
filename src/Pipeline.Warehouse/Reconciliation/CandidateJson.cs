using System.Text.Json;

namespace Pipeline.Warehouse.Reconciliation;

/// <summary>How candidates are written to and read from jsonb (snake_case keys, as analysts query them).</summary>
public static class CandidateJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write(Candidate candidate) => JsonSerializer.Serialize(candidate, Options);

    public static string Write(IReadOnlyList<Candidate> candidates) => JsonSerializer.Serialize(candidates, Options);

    public static Candidate? ReadOne(string? json) => json is null ? null : JsonSerializer.Deserialize<Candidate>(json, Options);

    public static IReadOnlyList<Candidate> ReadList(string json) => JsonSerializer.Deserialize<List<Candidate>>(json, Options) ?? [];
}
