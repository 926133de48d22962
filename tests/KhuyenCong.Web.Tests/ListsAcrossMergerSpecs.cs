using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The project list as people use it (issue 13): a province filter and a search that follow the 2025 merger, columns
/// sorted both ways with paging that continues the order, a view kept whole in its address; and the project page
/// naming people by full name and role and contents by their names.
/// </summary>
public abstract partial class ListsAcrossMergerSpecs(PortalFixture fixture)
{
    [Fact]
    public async Task The_province_filter_of_today_includes_the_projects_of_the_provinces_it_was_formed_from()
    {
        var portal = await fixture.GetAsync();
        var tag = $"loctinh{Guid.NewGuid():N}"[..20];
        var oldBacNinh = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("27", 2024).Titled($"Đề án {tag} Bắc Ninh cũ").SaveAsync());
        var oldBacGiang = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("24", 2024).Titled($"Đề án {tag} Bắc Giang cũ").SaveAsync());
        var newBacNinh = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} Bắc Ninh mới").SaveAsync());
        var hanoi = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("01", 2024).Titled($"Đề án {tag} Hà Nội").SaveAsync());

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var today = await client.GetPageAsync($"/Projects?province=24&q={tag}");
        Assert.Equal(new[] { hanoi, newBacNinh, oldBacGiang, oldBacNinh }.Except([hanoi]).Order(StringComparer.Ordinal), Codes(today).Order(StringComparer.Ordinal));
        Assert.Contains("Tổng số: 3", HttpForms.Text(today));

        // The picker offers today's province with those it was formed from, and the former ones on their own.
        Assert.Contains("24 – Bắc Ninh (gồm Bắc Giang, Bắc Ninh cũ)", WebUtility.HtmlDecode(today));
        Assert.Equal("24", Selected(today, "province"));
        var formerGiang = await client.GetPageAsync($"/Projects?province={Uri.EscapeDataString("24@2025-06-30")}&q={tag}");
        Assert.Equal([oldBacGiang], Codes(formerGiang));
        Assert.Equal("24@2025-06-30", Selected(formerGiang, "province"));
        Assert.Contains("Bắc Giang (đến 30/06/2025, nay thuộc Bắc Ninh)", WebUtility.HtmlDecode(formerGiang));
        Assert.Equal([oldBacNinh], Codes(await client.GetPageAsync($"/Projects?province=27&q={tag}")));
        Assert.Equal([hanoi], Codes(await client.GetPageAsync($"/Projects?province=1&q={tag}")));
        Assert.Empty(Codes(await client.GetPageAsync($"/Projects?province=99&q={tag}")));
    }

    [Fact]
    public async Task The_list_exports_the_projects_it_shows_with_the_merger_and_the_search_and_no_others()
    {
        var portal = await fixture.GetAsync();
        var tag = $"xuatds{Guid.NewGuid():N}"[..20];
        var oldBacNinh = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("27", 2024).Titled($"Đề án {tag} Bắc Ninh cũ").SaveAsync());
        var oldBacGiang = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("24", 2024).Titled($"Đề án {tag} Bắc Giang cũ").SaveAsync());
        await new ProjectBuilder(portal).In("01", 2024).Titled($"Đề án {tag} Hà Nội").SaveAsync();
        await new ProjectBuilder(portal).In("24", 2024).Titled("Đề án khác cùng tỉnh").SaveAsync();

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var list = await client.GetPageAsync($"/Projects?province=24&q={tag}&p=1");
        var anchor = Regex.Match(list, "<a [^>]*data-testid=\"export-projects\"[^>]*>").Value;
        var link = WebUtility.HtmlDecode(Regex.Match(anchor, "href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains($"q={tag}", link);
        Assert.DoesNotContain("p=1", link);

        var file = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var book = new ClosedXML.Excel.XLWorkbook(await file.Content.ReadAsStreamAsync()))
        {
            var codes = book.Worksheet("DeAn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { oldBacNinh, oldBacGiang }.Order(StringComparer.Ordinal), codes);
        }

        // Within a province officer's scope, the same address exports nothing of another province.
        var hanoi = portal.Browser();
        await hanoi.SignInOkAsync(PortalFixture.OfficerHanoi);
        using (var book = new ClosedXML.Excel.XLWorkbook(await (await hanoi.GetAsync(link)).Content.ReadAsStreamAsync()))
        {
            Assert.Single(book.Worksheet("DeAn").RowsUsed());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Projects?handler=Export&sheet=plans")).StatusCode);
    }

    [Fact]
    public async Task A_search_for_a_province_name_finds_the_projects_of_the_provinces_it_was_formed_from()
    {
        var portal = await fixture.GetAsync();
        // A plan year no other spec uses, so that «bac ninh» within it lists only this test's projects.
        var year = 2019;
        var oldBacNinh = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("27", year).Titled("Đề án sản xuất gốm").SaveAsync());
        var oldBacGiang = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("24", year).Titled("Đề án chế biến vải thiều").SaveAsync());
        var hanoi = await CodeOfAsync(portal, await new ProjectBuilder(portal).In("01", year).Titled("Đề án mây tre").SaveAsync());

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        foreach (var term in new[] { "bac ninh", "Bắc Ninh" })
        {
            var found = Codes(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString(term)}&year={year}"));
            Assert.Contains(oldBacNinh, found);
            Assert.Contains(oldBacGiang, found);
            Assert.DoesNotContain(hanoi, found);
        }

        var giang = Codes(await client.GetPageAsync($"/Projects?q={Uri.EscapeDataString("bắc giang")}&year={year}"));
        Assert.Contains(oldBacGiang, giang);
        Assert.DoesNotContain(oldBacNinh, giang);
        Assert.DoesNotContain(hanoi, giang);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("year")]
    [InlineData("amount")]
    [InlineData("updated")]
    public async Task A_column_sorted_again_shows_the_list_reversed_and_page_two_continues_either_way(string sort)
    {
        var portal = await fixture.GetAsync();
        var tag = $"sx{sort}{Guid.NewGuid():N}"[..18];
        for (var i = 0; i < 30; i++)
        {
            await new ProjectBuilder(portal).In("24", 2024 + i % 3).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        async Task<List<string>> AllAsync(string dir)
        {
            var first = await client.GetPageAsync($"/Projects?q={tag}&sort={sort}&dir={dir}");
            Assert.Contains("Trang 1 / 2", HttpForms.Text(first));
            var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
            Assert.Contains($"sort={sort}", next);
            Assert.Contains($"dir={dir}", next);
            Assert.Contains($"q={tag}", next);
            var second = await client.GetPageAsync(next);
            Assert.Contains("Trang 2 / 2", HttpForms.Text(second));
            return [.. Codes(first), .. Codes(second)];
        }

        var ascending = await AllAsync("asc");
        var descending = await AllAsync("desc");
        Assert.Equal(30, ascending.Distinct().Count());
        Assert.Equal(30, descending.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(ascending), descending);
        if (sort == "code")
        {
            Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        }
    }

    [Fact]
    public async Task A_header_sorts_ascending_then_descending_and_says_so()
    {
        var portal = await fixture.GetAsync();
        var tag = $"tieude{Guid.NewGuid():N}"[..18];
        for (var i = 0; i < 3; i++)
        {
            await new ProjectBuilder(portal).In("24", 2024 + i).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var plain = await client.GetPageAsync($"/Projects?q={tag}&source=KCQG");
        Assert.DoesNotContain("aria-sort", Header(plain, "year"));
        var link = HeaderLink(plain, "year");
        Assert.Contains("sort=year", link);
        Assert.Contains("dir=asc", link);
        Assert.Contains($"q={tag}", link);
        Assert.Contains("source=KCQG", link);

        var ascending = await client.GetPageAsync(link);
        Assert.Contains("aria-sort=\"ascending\"", Header(ascending, "year"));
        Assert.Contains("▲", Header(ascending, "year"));
        var years = YearCells().Matches(ascending).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2024", "2025", "2026"], years);

        var descending = await client.GetPageAsync(HeaderLink(ascending, "year"));
        Assert.Contains("aria-sort=\"descending\"", Header(descending, "year"));
        Assert.Contains("▼", Header(descending, "year"));
        Assert.Equal(["2026", "2025", "2024"], YearCells().Matches(descending).Select(m => m.Groups[1].Value));
        Assert.Contains("dir=asc", HeaderLink(descending, "year"));
    }

    [Fact]
    public async Task A_bookmarked_address_with_filters_shows_the_same_rows_to_another_session()
    {
        var portal = await fixture.GetAsync();
        var tag = $"danhdau{Guid.NewGuid():N}"[..18];
        for (var i = 0; i < 30; i++)
        {
            await new ProjectBuilder(portal).In(i % 2 == 0 ? "24" : "27", 2024).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var address = $"/Projects?q={tag}&province=24&year=2024&source=KCQG&content=ND03&sort=code&dir=desc&p=1";
        var first = portal.Browser();
        await first.SignInOkAsync(PortalFixture.Viewer);
        var page = await first.GetPageAsync(address);
        var rows = Codes(page);
        Assert.Equal(25, rows.Count);

        // The form reads back every filter from the address, so that filtering again keeps the view.
        Assert.Contains($"value=\"{tag}\"", page);
        Assert.Equal("24", Selected(page, "province"));
        Assert.Equal("KCQG", Selected(page, "source"));
        Assert.Equal("ND03", Selected(page, "content"));
        Assert.Equal("code", Selected(page, "sort"));
        Assert.Equal("desc", Selected(page, "dir"));
        Assert.Contains("<form method=\"get\"", page);

        var other = portal.Browser();
        await other.SignInOkAsync(PortalFixture.MinistryOfficer);
        Assert.Equal(rows, Codes(await other.GetPageAsync(address)));
        Assert.Equal(rows, Codes(await first.GetPageAsync(address)));
    }

    [Fact]
    public async Task The_project_page_names_people_by_full_name_and_role_and_contents_by_their_names()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).Titled("Đề án người thực hiện").SaveAsync();

        // An older row that stored the author's sign-in e-mail, as records did before names were written.
        await portal.WithDbAsync(async db =>
        {
            var officer = await db.Users.SingleAsync(u => u.Email == PortalFixture.OfficerBacNinh);
            var project = await db.Projects.Include(p => p.Documents).Include(p => p.Events).SingleAsync(p => p.Id == id);
            var actor = new ProjectActor(officer.Id, PortalFixture.OfficerBacNinh, Domain.Identity.Roles.ProvinceOfficer, new HashSet<int> { project.ProvinceId }, new HashSet<string>());
            var attached = project.AttachDocument("Dự toán kinh phí", "du-toan.pdf", "application/pdf", 10, $"x-{Guid.NewGuid():N}.pdf", "x", new ActContext(actor, DateTime.UtcNow, ProjectLimits.Default));
            Assert.True(attached.Done, attached.Message);
            return await db.SaveChangesAsync();
        });

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var html = await client.GetPageAsync($"/Projects/Details/{id}");
        var timeline = HttpForms.Text(Timeline().Match(html).Value);
        Assert.Contains("Người thử ProvinceOfficer (Chuyên viên Sở Công Thương)", timeline);
        Assert.DoesNotContain("@", timeline);
        Assert.DoesNotContain(PortalFixture.OfficerBacNinh, html);

        var name = await portal.WithDbAsync(db => db.Contents.Where(c => c.Code == "ND03").Select(c => c.Name).FirstAsync());
        Assert.Contains($"ND03 – {name}", WebUtility.HtmlDecode(HttpForms.Text(html)));
    }

    /// <summary>The value of the option a select shows as chosen, or "" when none is.</summary>
    private static string Selected(string html, string name)
    {
        var start = html.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        var chosen = Regex.Match(select, "<option[^>]*\\sselected=\"selected\"[^>]*>");
        return chosen.Success ? WebUtility.HtmlDecode(Regex.Match(chosen.Value, "value=\"([^\"]*)\"").Groups[1].Value) : string.Empty;
    }

    [Fact]
    public async Task The_user_list_sorts_by_full_name_both_ways_and_keeps_the_search()
    {
        var portal = await fixture.GetAsync();
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var plain = await admin.GetPageAsync("/Admin/Users?q=test.vn");
        var link = HeaderLink(plain, "name");
        Assert.Contains("q=test.vn", link);
        Assert.Contains("dir=asc", link);

        var ascending = await admin.GetPageAsync(link);
        Assert.Contains("aria-sort=\"ascending\"", Header(ascending, "name"));
        var names = UserNames().Matches(ascending).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(names.Count > 3, $"{names.Count} users listed");
        var descending = await admin.GetPageAsync(HeaderLink(ascending, "name"));
        Assert.Contains("aria-sort=\"descending\"", Header(descending, "name"));
        Assert.Equal(Enumerable.Reverse(names), UserNames().Matches(descending).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("name=\"sort\" value=\"name\"", descending);
    }

    private static Task<string> CodeOfAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

    private static string Header(string html, string column) =>
        SortHeader().Matches(html).Single(m => m.Groups[2].Value == column).Groups[1].Value;

    private static string HeaderLink(string html, string column) =>
        WebUtility.HtmlDecode(Regex.Match(Header(html, column), "href=\"([^\"]+)\"").Groups[1].Value);

    private static List<string> Codes(string html) =>
        [.. ProjectLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a href=\"/Projects/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex ProjectLink();

    [GeneratedRegex("(<th[^>]*><a class=\"sort-link\"[^>]*data-sort=\"([a-z]+)\"[^>]*>.*?</th>)")]
    private static partial Regex SortHeader();

    [GeneratedRegex("<a class=\"page-link\" href=\"([^\"]+)\">Sau</a>")]
    private static partial Regex NextLink();

    [GeneratedRegex("</a></td><td[^>]*>[^<]*</td><td[^>]*>(\\d{4})</td>")]
    private static partial Regex YearCells();

    [GeneratedRegex("<tr>\\s*<td[^>]*>([^<]*)</td><td[^>]*>[^<]*@[^<]*</td>")]
    private static partial Regex UserNames();

    [GeneratedRegex("<table[^>]*data-testid=\"timeline\".*?</table>", RegexOptions.Singleline)]
    private static partial Regex Timeline();
}

public sealed class ListsAcrossMergerOnSqlite(SqlitePortalFixture fixture) : ListsAcrossMergerSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ListsAcrossMergerOnPostgreSql(PostgresPortalFixture fixture) : ListsAcrossMergerSpecs(fixture), IClassFixture<PostgresPortalFixture>;
