using System.Text.RegularExpressions;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The project list read fast at national scale (issue 14: a page's ids over the indexes, then its rows; a cached
/// count) shows exactly what a plain query would, on each database, and its total follows every write.
/// </summary>
public abstract partial class ProjectListSpecs(PortalFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("code")]
    [InlineData("year")]
    [InlineData("amount")]
    public async Task Every_page_shows_the_same_projects_in_the_same_order_as_a_plain_query(string sort)
    {
        var portal = await fixture.GetAsync();
        var tag = $"phantrang{sort}{Guid.NewGuid():N}"[..24];
        var sources = Enum.GetValues<FundingSource>();
        for (var i = 0; i < 60; i++)
        {
            await new ProjectBuilder(portal).In("24", 2024 + i % 3).Source(sources[i % sources.Length]).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var key = SearchText.Key(tag);
        var all = await portal.WithDbAsync(db => db.Projects.Where(p => p.SearchKey.Contains(key))
            .Select(p => new { p.Id, p.Code, p.UpdatedAtUtc, p.PlanYear, p.RequestedSupport }).ToListAsync());
        var expected = (sort switch
        {
            "code" => all.OrderBy(p => p.Code, StringComparer.Ordinal),
            "year" => all.OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code, StringComparer.Ordinal),
            "amount" => all.OrderByDescending(p => p.RequestedSupport).ThenBy(p => p.Code, StringComparer.Ordinal),
            _ => all.OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id),
        }).Select(p => p.Code).ToList();
        Assert.Equal(60, expected.Count);

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        foreach (var (asked, shown) in new[] { (1, 1), (2, 2), (3, 3), (999, 3) })
        {
            var html = HttpForms.Text(await client.GetPageAsync($"/Projects?q={tag}&sort={sort}&p={asked}"));
            Assert.Equal(expected.Skip((shown - 1) * 25).Take(25), Codes(html));
            Assert.Contains("Tổng số: 60", html);
            Assert.Contains($"Trang {shown} / 3", html);
        }
    }

    [Fact]
    public async Task The_total_follows_a_new_project_at_once_and_stays_within_each_users_scope()
    {
        var portal = await fixture.GetAsync();
        var tag = $"demlai{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 3; i++)
        {
            await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var viewer = portal.Browser();
        await viewer.SignInOkAsync(PortalFixture.Viewer);
        var hanoi = portal.Browser();
        await hanoi.SignInOkAsync(PortalFixture.OfficerHanoi);
        Assert.Contains("Tổng số: 3", HttpForms.Text(await viewer.GetPageAsync($"/Projects?q={tag}")));
        Assert.Contains("Tổng số: 3", HttpForms.Text(await viewer.GetPageAsync($"/Projects?q={tag}&source=KCQG")));
        Assert.Contains("Tổng số: 0", HttpForms.Text(await hanoi.GetPageAsync($"/Projects?q={tag}")));

        await new ProjectBuilder(portal).In("24", 2026).Source(FundingSource.KCDP).Titled($"Đề án {tag} mới").SaveAsync();

        var after = HttpForms.Text(await viewer.GetPageAsync($"/Projects?q={tag}"));
        Assert.Contains("Tổng số: 4", after);
        Assert.Equal(4, Codes(after).Count);
        Assert.Contains("Tổng số: 3", HttpForms.Text(await viewer.GetPageAsync($"/Projects?q={tag}&source=KCQG")));
        Assert.Contains("Tổng số: 1", HttpForms.Text(await viewer.GetPageAsync($"/Projects?q={tag}&source=KCDP")));
        Assert.Contains("Tổng số: 0", HttpForms.Text(await hanoi.GetPageAsync($"/Projects?q={tag}")));
    }

    private static List<string> Codes(string html) =>
        [.. ProjectLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a href=\"/Projects/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex ProjectLink();
}

public sealed class ProjectListOnSqlite(SqlitePortalFixture fixture) : ProjectListSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ProjectListOnPostgreSql(PostgresPortalFixture fixture) : ProjectListSpecs(fixture), IClassFixture<PostgresPortalFixture>;
