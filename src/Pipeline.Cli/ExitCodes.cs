namespace Pipeline.Cli;

/// <summary>The exit codes of SPEC section 7.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
