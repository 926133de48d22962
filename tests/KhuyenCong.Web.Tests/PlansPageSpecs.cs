using System.Net;
using System.Text.Json;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The Kế hoạch page as issue 13 asks: each plan line lists its decisions (number, date, amount, who recorded it by
/// name and role), a decision dated after the date read is shown as "có hiệu lực từ …" instead of vanishing, and the
/// state money paid to the line's approved projects up to that date stands beside the plan — the same figure in the API.
/// </summary>
public abstract class PlansPageSpecs(PortalFixture fixture)
{
    [Fact]
    public async Task A_plan_line_lists_its_decisions_with_who_recorded_them_a_later_one_as_coming_and_the_money_paid_so_far()
    {
        var portal = await fixture.GetAsync();
        var ministry = portal.Browser();
        await ministry.SignInOkAsync(PortalFixture.MinistryOfficer);
        foreach (var (amount, number, date) in new[] { ("10.000.000.000", "QĐ 11/QĐ-BCT", "10/01/2026"), ("12.500.000.000", "QĐ 95/QĐ-BCT", "01/09/2026") })
        {
            var recorded = await ministry.SubmitAsync("/Plans", new Dictionary<string, string>
            {
                ["Input.Year"] = "2026", ["Input.ProvinceCode"] = "24", ["Input.Source"] = "KCQG",
                ["Input.Amount"] = amount, ["Input.DecisionNumber"] = number, ["Input.DecisionDate"] = date,
            });
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        await ProjectBuilder.PayAsync(portal, id,
            (new DateOnly(2026, 5, 1), 100_000_000m, MoneySource.State),
            (new DateOnly(2026, 5, 2), 50_000_000m, MoneySource.Counterpart),
            (new DateOnly(2026, 8, 1), 30_000_000m, MoneySource.State));

        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var june = HttpForms.Text(await officer.GetPageAsync("/Plans?year=2026&asOf=30/06/2026"));
        Assert.Contains("<summary>2 quyết định</summary>", june);
        Assert.Contains("QĐ 11/QĐ-BCT ngày 10/01/2026: 10.000.000.000 đồng", june);
        Assert.Contains("(đang có hiệu lực)", june);
        Assert.Contains("QĐ 95/QĐ-BCT ngày 01/09/2026: 12.500.000.000 đồng", june);
        Assert.Contains("(có hiệu lực từ 01/09/2026)", june);
        Assert.Contains("ghi bởi Người thử MinistryOfficer (", june);
        Assert.DoesNotContain("chuyenvien.cuc@test.vn", june);
        // State money to 30/06: 100 million (the counterpart and the August payment are not in it).
        Assert.Contains("<td class=\"num\" data-label=\"Tổng kinh phí duyệt (đồng)\">400.000.000</td><td class=\"num\" data-label=\"Đã giải ngân (đồng)\">100.000.000</td>", june);

        var december = HttpForms.Text(await officer.GetPageAsync("/Plans?year=2026&asOf=31/10/2026"));
        Assert.Contains("QĐ 11/QĐ-BCT ngày 10/01/2026: 10.000.000.000 đồng\n", december.Replace("\r", ""));
        Assert.Contains("(đã được điều chỉnh)", december);
        Assert.Contains("<td class=\"num\" data-label=\"Tổng kinh phí duyệt (đồng)\">400.000.000</td><td class=\"num\" data-label=\"Đã giải ngân (đồng)\">130.000.000</td>", december);

        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        using var lines = JsonDocument.Parse(await api.GetStringAsync("/api/v1/plans?year=2026&province=24&source=KCQG&date=2026-06-30"));
        var line = Assert.Single(lines.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(100_000_000, line.GetProperty("disbursed").GetInt64());
        Assert.Equal(10_000_000_000, line.GetProperty("allocation").GetInt64());
    }

    [Fact]
    public async Task A_plan_decided_only_after_the_date_read_is_shown_as_coming_not_missing()
    {
        var portal = await fixture.GetAsync();
        var ministry = portal.Browser();
        await ministry.SignInOkAsync(PortalFixture.MinistryOfficer);
        var recorded = await ministry.SubmitAsync("/Plans", new Dictionary<string, string>
        {
            ["Input.Year"] = "2026", ["Input.ProvinceCode"] = "01", ["Input.Source"] = "KCQG",
            ["Input.Amount"] = "3.000.000.000", ["Input.DecisionNumber"] = "QĐ 5/QĐ-BCT", ["Input.DecisionDate"] = "15/07/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerHanoi);
        var html = HttpForms.Text(await officer.GetPageAsync("/Plans?year=2026&asOf=30/06/2026"));
        Assert.Contains("(có hiệu lực từ 15/07/2026)", html);
        Assert.Contains("Kế hoạch chưa có hiệu lực", html);
    }
}

public sealed class PlansPageSqlite(SqlitePortalFixture fixture) : PlansPageSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class PlansPagePostgreSql(PostgresPortalFixture fixture) : PlansPageSpecs(fixture), IClassFixture<PostgresPortalFixture>;
