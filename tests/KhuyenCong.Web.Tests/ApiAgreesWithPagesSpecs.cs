using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Issue 12's promise that the API is the pages' answer, not a second one: for the same user, the plans, the periodic
/// reports and the regional conference report read through a token hold what the Kế hoạch page, the Báo cáo định kỳ
/// page and the conference page (and its workbook) show, with the same scope; and the plans and periodic reports keep
/// their cursor when a line is added between two pages.
/// </summary>
public abstract partial class ApiAgreesWithPagesSpecs(PortalFixture fixture)
{
    private const decimal Billion = 1_000_000_000m;

    [GeneratedRegex("""<tr[^>]*>\s*<td>(\d{2})</td><td[^>]*>[^<]*</td><td>(KCQG|KCĐP)</td><td class="num">([^<]*)</td>""")]
    private static partial Regex PlanRow();

    [GeneratedRegex("""<a href="/Reports/Periodic/Details/(\d+)">""")]
    private static partial Regex PeriodicLink();

    [GeneratedRegex("""<p class="mb-2">([^<]*)</p>""")]
    private static partial Regex NarrativeSentence();

    [GeneratedRegex("""<tr><td>(\d{2})</td><td>[^<]*</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td>\s*<td class="num">([^<]*)</td>""")]
    private static partial Regex ConferenceProvinceRow();

