using System.Security.Cryptography;
using KhuyenCong.Domain.Common;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Projects;

/// <summary>An upload read whole and found to be what its extension says: the bytes that are hashed and written.</summary>
public sealed record CheckedUpload(string FileName, string Extension, string ContentType, byte[] Content, string Sha256)
{
    public long Size => Content.Length;
}

/// <summary>
/// The upload rules, once, for every file the portal keeps (a project's dossier, a vote product's photos and
/// documents): the kinds it knows and their content types, the size limit (<c>Documents:MaxBytes</c>), the content
/// check (<see cref="DocumentInspector"/>), storage outside wwwroot under a random name in the documents folder of
/// the data root, and removal of a file whose row could not be saved. Each caller narrows the kinds to its own list
/// and keeps its own quota and permission; what it is given here is checked the same way for all of them.
/// </summary>
public sealed class StoredFiles(IOptions<DocumentOptions> options, Hosting.DataRoot dataRoot)
{
    /// <summary>Every kind of file the portal accepts, with the content type it is served under.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
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

    /// <summary>The <c>accept</c> attribute of a file input for these extensions.</summary>
    public static string Accept(IEnumerable<string> extensions) => string.Join(",", extensions);

    /// <summary>The configured size limit of one file, as the upload forms state it.</summary>
    public string Limit => VietnameseCulture.Megabytes(options.Value.MaxBytes);

    /// <summary>Where the files are: <c>Documents:Path</c>, or documents/ in the data root.</summary>
    public string Folder => dataRoot.Folder("documents", options.Value.Path);

    /// <summary>
    /// Reads the upload once (at most <c>Documents:MaxBytes</c>) and checks it: present, not empty, not too large, of
    /// one of <paramref name="allowed"/> extensions (else <paramref name="wrongKind"/>), and its content of that kind.
    /// Answers the checked file, or the Vietnamese refusal; nothing is written either way.
    /// </summary>
    public async Task<(CheckedUpload? Upload, string? Refusal)> CheckAsync(IFormFile? file, IReadOnlyCollection<string> allowed, string wrongKind, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, "Hãy chọn một tệp.");
        }

        if (file.Length == 0)
        {
            return (null, $"Tệp «{SafeName(file.FileName)}» rỗng (0 byte); hãy chọn đúng tệp.");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            return (null, $"Tệp quá lớn: tối đa {Limit}.");
        }

        var name = SafeName(file.FileName);
        var extension = Path.GetExtension(name);
        if (!allowed.Contains(extension, StringComparer.OrdinalIgnoreCase) || !Kinds.TryGetValue(extension, out var contentType))
        {
            return (null, wrongKind);
        }

        // The whole file is read once: inspected, hashed and written from the same bytes.
        var content = new byte[file.Length];
        await using (var input = file.OpenReadStream())
        {
            await input.ReadExactlyAsync(content, ct);
        }

        if (DocumentInspector.Refusal(extension, content) is { } refusal)
        {
            return (null, refusal);
        }

        return (new CheckedUpload(name, extension.ToLowerInvariant(), contentType, content, Convert.ToHexString(SHA256.HashData(content))), null);
    }

    /// <summary>Writes a checked file under a new random name and answers that name; a half-written file is removed.</summary>
    public async Task<string> WriteAsync(CheckedUpload upload, CancellationToken ct)
    {
        var storageName = $"{Guid.NewGuid():N}{upload.Extension}";
        await WriteAsync(storageName, upload.Content, ct);
        return storageName;
    }

    /// <summary>Writes <paramref name="content"/> as <paramref name="storageName"/>; a half-written file (disk full, cancelled request) is removed.</summary>
    public async Task WriteAsync(string storageName, byte[] content, CancellationToken ct)
    {
        var target = PathOf(storageName);
        try
        {
            await File.WriteAllBytesAsync(target, content, ct);
        }
        catch
        {
            File.Delete(target);
            throw;
        }
    }

    /// <summary>True when a file of this name is stored.</summary>
    public bool Exists(string storageName) => File.Exists(PathOf(storageName));

    /// <summary>Removes the file of an upload whose row was not saved, so that no file stays behind without its row.</summary>
    public void Remove(string storageName) => File.Delete(PathOf(storageName));

    /// <summary>The stored file to stream back, or null when it is missing.</summary>
    public Stream? Open(string storageName)
    {
        var path = PathOf(storageName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>A download name without any path or control characters; Vietnamese letters are kept.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string([.. name.Where(ch => !char.IsControl(ch) && !invalid.Contains(ch) && ch is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim(' ', '.');
        if (cleaned.Length == 0)
        {
            cleaned = "tai-lieu";
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }

    /// <summary>The path of a stored name, never outside the folder (only its file name is used).</summary>
    private string PathOf(string storageName) => Path.Combine(Folder, Path.GetFileName(storageName));
}
