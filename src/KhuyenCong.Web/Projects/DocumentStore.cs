using System.Security.Cryptography;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
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
}

/// <summary>
/// Hồ sơ đề án: stores dossier files outside the web root under random names, after checking what the
/// content really is (its structure, <see cref="DocumentInspector"/>), not only its extension, and that the
/// project stays within its quota; streams them back to those who may see the project.
/// </summary>
public sealed class DocumentStore(KhuyenCongDbContext db, ProjectService projects, IOptions<DocumentOptions> options, Hosting.DataRoot dataRoot)
{
    private static readonly Dictionary<string, string> s_kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static string Accept => string.Join(",", s_kinds.Keys);

    /// <summary>The configured size limit, as the upload form states it.</summary>
    public string Limit => VietnameseCulture.Megabytes(options.Value.MaxBytes);

    private string Folder => dataRoot.Folder("documents", options.Value.Path);

    /// <summary>The one sample file demo projects' dossiers point to (written once), so that their documents open.</summary>
    public async Task<(string StorageName, long Size, string Sha256)> DemoSampleAsync(CancellationToken ct = default)
    {
        var content = SamplePdf();
        var target = System.IO.Path.Combine(Folder, DemoSampleName);
        if (!File.Exists(target))
        {
            try
        {
            await File.WriteAllBytesAsync(target, content, ct);
        }
        catch
        {
            // A half-written file (disk full, cancelled request) must not stay behind without its row.
            File.Delete(target);
            throw;
        }
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

        if (file is null)
        {
            return ProjectResult.Fail("Hãy chọn một tệp.", "File");
        }

        if (file.Length == 0)
        {
            return ProjectResult.Fail($"Tệp «{SafeName(file.FileName)}» rỗng (0 byte); hãy chọn đúng tệp.", "File");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            return ProjectResult.Fail($"Tệp quá lớn: tối đa {Limit}.", "File");
        }

        var name = SafeName(file.FileName);
        var extension = System.IO.Path.GetExtension(name);
        if (!s_kinds.TryGetValue(extension, out var contentType))
        {
            return ProjectResult.Fail("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPEG).", "File");
        }

        // The whole file is read once (at most MaxBytes): inspected, hashed and written from the same bytes.
        var content = new byte[file.Length];
        await using (var input = file.OpenReadStream())
        {
            await input.ReadExactlyAsync(content, ct);
        }

        if (DocumentInspector.Refusal(extension, content) is { } refusal)
        {
            return ProjectResult.Fail(refusal, "File");
        }

        var storageName = $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        var target = System.IO.Path.Combine(Folder, storageName);
        var hash = Convert.ToHexString(SHA256.HashData(content));
        try
        {
            await File.WriteAllBytesAsync(target, content, ct);
        }
        catch
        {
            // A half-written file (disk full, cancelled request) must not stay behind without its row.
            File.Delete(target);
            throw;
        }

        var label = string.IsNullOrWhiteSpace(category) ? "Tài liệu khác" : category.Trim();
        // The dossier quota is the act's rule, under this store's settings.
        var context = projects.Context(actor);
        context = context with { Limits = context.Limits with { MaxDocuments = options.Value.MaxPerProject, MaxDocumentBytes = options.Value.MaxBytesPerProject } };
        var attached = project.AttachDocument(label.Length > 200 ? label[..200] : label, name, contentType, file.Length, storageName, hash, context);
        if (!attached.Done)
        {
            File.Delete(target);
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
            File.Delete(target);
            db.ChangeTracker.Clear();
            return ProjectResult.Fail(ConcurrentUploadMessage, "File");
        }
        catch
        {
            File.Delete(target);
            throw;
        }

        return ProjectResult.Ok(project.Id);
    }

    /// <summary>The file of a document of a project the actor may see, or null.</summary>
    public async Task<(Stream Content, ProjectDocument Document)?> OpenAsync(ProjectActor actor, int projectId, int documentId, CancellationToken ct = default)
    {
        var document = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            projects.Visible(actor).Where(p => p.Id == projectId).SelectMany(p => p.Documents).Where(d => d.Id == documentId), ct);
        if (document is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Folder, System.IO.Path.GetFileName(document.StorageName));
        return File.Exists(path) ? (File.OpenRead(path), document) : null;
    }

    /// <summary>A download name without any path or control characters; Vietnamese letters are kept.</summary>
    public static string SafeName(string? fileName)
    {
        var name = System.IO.Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        var cleaned = new string([.. name.Where(ch => !char.IsControl(ch) && !invalid.Contains(ch) && ch is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim(' ', '.');
        if (cleaned.Length == 0)
        {
            cleaned = "tai-lieu";
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }

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
