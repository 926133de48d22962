using KhuyenCong.Domain.Common;

namespace KhuyenCong.Data.Identity;

/// <summary>
/// A personal access token for the JSON API (docs/api.md): it acts as its user, with the user's role and scope. Only
/// the SHA-256 of the secret is kept; the secret is shown once, when the token is made. Creating and revoking are
/// recorded in the audit log like any other change; the last use is bookkeeping and is not.
/// </summary>
public sealed class ApiToken : IAudited
{
    /// <summary>Longest life a token may be given (issue 12: an expiry is required, at most one year).</summary>
    public const int MaxDays = 365;

    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public AppUser? User { get; set; }

    /// <summary>What the user called it ("Hệ thống thống kê của Cục").</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The first characters of the secret, shown in lists so the owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Lower-case hexadecimal SHA-256 of the whole secret.</summary>
    public string SecretHash { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>Who revoked it: the owner, or an administrator (display name).</summary>
    public string? RevokedBy { get; set; }

    public bool IsActiveAt(DateTime utcNow) => RevokedAtUtc is null && ExpiresAtUtc > utcNow;
}
