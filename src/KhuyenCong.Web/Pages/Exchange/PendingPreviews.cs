using System.Security.Cryptography;
using KhuyenCong.Data;
using KhuyenCong.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Exchange;

public sealed class PreviewOptions
{
    /// <summary>How long a previewed workbook may be confirmed (<c>Import:PreviewLifetime</c>).</summary>
    public TimeSpan PreviewLifetime { get; set; } = TimeSpan.FromHours(2);
}

/// <summary>
/// Workbooks between their preview and the uploader's confirmation, kept in the database so that any instance of
/// the portal can confirm them. The browser holds a random token; the table holds only its SHA-256 hash. A
/// preview is taken once: confirming deletes it first, so a second confirmation (or a second tab) finds nothing.
/// Expired previews are deleted whenever a preview is stored or taken.
/// </summary>
public sealed class PendingPreviews(KhuyenCongDbContext db, TimeProvider clock, IOptions<PreviewOptions> options)
{
    public const string Gone = "Bản xem trước đã hết hạn hoặc không thuộc về bạn; hãy tải tệp lên lại.";

    /// <summary>Stores a previewed workbook for its uploader and returns the token to confirm it with.</summary>
    /// <param name="rows">The data rows the preview checked, to tell a confirmation for a background job from one run at once.</param>
    public async Task<string> KeepAsync(string ownerId, string fileName, byte[] content, int rows, CancellationToken ct)
    {
        var now = Now;
        await DeleteExpiredAsync(now, ct);
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        db.PendingImports.Add(new PendingImport
        {
            TokenHash = Hash(token),
            OwnerId = ownerId,
            FileName = fileName,
            Content = content,
            Size = content.LongLength,
            Rows = rows,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + options.Value.PreviewLifetime,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return token;
    }

    /// <summary>
    /// The owner's unexpired preview for this token, removed from the table in the same step (one delete statement,
    /// so two confirmations racing on two instances cannot both get it); null when there is none to take.
    /// </summary>
    public async Task<PendingImport?> TakeAsync(string? token, string ownerId, CancellationToken ct)
    {
        var now = Now;
        await DeleteExpiredAsync(now, ct);
        if (string.IsNullOrEmpty(token) || token.Length > 100 || ownerId.Length == 0)
        {
            return null;
        }

        var hash = Hash(token);
        var pending = await db.PendingImports.AsNoTracking()
            .SingleOrDefaultAsync(p => p.TokenHash == hash && p.OwnerId == ownerId && p.ExpiresAtUtc > now, ct);
        if (pending is null)
        {
            return null;
        }

        var taken = await db.PendingImports.Where(p => p.Id == pending.Id).ExecuteDeleteAsync(ct);
        return taken == 1 ? pending : null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<int> DeleteExpiredAsync(DateTime now, CancellationToken ct) =>
        db.PendingImports.Where(p => p.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
