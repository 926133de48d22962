using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// Reads an uploaded dossier file far enough to know it is what its extension says, and not a disguise: a PDF
/// has its header, cross-reference and trailer; a Word or Excel file is an Open XML package whose main part is of
/// that kind and carries no macro, and does not inflate beyond reason; an image's structure decodes to its end.
/// A leading signature alone was fooled by <c>%PDF-</c> followed by HTML and by any ZIP named .docx.
/// Each check answers null (accepted) or the Vietnamese reason shown to the user.
/// </summary>
public static class DocumentInspector
{
    /// <summary>Parts an Office file may inflate to in total; above it the file is taken for a decompression bomb.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Compression ratio above which a large part is taken for a decompression bomb (as the Excel import).</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Pixels an image may declare; a tiny file declaring more is a decompression bomb for whoever opens it.</summary>
    public const long MaxPixels = 100_000_000;

    private const string MacroMessage =
        "Tệp có chứa macro (.docm, .xlsm hoặc mã VBA); cổng không nhận tệp có macro vì macro có thể chạy mã độc trên máy người mở. " +
        "Hãy lưu lại tệp dưới dạng .docx hoặc .xlsx không có macro rồi tải lên.";

    private static readonly Dictionary<string, string> s_mainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    };

    /// <summary>The reason the content is not an acceptable file of this extension, or null.</summary>
    public static string? Refusal(string extension, byte[] content)
    {
        var kind = extension.TrimStart('.').ToUpperInvariant();
        var notKind = $"Nội dung tệp không phải là {kind} như tên tệp cho biết; tệp không được nhận.";
        return extension.ToLowerInvariant() switch
        {
            ".pdf" => Pdf(content, notKind),
            ".docx" or ".xlsx" => Office(extension, content, notKind),
            ".doc" or ".xls" => Ole(content, notKind),
            ".png" => Png(content, notKind),
            ".jpg" or ".jpeg" => Jpeg(content, notKind),
            _ => notKind,
        };
    }

    /// <summary>
    /// A PDF: <c>%PDF-n.n</c> at the start, and at its end <c>startxref</c> pointing at a cross-reference table (followed
    /// by its trailer) or a cross-reference stream, then <c>%%EOF</c>. A truncated file or HTML behind the header has none.
    /// </summary>
    private static string? Pdf(byte[] content, string notKind)
    {
        var data = content.AsSpan();
        if (!data.StartsWith("%PDF-"u8) || data.Length < 8 || !char.IsAsciiDigit((char)data[5]) || data[6] != (byte)'.')
        {
            return notKind;
        }

        const string broken = "Tệp PDF không trọn vẹn hoặc đã bị hỏng (thiếu phần tham chiếu chéo và phần kết «trailer»); hãy xuất lại tệp PDF rồi tải lên.";
        var tail = data[Math.Max(0, data.Length - 2048)..];
        var eof = tail.LastIndexOf("%%EOF"u8);
        var start = tail.LastIndexOf("startxref"u8);
        if (eof < 0 || start < 0 || start > eof)
        {
            return broken;
        }

        var digits = tail[(start + "startxref"u8.Length)..eof].Trim(" \t\r\n\f\0"u8);
        if (digits.Length is 0 or > 15 || !long.TryParse(Encoding.ASCII.GetString(digits), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var offset) || offset <= 8 || offset >= data.Length)
        {
            return broken;
        }

        var xref = data[(int)offset..];
        if (xref.StartsWith("xref"u8))
        {
            return xref.IndexOf("trailer"u8) >= 0 ? null : broken;
        }

        // A cross-reference stream: "n g obj << /Type /XRef … >> stream".
        var window = xref[..Math.Min(xref.Length, 4096)];
        var obj = window.IndexOf("obj"u8);
        var streamAt = window.IndexOf("stream"u8);
        return obj > 0 && char.IsAsciiDigit((char)window[0]) && streamAt > obj && window[obj..streamAt].IndexOf("/XRef"u8) >= 0 ? null : broken;
    }

    /// <summary>
    /// A .docx or .xlsx: a ZIP package whose <c>[Content_Types].xml</c> and <c>_rels/.rels</c> name a main part (the
    /// officeDocument relationship) that is present and of this extension's kind; no VBA project; not a bomb.
    /// </summary>
    private static string? Office(string extension, byte[] content, string notKind)
    {
        if (!content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return notKind;
        }

        var word = extension.Equals(".docx", StringComparison.OrdinalIgnoreCase);
        var notPackage = $"Tệp không phải là tài liệu {(word ? "Word (.docx)" : "Excel (.xlsx)")} hợp lệ: thiếu phần mô tả nội dung của gói Office; có thể đây là tệp nén đổi tên. Hãy mở tệp bằng {(word ? "Word" : "Excel")} và lưu lại.";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            switch (Excel.PackageGuard.Inspect(zip, MaxUncompressedBytes, MaxCompressionRatio))
            {
                case Excel.PackageProblem.Macro:
                    return MacroMessage;
                case Excel.PackageProblem.Bomb:
                    return "Tệp giải nén quá lớn so với kích thước của nó (nghi ngờ tệp nén độc hại); tệp không được nhận.";
            }

            var types = zip.GetEntry("[Content_Types].xml");
            var rels = zip.GetEntry("_rels/.rels");
            if (types is null || rels is null)
            {
                return notPackage;
            }

            // A part's type is its Override, else the Default of its extension (the Open XML SDK writes only Defaults).
            var overrides = ReadXml(types, "Override", "PartName", "ContentType")
                .ToDictionary(p => p.Key.TrimStart('/'), p => p.Value, StringComparer.OrdinalIgnoreCase);
            var defaults = ReadXml(types, "Default", "Extension", "ContentType")
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            if (overrides.Values.Concat(defaults.Values).Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                    || t.Equals("application/vnd.ms-office.vbaProject", StringComparison.OrdinalIgnoreCase)))
            {
                return MacroMessage;
            }

            var main = ReadXml(rels, "Relationship", "Type", "Target")
                .FirstOrDefault(r => r.Key.EndsWith("/officeDocument", StringComparison.Ordinal)).Value?.TrimStart('/');
            if (main is null || zip.GetEntry(main) is null
                || !(overrides.TryGetValue(main, out var mainType) || defaults.TryGetValue(System.IO.Path.GetExtension(main).TrimStart('.'), out mainType)))
            {
                return notPackage;
            }

            return mainType.Equals(s_mainParts[extension], StringComparison.OrdinalIgnoreCase) ? null : notKind;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            return $"Tệp {extension.TrimStart('.').ToUpperInvariant()} đã bị hỏng hoặc không đọc được; hãy mở bằng {(word ? "Word" : "Excel")} và lưu lại.";
        }
    }

    /// <summary>Pairs of two attributes of the elements named <paramref name="element"/> in a small XML part (read at most 1 MB, no DTD).</summary>
    private static List<KeyValuePair<string, string>> ReadXml(ZipArchiveEntry entry, string element, string key, string value)
    {
        if (entry.Length > 1024 * 1024)
        {
            throw new InvalidDataException("Part too large.");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1024 * 1024 });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == element
                && reader.GetAttribute(key) is { } k && reader.GetAttribute(value) is { } v)
            {
                pairs.Add(new(k, v));
            }
        }

        return pairs;
    }

    /// <summary>
    /// An old Word or Excel file (OLE compound document): its header, and no VBA project stream (macros).
    /// Storage names are UTF-16 in the directory, so the VBA stream's name is looked for as such.
    /// </summary>
    private static string? Ole(byte[] content, string notKind)
    {
        var data = content.AsSpan();
        if (data.Length < 512 || !data.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || data[28] != 0xFE || data[29] != 0xFF)
        {
            return notKind;
        }

        return data.IndexOf(Encoding.Unicode.GetBytes("_VBA_PROJECT")) >= 0 ? MacroMessage : null;
    }

    /// <summary>
    /// A PNG: the signature, then chunks whose CRCs are right, IHDR first with a sane size, image data that inflates to
    /// exactly the rows IHDR announces, and IEND last with nothing after it.
    /// </summary>
    private static string? Png(byte[] content, string notKind)
    {
        var data = content.AsSpan();
        if (!data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return notKind;
        }

        const string broken = "Ảnh PNG bị hỏng hoặc không trọn vẹn (kiểm tra cấu trúc ảnh không thành công); hãy lưu lại ảnh rồi tải lên.";
        var position = 8;
        var first = true;
        uint width = 0, height = 0;
        byte depth = 0, colour = 0, interlace = 0;
        using var idat = new MemoryStream();
        while (true)
        {
            if (position + 12 > data.Length)
            {
                return broken;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return broken;
            }

            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (Crc32(data.Slice(position + 4, 4 + (int)length)) != crc)
            {
                return broken;
            }

            position += 12 + (int)length;
            if (first != type.SequenceEqual("IHDR"u8))
            {
                return broken;
            }

            if (first)
            {
                first = false;
                if (length != 13)
                {
                    return broken;
                }

                width = BinaryPrimitives.ReadUInt32BigEndian(body);
                height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                (depth, colour, interlace) = (body[8], body[9], body[12]);
                if (width == 0 || height == 0 || (long)width * height > MaxPixels || Channels(colour, depth) == 0 || interlace > 1)
                {
                    return broken;
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(body);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return length == 0 && position == data.Length && idat.Length > 0 && Inflates(idat, RawSize(width, height, Channels(colour, depth) * depth, interlace == 1))
                    ? null
                    : broken;
            }
        }
    }

    /// <summary>Samples per pixel for a valid colour type and bit depth combination, 0 otherwise.</summary>
    private static int Channels(byte colour, byte depth) => (colour, depth) switch
    {
        (0, 1 or 2 or 4 or 8 or 16) => 1,
        (2, 8 or 16) => 3,
        (3, 1 or 2 or 4 or 8) => 1,
        (4, 8 or 16) => 2,
        (6, 8 or 16) => 4,
        _ => 0,
    };

    /// <summary>Bytes of the filtered rows (a filter byte per row), over the seven Adam7 passes when interlaced.</summary>
    private static long RawSize(uint width, uint height, int bitsPerPixel, bool interlaced)
    {
        static long Rows(long w, long h, int bits) => w == 0 || h == 0 ? 0 : h * (1 + ((w * bits) + 7) / 8);
        if (!interlaced)
        {
            return Rows(width, height, bitsPerPixel);
        }

        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Rows((width - p.X + p.Dx - 1) / p.Dx, (height - p.Y + p.Dy - 1) / p.Dy, bitsPerPixel));
    }

    /// <summary>True when the zlib stream inflates to exactly <paramref name="expected"/> bytes (read no further).</summary>
    private static bool Inflates(MemoryStream compressed, long expected)
    {
        compressed.Position = 0;
        try
        {
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                total += read;
                if (total > expected)
                {
                    return false;
                }
            }

            return total == expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static readonly uint[] s_crcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG chunks (ISO 3309), over the chunk type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            c = s_crcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFF;
    }

    /// <summary>
    /// A JPEG: SOI, marker segments with lengths that fit, a frame header (SOF) with a size before the first scan (SOS),
    /// entropy-coded data, and EOI. Data after EOI is allowed: phones append a second picture or their own trailer there.
    /// </summary>
    private static string? Jpeg(byte[] content, string notKind)
    {
        var data = content.AsSpan();
        if (!data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return notKind;
        }

        const string broken = "Ảnh JPEG bị hỏng hoặc không trọn vẹn (kiểm tra cấu trúc ảnh không thành công); hãy lưu lại ảnh rồi tải lên.";
        var position = 2;
        var frame = false;
        var scanned = false;
        while (position + 1 < data.Length)
        {
            if (data[position] != 0xFF)
            {
                return broken;
            }

            var marker = data[position + 1];
            position += 2;
            if (marker == 0xFF)
            {
                position--; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return frame && scanned ? null : broken;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0x00 or 0xD8 || position + 2 > data.Length)
            {
                return broken;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                return broken;
            }

            if (marker is (>= 0xC0 and <= 0xCF) and not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 8 || BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]) == 0
                    || (long)BinaryPrimitives.ReadUInt16BigEndian(data[(position + 3)..]) * BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]) > MaxPixels)
                {
                    return broken;
                }

                frame = true;
            }

            position += length;
            if (marker != 0xDA)
            {
                continue;
            }

            if (!frame)
            {
                return broken;
            }

            // Entropy-coded data runs to the next marker that is neither a stuffed zero nor a restart marker.
            while (position + 1 < data.Length && !(data[position] == 0xFF && data[position + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF))
            {
                position++;
            }

            scanned = true;
        }

        return broken;
    }
}
