using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Projects and disbursements through the JSON API (issue 12): the same projects as the projects page for the same
/// user and filters, keyset cursors that survive inserts, an ETag per version, and a disbursement recorded by the
/// page's own command with its rules, its Vietnamese refusals and the token named in the timeline.
/// </summary>
public abstract partial class ApiProjectSpecs(PortalFixture fixture)
{
    private static string Tag() => $"apitag{Guid.NewGuid():N}"[..20];

    [Theory]
    [InlineData(PortalFixture.OfficerBacNinh, 2)]
    [InlineData(PortalFixture.OrganiserSouth, 1)]
    [InlineData(PortalFixture.OrganiserNorth, 3)]
    [InlineData(PortalFixture.MinistryOfficer, 4)]
    public async Task A_token_lists_exactly_the_projects_the_projects_page_lists_for_its_user(string email, int expected)
    {
        var portal = await fixture.GetAsync();
        var tag = Tag();
        int[] ids =
        [
            await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} Bắc Ninh").SaveAsync(),
            await new ProjectBuilder(portal).In("24", 2024).Titled($"Đề án {tag} Bắc Giang cũ").SaveAsync(),
            await new ProjectBuilder(portal).In("01", 2026).Titled($"Đề án {tag} Hà Nội").SaveAsync(),
            await new ProjectBuilder(portal).In("79", 2026).Titled($"Đề án {tag} TP HCM").SaveAsync(),
        ];

        var api = await portal.ApiClientAsync(email);
        var listed = await ApiIdsAsync(api, $"q={tag}");
        var page = await PageIdsAsync(portal, email, $"q={tag}");
        Assert.Equal(expected, listed.Count);
        Assert.Equal(page.Order(), listed.Order());

        // One by id: within the scope 200, outside it 404, like the project page.
        foreach (var id in ids)
        {
            var response = await api.GetAsync($"/api/v1/projects/{id}");
            Assert.Equal(listed.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/projects/987654")).StatusCode);
    }

    [Theory]
    [InlineData("year=2024", "year=2024")]
    [InlineData("province=01", "province=01")]
    [InlineData("source=KCDP", "source=KC%C4%90P")]
    [InlineData("state=InProgress", "state=%C4%90ang%20th%E1%BB%B1c%20hi%E1%BB%87n")]
    [InlineData("kind=Thuong&region=BAC", "kind=Th%C6%B0%E1%BB%9Dng&region=BAC")]
    public async Task Each_filter_narrows_the_list_as_it_narrows_the_page(string pageFilter, string exchangeFilter)
    {
        var portal = await fixture.GetAsync();
        var tag = Tag();
        await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} một").SaveAsync();
        await new ProjectBuilder(portal).In("24", 2024).Source(FundingSource.KCDP).State(ProjectState.InProgress).Titled($"Đề án {tag} hai").SaveAsync();
        await new ProjectBuilder(portal).In("01", 2026).Source(FundingSource.KCDP).Titled($"Đề án {tag} ba").SaveAsync();
        await new ProjectBuilder(portal).In("79", 2025).State(ProjectState.InProgress).Titled($"Đề án {tag} bốn").SaveAsync();

        var api = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var all = await ApiIdsAsync(api, $"q={tag}");
        var narrowed = await ApiIdsAsync(api, $"q={tag}&{pageFilter}");
        Assert.Equal(4, all.Count);
        Assert.InRange(narrowed.Count, 1, 3);
        Assert.Equal((await PageIdsAsync(portal, PortalFixture.MinistryOfficer, $"q={tag}&{pageFilter}")).Order(), narrowed.Order());
        // The codes as the exchange writes them name the same projects as the page's links.
        Assert.Equal(narrowed.Order(), (await ApiIdsAsync(api, $"q={tag}&{exchangeFilter}")).Order());
    }

