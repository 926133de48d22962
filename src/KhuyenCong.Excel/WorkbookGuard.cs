using System.IO.Compression;

namespace KhuyenCong.Excel;

/// <summary>A workbook refused before any row is read, with the reason in Vietnamese.</summary>
public sealed class WorkbookRefusedException(string message) : Exception(message);

/// <summary>Limits an import respects; configurable (section "Import").</summary>
public sealed class ImportLimits
{
    /// <summary>Rows per sheet, not counting the header.</summary>
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Total uncompressed size of the workbook's parts.</summary>
    public long MaxUncompressedBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>Compression ratio above which a part is taken for a decompression bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}

/// <summary>
/// Checks a file before it is opened as a workbook: that it is an .xlsx package at all, not macro-enabled, not
/// encrypted with a password, and not a decompression bomb (entry sizes are read from the zip directory first).
/// </summary>
public static class WorkbookGuard
{
    private static readonly byte[] s_zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] s_ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static void Check(Stream stream, ImportLimits limits)
    {
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            throw new WorkbookRefusedException("Tệp rỗng.");
        }

        if (head.AsSpan(0, read).StartsWith(s_ole))
        {
            // Encrypted .xlsx files, like old .xls files, are OLE compound documents.
            throw new WorkbookRefusedException("Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls); hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx.");
        }

        if (read < 4 || !head.AsSpan(0, 4).SequenceEqual(s_zip))
        {
            throw new WorkbookRefusedException("Tệp không phải là sổ tính Excel (.xlsx).");
        }

        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                {
                    throw new WorkbookRefusedException("Tệp có chứa macro (.xlsm); hãy lưu lại dưới dạng .xlsx không có macro.");
                }

                hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes
                    || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio && entry.Length > 1024 * 1024))
                {
                    throw new WorkbookRefusedException("Tệp giải nén quá lớn so với kích thước của nó (nghi ngờ tệp nén độc hại); không đọc.");
                }
            }

            if (!hasWorkbook)
            {
                throw new WorkbookRefusedException("Tệp không phải là sổ tính Excel (.xlsx).");
            }
        }
        catch (InvalidDataException)
        {
            throw new WorkbookRefusedException("Tệp không phải là sổ tính Excel (.xlsx) hoặc đã bị hỏng.");
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
