using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace KhuyenCong.Web.Tests;

/// <summary>One portal for the hostile-upload corpus, with a small per-project quota (3 files, 1 MB).</summary>
public sealed class HostileUploadPortal : IAsyncLifetime
{
    public const string Officer = "hoso@test.vn";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"kc-hostile-{Guid.NewGuid():N}");

    public PortalFactory Portal { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["Documents:Path"] = Folder,
            ["Documents:MaxPerProject"] = "3",
            ["Documents:MaxBytesPerProject"] = "1048576",
        });
        await Portal.StartAsync();
        await Portal.CreateUserAsync(Officer, Roles.ProvinceOfficer, "24");
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Portal.Database.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, true);
        }
    }
}

/// <summary>
/// Dossier uploads made by the test to look like what they are not (HTML behind a PDF header, a ZIP named .docx, a
/// macro workbook, a broken image, a decompression bomb …): each is refused with a Vietnamese message on the page,
/// no error status, and nothing is stored, neither a file in the documents folder nor a row. Real files made by
/// the libraries users' tools resemble (ClosedXML, Open XML SDK) and well-formed PDF, PNG and JPEG are still accepted.
/// </summary>
public sealed class HostileUploadSpecs(HostileUploadPortal fixture) : IClassFixture<HostileUploadPortal>
{
    [Theory]
    [InlineData("html-as-pdf")]
    [InlineData("pdf-without-trailer")]
    [InlineData("truncated-pdf")]
    [InlineData("pdf-startxref-nowhere")]
    [InlineData("exe-as-pdf")]
    [InlineData("empty")]
    [InlineData("zip-as-docx")]
    [InlineData("docx-without-content-types")]
    [InlineData("docx-as-xlsx")]
    [InlineData("docm-as-docx")]
    [InlineData("xlsm-as-xlsx")]
    [InlineData("vba-inside-docx")]
    [InlineData("zip-bomb-docx")]
    [InlineData("png-bad-crc")]
    [InlineData("truncated-png")]
    [InlineData("png-garbage-pixels")]
    [InlineData("jpeg-without-eoi")]
    [InlineData("html-as-jpeg")]
    public async Task A_hostile_upload_is_refused_with_a_vietnamese_message_and_nothing_is_stored(string name)
    {
        var (fileName, content, message) = Hostile(name);
        var (client, id) = await ProjectAsync();
        var files = FileCount();

        var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, fileName, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(files, FileCount());
        Assert.False(await fixture.Portal.WithDbAsync(db => db.ProjectDocuments.AnyAsync(d => d.ProjectId == id)));
    }