    [Fact]
    public async Task The_text_search_narrows_as_on_the_page_and_items_carry_the_exchange_codes()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Approved, 400_000_000).Titled($"Đề án {tag} máy sấy chè").SaveAsync();
        await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} lò gốm").SaveAsync();
        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);

        var found = await ApiIdsAsync(api, $"q={Uri.EscapeDataString(tag + " máy sấy")}");
        Assert.Equal([id], found);
        Assert.Equal(await PageIdsAsync(portal, PortalFixture.OfficerBacNinh, $"q={Uri.EscapeDataString(tag + " máy sấy")}"), found);

        using var page = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects?q={tag}&state=Approved"));
        var item = page.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.Equal("24", item.GetProperty("provinceCode").GetString());
        Assert.Equal("KCQG", item.GetProperty("source").GetString());
        Assert.Equal("Thường", item.GetProperty("kind").GetString());
        Assert.Equal("Đã phê duyệt, giao kế hoạch", item.GetProperty("state").GetString());
        Assert.Equal(400_000_000, item.GetProperty("approved").GetInt64());
        Assert.Equal(1_200_000_000, item.GetProperty("counterpart").GetInt64());
        Assert.Equal(["ND03"], item.GetProperty("contents").EnumerateArray().Select(c => c.GetString()));
        Assert.EndsWith("Z", item.GetProperty("updatedAt").GetString());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("code")]
    public async Task Pages_of_a_cursor_hold_every_project_once_even_with_an_insert_between_them(string sort)
    {
        var portal = await fixture.GetAsync();
        var tag = Tag();
        var before = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            before.Add(await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} số {i}").SaveAsync());
        }

        var api = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects?q={tag}&sort={sort}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}")));
            seen.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
            if (++pages == 1)
            {
                // Inserted while the client pages: it neither repeats a row nor makes one be skipped.
                await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} chen giữa").SaveAsync();
            }
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), before.ToHashSet());
        var all = await ApiIdsAsync(api, $"q={tag}&sort={sort}", limit: 1000);
        Assert.Equal(8, all.Count);
        Assert.Equal(all.Where(seen.Contains), seen);
    }

    [Theory]
    [InlineData("cursor=bm90LWEtY3Vyc29y")]
    [InlineData("cursor=%%%")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("sort=amount")]
    [InlineData("state=Xong")]
    [InlineData("year=hai")]
    public async Task A_forged_cursor_or_a_bad_parameter_is_a_400_problem(string query)
    {
        var portal = await fixture.GetAsync();
        var api = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var response = await api.GetAsync($"/api/v1/projects?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Yêu cầu không hợp lệ", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_cursor_of_one_sort_is_refused_for_another()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag();
        for (var i = 0; i < 3; i++)
        {
            await new ProjectBuilder(portal).In("24", 2026).Titled($"Đề án {tag} số {i}").SaveAsync();
        }

        var api = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        using var page = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects?q={tag}&limit=1"));
        var cursor = page.RootElement.GetProperty("nextCursor").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/projects?q={tag}&limit=1&sort=code&cursor={cursor}")).StatusCode);
    }

    [Fact]
    public async Task The_etag_answers_304_until_the_project_changes()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);

        var first = await api.GetAsync($"/api/v1/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{id}");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await api.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await ProjectBuilder.PayAsync(portal, id, (new DateOnly(2026, 5, 1), 10_000_000m, MoneySource.State));
        var after = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{id}");
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await api.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        using var body = JsonDocument.Parse(await changed.Content.ReadAsStringAsync());
        Assert.Equal(10_000_000, body.RootElement.GetProperty("disbursed").GetInt64());
        Assert.Equal(10_000_000, body.RootElement.GetProperty("disbursements").EnumerateArray().Single().GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task A_disbursement_through_the_api_is_the_pages_act_and_names_the_token()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var api = await ClientAsync(portal, PortalFixture.OfficerBacNinh, "ke-toan-so");
        var etag = (await api.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag;

        var response = await PostDisbursementAsync(api, id, etag, new { date = "2026-06-01", amount = 100_000_000L, note = "UNC số 12" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var disbursement = created.RootElement.GetProperty("disbursement");
        Assert.Equal(100_000_000, disbursement.GetProperty("amount").GetInt64());
        Assert.Equal("2026-06-01", disbursement.GetProperty("date").GetString());
        Assert.Equal("Ngân sách", disbursement.GetProperty("source").GetString());
        Assert.Contains("qua API, mã «ke-toan-so»", disbursement.GetProperty("recordedBy").GetString());
        var newTag = response.Headers.ETag!.Tag;
        Assert.NotEqual(etag, newTag);
        Assert.Equal(newTag, created.RootElement.GetProperty("eTag").GetString());

        // The project page shows it, and the timeline names the token.
        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var page = HttpForms.Text(await browser.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("100.000.000", page);
        Assert.Contains("UNC số 12", page);
        using var detail = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{id}"));
        var last = detail.RootElement.GetProperty("timeline").EnumerateArray().Last();
        Assert.Contains("qua API, mã «ke-toan-so»", last.GetProperty("by").GetString());
        Assert.Equal("Đang thực hiện", detail.RootElement.GetProperty("state").GetString());
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.ProjectId == id).Select(a => a.UserName).ToListAsync()),
            n => n.Contains("qua API, mã «ke-toan-so»", StringComparison.Ordinal));

        // Listed among the disbursements of visible projects.
        using var listed = JsonDocument.Parse(await api.GetStringAsync("/api/v1/disbursements?year=2026&province=24&from=2026-06-01&to=2026-06-01&limit=1000"));
        Assert.Contains(listed.RootElement.GetProperty("items").EnumerateArray(), d => d.GetProperty("projectId").GetInt32() == id && d.GetProperty("amount").GetInt64() == 100_000_000);
    }

    [Fact]
    public async Task A_stale_or_missing_if_match_writes_nothing()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        var etag = (await api.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag;
        await ProjectBuilder.PayAsync(portal, id, (new DateOnly(2026, 5, 1), 10_000_000m, MoneySource.State));

        var stale = await PostDisbursementAsync(api, id, etag, new { date = "2026-06-01", amount = 50_000_000L });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Đề án đã thay đổi sau lần bạn đọc nó", await ProblemDetailAsync(stale));

        var missing = await PostDisbursementAsync(api, id, null, new { date = "2026-06-01", amount = 50_000_000L });
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Contains("If-Match", await ProblemDetailAsync(missing));
        Assert.Equal(1, await CountAsync(portal, id));
    }

    [Fact]
    public async Task A_rule_of_the_domain_refuses_with_its_own_message_and_writes_nothing()
    {
        var portal = await fixture.GetAsync();
        var contracted = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var draft = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);

        var overAdvance = await PostDisbursementAsync(api, contracted, await ETagAsync(api, contracted), new { date = "2026-06-01", amount = 300_000_000L });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overAdvance.StatusCode);
        Assert.Equal("Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng); tổng sau lần này là 300.000.000 đồng.",
            await ProblemDetailAsync(overAdvance));

        var notAmount = await PostDisbursementAsync(api, contracted, await ETagAsync(api, contracted), new { date = "2026-06-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAmount.StatusCode);
        Assert.Equal("Số tiền là số đồng nguyên, ví dụ 150.000.000.", await ProblemDetailAsync(notAmount));

        var wrongState = await PostDisbursementAsync(api, draft, await ETagAsync(api, draft), new { date = "2026-06-01", amount = 10_000_000L });
        Assert.Equal(HttpStatusCode.Conflict, wrongState.StatusCode);
        Assert.Equal("Không thể ghi nhận giải ngân: đề án đang ở trạng thái «Nháp».", await ProblemDetailAsync(wrongState));
        Assert.Equal((0, 0), (await CountAsync(portal, contracted), await CountAsync(portal, draft)));
    }

    [Fact]
    public async Task A_viewer_or_another_province_cannot_record_a_disbursement()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var viewer = await portal.ApiClientAsync(PortalFixture.Viewer);
        var forbidden = await PostDisbursementAsync(viewer, id, await ETagAsync(viewer, id), new { date = "2026-06-01", amount = 10_000_000L });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Bạn không có quyền ghi nhận giải ngân này.", await ProblemDetailAsync(forbidden));

        var hanoi = await portal.ApiClientAsync(PortalFixture.OfficerHanoi);
        var hidden = await PostDisbursementAsync(hanoi, id, "\"00000000000000000000000000000000\"", new { date = "2026-06-01", amount = 10_000_000L });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(0, await CountAsync(portal, id));
    }

    private static async Task<HttpClient> ClientAsync(PortalFactory portal, string email, string tokenName)
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false,
        });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await portal.CreateTokenAsync(email, tokenName));
        return client;
    }

    private static async Task<string> ETagAsync(HttpClient api, int id) => (await api.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag;

    private static Task<HttpResponseMessage> PostDisbursementAsync(HttpClient api, int id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/disbursements") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return api.SendAsync(request);
    }

    private static async Task<string?> ProblemDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }

    private static Task<int> CountAsync(PortalFactory portal, int id) => portal.WithDbAsync(db => db.Disbursements.CountAsync(d => d.ProjectId == id));

    /// <summary>Every id of a list, following its cursors.</summary>
    internal static async Task<List<int>> ApiIdsAsync(HttpClient api, string query, int limit = 2)
    {
        var ids = new List<int>();
        string? cursor = null;
        do
        {
            var response = await api.GetAsync($"/api/v1/projects?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return ids;
    }

    /// <summary>Every id the projects page lists for the user, page after page.</summary>
    internal static async Task<List<int>> PageIdsAsync(PortalFactory portal, string email, string query)
    {
        var browser = portal.Browser();
        await browser.SignInOkAsync(email);
        var ids = new List<int>();
        for (var p = 1; p < 50; p++)
        {
            var html = await browser.GetPageAsync($"/Projects?{query}&p={p}");
            var found = ProjectLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (found.Count == 0 || found.All(ids.Contains))
            {
                break;
            }

            ids.AddRange(found);
        }

        return ids;
    }

    [GeneratedRegex("<a href=\"/Projects/Details/(\\d+)\">")]
    private static partial Regex ProjectLink();
}

public sealed class ApiProjectSqlite(SqlitePortalFixture fixture) : ApiProjectSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ApiProjectPostgreSql(PostgresPortalFixture fixture) : ApiProjectSpecs(fixture), IClassFixture<PostgresPortalFixture>;
