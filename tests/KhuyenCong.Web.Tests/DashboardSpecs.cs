using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The home page per role (issue 13): a province sees its year's plan against approved and paid per source and nothing
/// national; the ministry the country by region and province, sortable; an organiser only their regions; an
/// administrator accounts, imports and mail. The charts carry the numbers their tables print.
/// </summary>
public abstract partial class DashboardSpecs : IAsyncLifetime
{
    private const string Hanoi = "hn@test.vn";
    private const string BacNinh = "bn@test.vn";
    private const string Ministry = "cuc@test.vn";
    private const string Approver = "lanhdao@test.vn";
    private const string Viewer = "xem@test.vn";
    private const string South = "nam@test.vn";
    private const string Admin = "quantri@test.vn";
    private const int Year = 2026;
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);
    private PortalFactory _portal = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        _clock.SetVietnamTime(Year, 6, 15);
        _portal = new PortalFactory(await CreateDatabaseAsync(), null, _clock);
        await _portal.StartAsync();
        await _portal.CreateUserAsync(Hanoi, Roles.ProvinceOfficer, "01");
        await _portal.CreateUserAsync(BacNinh, Roles.ProvinceOfficer, "24");
        await _portal.CreateUserAsync(Ministry, Roles.MinistryOfficer);
        await _portal.CreateUserAsync(Approver, Roles.MinistryApprover);
        await _portal.CreateUserAsync(Viewer, Roles.Viewer);
        await _portal.CreateUserAsync(South, Roles.ConferenceOrganiser, null, "NAM");
        await _portal.CreateUserAsync(Admin, Roles.Admin);

        // Hà Nội: KCQG plan 10 tỷ, a project approved at 4 tỷ paid 2,5 tỷ. TP Hồ Chí Minh: KCQG 4 tỷ, 2 tỷ approved, 1,2 paid
        // (30%, a higher rate than Hà Nội's 25% for less money). Bắc Ninh: nothing.
        var hanoi = await new ProjectBuilder(_portal).In("01", Year).State(ProjectState.InProgress, 4_000_000_000).SaveAsync();
        var saigon = await new ProjectBuilder(_portal).In("79", Year).State(ProjectState.Contracted, 2_000_000_000).SaveAsync();
        await new ProjectBuilder(_portal).In("01", Year).State(ProjectState.Draft).SaveAsync();
        await _portal.WithDbAsync(async db =>
        {
            foreach (var (code, amount) in new[] { ("01", 10_000_000_000m), ("79", 4_000_000_000m) })
            {
                var province = await db.Provinces.SingleAsync(p => p.Code == code && p.ValidTo == null);
                db.AnnualPlans.Add(new AnnualPlan { Year = Year, ProvinceId = province.Id, Source = FundingSource.KCQG, Amount = amount, DecisionNumber = "1/QĐ-BCT", DecisionDate = new DateOnly(Year, 1, 2) });
            }

            return await db.SaveChangesAsync();
        });
        await ProjectBuilder.PayAsync(_portal, hanoi, (new DateOnly(Year, 1, 3), 2_500_000_000, MoneySource.State), (new DateOnly(Year, 1, 4), 900_000_000, MoneySource.Counterpart));
        await ProjectBuilder.PayAsync(_portal, saigon, (new DateOnly(Year, 2, 3), 1_200_000_000, MoneySource.State));
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<string> HomeAsync(string email, string url = "/")
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        return HttpForms.Text(await client.GetPageAsync(url));
    }

    [Theory]
    [InlineData(Hanoi, "10,000 / 2,500", "đạt 25,00%")]
    [InlineData(BacNinh, "0,000 / 0,000", "đạt —")]
    public async Task This_years_plan_and_execution_are_those_of_my_scope(string email, string figures, string rate)
    {
        var home = await HomeAsync(email);
        Assert.Contains($"data-testid=\"plan-vs-executed\">{figures}</div>", home);
        Assert.Contains(rate, home);
    }

    [Fact]
    public async Task A_province_sees_its_plan_approved_and_paid_per_source_its_projects_by_state_and_its_queue_and_nothing_national()
    {
        var home = await HomeAsync(Hanoi);
        Assert.Contains("data-testid=\"province-home\"", home);
        var sources = Table(home, "sources");
        Assert.Equal(["KCQG", "10,000", "4,000", "2,500", "25,00%"], sources[0]);
        Assert.Equal(["KCĐP", "Chưa có kế hoạch", "0,000", "0,000", "—"], sources[1]);

        // The chart holds the numbers of the table (tỷ đồng).
        var chart = Chart(home, "source-chart");
        Assert.Equal(["KCQG", "KCĐP"], chart.Labels);
        Assert.Equal(["Kế hoạch", "Được duyệt", "Đã giải ngân"], chart.Series.Select(s => s.Label));
        for (var column = 0; column < 3; column++)
        {
            Assert.Equal([Parse(sources[0][column + 1]), 0m], chart.Series[column].Data);
        }

        Assert.Contains($"href=\"/Projects?year={Year}&state=InProgress\">Đang thực hiện</a>: 1<", home);
        Assert.Contains("Nháp</a>: 1<", home);
        // The draft waits for the officer, listed with a link.
        Assert.Contains("data-testid=\"waiting\">1<", home);
        Assert.Matches("data-testid=\"queue-preview\">\\s*<li><a href=\"/Projects/Details/\\d+\">TEST-", home);
        Assert.Contains("data-testid=\"reports-owed\"", home);

        Assert.DoesNotContain("34 tỉnh", home);
        Assert.DoesNotContain("data-testid=\"provinces\"", home);
        Assert.DoesNotContain("data-testid=\"national-home\"", home);
        Assert.DoesNotContain("Hồ Chí Minh", home);
        Assert.DoesNotContain("data-testid=\"completeness-card\"", home);
    }

    [Fact]
    public async Task A_province_without_a_plan_is_told_so()
    {
        var home = await HomeAsync(BacNinh);
        Assert.Contains($"Chưa có kế hoạch năm {Year} có hiệu lực đến hôm nay.", home);
        Assert.Contains($"Chưa có đề án năm {Year}.", home);
        Assert.Contains("Không có việc nào đang chờ bạn.", home);
    }

    [Fact]
    public async Task The_ministry_sees_every_province_of_today_with_its_plan_and_paid_and_the_regions_chart_holds_the_regions_table()
    {
        var home = await HomeAsync(Ministry);
        Assert.Contains("data-testid=\"national-home\"", home);
        Assert.DoesNotContain("data-testid=\"province-home\"", home);
        Assert.DoesNotContain("data-testid=\"reports-owed\"", home);
        var north = await _portal.WithDbAsync(db => db.Regions.Where(r => r.Code == "BAC").Select(r => r.Name).SingleAsync());

        var provinces = Table(home, "provinces");
        Assert.Equal(34, provinces.Count);
        Assert.Contains(["01", "TP Hà Nội", north, "10,000", "2,500", "25,00%"], provinces);
        Assert.Contains(provinces, p => p[0] == "24" && p[3] == "Chưa có" && p[4] == "0,000" && p[5] == "—");

        var regions = Table(home, "regions");
        Assert.Equal(3, regions.Count);
        Assert.Equal([north, "10,000", "2,500", "25,00%"], regions[0]);
        var chart = Chart(home, "region-chart");
        Assert.Equal(regions.Select(r => r[0]), chart.Labels);
        Assert.Equal(regions.Select(r => Parse(r[1])), chart.Series[0].Data);
        Assert.Equal(regions.Select(r => Parse(r[2])), chart.Series[1].Data);

        Assert.Contains("data-testid=\"steps\"", home);
        Assert.Contains("data-testid=\"completeness-card\"", home);
        Assert.Contains("data-testid=\"waiting\">0<", home);
    }

    [Fact]
    public async Task The_province_table_is_ordered_as_the_address_asks()
    {
        static int Row(List<string[]> rows, string code) => rows.FindIndex(r => r[0] == code);

        var byPaid = Table(await HomeAsync(Viewer, "/?sort=paid"), "provinces");
        Assert.True(Row(byPaid, "01") < Row(byPaid, "79"), "Hà Nội has paid more");
        Assert.Equal("01", byPaid[0][0]);
        var byRate = Table(await HomeAsync(Viewer, "/?sort=rate"), "provinces");
        Assert.Equal("79", byRate[0][0]);
        Assert.Equal("01", byRate[1][0]);
        var byName = Table(await HomeAsync(Viewer, "/?sort=name"), "provinces");
        var names = byName.Select(r => r[1]).ToList();
        Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), true)), names);
        // By region (the default, and for an unknown order): the North's provinces first.
        var byRegion = Table(await HomeAsync(Viewer, "/?sort=nonsense"), "provinces");
        Assert.True(Row(byRegion, "01") < Row(byRegion, "79"));
        Assert.NotEqual(byRate.Select(r => r[0]), byRegion.Select(r => r[0]));
        Assert.DoesNotContain("data-testid=\"waiting\"", await HomeAsync(Viewer));
    }

    [Fact]
    public async Task An_organiser_sees_only_the_provinces_of_their_regions_and_a_link_to_their_conference_report()
    {
        var home = await HomeAsync(South);
        Assert.Contains("data-testid=\"organiser-home\"", home);
        var southCodes = await _portal.WithDbAsync(db => db.ProvinceRegionMemberships
            .Where(m => m.Region!.Code == "NAM" && m.ValidTo == null && m.Province!.ValidTo == null).Select(m => m.Province!.Code).ToListAsync());
        var provinces = Table(home, "provinces");
        Assert.Equal(southCodes.Order(StringComparer.Ordinal), provinces.Select(p => p[0]).Order(StringComparer.Ordinal));
        Assert.Contains(provinces, p => p[0] == "79" && p[3] == "4,000" && p[4] == "1,200" && p[5] == "30,00%");
        Assert.DoesNotContain("TP Hà Nội", home);
        Assert.Single(Table(home, "regions"));
        Assert.Contains($"href=\"/Reports/Conference?region=NAM&year={Year}\"", home);
        Assert.Contains("data-testid=\"plan-vs-executed\">4,000 / 1,200</div>", home);
        Assert.DoesNotContain("data-testid=\"steps\"", home);
    }

    [Fact]
    public async Task An_administrator_sees_accounts_imports_and_mail_and_no_figures()
    {
        var home = await HomeAsync(Admin);
        Assert.Contains("data-testid=\"admin-home\"", home);
        Assert.Contains("data-testid=\"users\">7<", home);
        Assert.Contains("Chưa có lượt nhập lớn nào.", home);
        Assert.DoesNotContain("data-testid=\"plan-vs-executed\"", home);
        Assert.DoesNotContain("data-testid=\"provinces\"", home);
    }

    [Fact]
    public async Task The_ministry_approver_sees_the_projects_waiting_at_each_ministry_step()
    {
        await new ProjectBuilder(_portal).In("79", Year).State(ProjectState.UnderMinistryReview).SaveAsync();
        var home = await HomeAsync(Approver);
        Assert.Contains("Chờ Cục thẩm định: <strong>1</strong>", home);
        Assert.Contains("Đã thẩm định, chờ Lãnh đạo Cục phê duyệt: <strong>0</strong>", home);
    }

    private sealed record Series(string Label, decimal[] Data);

    private sealed record ChartData(string[] Labels, Series[] Series);

    private static ChartData Chart(string html, string testId)
    {
        // The page is read decoded (HttpForms.Text), so the attribute's JSON stands with its quotes up to the canvas's end.
        var attribute = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*?data-series=\"(\\{{.*?\\}})\"></canvas>", RegexOptions.Singleline).Groups[1].Value;
        using var json = JsonDocument.Parse(attribute);
        return new ChartData(
            [.. json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
            [.. json.RootElement.GetProperty("series").EnumerateArray().Select(s => new Series(s.GetProperty("label").GetString()!,
                [.. s.GetProperty("data").EnumerateArray().Select(d => d.GetDecimal())]))]);
    }

    /// <summary>A table's body rows, each as its cells' text.</summary>
    private static List<string[]> Table(string html, string testId)
    {
        var table = Regex.Match(html, $"data-testid=\"{testId}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return [.. RowPattern().Matches(table).Select(r => CellPattern().Matches(r.Groups[1].Value)
            .Select(c => TagPattern().Replace(c.Groups[1].Value, string.Empty).Trim()).ToArray())];
    }

    private static decimal Parse(string billions) => decimal.Parse(billions, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}

public sealed class DashboardOnSqlite : DashboardSpecs
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class DashboardOnPostgreSql : DashboardSpecs
{
    protected override Task<TestDatabase> CreateDatabaseAsync()
    {
        TestDatabase.RequirePostgres();
        return TestDatabase.PostgresAsync();
    }
}
