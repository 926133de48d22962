using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

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

    public static SessionLifetime From(IConfiguration configuration) => new()
    {
        IdleTimeout = configuration.GetValue("Portal:IdleTimeout", TimeSpan.FromMinutes(30)),
        MaximumLifetime = configuration.GetValue("Portal:SessionLifetime", TimeSpan.FromHours(8)),
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
    /// Each request: a cookie older than the maximum lifetime (or without a sign-in time) is refused; otherwise the
    /// security stamp is checked, which is what ends a session on sign-out, disabling or an MFA reset.
    /// </summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = context.Properties.Items.TryGetValue(SignedInItem, out var ticks)
            && long.TryParse(ticks, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? new DateTimeOffset(value, TimeSpan.Zero)
                : (DateTimeOffset?)null;
        if (signedIn is null || now - signedIn.Value > MaximumLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
