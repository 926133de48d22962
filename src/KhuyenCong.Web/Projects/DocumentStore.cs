using System.Security.Cryptography;
using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Projects;

public sealed class DocumentOptions
{
    /// <summary>Folder outside wwwroot; a relative path is under the data root (Portal:DataRoot). Default: documents/ in the data root.</summary>
    public string? Path { get; set; }

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Documents one project may hold: a dossier is a few dozen files, not a file share.</summary>
    public int MaxPerProject { get; set; } = ProjectLimits.Default.MaxDocuments;

    /// <summary>Total size of one project's documents.</summary>
    public long MaxBytesPerProject { get; set; } = ProjectLimits.Default.MaxDocumentBytes;

    /// <summary>Photos and documents one product of a vote may hold (docs/domain.md §13).</summary>
    public int MaxPerVoteProduct { get; set; } = 10;
}

/// <summary>
/// Hồ sơ đề án: a project's dossier files, checked and stored by <see cref="StoredFiles"/> (outside the web root under
/// random names, after checking what the content really is, <see cref="DocumentInspector"/>, not only its extension),
/// within the project's quota; streamed back to those who may see the project.
/// </summary>
public sealed class DocumentStore(KhuyenCongDbContext db, ProjectService projects, IOptions<DocumentOptions> options, StoredFiles files)
{
    /// <summary>A dossier takes every kind the portal knows.</summary>
    private static readonly string[] s_extensions = [.. StoredFiles.Kinds.Keys];

    public static string Accept => StoredFiles.Accept(s_extensions);

    /// <summary>The configured size limit, as the upload form states it.</summary>
    public string Limit => files.Limit;

    /// <summary>The one sample file demo projects' dossiers point to (written once), so that their documents open.</summary>
    public async Task<(string StorageName, long Size, string Sha256)> DemoSampleAsync(CancellationToken ct = default)
    {
        var content = SamplePdf();
        if (!files.Exists(DemoSampleName))
        {
            await files.WriteAsync(DemoSampleName, content, ct);
        }

        return (DemoSampleName, content.Length, Convert.ToHexString(SHA256.HashData(content)));
    }

    public const string DemoSampleName = "du-lieu-mau.pdf";

    public const string ConcurrentUploadMessage =
        "Đề án vừa được thay đổi (có thể một tệp khác vừa được tải lên cùng lúc) nên tệp này chưa được lưu; hãy tải tệp lên lại.";

    public async Task<ProjectResult> UploadAsync(ProjectActor actor, int projectId, string? category, IFormFile? file, CancellationToken ct = default)
    {
        var project = await projects.FindAsync(projectId, actor, ct);
        if (project is null)
        {
            return ProjectResult.Missing;
        }

        var decision = ProjectWorkflow.Check(ProjectAction.UploadDocument, actor, project);
        if (!decision.Allowed)
        {
            return ProjectResult.Fail(decision.Refusal!);
        }

        var (upload, refusal) = await files.CheckAsync(file, s_extensions, "Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPEG).", ct);
        if (upload is null)
        {
            return ProjectResult.Fail(refusal!, "File");
        }

        var storageName = await files.WriteAsync(upload, ct);
        var label = string.IsNullOrWhiteSpace(category) ? "Tài liệu khác" : category.Trim();
        // The dossier quota is the act's rule, under this store's settings.
        var context = projects.Context(actor);
        context = context with { Limits = context.Limits with { MaxDocuments = options.Value.MaxPerProject, MaxDocumentBytes = options.Value.MaxBytesPerProject } };
        var attached = project.AttachDocument(label.Length > 200 ? label[..200] : label, upload.FileName, upload.ContentType, upload.Size, storageName, upload.Sha256, context);
        if (!attached.Done)
        {
            files.Remove(storageName);
            return ProjectResult.From(attached);
        }

        try
        {
            // Attaching renews the project's version: of two uploads that both passed the quota, the second one saved
            // is refused here, so the quota holds under concurrent uploads.
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            files.Remove(storageName);
            db.ChangeTracker.Clear();
            return ProjectResult.Fail(ConcurrentUploadMessage, "File");
        }
        catch
        {
            files.Remove(storageName);
            throw;
        }

        return ProjectResult.Ok(project.Id);
    }

    /// <summary>The file of a document of a project the actor may see, or null.</summary>
    public async Task<(Stream Content, ProjectDocument Document)?> OpenAsync(ProjectActor actor, int projectId, int documentId, CancellationToken ct = default)
    {
        var document = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            projects.Visible(actor).Where(p => p.Id == projectId).SelectMany(p => p.Documents).Where(d => d.Id == documentId), ct);
        return document is not null && files.Open(document.StorageName) is { } content ? (content, document) : null;
    }

    /// <summary>A download name without any path or control characters; Vietnamese letters are kept (<see cref="StoredFiles.SafeName"/>).</summary>
    public static string SafeName(string? fileName) => StoredFiles.SafeName(fileName);

    /// <summary>
    /// The demo dossiers' sample: a minimal but complete PDF (one empty page, cross-reference table, trailer), so that it
    /// passes the same inspection as an upload and opens in a reader.
    /// </summary>
    public static byte[] SamplePdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
