using System.Security.Claims;
using System.Text.Encodings.Web;
using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Authenticates an API call by its <c>Authorization: Bearer kc_…</c> header. The principal is built by the same claims
/// factory as the sign-in cookie, so the token has its user's role and scope and no more, and every service decides
/// what it may see by the same rule as the pages (<see cref="Projects.ProjectScope"/>). The token's id and name are
/// added, so that a write made through it says so (<see cref="ApiClaims"/>).
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    ApiTokenSessions sessions,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private const string FailureKey = "KhuyenCong.ApiTokenFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Tiêu đề Authorization phải có dạng Bearer, theo sau là mã truy cập.");
        }

        var secret = header["Bearer ".Length..].Trim();
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        if (sessions.Find(hash, now) is not { } entry)
        {
            // Identity is built only when the token is read again, not on every call.
            var signIn = Context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
            if (token?.User is null || await signIn.UserManager.IsLockedOutAsync(token.User))
            {
                return Fail("Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi.");
            }

            entry = new ApiTokenSessions.Entry(ApiClaims.Through(await signIn.CreateUserPrincipalAsync(token.User), token, SchemeName), token.Id, token.ExpiresAtUtc, token.LastUsedAtUtc, now);
            sessions.Keep(hash, entry);
        }

        entry.LastUsedAtUtc = await tokens.TouchAsync(entry.TokenId, entry.LastUsedAtUtc, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(entry.Principal.Clone(), SchemeName));
    }

    private AuthenticateResult Fail(string message)
    {
        Context.Items[FailureKey] = message;
        return AuthenticateResult.Fail(message);
    }

    /// <summary>401 as problem details in Vietnamese, with the RFC 6750 challenge header.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[FailureKey] as string ?? "Hãy gửi mã truy cập cá nhân trong tiêu đề Authorization (Bearer, theo sau là mã); tạo mã ở trang Tài khoản › Mã truy cập API.";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Vai trò hoặc phạm vi của tài khoản gắn với mã truy cập này không được làm thao tác này.");
}

/// <summary>Claims a token adds to its user's principal.</summary>
public static class ApiClaims
{
    public const string TokenId = "kc:api_token_id";

    public const string TokenName = "kc:api_token_name";

    /// <summary>The user's principal acting through a token: their claims and the token's id and name.</summary>
    public static ClaimsPrincipal Through(ClaimsPrincipal user, ApiToken token, string authenticationType)
    {
        var identity = new ClaimsIdentity(user.Claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(TokenName, token.Name));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The id of the token the principal comes from; null for a page.</summary>
    public static int? TokenIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TokenId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>"qua API, mã «name»" when the principal comes from a token; null for a page.</summary>
    public static string? Via(ClaimsPrincipal? user) =>
        user?.FindFirstValue(TokenName) is { } name ? $"qua API, mã «{name}»" : null;
}
