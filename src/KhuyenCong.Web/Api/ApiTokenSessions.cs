using System.Security.Claims;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Api;

/// <summary>
/// A token's principal kept in this instance's memory for <see cref="SessionLifetime.RecheckInterval"/> (30 s), as a
/// sign-in cookie is trusted between two checks of its stamp: a call in that time reads nothing of the token nor of
/// its user. A token revoked on this instance, or whose user's stamp this instance has since changed (password,
/// disabling, MFA reset: <see cref="SessionRevocations"/>), stops at once; one revoked on another instance, or a user
/// changed there, at the end of the interval; an expired one at its expiry (docs/security.md).
/// </summary>
public sealed class ApiTokenSessions(IMemoryCache cache, SessionLifetime session, SessionRevocations revocations, IOptions<IdentityOptions> identity)
{
    /// <summary>What is kept of an authenticated token; <see cref="LastUsedAtUtc"/> moves as the last use is written.</summary>
    public sealed class Entry(ClaimsPrincipal principal, int tokenId, DateTime expiresAtUtc, DateTime? lastUsedAtUtc, DateTime checkedAtUtc)
    {
        public ClaimsPrincipal Principal { get; } = principal;

        /// <summary>When the token and its user were last read from the database (on the portal's clock).</summary>
        public DateTime CheckedAtUtc { get; } = checkedAtUtc;

        public int TokenId { get; } = tokenId;

        public DateTime ExpiresAtUtc { get; } = expiresAtUtc;

        public DateTime? LastUsedAtUtc { get; set; } = lastUsedAtUtc;
    }

    /// <summary>The kept entry for this secret's hash, when it may still be trusted at <paramref name="nowUtc"/>.</summary>
    public Entry? Find(string hash, DateTime nowUtc)
    {
        if (!cache.TryGetValue(Key(hash), out Entry? entry) || entry is null)
        {
            return null;
        }

        var claims = identity.Value.ClaimsIdentity;
        if (entry.ExpiresAtUtc <= nowUtc || nowUtc - entry.CheckedAtUtc > session.RecheckInterval
            || revocations.IsEnded(entry.Principal.FindFirstValue(claims.UserIdClaimType), entry.Principal.FindFirstValue(claims.SecurityStampClaimType)))
        {
            Forget(hash);
            return null;
        }

        return entry;
    }

    public void Keep(string hash, Entry entry) => cache.Set(Key(hash), entry, session.RecheckInterval);

    /// <summary>Called when the token is revoked on this instance.</summary>
    public void Forget(string hash) => cache.Remove(Key(hash));

    private static string Key(string hash) => "kc.api-token:" + hash;
}
