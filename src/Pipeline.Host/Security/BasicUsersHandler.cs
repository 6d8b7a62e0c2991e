using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Pipeline.Host.Security;

/// <summary>
/// HTTP Basic authentication against the users of configuration (<c>Authentication:Users:&lt;name&gt;</c> with a
/// <c>PasswordHash</c> made by <c>hash-password NAME</c> of this host and <c>Roles</c>): enough for a province deployment behind
/// TLS; one with an identity provider adds the standard OpenID Connect scheme instead. No password is in the code.
/// </summary>
public sealed class BasicUsersHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    private static readonly PasswordHasher<string> Hasher = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed Basic credentials"));
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? decoded : decoded[..colon];
        var password = colon < 0 ? "" : decoded[(colon + 1)..];
        var user = configuration.GetSection($"Authentication:Users:{name}");
        var hash = user["PasswordHash"];
        if (string.IsNullOrEmpty(hash) || Hasher.VerifyHashedPassword(name, hash, password) == PasswordVerificationResult.Failed)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown user or wrong password"));
        }

        var roles = (user["Roles"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"pipeline\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>The hash to put in configuration for a password (PBKDF2, ASP.NET Core Identity's format).</summary>
    public static string Hash(string name, string password) => Hasher.HashPassword(name, password);
}
