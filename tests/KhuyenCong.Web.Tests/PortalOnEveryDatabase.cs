using System.Net;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>What every user sees of the portal, proven on each real database the portal supports.</summary>
public abstract class PortalOnEveryDatabase(PortalFixture fixture)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var portal = await fixture.GetAsync();
        var response = await portal.Browser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reference_data_is_loaded_in_full()
    {
        var portal = await fixture.GetAsync();
        var counts = await portal.WithDbAsync(async db => (
            Provinces: await db.Provinces.CountAsync(),
            Links: await db.ProvinceSuccessions.CountAsync(),
            Contents: await db.Contents.CountAsync(),
            Indicators: await db.OutcomeIndicators.CountAsync(),
            Regions: await db.Regions.CountAsync()));
        Assert.Equal((97, 63, 10, 11, 3), counts);
    }

    [Theory]
    [InlineData("01/06/2024", 63)]
    [InlineData("30/06/2025", 63)]
    [InlineData("01/07/2025", 34)]
    [InlineData("2026-03-15", 34)]
    public async Task The_provinces_page_shows_the_provinces_valid_on_the_chosen_date(string asOf, int expected)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var html = HttpForms.Text(await client.GetPageAsync($"/Reference/Provinces?asOf={Uri.EscapeDataString(asOf)}"));
        Assert.Contains($"{expected} tỉnh, thành phố có hiệu lực tại ngày", html);
        Assert.Equal(expected, CountRows(html, "province-table"));
    }

    [Theory]
    [InlineData("bac ninh", "Bắc Ninh")]
    [InlineData("da nang", "TP Đà Nẵng")]
    [InlineData("DAK LAK", "Đắk Lắk")]
    public async Task Searching_without_diacritics_finds_the_province(string query, string name)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var html = HttpForms.Text(await client.GetPageAsync($"/Reference/Provinces?asOf=&q={Uri.EscapeDataString(query)}"));
        Assert.Contains($">{name}</a>", html);
        Assert.DoesNotContain(">Cao Bằng</a>", html);
    }

    [Fact]
    public async Task The_new_Bac_Ninh_shows_old_Bac_Giang_and_old_Bac_Ninh_as_predecessors()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "24" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var html = HttpForms.Text(await client.GetPageAsync($"/Reference/Provinces/Details/{id}"));
        Assert.Contains("Bắc Giang (mã 24)", html);
        Assert.Contains("Bắc Ninh (mã 27)", html);
    }

    [Fact]
    public async Task A_second_save_of_the_same_norm_is_refused_and_keeps_the_users_input()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.SupportNorms.Where(n => n.Activity == "Xây dựng, đăng ký thương hiệu").Select(n => n.Id).SingleAsync());
        var first = portal.Browser();
        var second = portal.Browser();
        await first.SignInOkAsync(PortalFixture.Admin);
        await second.SignInOkAsync(PortalFixture.Admin);
        var url = $"/Reference/Norms/Edit/{id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        var saved = await first.SubmitAsync(url, NormFields(firstPage, "40.000.000"), page: firstPage);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.SubmitAsync(url, NormFields(secondPage, "45.000.000"), page: secondPage);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = HttpForms.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác thay đổi", html);
        Assert.Contains("value=\"45.000.000\"", html);
        var ceiling = await portal.WithDbAsync(db => db.SupportNorms.Where(n => n.Id == id).Select(n => n.CeilingDong).SingleAsync());
        Assert.Equal(40_000_000m, ceiling);
    }

    [Fact]
    public async Task An_admin_edit_is_written_to_the_audit_log_with_who_before_and_after()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.Contents.Where(c => c.Code == "ND06").Select(c => c.Id).SingleAsync());
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Admin);
        var url = $"/Reference/Contents/Edit/{id}";
        var page = await client.GetPageAsync(url);
        var response = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Version"] = HttpForms.Field(page, "Version"),
            ["Input.Code"] = "ND06",
            ["Input.Name"] = "Cung cấp thông tin, tuyên truyền về khuyến công",
            ["Input.ValidFrom"] = "05/07/2012",
            ["Input.ValidTo"] = "",
        }, page: page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var audit = HttpForms.Text(await client.GetPageAsync("/Admin/Audit?type=Content"));
        Assert.Contains("Người thử Admin", audit);
        Assert.Matches(@"Tên nội dung:</span>\s*<span class=""audit-old"">Cung cấp thông tin, tuyên truyền</span> <span aria-label=""thành"">→</span> <span class=""audit-new"">Cung cấp thông tin, tuyên truyền về khuyến công</span>", audit);
        Assert.DoesNotContain("{\"", audit);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        var portal = await fixture.GetAsync();
        await portal.Browser().SignInOkAsync(PortalFixture.Viewer);
        Assert.True(await portal.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task Demo_projects_are_listed_searched_without_diacritics_and_opened()
    {
        var portal = await fixture.GetAsync();
        await portal.WithDbAsync(async db =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Projects.DemoProjects>().SeedAsync(60, 2024, 2026, 11);
        });
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var list = HttpForms.Text(await client.GetPageAsync("/Projects?q=hop tac xa&sort=amount"));
        Assert.Contains("Hợp tác xã", await portal.WithDbAsync(db => db.Beneficiaries.Select(b => b.Name).FirstAsync(n => n.StartsWith("Hợp tác xã"))));
        Assert.True(CountRows(list, "project-table") > 0);
        var settled = await portal.WithDbAsync(db => db.Projects.Where(p => p.State == Domain.Projects.ProjectState.Settled).Select(p => new { p.Id, p.Code }).FirstAsync());
        var page = HttpForms.Text(await client.GetPageAsync($"/Projects/Details/{settled.Id}"));
        Assert.Contains(settled.Code, page);
        Assert.Contains("Đã quyết toán", page);
    }

    [Fact]
    public async Task An_export_of_every_kind_imports_back_unchanged()
    {
        var portal = await fixture.GetAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Projects.DemoProjects>().SeedAsync(40, 2023, 2023, 5);
        }

        var ministry = new Domain.Projects.ProjectActor("t", "Cục", Domain.Identity.Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
        foreach (var kind in Excel.ExchangeExporter.Kinds)
        {
            var bytes = await portal.WithDbAsync(db =>
            {
                using var stream = new MemoryStream();
                Excel.ExchangeExporter.Write(stream, kind, db.Projects, db.AnnualPlans, db.Establishments, new Excel.ExportFilter(2023, null));
                return Task.FromResult(stream.ToArray());
            });
            var result = await ImportSpecs.ImportAsync(portal, bytes, ministry);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            var counts = Assert.Single(result.Counts);
            Assert.True(counts.Created == 0 && counts.Changed == 0 && counts.Unchanged > 0, $"{kind}: {counts}");
        }
    }

    [Fact]
    public async Task The_conference_report_aggregates_in_the_database()
    {
        var portal = await fixture.GetAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Projects.DemoProjects>().SeedAsync(120, 2021, 2022, 17);
        var reports = scope.ServiceProvider.GetRequiredService<Reports.ConferenceReportService>();
        var report = await reports.ComputeAsync("NAM", 2022, new DateOnly(2022, 12, 31), Reports.Boundaries.Historical);
        Assert.StartsWith("Tổng kế hoạch kinh phí khuyến công năm 2022 được duyệt của 20 tỉnh, thành phố khu vực phía Nam là", report.Narrative[0]);
        Assert.NotEmpty(report.Contents);
        Assert.NotEmpty(report.Outcomes);
        Assert.All(report.Outcomes, o => Assert.True(o.Target > 0));
        Assert.True(report.Total.Plan > 0 && report.Total.Executed > 0);
        var restated = await reports.ComputeAsync("NAM", 2022, new DateOnly(2022, 12, 31), Reports.Boundaries.Current);
        Assert.Equal(8, restated.ProvinceCount);
    }

    [Fact]
    public async Task The_conference_source_rows_of_a_province_user_are_their_own_provinces_only()
    {
        var portal = await fixture.GetAsync();
        var hanoi = await new ProjectBuilder(portal).In("01", 2019).State(Domain.Projects.ProjectState.InProgress).SaveAsync();
        var bacNinh = await new ProjectBuilder(portal).In("27", 2019).State(Domain.Projects.ProjectState.InProgress).SaveAsync();
        var codes = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == hanoi || p.Id == bacNinh).ToDictionaryAsync(p => p.Id, p => p.Code));
        await using var scope = portal.Services.CreateAsyncScope();
        var directory = await scope.ServiceProvider.GetRequiredService<Data.Geography>().DirectoryAsync();
        var today = directory.ValidOn(new DateOnly(2026, 1, 1)).Single(p => p.Code == "01");
        var officer = new Domain.Projects.ProjectActor("t", "Sở", Domain.Identity.Roles.ProvinceOfficer, directory.SelfAndPredecessorIds(today.Id).ToHashSet(), new HashSet<string>());
        var ministry = officer with { Role = Domain.Identity.Roles.MinistryOfficer, ProvinceIds = new HashSet<int>() };
        var reports = scope.ServiceProvider.GetRequiredService<Reports.ConferenceReportService>();
        foreach (var boundaries in new[] { Reports.Boundaries.Historical, Reports.Boundaries.Current })
        {
            var mine = await reports.SourceRowsAsync("BAC", 2019, new DateOnly(2019, 12, 31), boundaries, officer);
            Assert.True(mine.OwnProvincesOnly);
            Assert.Equal([codes[hanoi]], mine.Projects.Select(p => p.Code));
            var all = await reports.SourceRowsAsync("BAC", 2019, new DateOnly(2019, 12, 31), boundaries, ministry);
            Assert.False(all.OwnProvincesOnly);
            Assert.Equal(new[] { codes[hanoi], codes[bacNinh] }.Order(StringComparer.Ordinal), all.Projects.Select(p => p.Code).Order(StringComparer.Ordinal));
        }
    }

    private static Dictionary<string, string> NormFields(string page, string ceiling) => new()
    {
        ["Version"] = HttpForms.Field(page, "Version"),
        ["Input.ContentCode"] = "ND04",
        ["Input.Activity"] = "Xây dựng, đăng ký thương hiệu",
        ["Input.MaxSharePercent"] = "50",
        ["Input.CeilingDong"] = ceiling,
        ["Input.PriorityMultiplier"] = "1,5",
        ["Input.LegalBasis"] = "TTLT 26/2014/TTLT-BTC-BCT",
        ["Input.ValidFrom"] = "08/04/2014",
        ["Input.ValidTo"] = "13/05/2018",
    };

    internal static int CountRows(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {testId} on the page.");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return body.Split("<tr>").Length - 1;
    }
}

public sealed class PortalOnSqlite(SqlitePortalFixture fixture) : PortalOnEveryDatabase(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class PortalOnPostgreSql(PostgresPortalFixture fixture) : PortalOnEveryDatabase(fixture), IClassFixture<PostgresPortalFixture>;
