namespace Pipeline.Host.Security;

/// <summary>Roles a configured user can hold (SPEC section 1).</summary>
public static class Roles
{
    /// <summary>May trigger, retry and delete jobs in the dashboard; everyone else signed in reads it only.</summary>
    public const string Operations = "operations";

    /// <summary>Data stewards: read conflicts and decide them.</summary>
    public const string Steward = "steward";

    /// <summary>Analysts: read conflicts and their history, decide nothing.</summary>
    public const string Analyst = "analyst";
}

/// <summary>Authorisation policies of the host's pages and API.</summary>
public static class Policies
{
    public const string ReadConflicts = "read-conflicts";
    public const string ResolveConflicts = "resolve-conflicts";

    /// <summary>The level report: stewards, analysts and operations read it (it holds no personal data and decides nothing).</summary>
    public const string ReadReports = "read-reports";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(ReadConflicts, p => p.RequireRole(Roles.Steward, Roles.Analyst));
        options.AddPolicy(ResolveConflicts, p => p.RequireRole(Roles.Steward));
        options.AddPolicy(ReadReports, p => p.RequireRole(Roles.Steward, Roles.Analyst, Roles.Operations));
    }
}