    [Theory]
    [InlineData(PortalFixture.OfficerBacNinh, new[] { "24", "27" })]
    [InlineData(PortalFixture.OfficerHanoi, new[] { "01" })]
    [InlineData(PortalFixture.Viewer, new[] { "01", "24", "27", "79" })]
    public async Task The_plans_of_a_year_are_the_lines_of_the_plans_page_for_the_same_user(string email, string[] codes)
    {
        var portal = await fixture.GetAsync();
        await SeedPlansAsync(portal);

        var api = await portal.ApiClientAsync(email);
        using var body = JsonDocument.Parse(await api.GetStringAsync("/api/v1/plans?year=2023&limit=200"));
        var fromApi = body.RootElement.GetProperty("items").EnumerateArray()
            .Select(l => (Code: l.GetProperty("provinceCode").GetString()!, Source: l.GetProperty("source").GetString()!,
                Money: l.GetProperty("allocation").ValueKind == JsonValueKind.Null ? "—" : Domain.Common.VietnameseCulture.Dong(l.GetProperty("allocation").GetInt64())))
            .ToList();

        var browser = portal.Browser();
        await browser.SignInOkAsync(email);
        var html = HttpForms.Cells(await browser.GetPageAsync("/Plans?year=2023"));
        var fromPage = PlanRow().Matches(html).Select(m => (Code: m.Groups[1].Value, Source: m.Groups[2].Value, Money: HttpForms.Text(m.Groups[3].Value))).ToList();

        Assert.NotEmpty(fromPage);
        Assert.Equal(fromPage, fromApi);
        Assert.Equal(codes, fromApi.Select(l => l.Code).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_plan_added_between_two_pages_neither_repeats_nor_hides_a_line()
    {
        var portal = await fixture.GetAsync();
        await SeedPlansAsync(portal);
        var api = await portal.ApiClientAsync(PortalFixture.Viewer);

        using var first = JsonDocument.Parse(await api.GetStringAsync("/api/v1/plans?year=2023&limit=2"));
        var seen = Lines(first);
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        // A line that sorts before the cursor (Hà Nội's KCĐP) and one after it (TP HCM's KCĐP) arrive between the calls.
        await portal.WithDbAsync(async db =>
        {
            db.AnnualPlans.Add(Plan(db, 2023, "01", FundingSource.KCDP, 7m));
            db.AnnualPlans.Add(Plan(db, 2023, "79", FundingSource.KCDP, 9m));
            return await db.SaveChangesAsync();
        });

        while (cursor is not null)
        {
            using var next = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/plans?year=2023&limit=2&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Lines(next));
            cursor = next.RootElement.GetProperty("nextCursor").GetString();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains("79 KCĐP", seen);
        Assert.DoesNotContain("01 KCĐP", seen);
        Assert.Equal(["01 KCQG", "24 KCQG", "24 KCĐP", "27 KCQG", "79 KCQG", "79 KCĐP"], seen);

        static List<string> Lines(JsonDocument page) =>
            [.. page.RootElement.GetProperty("items").EnumerateArray().Select(l => $"{l.GetProperty("provinceCode").GetString()} {l.GetProperty("source").GetString()}")];
    }

    [Fact]
    public async Task The_periodic_reports_are_those_of_the_periodic_page_and_a_report_opened_between_pages_is_not_repeated()
    {
        var portal = await fixture.GetAsync();
        var bacNinh = await OpenReportsAsync(portal, "24", [ReportPeriod.Quarter1, ReportPeriod.HalfYear]);
        var hanoi = await OpenReportsAsync(portal, "01", [ReportPeriod.Quarter1]);

        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var pageIds = PeriodicLink().Matches(await browser.GetPageAsync("/Reports/Periodic?year=2026")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.True(bacNinh.ToHashSet().IsSubsetOf(pageIds));
        Assert.DoesNotContain(hanoi[0], pageIds);

        using var first = JsonDocument.Parse(await api.GetStringAsync("/api/v1/periodic-reports?year=2026&limit=1"));
        var seen = Ids(first);
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        // The nine-month report sorts first (period descending): opened now, it lies before the cursor and must not appear.
        var late = await OpenReportsAsync(portal, "24", [ReportPeriod.NineMonths]);
        while (cursor is not null)
        {
            using var next = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/periodic-reports?year=2026&limit=1&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Ids(next));
            cursor = next.RootElement.GetProperty("nextCursor").GetString();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(pageIds.Order(), seen.Where(id => id != late[0]).Order());
        Assert.DoesNotContain(hanoi[0], seen);

        static List<int> Ids(JsonDocument page) => [.. page.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];
    }

    [Fact]
    public async Task The_conference_figures_of_the_api_are_the_pages_and_the_workbooks()
    {
        var portal = await fixture.GetAsync();
        await portal.WithDbAsync(async db =>
        {
            int Old(string code) => db.Provinces.Single(p => p.Code == code && p.ValidTo != null).Id;
            db.AnnualPlans.Add(Plan(db, 2021, "79", FundingSource.KCQG, 27.301m));
            db.AnnualPlans.Add(Plan(db, 2021, "79", FundingSource.KCDP, 59.000m));
            db.AnnualPlans.Add(Plan(db, 2021, "60", FundingSource.KCQG, 5.000m));
            db.AnnualPlans.Add(Plan(db, 2020, "79", FundingSource.KCDP, 59.354m));
            db.AnnualPlans.Add(Plan(db, 2021, "01", FundingSource.KCQG, 100.000m));
            var hcm = ProjectBuilder.Historical(2021, Old("79"), FundingSource.KCQG, ProjectState.Accepted, 27.301m * Billion, 10 * Billion, 40 * Billion, prefix: "HN");
            ProjectBuilder.Pay(hcm, new DateOnly(2021, 5, 1), 3.933m * Billion);
            ProjectBuilder.Pay(hcm, new DateOnly(2021, 10, 1), 1.000m * Billion);
            db.Projects.Add(hcm);
            var local = ProjectBuilder.Historical(2021, Old("79"), FundingSource.KCDP, ProjectState.Accepted, 59.000m * Billion, 5 * Billion, 70 * Billion, prefix: "HN");
            ProjectBuilder.Pay(local, new DateOnly(2021, 6, 1), 21.364m * Billion);
            db.Projects.Add(local);
            return await db.SaveChangesAsync();
        });
        const string query = "region=NAM&year=2021";

        var api = await portal.ApiClientAsync(PortalFixture.OrganiserSouth);
        var answer = await api.GetAsync($"/api/v1/conference?{query}&cutoff=2021-09-30");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var narrative = root.GetProperty("narrative").EnumerateArray().Select(s => s.GetString()!).ToList();
        var provinces = root.GetProperty("provinces").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        var total = root.GetProperty("total").GetProperty("figures");
        Assert.Equal(32.301m * Billion + 59m * Billion, total.GetProperty("plan").GetInt64());
        Assert.Equal(25.297m * Billion, total.GetProperty("executed").GetInt64());
        Assert.Equal(0.2771m, root.GetProperty("total").GetProperty("executionRate").GetDecimal());

        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.OrganiserSouth);
        var html = await browser.GetPageAsync($"/Reports/Conference?{query}&cutoff=30/09/2021");
        Assert.Equal(narrative, NarrativeSentence().Matches(html).Select(m => HttpForms.Text(m.Groups[1].Value)));
        var rows = ConferenceProvinceRow().Matches(html).ToList();
        Assert.Equal(provinces.Count, rows.Count);
        foreach (var row in rows)
        {
            var p = provinces[row.Groups[1].Value];
            Assert.Equal(
                [Billions(p, "kcqg", "plan"), Billions(p, "kcdp", "plan"), Billions(p, "total", "plan"), Billions(p, "total", "executed")],
                [row.Groups[2].Value, row.Groups[3].Value, row.Groups[4].Value, row.Groups[5].Value]);
        }

        var excel = await browser.GetAsync($"/Reports/Conference?handler=Excel&{query}&cutoff=30/09/2021");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(await excel.Content.ReadAsStreamAsync());
        var summary = book.Worksheet("TongHop");
        Assert.Equal("Tổng cộng", summary.Cell(7, 1).GetString());
        Assert.Equal(total.GetProperty("plan").GetInt64() / Billion, summary.Cell(7, 2).GetValue<decimal>());
        Assert.Equal(root.GetProperty("total").GetProperty("executionRate").GetDecimal(), Math.Round(summary.Cell(7, 7).GetValue<decimal>(), 4));
        var sheet = book.Worksheet("TheoTinh");
        foreach (var line in sheet.RowsUsed().Skip(1).Where(r => !r.Cell(1).IsEmpty()))
        {
            var p = provinces[line.Cell(1).GetString()];
            Assert.Equal(p.GetProperty("total").GetProperty("plan").GetInt64() / Billion, line.Cell(5).GetValue<decimal>());
            Assert.Equal(p.GetProperty("total").GetProperty("executed").GetInt64() / Billion, line.Cell(6).GetValue<decimal>());
            Assert.Equal(p.GetProperty("projects").GetInt32(), line.Cell(9).GetValue<int>());
        }

        Assert.Equal(narrative, Enumerable.Range(2, narrative.Count).Select(r => book.Worksheet("NhanXet").Cell(r, 1).GetString()));

        // That one narrative states the projects by state and the gaps (so the page, the workbook and the API do).
        Assert.Contains("Năm 2021, khu vực có 2 đề án khuyến công, trong đó: 2 đề án đã nghiệm thu.", narrative);
        Assert.Contains("Có 1 tỉnh, thành phố đã có kế hoạch năm 2021 nhưng chưa có đề án được duyệt: Bình Thuận.", narrative);
        Assert.Contains(narrative, s => s.Contains("chưa có kế hoạch kinh phí năm 2021 trên cổng: ", StringComparison.Ordinal));

        // The total row of TheoTinh is the sum of its rows as printed, and the page prints the same total.
        var printed = sheet.RowsUsed().Skip(1).Where(r => !r.Cell(1).IsEmpty()).Sum(r => r.Cell(5).GetValue<decimal>());
        var totalLine = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal(printed, totalLine.Cell(5).GetValue<decimal>());
        Assert.Contains($"<td>Tổng cộng</td><td class=\"num\">{ReportFormat.Billions(provinces.Values.Sum(p => p.GetProperty("kcqg").GetProperty("plan").GetInt64()))}</td>", HttpForms.Text(html));

        // The same scope: a region outside the organiser's is refused by both.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/conference?region=BAC&year=2021")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Reports/Conference?region=BAC&year=2021")).StatusCode);

        static string Billions(JsonElement province, string source, string figure) =>
            ReportFormat.Billions(province.GetProperty(source).GetProperty(figure).GetInt64());
    }

    private static AnnualPlan Plan(Data.KhuyenCongDbContext db, int year, string oldCode, FundingSource source, decimal billions) => new()
    {
        Year = year,
        ProvinceId = db.Provinces.Single(p => p.Code == oldCode && p.ValidTo != null).Id,
        Source = source,
        Amount = billions * Billion,
        DecisionNumber = $"{year}/QĐ-{oldCode}",
        DecisionDate = new DateOnly(year, 1, 10),
    };

    /// <summary>2023 plans of old Bắc Giang (24) and old Bắc Ninh (27), today's Bắc Ninh; of Hà Nội; of TP HCM. Once per fixture.</summary>
    private static Task<int> SeedPlansAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        if (await db.AnnualPlans.AnyAsync(p => p.Year == 2023))
        {
            return 0;
        }

        db.AnnualPlans.Add(Plan(db, 2023, "24", FundingSource.KCQG, 12.5m));
        db.AnnualPlans.Add(Plan(db, 2023, "24", FundingSource.KCDP, 3.25m));
        db.AnnualPlans.Add(Plan(db, 2023, "27", FundingSource.KCQG, 8m));
        db.AnnualPlans.Add(Plan(db, 2023, "01", FundingSource.KCQG, 20m));
        db.AnnualPlans.Add(Plan(db, 2023, "79", FundingSource.KCQG, 30m));
        return await db.SaveChangesAsync();
    });

    /// <summary>Opens 2026 periodic reports of today's province with that code, by the province officer's own service call.</summary>
    private static async Task<int[]> OpenReportsAsync(PortalFactory portal, string code, ReportPeriod[] periods)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.KhuyenCongDbContext>();
        var province = await db.Provinces.SingleAsync(p => p.Code == code && p.ValidTo == null);
        var officer = new ProjectActor("api-agrees", "Chuyên viên", Domain.Identity.Roles.ProvinceOfficer, new HashSet<int> { province.Id }, new HashSet<string>());
        var reports = scope.ServiceProvider.GetRequiredService<PeriodicReportService>();
        var ids = new List<int>();
        foreach (var period in periods)
        {
            var (report, refusal) = await reports.CreateAsync(officer, province.Id, 2026, period);
            Assert.True(report is not null, refusal);
            ids.Add(report.Id);
        }

        return [.. ids];
    }
}

public sealed class ApiAgreesWithPagesSqlite(SqlitePortalFixture fixture) : ApiAgreesWithPagesSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ApiAgreesWithPagesPostgreSql(PostgresPortalFixture fixture) : ApiAgreesWithPagesSpecs(fixture), IClassFixture<PostgresPortalFixture>;
