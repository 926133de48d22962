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

    /// <summary>
    /// Characters of XML in one part (a sheet, the shared strings); the XML reader stops past it. A full sheet of
    /// <see cref="MaxRows"/> rows is about 40 million.
    /// </summary>
    public long MaxPartCharacters { get; set; } = 100_000_000;

    /// <summary>Strings in the shared-string table, counted before each is kept (a full exchange sheet needs under 700,000).</summary>
    public int MaxSharedStrings { get; set; } = 1_000_000;

    /// <summary>Total characters of the shared strings, counted before each is kept: what the table may hold in memory.</summary>
    public long MaxSharedStringCharacters { get; set; } = 50_000_000;

    /// <summary>Characters in one cell; Excel's own limit is 32,767.</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>Cells in one row; an exchange sheet has at most 13 columns.</summary>
    public int MaxCellsPerRow { get; set; } = 1_000;

    /// <summary>Cells in one sheet, empty ones included.</summary>
    public long MaxCells { get; set; } = 2_000_000;

    /// <summary>Imports (previews, confirmations, the command line) running at once in one process; more are refused at once.</summary>
    public int MaxConcurrent { get; set; } = 2;
}

/// <summary>
/// Bounds the imports running at once in the process (<see cref="ImportLimits.MaxConcurrent"/>): each holds a
/// workbook's strings and a transaction, so a burst of uploads must not add up. Full means refused at once, never a
/// queue that would hold the requests (and their files) meanwhile. One instance per process (a singleton).
/// </summary>
public sealed class ImportGate(int capacity)
{
    private int _running;

    public int Capacity { get; } = Math.Max(1, capacity);

    public string BusyMessage => string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
        $"Đang có {Capacity} lượt nhập dữ liệu chạy cùng lúc; hãy thử lại sau ít phút.");

    /// <summary>A slot, released when disposed; null when every slot is taken.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _running) <= Capacity)
        {
            return new Slot(this);
        }

        Interlocked.Decrement(ref _running);
        return null;
    }

    private sealed class Slot(ImportGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._running);
            }
        }
    }
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
            switch (PackageGuard.Inspect(zip, limits.MaxUncompressedBytes, limits.MaxCompressionRatio))
            {
                case PackageProblem.Macro:
                    throw new WorkbookRefusedException("Tệp có chứa macro (.xlsm); hãy lưu lại dưới dạng .xlsx không có macro.");
                case PackageProblem.Bomb:
                    throw new WorkbookRefusedException("Tệp giải nén quá lớn so với kích thước của nó (nghi ngờ tệp nén độc hại); không đọc.");
            }

            var hasWorkbook = zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
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