    [Theory]
    [InlineData("du-toan.pdf")]
    [InlineData("du-lieu-mau.pdf")]
    [InlineData("bang-tinh.xlsx")]
    [InlineData("thuyet-minh.docx")]
    [InlineData("anh-hien-truong.png")]
    [InlineData("anh-may-moc.jpg")]
    public async Task A_real_file_is_accepted_stored_and_served_back_unchanged(string fileName)
    {
        var content = Valid(fileName);
        var (client, id) = await ProjectAsync();

        var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, fileName, content);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
        var document = await fixture.Portal.WithDbAsync(db => db.ProjectDocuments.SingleAsync(d => d.ProjectId == id));
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(fixture.Folder, document.StorageName)));
        var download = await client.GetAsync($"/Projects/Details/{id}?handler=Document&documentId={document.Id}");
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_fourth_document_of_a_project_is_refused_naming_the_quota_and_the_count()
    {
        var (client, id) = await ProjectAsync();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, $"anh-{i}.png", Png())).StatusCode);
        }

        var files = FileCount();
        var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, "anh-4.png", Png());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đề án đã có 3 tài liệu, bằng giới hạn 3 tài liệu mỗi đề án; tệp không được nhận.", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(files, FileCount());
        Assert.Equal(3, await fixture.Portal.WithDbAsync(db => db.ProjectDocuments.CountAsync(d => d.ProjectId == id)));
    }

    [Fact]
    public async Task Uploads_at_the_same_moment_never_take_a_project_past_its_quota_and_the_refused_ones_are_told_why()
    {
        var (client, id) = await ProjectAsync();
        var files = FileCount();

        // Six uploads at once to a project that may hold three: each read the quota before any was saved.
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => ProjectUploadSpecs.UploadAsync(client, "/Projects", id, $"cung-luc-{i}.png", Png())));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        var stored = await fixture.Portal.WithDbAsync(db => db.ProjectDocuments.CountAsync(d => d.ProjectId == id));
        Assert.InRange(stored, 1, 3);
        Assert.Equal(stored, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(files + stored, FileCount());
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var page = HttpForms.Text(await refused.Content.ReadAsStringAsync());
            Assert.True(page.Contains("tệp không được nhận", StringComparison.Ordinal) || page.Contains("hãy tải tệp lên lại", StringComparison.Ordinal), page);
        }
    }

    [Fact]
    public async Task A_file_that_would_take_the_project_past_its_size_quota_is_refused_naming_the_quota_and_the_usage()
    {
        var (client, id) = await ProjectAsync();
        var first = Pdf(padding: 600_000);
        Assert.Equal(HttpStatusCode.Redirect, (await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, "du-toan.pdf", first)).StatusCode);

        var files = FileCount();
        var second = Pdf(padding: 500_000);
        var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, "thuyet-minh.pdf", second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var vi = Domain.Common.VietnameseCulture.Instance;
        Assert.Contains(
            $"Vượt giới hạn dung lượng hồ sơ của đề án: tối đa 1 MB mỗi đề án, đã dùng {Math.Round(first.Length / 1048576m, 2).ToString("0.##", vi)} MB, " +
            $"tệp này {Math.Round(second.Length / 1048576m, 2).ToString("0.##", vi)} MB; tệp không được nhận.",
            HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(files, FileCount());
        Assert.Equal(1, await fixture.Portal.WithDbAsync(db => db.ProjectDocuments.CountAsync(d => d.ProjectId == id)));
    }

    /// <summary>The page's error box, so that a refused valid file says why.</summary>
    private static string Errors(string html)
    {
        var start = html.IndexOf("data-testid=\"errors\"", StringComparison.Ordinal);
        return start < 0 ? "(no error box)" : HttpForms.Text(html[start..Math.Min(html.Length, start + 600)]);
    }

    private int FileCount() => Directory.Exists(fixture.Folder) ? Directory.GetFiles(fixture.Folder).Length : 0;

    private async Task<(HttpClient Client, int ProjectId)> ProjectAsync()
    {
        var id = await new ProjectBuilder(fixture.Portal).In("24", 2026).SaveAsync();
        var client = fixture.Portal.Browser();
        await client.SignInOkAsync(HostileUploadPortal.Officer);
        return (client, id);
    }

    private const string NotPdf = "Nội dung tệp không phải là PDF như tên tệp cho biết";
    private const string BrokenPdf = "Tệp PDF không trọn vẹn hoặc đã bị hỏng";
    private const string Macro = "Tệp có chứa macro (.docm, .xlsm hoặc mã VBA); cổng không nhận tệp có macro";
    private const string NotWord = "Tệp không phải là tài liệu Word (.docx) hợp lệ: thiếu phần mô tả nội dung của gói Office";
    private const string BrokenPng = "Ảnh PNG bị hỏng hoặc không trọn vẹn";

    private static (string FileName, byte[] Content, string Message) Hostile(string name) => name switch
    {
        "html-as-pdf" => ("du-toan.pdf", Encoding.UTF8.GetBytes("%PDF-1.7\n<html><body><script>alert('xss')</script>Dự toán</body></html>\n"), BrokenPdf),
        "pdf-without-trailer" => ("du-toan.pdf", Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Pdf()).Replace("trailer", "tr", StringComparison.Ordinal)), BrokenPdf),
        "truncated-pdf" => ("du-toan.pdf", Pdf()[..(Pdf().Length * 2 / 3)], BrokenPdf),
        "pdf-startxref-nowhere" => ("du-toan.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n999999\n%%EOF\n"), BrokenPdf),
        "exe-as-pdf" => ("bao-cao.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF], NotPdf),
        "empty" => ("trong.pdf", [], "Tệp «trong.pdf» rỗng (0 byte); hãy chọn đúng tệp."),
        "zip-as-docx" => ("thuyet-minh.docx", Zip(("readme.txt", "không phải tài liệu Word"u8.ToArray())), NotWord),
        "docx-without-content-types" => ("thuyet-minh.docx", Without(Docx(), "[Content_Types].xml"), NotWord),
        "docx-as-xlsx" => ("bang-tinh.xlsx", Docx(), "Nội dung tệp không phải là XLSX như tên tệp cho biết"),
        "docm-as-docx" => ("thuyet-minh.docx", Docx(macro: true), Macro),
        "xlsm-as-xlsx" => ("bang-tinh.xlsx", Xlsm(), Macro),
        "vba-inside-docx" => ("thuyet-minh.docx", With(Docx(), "word/vbaProject.bin", [0xCC, 0x61, 0xFF, 0xFF]), Macro),
        "zip-bomb-docx" => ("thuyet-minh.docx", With(Docx(), "word/media/image1.bin", new byte[64 * 1024 * 1024]),
            "Tệp giải nén quá lớn so với kích thước của nó (nghi ngờ tệp nén độc hại); tệp không được nhận."),
        "png-bad-crc" => ("anh.png", Corrupt(Png(), Png().Length - 20), BrokenPng),
        "truncated-png" => ("anh.png", Png()[..(Png().Length - 16)], BrokenPng),
        "png-garbage-pixels" => ("anh.png", Png(idat: [1, 2, 3, 4, 5, 6, 7, 8]), BrokenPng),
        "jpeg-without-eoi" => ("anh.jpg", Jpeg()[..^2], "Ảnh JPEG bị hỏng hoặc không trọn vẹn"),
        "html-as-jpeg" => ("anh.jpg", "<html><img src=x onerror=alert(1)></html>"u8.ToArray(), "Nội dung tệp không phải là JPG như tên tệp cho biết"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Valid(string fileName) => fileName == DocumentStore.DemoSampleName ? DocumentStore.SamplePdf() : Path.GetExtension(fileName) switch
    {
        ".pdf" => Pdf(),
        ".xlsx" => Xlsx(),
        ".docx" => Docx(),
        ".png" => Png(),
        ".jpg" => Jpeg(),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName)),
    };

    /// <summary>A minimal complete PDF: one page, its cross-reference table at the offsets it names, trailer, startxref, %%EOF.</summary>
    internal static byte[] Pdf(int padding = 0)
    {
        var pdf = new StringBuilder("%PDF-1.7\n%âãÏÓ\n");
        if (padding > 0)
        {
            pdf.Append('%').Append('x', padding).Append('\n');
        }

        string[] objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
        var offsets = new List<int>();
        foreach (var (body, i) in objects.Select((b, i) => (b, i)))
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{body}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 4\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static byte[] Xlsx()
    {
        using var book = new XLWorkbook();
        book.AddWorksheet("Dự toán").Cell(1, 1).Value = "Kinh phí khuyến công";
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Docx(bool macro = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, macro ? DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument : DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("Thuyết minh đề án khuyến công")))));
        }

        return stream.ToArray();
    }

    private static byte[] Xlsm()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.MacroEnabledWorkbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook(new S.Sheets());
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Without(byte[] package, string entryName) => Rezip(package, e => e != entryName, null);

    private static byte[] With(byte[] package, string entryName, byte[] content) => Rezip(package, _ => true, (entryName, content));

    private static byte[] Rezip(byte[] package, Func<string, bool> keep, (string Name, byte[] Content)? extra)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = source.Entries.Where(e => keep(e.FullName)).Select(e =>
        {
            using var input = e.Open();
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
        if (extra is { } x)
        {
            entries.Add(x);
        }

        return Zip([.. entries]);
    }

    private static byte[] Corrupt(byte[] content, int at)
    {
        var copy = (byte[])content.Clone();
        copy[at] ^= 0x55;
        return copy;
    }

    /// <summary>A 4×4 RGB PNG: signature, IHDR, one IDAT holding the zlib-compressed filtered rows, IEND, each with its CRC.</summary>
    internal static byte[] Png(byte[]? idat = null)
    {
        if (idat is null)
        {
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < 4; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    for (var x = 0; x < 4; x++)
                    {
                        zlib.Write([(byte)(60 * x), (byte)(60 * y), 128]);
                    }
                }
            }

            idat = raw.ToArray();
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 4);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 4);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typed));
        png.Write(crc);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }

    /// <summary>
    /// A decodable baseline JPEG of one 8×8 grey block: JFIF, a quantisation table, the frame, one-code Huffman tables
    /// (DC difference 0, end of block), the scan whose two bits say exactly that, and EOI.
    /// </summary>
    internal static byte[] Jpeg()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, params byte[] body)
        {
            jpeg.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
            jpeg.AddRange(body);
        }

        Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        Segment(0xC4, [0x00, 1, .. new byte[15], 0x00]); // DC table 0: one 1-bit code for category 0
        Segment(0xC4, [0x10, 1, .. new byte[15], 0x00]); // AC table 0: one 1-bit code for end of block
        Segment(0xDA, [1, 1, 0x00, 0, 63, 0]);
        jpeg.Add(0x3F); // bits 0 (DC 0) and 0 (EOB), padded with ones
        jpeg.AddRange([0xFF, 0xD9]);
        return [.. jpeg];
    }
}
