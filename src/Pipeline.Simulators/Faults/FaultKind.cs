namespace Pipeline.Simulators.Faults;

/// <summary>The faults a simulator can inject, each switchable per endpoint and request parameters.</summary>
public enum FaultKind
{
    /// <summary>The normal response, after a delay (default 5 s: past a short attempt timeout).</summary>
    Latency,

    /// <summary>503 Service Unavailable; with Retry-After when the rule sets one.</summary>
    ServerError,

    /// <summary>429 Too Many Requests with Retry-After (the rule's, in whole seconds; default 1 s).</summary>
    TooManyRequests,

    /// <summary>The connection is reset (TCP RST) without any response.</summary>
    ConnectionReset,

    /// <summary>200 with the JSON body cut off half-way.</summary>
    MalformedJson,

    /// <summary>200 with an empty body.</summary>
    EmptyBody,

    /// <summary>200 with the CSV cut off mid-line; the Repr-Digest header still describes the whole file.</summary>
    TruncatedCsv,

    /// <summary>The last value (numeric) column renamed with a <c>_v2</c> suffix (schema drift).</summary>
    RenamedColumn,

    /// <summary>Some rows sent twice.</summary>
    DuplicatedRows,

    /// <summary>Two rows keyed by units the source does not have.</summary>
    UnknownUnits,

    /// <summary>One row carries a citizen identifier (a 12-digit CCCD number in a field so_cccd).</summary>
    CitizenIdentifier,
}
