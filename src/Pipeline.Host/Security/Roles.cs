namespace Pipeline.Host.Security;

/// <summary>Roles a configured user can hold (SPEC section 1).</summary>
public static class Roles
{
    /// <summary>May trigger, retry and delete jobs in the dashboard; everyone else signed in reads it only.</summary>
    public const string Operations = "operations";
}
