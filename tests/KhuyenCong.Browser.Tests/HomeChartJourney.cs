using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The home page's charts are drawn in a real browser under the CSP (no inline script): the ministry's chart by region
/// and a province's chart by source hold the figures of their tables, and nothing is reported to the console.
/// </summary>
public sealed class HomeChartJourney
{
    [Fact]
    public async Task The_ministry_and_a_province_see_their_home_charts_drawn_with_the_figures_of_their_tables()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("cuc@test.vn", Roles.MinistryOfficer);
        await session.Portal.CreateUserAsync("hn@test.vn", Roles.ProvinceOfficer, "01");
        var year = DateTime.UtcNow.AddHours(7).Year;
        await session.Portal.WithDbAsync(async db =>
        {
            var hanoi = await db.Provinces.SingleAsync(p => p.Code == "01" && p.ValidTo == null);
            db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = hanoi.Id, Source = FundingSource.KCQG, Amount = 10_000_000_000, DecisionNumber = "1/QĐ-BCT", DecisionDate = new DateOnly(year, 1, 2) });
            return await db.SaveChangesAsync();
        });

        foreach (var (email, chart, expected) in new[] { ("cuc@test.vn", "region-chart", "[10,0,0]"), ("hn@test.vn", "source-chart", "[10,0]") })
        {
            var page = await session.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"console on {page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add($"page error on {page.Url}: {error}");
            await session.SignInAsync(page, email);
            await page.GotoAsync("/");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // Chart.js drew the canvas, with the plan series the attribute (and so the table) holds.
            var plan = await page.GetByTestId(chart).EvaluateAsync<string>("c => JSON.stringify(window.Chart.getChart(c).data.datasets[0].data)");
            Assert.Equal(expected, plan);
            await BrowserSession.ScreenshotAsync(page, "home-" + chart);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
    }
}
