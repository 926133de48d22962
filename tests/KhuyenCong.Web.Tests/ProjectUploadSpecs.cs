using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>Dossier uploads: checked by content and size, stored outside wwwroot, served back under a safe name (the hostile corpus: <see cref="HostileUploadSpecs"/>).</summary>
public sealed class ProjectUploadSpecs : IAsyncLifetime
{
    private const string Officer = "uploader@test.vn";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"kc-upload-{Guid.NewGuid():N}");
    private PortalFactory _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string> { ["Documents:Path"] = _folder, ["Documents:MaxBytes"] = "4096" });
        await _portal.StartAsync();
        await _portal.CreateUserAsync(Officer, Roles.ProvinceOfficer, "24");
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    [Fact]
    public async Task A_pdf_is_stored_outside_the_web_root_and_downloaded_under_a_safe_name()
    {
        var (client, id) = await ProjectAsync();
        var content = HostileUploadSpecs.Pdf();
        var response = await UploadAsync(client, "/Projects", id, "../../etc/Dự toán:kinh phí.pdf", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var document = await _portal.WithDbAsync(db => db.ProjectDocuments.SingleAsync(d => d.ProjectId == id));
        Assert.Equal("Dự toánkinh phí.pdf", document.FileName);
        Assert.True(File.Exists(Path.Combine(_folder, document.StorageName)));
        Assert.DoesNotContain("wwwroot", Path.GetFullPath(_folder));

        var download = await client.GetAsync($"/Projects/Details/{id}?handler=Document&documentId={document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Dự toánkinh phí.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_renamed_executable_is_refused()
    {
        var (client, id) = await ProjectAsync();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        var response = await UploadAsync(client, "/Projects", id, "bao-cao.pdf", executable);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nội dung tệp không phải là PDF", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.Empty(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []);
        Assert.False(await _portal.WithDbAsync(db => db.ProjectDocuments.AnyAsync(d => d.ProjectId == id)));
    }

    [Fact]
    public async Task An_executable_extension_is_refused()
    {
        var (client, id) = await ProjectAsync();
        var response = await UploadAsync(client, "/Projects", id, "setup.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Contains("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh", HttpForms.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_oversized_file_is_refused()
    {
        var (client, id) = await ProjectAsync();
        var big = new byte[5000];
        "%PDF-"u8.CopyTo(big);
        var response = await UploadAsync(client, "/Projects", id, "lon.pdf", big);
        Assert.Contains("Tệp quá lớn", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await _portal.WithDbAsync(db => db.ProjectDocuments.AnyAsync(d => d.ProjectId == id)));
    }

    private async Task<(HttpClient Client, int ProjectId)> ProjectAsync()
    {
        var id = await new ProjectBuilder(_portal).In("24", 2026).SaveAsync();
        var client = _portal.Browser();
        await client.SignInOkAsync(Officer);
        return (client, id);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string tokenPage, int id, string fileName, byte[] content)
    {
        var token = HttpForms.Token(await client.GetPageAsync(tokenPage));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("Dự toán kinh phí"), "category");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/Projects/Details/{id}?handler=Upload", form);
    }
}
