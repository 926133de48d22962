using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Failed sign-ins for e-mails that have no (usable) account, counted like Identity counts them for real accounts,
/// so that after the same number of failures the same "locked" message appears and nobody learns which e-mails
/// exist (OWASP ASVS 5 V6.3.8). Kept in memory, bounded in size; an instance restart forgets them.
/// </summary>
public sealed class UnknownAccountAttempts(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    /// <summary>At most this many e-mails are tracked; beyond it, new ones are not counted (the rate limiter still applies).</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Records a failure; true when the name now counts as locked (and so answers as a locked account would).</summary>
    public bool Fail(string name)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var entry = _cache.GetOrCreate(name.Trim().ToUpperInvariant(), e =>
        {
            e.Size = 1;
            e.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            return new Entry();
        })!;
        lock (entry)
        {
            if (entry.LockedUntil > now)
            {
                return true;
            }

            if (entry.LockedUntil is not null)
            {
                entry.LockedUntil = null;
                entry.Failures = 0;
            }

            entry.Failures++;
            if (entry.Failures < lockout.MaxFailedAccessAttempts)
            {
                return false;
            }

            entry.Failures = 0;
            entry.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            return true;
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
