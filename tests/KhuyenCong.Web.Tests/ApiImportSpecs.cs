using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// POST /api/v1/imports runs the Excel page's all-or-nothing importer: a workbook with one bad row writes nothing and
/// the answer names that row; a dry run writes nothing; a good one is written and its projects are listed by the API.
/// </summary>
public abstract class ApiImportSpecs(PortalFixture fixture)
{
    private static string Code() => "API-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] workbook, bool dryRun, string fileName = "de-an.xlsx", string type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/imports?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private Task<int> CountAsync(PortalFactory portal, params string[] codes) =>
        portal.WithDbAsync(db => db.Projects.CountAsync(p => codes.Contains(p.Code)));

    [Fact]
    public async Task A_workbook_with_one_bad_row_writes_nothing_and_the_answer_names_that_row()
    {
        var portal = await fixture.GetAsync();
        var client = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var (good, bad) = (Code(), Code());
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
            ImportSpecs.ProjectRow(good), ImportSpecs.ProjectRow(bad, province: "99"));

        var response = await PostAsync(client, book.Bytes(), dryRun: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Dữ liệu không hợp lệ", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors);
        Assert.Equal("DeAn", error.GetProperty("sheet").GetString());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("Mã tỉnh", error.GetProperty("column").GetString());
        Assert.Contains("99", error.GetProperty("message").GetString());
        Assert.Equal(0, await CountAsync(portal, good, bad));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_a_good_import_is_listed_by_the_api()
    {
        var portal = await fixture.GetAsync();
        var client = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var code = Code();
        var bytes = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow(code)).Bytes();

        var dry = await PostAsync(client, bytes, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        using (var answer = JsonDocument.Parse(await dry.Content.ReadAsStringAsync()))
        {
            Assert.True(answer.RootElement.GetProperty("dryRun").GetBoolean());
            Assert.False(answer.RootElement.GetProperty("written").GetBoolean());
        }

        Assert.Equal(0, await CountAsync(portal, code));

        var real = await PostAsync(client, bytes, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        using (var answer = JsonDocument.Parse(await real.Content.ReadAsStringAsync()))
        {
            Assert.True(answer.RootElement.GetProperty("written").GetBoolean());
            var deAn = answer.RootElement.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("sheet").GetString() == "DeAn");
            Assert.Equal(1, deAn.GetProperty("created").GetInt32());
        }

        Assert.Equal(1, await CountAsync(portal, code));
        var list = await client.GetStringAsync($"/api/v1/projects?q={code}");
        Assert.Contains(code, list);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_as_a_problem_and_a_viewer_may_not_import()
    {
        var portal = await fixture.GetAsync();
        var officer = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        var text = await PostAsync(officer, "không phải sổ tính"u8.ToArray(), dryRun: true, "ghi-chu.txt", "text/plain");
        Assert.True(text.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, text.StatusCode.ToString());
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);

        var code = Code();
        var viewer = await portal.ApiClientAsync(PortalFixture.Viewer);
        var refused = await PostAsync(viewer, ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow(code)).Bytes(), dryRun: false);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await CountAsync(portal, code));
    }
}

public sealed class ApiImportSqlite(SqlitePortalFixture fixture) : ApiImportSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ApiImportPostgreSql(PostgresPortalFixture fixture) : ApiImportSpecs(fixture), IClassFixture<PostgresPortalFixture>;
