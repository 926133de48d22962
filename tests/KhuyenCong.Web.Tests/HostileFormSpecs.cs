using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// No form value may produce a 5xx or show a stack trace: every form a user of each role finds on the pages of their
/// work is read from the page and posted back with one field at a time replaced by a hostile value (the others as the
/// page rendered them, the antiforgery token included). The database is this class's own, so what succeeds does no harm.
/// </summary>
public sealed partial class HostileFormSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly string[] s_values =
    [
        "-1", "10000", "99999999999999999999", "", "abc", "1.234.567,89", "31/02/2026", "\u0000", "<script>alert(1)</script>", new string('Đ', 5_000),
    ];

    /// <summary>Forms that end the session or count failed passwords: posting them would only sign the test out.</summary>
    private static readonly string[] s_skippedActions = ["/Account/Logout", "/Account/Login", "/Account/ChangePassword"];

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(input|select|textarea)\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("\\b([a-zA-Z-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [Fact]
    public async Task No_hostile_form_value_gets_a_server_error_or_a_stack_trace()
    {
        var portal = await fixture.GetAsync();
        var draft = await new ProjectBuilder(portal).In("24", 2026).WithCostEstimate().SaveAsync();
        var submitted = await new ProjectBuilder(portal).In("24", 2026).Source(FundingSource.KCDP).State(ProjectState.Submitted).SaveAsync();
        var review = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.UnderMinistryReview).SaveAsync();
        var approved = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Approved, 400_000_000).SaveAsync();
        var running = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.InProgress, 400_000_000).SaveAsync();
        var accepted = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Accepted, 400_000_000).SaveAsync();

        var failures = new List<string>();
        var posts = 0;
        async Task CrawlAsync(string email, params string[] pages)
        {
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            foreach (var page in pages)
            {
                posts += await PostHostileFormsAsync(client, email, page, failures);
            }
        }

        await CrawlAsync(PortalFixture.OfficerBacNinh, "/Projects/Edit", $"/Projects/Edit/{draft}", $"/Projects/Details/{draft}",
            $"/Projects/Details/{approved}", $"/Projects/Details/{running}", $"/Projects/Details/{accepted}", "/Reports/Periodic", "/Exchange");
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        if (FirstLink(await officer.GetPageAsync("/Reports/Periodic"), "/Reports/Periodic/Details/") is { } report)
        {
            await CrawlAsync(PortalFixture.OfficerBacNinh, report);
        }

        await CrawlAsync(PortalFixture.ApproverBacNinh, $"/Projects/Details/{submitted}", "/Plans");
        await CrawlAsync(PortalFixture.MinistryOfficer, $"/Projects/Details/{review}");
        await CrawlAsync(PortalFixture.MinistryApprover, "/Plans");

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var viewer = FirstLink(await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(PortalFixture.Viewer)}"), "/Admin/Users/Edit/");
        var region = FirstLink(await admin.GetPageAsync("/Reference/Regions"), "/Reference/Regions/Edit/");
        var province = FirstLink(await admin.GetPageAsync("/Reference/Provinces"), "/Reference/Provinces/Details/");
        Assert.NotNull(viewer);
        Assert.NotNull(region);
        Assert.NotNull(province);
        await CrawlAsync(PortalFixture.Admin, "/Admin/Users/Create", viewer!, region!, province!, "/Reference/Contents/Edit", "/Reference/Deadlines/Edit",
            "/Reference/Departments/Edit", "/Reference/Dossier/Edit", "/Reference/Indicators/Edit", "/Reference/Norms/Edit", "/Reference/Periods/Edit",
            "/Reference/Targets/Edit", "/Reference/Reminders/Edit");

        // One line per field that failed, with the first value that broke it.
        var summary = failures.GroupBy(f => f[..f.IndexOf('=', StringComparison.Ordinal)]).Select(g => $"{g.First()} (+{g.Count() - 1})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {posts} posts failed:\n{string.Join("\n", summary.Take(60))}");
        Assert.True(posts > 2000, $"Only {posts} hostile posts were made: the pages' forms were not found.");
    }

    /// <summary>Posts every form of <paramref name="url"/> once per field and hostile value; returns how many posts were made.</summary>
    private static async Task<int> PostHostileFormsAsync(HttpClient client, string who, string url, List<string> failures)
    {
        var html = await client.GetPageAsync(url);
        var forms = Forms(html, url).Where(f => !s_skippedActions.Any(f.Action.StartsWith)).ToList();
        if (forms.Count == 0)
        {
            failures.Add($"{who}: no form on {url}=");
        }

        var posts = 0;
        foreach (var form in forms)
        {
            foreach (var field in form.Fields.Select(f => f.Key).Where(k => k != "__RequestVerificationToken").Distinct())
            {
                foreach (var value in s_values)
                {
                    var fields = form.Fields.Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, value) : f);
                    using var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
                    posts++;
                    var body = await response.Content.ReadAsStringAsync();
                    var shown = value.Length > 20 ? $"{value[..10]}…({value.Length})" : value;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{who} {form.Action} {field}={shown} → {(int)response.StatusCode}");
                    }
                    else if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
                    {
                        failures.Add($"{who} {form.Action} {field}={shown} → a stack trace in the page");
                    }
                    else if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true)
                    {
                        failures.Add($"{who} {form.Action} {field}={shown} → signed out");
                    }
                }
            }
        }

        return posts;
    }

    private sealed record Form(string Action, List<KeyValuePair<string, string>> Fields);

    /// <summary>The POST forms of a page with their fields as a browser would send them unchanged.</summary>
    private static IEnumerable<Form> Forms(string html, string url)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!attributes.TryGetValue("method", out var method) || !method.Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = attributes.TryGetValue("action", out var a) && a.Length > 0 ? WebUtility.HtmlDecode(a) : url;
            var fields = new List<KeyValuePair<string, string>>();
            var body = form.Groups[2].Value;
            foreach (Match field in FieldPattern().Matches(body))
            {
                var f = Attributes(field.Groups[2].Value);
                if (!f.TryGetValue("name", out var name))
                {
                    continue;
                }

                var type = f.GetValueOrDefault("type", "text");
                if (type is "submit" or "button" or "file" || ((type is "checkbox" or "radio") && !f.ContainsKey("checked")))
                {
                    continue;
                }

                var value = field.Groups[1].Value.ToLowerInvariant() switch
                {
                    "select" => SelectedValue(body, field.Index),
                    "textarea" => string.Empty,
                    _ => f.GetValueOrDefault("value", string.Empty),
                };
                fields.Add(new(WebUtility.HtmlDecode(name), WebUtility.HtmlDecode(value)));
            }

            yield return new Form(action, fields);
        }
    }

    private static string SelectedValue(string body, int start)
    {
        var end = body.IndexOf("</select>", start, StringComparison.OrdinalIgnoreCase);
        var select = body[start..(end < 0 ? body.Length : end)];
        var chosen = Regex.Match(select, "<option[^>]*selected[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected");
        var option = chosen.Success ? chosen : Regex.Match(select, "<option[^>]*value=\"([^\"]*)\"");
        return option.Success ? (option.Groups[1].Success ? option.Groups[1].Value : option.Groups[2].Value) : string.Empty;
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).GroupBy(m => m.Groups[1].Value.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Groups[2].Value);

    private static string? FirstLink(string html, string prefix) =>
        Regex.Match(html, $"href=\"({Regex.Escape(prefix)}[^\"?#]+)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
}
