using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>
/// How long a sign-in lasts (OWASP ASVS 5 V7.3): it ends after <see cref="IdleTimeout"/> without a request
/// (the cookie's sliding expiry) and, however busy, <see cref="MaximumLifetime"/> after the password was typed.
/// </summary>
public sealed class SessionLifetime
{
    /// <summary>Where the sign-in time is kept in the cookie's properties; sliding renewals keep it as it was.</summary>
    public const string SignedInItem = "kc.signed_in_utc";

    /// <summary>Portal:IdleTimeout.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Portal:SessionLifetime.</summary>
    public TimeSpan MaximumLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Portal:SessionRecheck: how often a cookie's security stamp is checked against the database (and the cookie
    /// renewed). Between checks a request runs no Identity query; a session ended on another instance (or in the
    /// database) stops at the next check, one ended on this instance at once (<see cref="SessionRevocations"/>).
    /// </summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    public static SessionLifetime From(IConfiguration configuration) => new()
    {
        IdleTimeout = configuration.GetValue("Portal:IdleTimeout", TimeSpan.FromMinutes(30)),
        MaximumLifetime = configuration.GetValue("Portal:SessionLifetime", TimeSpan.FromHours(8)),
        RecheckInterval = configuration.GetValue("Portal:SessionRecheck", TimeSpan.FromSeconds(30)),
    };

    /// <summary>Records when the user signed in, unless the cookie already says so (a refresh keeps the first time).</summary>
    public static void Stamp(AuthenticationProperties properties, DateTimeOffset now)
    {
        if (!properties.Items.ContainsKey(SignedInItem))
        {
            properties.Items[SignedInItem] = now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Each request: a cookie older than the maximum lifetime (or without a sign-in time), or whose stamp this
    /// instance has since replaced, is refused without a query; otherwise the security stamp is checked against the
    /// database once every <see cref="RecheckInterval"/>, which is what ends a session on sign-out, disabling or an
    /// MFA reset done elsewhere.
    /// </summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = context.Properties.Items.TryGetValue(SignedInItem, out var ticks)
            && long.TryParse(ticks, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? new DateTimeOffset(value, TimeSpan.Zero)
                : (DateTimeOffset?)null;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (signedIn is null || now - signedIn.Value > MaximumLifetime
            || services.GetRequiredService<SessionRevocations>().IsEnded(
                principal?.FindFirst(claims.UserIdClaimType)?.Value, principal?.FindFirst(claims.SecurityStampClaimType)?.Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // The validator would decide the same from IssuedUtc, but resolving it builds SignInManager, UserManager and
        // their store and DbContext on every request: between checks nothing of Identity is built.
        if (context.Properties.IssuedUtc is { } issued && now - issued <= RecheckInterval)
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
