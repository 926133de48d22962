using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Personal access tokens (issue 12, docs/api.md): made for a user with a name and a life of 1 to
/// <see cref="ApiToken.MaxDays"/> days, shown once, kept as a SHA-256 hash, revoked by their owner or an administrator.
/// A token is 32 random bytes: a hash without salt or stretching is enough, as nobody can guess such a secret.
/// </summary>
public sealed class ApiTokens(KhuyenCongDbContext db, TimeProvider clock, ApiTokenSessions sessions)
{
    /// <summary>Every secret starts with this, so a leaked one is recognisable (secret scanners, logs).</summary>
    public const string SecretPrefix = "kc_";

    /// <summary>A last use is written at most this often per token: an API call is not a write.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public const int MaxNameLength = 100;

    public async Task<TokenResult> CreateAsync(string userId, string? name, int days, CancellationToken ct = default)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return TokenResult.Refused("Hãy đặt tên cho mã truy cập (ví dụ: tên hệ thống sẽ dùng mã).", nameof(ApiToken.Name));
        }

        if (name.Length > MaxNameLength)
        {
            return TokenResult.Refused($"Tên mã truy cập dài tối đa {MaxNameLength} ký tự.", nameof(ApiToken.Name));
        }

        if (days is < 1 or > ApiToken.MaxDays)
        {
            return TokenResult.Refused($"Thời hạn của mã truy cập phải từ 1 đến {ApiToken.MaxDays} ngày.", "Days");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.IsDisabled)
        {
            return TokenResult.Refused("Tài khoản không tồn tại hoặc đã bị khóa: không tạo được mã truy cập.");
        }

        var secret = SecretPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            SecretHash = Hash(secret),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new TokenResult(token, secret, null);
    }

    /// <summary>The active token this secret belongs to, with its user; null for an unknown, expired or revoked one.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAtUtc == null && t.ExpiresAtUtc > now, ct);
        return token?.User is { IsDisabled: false } ? token : null;
    }

    /// <summary>The token with that id when it is neither revoked nor expired (a background job checks its token again).</summary>
    public Task<ApiToken?> FindActiveAsync(int id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.RevokedAtUtc == null && t.ExpiresAtUtc > now, ct);
    }

    /// <summary>Writes the last use when the one on record is older than <see cref="LastUseResolution"/>.</summary>
    /// <returns>The last use now on record as far as this call knows.</returns>
    public async Task<DateTime?> TouchAsync(int tokenId, DateTime? lastUsedAtUtc, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (lastUsedAtUtc is { } last && now - last < LastUseResolution)
        {
            return lastUsedAtUtc;
        }

        var before = now - LastUseResolution;
        await db.ApiTokens.Where(t => t.Id == tokenId && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < before))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), ct);
        return now;
    }

    /// <summary>
    /// Tokens newest first, with their users, for the token pages: of <paramref name="ownerId"/> (a user's own page) or
    /// of everyone (null: the administrators' page), in one <paramref name="state"/> or all.
    /// </summary>
    public IQueryable<ApiToken> Listing(string? ownerId, ApiTokenState? state = null)
    {
        var tokens = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (ownerId is not null)
        {
            tokens = tokens.Where(t => t.UserId == ownerId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        tokens = state switch
        {
            ApiTokenState.Active => tokens.Where(t => t.RevokedAtUtc == null && t.ExpiresAtUtc > now),
            ApiTokenState.Expired => tokens.Where(t => t.RevokedAtUtc == null && t.ExpiresAtUtc <= now),
            ApiTokenState.Revoked => tokens.Where(t => t.RevokedAtUtc != null),
            _ => tokens,
        };
        return tokens.OrderByDescending(t => t.Id);
    }

    /// <summary>The state a list shows for a token now (the same rule as <see cref="Listing"/>'s filter).</summary>
    public ApiTokenState StateOf(ApiToken token) =>
        token.RevokedAtUtc is not null ? ApiTokenState.Revoked
        : token.IsActiveAt(clock.GetUtcNow().UtcDateTime) ? ApiTokenState.Active
        : ApiTokenState.Expired;

    /// <summary>
    /// Revokes a token of <paramref name="ownerId"/> (null: any user's, for an administrator). False when there is no
    /// such token or it was already revoked.
    /// </summary>
    public async Task<bool> RevokeAsync(int id, string? ownerId, string revokedBy, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null || token.RevokedAtUtc is not null)
        {
            return false;
        }

        token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        token.RevokedBy = revokedBy.Length <= 256 ? revokedBy : revokedBy[..256];
        await db.SaveChangesAsync(ct);
        sessions.Forget(token.SecretHash);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>A made token with its secret (shown once), or why it was refused (and which field: Name or Days).</summary>
public sealed record TokenResult(ApiToken? Token, string? Secret, string? Error, string? Field = null)
{
    public static TokenResult Refused(string error, string? field = null) => new(null, null, error, field);
}

/// <summary>What a token list shows and filters by.</summary>
public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}
