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
    public async Task The_work_queue_is_shown_a_page_at_a_time_and_its_total_follows_a_new_draft_at_once()
    {
        var portal = await fixture.GetAsync();
        // A province no other spec writes to, with an officer of its own.
        var province = await portal.WithDbAsync(db => db.Provinces.Where(p => p.ValidTo == null).OrderByDescending(p => p.Code).Select(p => p.Code).FirstAsync());
        var officer = $"hangdoi{Guid.NewGuid():N}"[..16] + "@test.vn";
        await portal.CreateUserAsync(officer, Domain.Identity.Roles.ProvinceOfficer, province);
        var client = portal.Browser();
        await client.SignInOkAsync(officer);
        var before = Total(HttpForms.Text(await client.GetPageAsync("/Projects/Queue")));
        for (var i = 0; i < 55; i++)
        {
            await new ProjectBuilder(portal).In(province, 2026).Titled($"Đề án chờ hoàn thiện số {i}").SaveAsync();
        }

        var total = before + 55;
        var pages = (total + 49) / 50;
        var first = HttpForms.Text(await client.GetPageAsync("/Projects/Queue?sort=code"));
        Assert.Contains($"Tổng số: {total}", first, StringComparison.Ordinal);
        Assert.Contains($"Trang 1 / {pages}", first, StringComparison.Ordinal);
        Assert.Equal(50, Codes(first).Count);
        var last = HttpForms.Text(await client.GetPageAsync($"/Projects/Queue?sort=code&p={pages + 5}"));
        Assert.Contains($"Trang {pages} / {pages}", last, StringComparison.Ordinal);
        Assert.Equal(total - (50 * (pages - 1)), Codes(last).Count);
        Assert.Empty(Codes(first).Intersect(Codes(last)));

        await new ProjectBuilder(portal).In(province, 2026).Titled("Đề án chờ hoàn thiện cuối cùng").SaveAsync();
        Assert.Contains($"Tổng số: {total + 1}", HttpForms.Text(await client.GetPageAsync("/Projects/Queue?sort=code")), StringComparison.Ordinal);
    }

    private static int Total(string html) =>
        html.Contains("data-testid=\"queue-empty\"", StringComparison.Ordinal) ? 0
            : int.Parse(Regex.Match(html, "Tổng số: ([0-9.]+)").Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>
    /// The search reads each database's index of the search key (SQLite FTS5 trigram, PostgreSQL pg_trgm) and yet
    /// shows exactly the projects whose key contains the term, in the list's order, as a row-by-row test would:
    /// with and without diacritics and Đ/đ, in capitals, shorter than a trigram, with quotes and LIKE wildcards,
    /// a term nearly every project contains (on SQLite the page is then read along the list's order instead, see
    /// ProjectSearch.ScanIsCheaper), and nothing for a term nothing contains.
    /// </summary>
    [Theory]
    [InlineData("{tag} Đắk Lắk", "", 2)]
    [InlineData("{tag} dak lak", "amount", 2)]
    [InlineData("SẤY {TAG} ĐÀ NẴNG", "year", 1)]
    [InlineData("sấy {tag}", "code", 3)]
    [InlineData("\"{tag}\"", "", 1)]
    [InlineData("{tag}\" 50%_", "", 1)]
    [InlineData("{tag}%", "", 0)]
    [InlineData("{tag}_", "", 0)]
    [InlineData("{tag} không có", "", 0)]
    [InlineData("đà", "", -1)]
    [InlineData("Đắ", "amount", -1)]
    [InlineData("ồn", "", -1)]
    [InlineData("khuyến công", "", -1)]
    [InlineData("Trung Tâm Khuyến", "amount", -1)]
    public async Task A_search_shows_exactly_the_projects_whose_key_contains_the_term_in_the_lists_order(string term, string sort, int count)
    {
        var portal = await fixture.GetAsync();
        var tag = $"tk{Guid.NewGuid():N}"[..14];
        var titles = new[]
        {
            $"Máy sấy {tag} Đắk Lắk", $"Máy sấy {tag} dak lak", $"Lò sấy {tag} Đà Nẵng", $"Máy \"{tag}\" 50%_x", $"Đề án {tag} đồng bộ",
        };
        for (var i = 0; i < titles.Length; i++)
        {
            await new ProjectBuilder(portal).In("24", 2024 + i % 3).Titled(titles[i]).SaveAsync();
        }

        var query = term.Replace("{tag}", tag, StringComparison.Ordinal).Replace("{TAG}", tag.ToUpperInvariant(), StringComparison.Ordinal);
        var key = SearchText.Key(query);
        var all = await portal.WithDbAsync(db => db.Projects.Select(p => new { p.Id, p.Code, p.SearchKey, p.UpdatedAtUtc, p.PlanYear, p.RequestedSupport }).ToListAsync());
        var matches = all.Where(p => p.SearchKey.Contains(key, StringComparison.Ordinal)).ToList();
        var expected = (sort switch
        {
            "code" => matches.OrderBy(p => p.Code, StringComparer.Ordinal),
            "year" => matches.OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code, StringComparer.Ordinal),
            "amount" => matches.OrderByDescending(p => p.RequestedSupport).ThenBy(p => p.Code, StringComparer.Ordinal),
            _ => matches.OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id),
        }).Select(p => p.Code).ToList();
        if (count >= 0)
        {
            Assert.Equal(count, expected.Count);
        }
        else
        {
            // A term shorter than a trigram, or in nearly every project: the same projects, among them this test's own.
            Assert.True(expected.Count > titles.Length / 2, $"«{query}» should match several projects, found {expected.Count}");
        }

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var html = HttpForms.Text(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString(query)}&sort={sort}"));
        Assert.Equal(expected.Take(25), Codes(html));
        Assert.Contains($"Tổng số: {expected.Count.ToString("#,##0", VietnameseCulture.Instance)}", html);
        if (expected.Count == 0)
        {
            Assert.Contains("Chưa có đề án nào khớp điều kiện lọc.", html);
        }
    }

    /// <summary>A renamed project is found by its new name at once and no longer by its old one (the index follows every save).</summary>
    [Fact]
    public async Task A_renamed_project_is_found_by_its_new_name_and_not_by_its_old_one()
    {
        var portal = await fixture.GetAsync();
        var tag = $"dt{Guid.NewGuid():N}"[..14];
        var id = await new ProjectBuilder(portal).In("24", 2026).Titled($"Máy dệt {tag} cũ").SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        Assert.Contains("Tổng số: 1", HttpForms.Text(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString($"dệt {tag} cũ")}")));

        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes).SingleAsync(p => p.Id == id);
            var officer = new ProjectActor("test-officer", "Chuyên viên", Domain.Identity.Roles.ProvinceOfficer, new HashSet<int> { project.ProvinceId }, new HashSet<string>());
            var edited = project.EditDraft(project.ToDraft() with { Title = $"Máy dệt {tag} đổi tên" }, new ActContext(officer, DateTime.UtcNow, ProjectLimits.Default));
            Assert.True(edited.Done, edited.Message);
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Contains("Tổng số: 0", HttpForms.Text(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString($"dệt {tag} cũ")}")));
        var renamed = HttpForms.Text(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString($"{tag} đổi tên")}"));
        Assert.Contains("Tổng số: 1", renamed);
        Assert.Contains($"Máy dệt {tag} đổi tên", renamed);
    }

    private static List<string> Codes(string html) =>
        [.. ProjectLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a href=\"/Projects/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex ProjectLink();
}

public sealed class ProjectListOnSqlite(SqlitePortalFixture fixture) : ProjectListSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ProjectListOnPostgreSql(PostgresPortalFixture fixture) : ProjectListSpecs(fixture), IClassFixture<PostgresPortalFixture>;
