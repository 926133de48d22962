using System.Diagnostics;
using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Portal:DataRoot: outside Development the portal writes its SQLite file, documents and logs under one data root
/// instead of its install folder, and refuses to start, in one Vietnamese line and a non-zero exit, when that folder
/// is missing — checked on the real executable, as a service manager would start it.
/// </summary>
public sealed class DataRootSpecs
{
    [Fact]
    public async Task The_web_server_in_production_refuses_to_start_on_a_missing_data_root_with_one_vietnamese_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kc-khong-co-{Guid.NewGuid():N}");

        var result = await RunAsync(missing, "--urls", "http://127.0.0.1:0");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"Lỗi: thư mục dữ liệu «{missing}» (Portal:DataRoot) không tồn tại. Hãy tạo thư mục đó và cấp quyền ghi", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task A_verb_in_production_refuses_a_data_root_that_is_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-tep-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "không phải thư mục");
        try
        {
            var result = await RunAsync(file, "migrate");

            Assert.Equal(4, result.ExitCode);
            Assert.Contains($"Lỗi: thư mục dữ liệu «{file}» (Portal:DataRoot) không tồn tại.", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task With_a_writable_data_root_the_sqlite_file_documents_and_logs_land_under_it()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"kc-root-{Guid.NewGuid():N}")).FullName;
        try
        {
            // No connection string and no documents path: both derive from the data root.
            await using (var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
            {
                ["Portal:DataRoot"] = root,
                ["ConnectionStrings:KhuyenCong"] = string.Empty,
                ["Documents:Path"] = string.Empty,
            }))
            {
                await portal.StartAsync();
                Assert.True(File.Exists(Path.Combine(root, "khuyencong.db")));
                await portal.CreateUserAsync("goc@test.vn", Roles.ProvinceOfficer, "24");
                var id = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
                var client = portal.Browser();
                await client.SignInOkAsync("goc@test.vn");

                var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, "anh.png", HostileUploadSpecs.Png());

                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var stored = await portal.WithDbAsync(db => db.ProjectDocuments.Where(d => d.ProjectId == id).Select(d => d.StorageName).SingleAsync());
                Assert.True(File.Exists(Path.Combine(root, "documents", stored)));
                Assert.True(Directory.Exists(Path.Combine(root, "logs")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dataRoot, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataRoot"] = dataRoot;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not stop: it started despite the data root.");
        }

        return (process.ExitCode, await output, await error);
    }
}
