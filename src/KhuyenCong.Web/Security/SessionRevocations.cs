using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Web.Security;

/// <summary>
/// The security stamps this instance has just written, so that a session ended here stops at once without a query
/// per request: the cookie's stamp is compared with the user's latest stamp in memory on every request, and only
/// checked against the database every <see cref="SessionLifetime.RecheckInterval"/>. Keyed by user id; an entry
/// lives a little longer than the interval, after which the database check has caught every older cookie anyway.
/// Other instances learn of the change at their next database check (docs/security.md states the bound).
/// </summary>
/// <remarks>
/// The stamp, not a time, is kept: a cookie's issue time has whole-second precision, so a cookie issued in the same
/// second as the change (the session that changed its own password) could not be told from an older one.
/// </remarks>
public sealed class SessionRevocations(IMemoryCache cache, SessionLifetime session)
{
    private static readonly TimeSpan s_margin = TimeSpan.FromMinutes(1);

    /// <summary>Called after every successful write of a user (<see cref="PortalUserManager"/>), with the stamp now in the database.</summary>
    public void Record(string userId, string? securityStamp) =>
        cache.Set(Key(userId), securityStamp ?? string.Empty, session.RecheckInterval + s_margin);

    /// <summary>True when this instance wrote a newer stamp for the user than the one the cookie carries.</summary>
    public bool IsEnded(string? userId, string? cookieStamp) =>
        userId is not null
        && cache.TryGetValue(Key(userId), out string? latest)
        && !string.Equals(latest, cookieStamp ?? string.Empty, StringComparison.Ordinal);

    private static string Key(string userId) => "kc.session-stamp:" + userId;
}
