using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Votes;

/// <summary>
/// Ảnh sản phẩm, hồ sơ kèm theo (docs/domain.md §13): a vote product's photos (JPEG, PNG) and documents (PDF, Word),
/// checked and stored by <see cref="StoredFiles"/> as the dossiers are, at most <c>Documents:MaxPerVoteProduct</c> per
/// product. Only the product's province officer attaches or removes them, until the decision
/// (<see cref="VoteRules.RefuseFiles"/>); everyone who sees the vote (<see cref="VoteService.Visible"/>), the council
/// included, opens them. Each write is one transaction, and a file whose row is not saved is removed.
/// </summary>
public sealed class VoteFiles(KhuyenCongDbContext db, VoteService votes, StoredFiles files, IOptions<DocumentOptions> options, TimeProvider clock)
{
    /// <summary>A subset of the dossier's kinds: photos, and the documents a product's file is made of.</summary>
    public static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".pdf", ".docx"];

    public static string Accept => StoredFiles.Accept(Extensions);

    public const string WrongKind = "Chỉ nhận ảnh sản phẩm JPEG, PNG (.jpg, .jpeg, .png) và hồ sơ PDF, Word (.pdf, .docx).";

    public const string ConcurrentUploadMessage =
        "Sản phẩm vừa được thay đổi (có thể một tệp khác vừa được tải lên cùng lúc) nên tệp này chưa được lưu; hãy tải tệp lên lại.";

    /// <summary>The size limit of one file, as the form states it.</summary>
    public string Limit => files.Limit;

    public int MaxPerProduct => options.Value.MaxPerVoteProduct;

    /// <summary>Attaches one checked file to a product of the vote; the Vietnamese refusal, or null when done.</summary>
    public async Task<string?> UploadAsync(ProjectActor actor, Vote vote, VoteProduct product, IFormFile? file, CancellationToken ct)
    {
        if ((VoteRules.RefuseFiles(actor, vote, product.ProvinceId) ?? VoteRules.RefuseFileCount(product.Files.Count, MaxPerProduct)) is { } refusal)
        {
            return refusal;
        }

        var (upload, bad) = await files.CheckAsync(file, Extensions, WrongKind, ct);
        if (upload is null)
        {
            return bad;
        }

        var storageName = await files.WriteAsync(upload, ct);
        product.Files.Add(new VoteProductFile
        {
            FileName = upload.FileName, ContentType = upload.ContentType, Size = upload.Size, Sha256 = upload.Sha256, StorageName = storageName,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserName,
        });

        // The product's version is renewed: of two uploads that both passed the count, the second one saved is refused,
        // so the limit holds under concurrent uploads.
        db.Entry(product).Property(p => p.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Remove(storageName);
            db.ChangeTracker.Clear();
            return ConcurrentUploadMessage;
        }
        catch
        {
            files.Remove(storageName);
            throw;
        }

        return null;
    }

    /// <summary>
    /// Removes a file from a product. The row goes; the stored file stays, as every stored file does (a product put
    /// forward shares it, and a backup of the database taken before the folder copy still finds it: docs/operations.md).
    /// </summary>
    public async Task<string?> DeleteAsync(ProjectActor actor, Vote vote, VoteProduct product, VoteProductFile file, CancellationToken ct)
    {
        if (VoteRules.RefuseFiles(actor, vote, product.ProvinceId) is { } refusal)
        {
            return refusal;
        }

        product.Files.Remove(file);
        db.VoteProductFiles.Remove(file);
        db.Entry(product).Property(p => p.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Pages.StaleEdit.Message;
        }

        return null;
    }

    /// <summary>A file of a product of a vote the actor may see, with its content, or null.</summary>
    public async Task<(Stream Content, VoteProductFile File)?> OpenAsync(ProjectActor actor, int voteId, int fileId, CancellationToken ct)
    {
        var file = await votes.Visible(actor).Where(v => v.Id == voteId).SelectMany(v => v.Products).SelectMany(p => p.Files)
            .AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        return file is not null && files.Open(file.StorageName) is { } content ? (content, file) : null;
    }

    /// <summary>The rows a product put forward takes along: the same stored files, as uploaded at the level below.</summary>
    public static List<VoteProductFile> CopiesOf(VoteProduct product) =>
        [.. product.Files.Select(f => new VoteProductFile
        {
            FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256, StorageName = f.StorageName,
            UploadedAtUtc = f.UploadedAtUtc, UploadedBy = f.UploadedBy,
        })];
}
