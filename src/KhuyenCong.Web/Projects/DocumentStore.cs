using System.Security.Cryptography;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Projects;

public sealed class DocumentOptions
{
    /// <summary>Folder outside wwwroot; relative paths are under the content root. Default: data/documents.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "documents");

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// Hồ sơ đề án: stores dossier files outside the web root under random names, after checking what the
/// content really is (its leading bytes), not only its extension; streams them back to those who may see
/// the project.
/// </summary>
public sealed class DocumentStore(KhuyenCongDbContext db, ProjectService projects, IOptions<DocumentOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment)
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Matches)> s_kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => StartsWith(b, "%PDF-"u8)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsZip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsZip),
        [".doc"] = ("application/msword", IsOle),
        [".xls"] = ("application/vnd.ms-excel", IsOle),
        [".png"] = ("image/png", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
    };

    public static string Accept => string.Join(",", s_kinds.Keys);

    /// <summary>The configured size limit, as the upload form states it.</summary>
    public string Limit => $"{VietnameseCulture.Number(options.Value.MaxBytes / 1048576m)} MB";

    private string Folder
    {
        get
        {
            var path = options.Value.Path;
            var folder = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The one sample file demo projects' dossiers point to (written once), so that their documents open.</summary>
    public async Task<(string StorageName, long Size, string Sha256)> DemoSampleAsync(CancellationToken ct = default)
    {
        var content = "%PDF-1.4\n% Tài liệu mẫu của dữ liệu mẫu Cổng khuyến công\n%%EOF\n"u8.ToArray();
        var target = System.IO.Path.Combine(Folder, DemoSampleName);
        if (!File.Exists(target))
        {
            await File.WriteAllBytesAsync(target, content, ct);
        }

        return (DemoSampleName, content.Length, Convert.ToHexString(SHA256.HashData(content)));
    }

    public const string DemoSampleName = "du-lieu-mau.pdf";

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

        if (file is null || file.Length == 0)
        {
            return ProjectResult.Fail("Hãy chọn một tệp.", "File");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            return ProjectResult.Fail($"Tệp quá lớn: tối đa {Limit}.", "File");
        }

        var name = SafeName(file.FileName);
        var extension = System.IO.Path.GetExtension(name);
        if (!s_kinds.TryGetValue(extension, out var kind))
        {
            return ProjectResult.Fail("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPEG).", "File");
        }

        var head = new byte[8];
        await using (var peek = file.OpenReadStream())
        {
            _ = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        if (!kind.Matches(head))
        {
            return ProjectResult.Fail($"Nội dung tệp không phải là {extension.TrimStart('.').ToUpperInvariant()} như tên tệp cho biết; tệp không được nhận.", "File");
        }

        var storageName = $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        var target = System.IO.Path.Combine(Folder, storageName);
        string hash;
        await using (var output = File.Create(target))
        await using (var input = file.OpenReadStream())
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            hash = Convert.ToHexString(sha.GetHashAndReset());
        }

        var label = string.IsNullOrWhiteSpace(category) ? "Tài liệu khác" : category.Trim();
        var attached = project.AttachDocument(label.Length > 200 ? label[..200] : label, name, kind.ContentType, file.Length, storageName, hash, projects.Context(actor));
        if (!attached.Done)
        {
            File.Delete(target);
            return ProjectResult.From(attached);
        }

        try
        {
            await db.SaveChangesAsync(ct);
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

    private static bool StartsWith(byte[] data, ReadOnlySpan<byte> prefix) => data.AsSpan().StartsWith(prefix);

    private static bool IsZip(byte[] b) => StartsWith(b, [0x50, 0x4B, 0x03, 0x04]);

    private static bool IsOle(byte[] b) => StartsWith(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
}
