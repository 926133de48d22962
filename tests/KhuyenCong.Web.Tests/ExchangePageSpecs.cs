using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The Excel page over HTTP: templates, preview then confirm, exports limited to the user's scope.</summary>
public sealed class ExchangePageSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task The_plan_template_lists_the_provinces_valid_in_its_year()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        foreach (var (year, count, present, absent) in new[] { (2024, 63, "Bắc Giang", "TP Huế"), (2026, 34, "TP Huế", "Bắc Giang") })
        {
            var response = await client.GetAsync($"/Exchange?handler=Template&sheet=KeHoach&year={year}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new SheetReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal([ExchangeFormat.Plans, ExchangeFormat.Codes], reader.SheetNames);
            Assert.Equal(ExchangeFormat.PlanHeaders, reader.Rows(ExchangeFormat.Plans).First().Cells.Values.Select(c => c.Text));
            var provinces = reader.Rows(ExchangeFormat.Codes).Skip(1).Select(r => r[1].Text).Where(t => t.Length > 0).ToList();
            Assert.Equal(count, provinces.Count);
            Assert.Contains(present, provinces);
            Assert.DoesNotContain(absent, provinces);
        }
    }

    [Fact]
    public async Task A_workbook_is_previewed_then_written_only_on_confirmation_by_its_uploader()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, [2026, "48", "KCQG", "2.500.000.000", "77/QĐ-BCT", "12/01/2026"]).Bytes();

        var preview = await UploadAsync(client, book);
        var html = HttpForms.Text(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Kết quả kiểm tra: không có lỗi", html);
        Assert.False(await portal.WithDbAsync(db => db.AnnualPlans.AnyAsync(p => p.DecisionNumber == "77/QĐ-BCT")));
        var token = HttpForms.Field(html, "token");

        var stranger = portal.Browser();
        await stranger.SignInOkAsync(PortalFixture.MinistryApprover);
        var stolen = await stranger.SubmitAsync("/Exchange", new Dictionary<string, string> { ["token"] = token }, postUrl: "/Exchange?handler=Confirm");
        Assert.Contains("Bản xem trước đã hết hạn hoặc không thuộc về bạn; hãy tải tệp lên lại.", HttpForms.Text(await stolen.Content.ReadAsStringAsync()));

        var confirmed = await client.SubmitAsync("/Exchange", new Dictionary<string, string> { ["token"] = token }, postUrl: "/Exchange?handler=Confirm", page: html);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.AnnualPlans.AnyAsync(p => p.DecisionNumber == "77/QĐ-BCT" && p.Amount == 2_500_000_000)));
        var plans = HttpForms.Text(await client.GetPageAsync("/Plans?year=2026"));
        Assert.Contains("2.500.000.000", plans);
        Assert.Contains("77/QĐ-BCT ngày 12/01/2026", plans);
    }

    [Fact]
    public async Task A_bad_row_is_shown_with_its_sheet_row_and_column()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders,
            [2026, "48", "KCQG", "1.000.000", "1/QĐ-BCT", "12/01/2026"], [2026, "48", "KCQG", "-5", "2/QĐ-BCT", "12/01/2026"]).Bytes();
        var html = HttpForms.Cells(await (await UploadAsync(client, book)).Content.ReadAsStringAsync());
        Assert.Contains("Sổ tính có 1 lỗi; chưa ghi gì.", html);
        Assert.Contains("<td>KeHoach</td><td>3</td><td>Kinh phí (đồng)</td><td>Số tiền không được âm.</td>", html);
    }

    [Theory]
    [InlineData(PortalFixture.Viewer)]
    [InlineData(PortalFixture.OrganiserNorth)]
    public async Task Roles_that_only_read_cannot_import(string email)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var response = await UploadAsync(client, ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders).Bytes());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_export_holds_only_the_users_scope()
    {
        var portal = await fixture.GetAsync();
        await new ProjectBuilder(portal).In("24", 2026).Titled("Đề án xuất của Bắc Ninh").SaveAsync();
        await new ProjectBuilder(portal).In("01", 2026).Titled("Đề án xuất của Hà Nội").SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerHanoi);
        var response = await client.GetAsync("/Exchange?handler=Export&kind=projects&year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new SheetReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var titles = reader.Rows(ExchangeFormat.Projects).Skip(1).Select(r => r[6].Text).ToList();
        Assert.Contains("Đề án xuất của Hà Nội", titles);
        Assert.DoesNotContain("Đề án xuất của Bắc Ninh", titles);
    }

    [Fact]
    public async Task Text_that_excel_would_run_as_a_formula_is_neutralised_in_exports_and_reads_back_unchanged()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).Titled("=HYPERLINK(\"http://x\",\"bấm\")").SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var bytes = await (await client.GetAsync("/Exchange?handler=Export&kind=projects&year=2026&province=24")).Content.ReadAsByteArrayAsync();

        using (var reader = new SheetReader(new MemoryStream(bytes)))
        {
            var row = reader.Rows(ExchangeFormat.Projects).Skip(1).Single(r => r[6].Text.Contains("HYPERLINK", StringComparison.Ordinal));
            Assert.Equal("'=HYPERLINK(\"http://x\",\"bấm\")", row[6].Text);
            Assert.False(row[6].IsFormula);
        }

        var ministry = new Domain.Projects.ProjectActor("t", "Cục", Domain.Identity.Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
        var result = await ImportSpecs.ImportAsync(portal, bytes, ministry);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(0, result.Counts.Single().Changed);
        Assert.Equal("=HYPERLINK(\"http://x\",\"bấm\")", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] book)
    {
        var token = HttpForms.Token(await client.GetPageAsync("/Projects"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(book);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "ke-hoach.xlsx");
        return await client.PostAsync("/Exchange?handler=Preview", form);
    }
}
