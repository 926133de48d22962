namespace KhuyenCong.Data.Imports;

/// <summary>
/// A workbook previewed without errors on the Excel page, waiting for its uploader to confirm the import. It lives
/// in the database, not on the server's disk, so that any instance of the portal can confirm it. Only the SHA-256
/// hash of the random token given to the browser is stored: reading this table does not let anyone confirm.
/// </summary>
public sealed class PendingImport
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the token the preview page hands out (32 bytes).</summary>
    public byte[] TokenHash { get; set; } = [];

    /// <summary>The uploader: nobody else may confirm it.</summary>
    public string OwnerId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    /// <summary>The workbook as uploaded, within the request-body limit the server enforces.</summary>
    public byte[] Content { get; set; } = [];

    public long Size { get; set; }

    /// <summary>Data rows the preview checked: above <c>Import:BackgroundRows</c> the confirmation runs as a background job.</summary>
    public int Rows { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}
