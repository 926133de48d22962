using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// axe-core on the main pages of every role at laptop width, with real data: no violation of impact serious or
/// critical. axe is injected through the DevTools protocol (an init script), which the portal's CSP does not govern;
/// a script tag would be refused by script-src 'self', and the CSP is not weakened for the tests.
/// </summary>
public sealed class AccessibilityJourney
{
    private static readonly string s_axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js"));

    [Fact]
    public async Task The_main_pages_of_every_role_have_no_serious_or_critical_axe_violation()
    {
        var data = await PortalWithData.StartAsync();
        await using var session = data.Session;
        // A script tag is what Playwright's AddScriptTagAsync adds: the portal's CSP refuses it, so axe goes in by the protocol.
        var probe = await session.NewPageAsync();
        await probe.GotoAsync("/Account/Login");
        try
        {
            await probe.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js") });
        }
        catch (PlaywrightException)
        {
            // Playwright may report the refused script; either way axe must not be there.
        }

        Assert.Equal("undefined", await probe.EvaluateAsync<string>("() => typeof window.axe"));
        await probe.Context.CloseAsync();

        var establishment = await session.Portal.WithDbAsync(db => db.Beneficiaries.Where(b => b.ProjectId == data.Contracted).Select(b => b.EstablishmentId!.Value).FirstAsync());
        var problems = new List<string>();
        foreach (var (user, pages) in new (string?, string[])[]
        {
            (null, ["/Account/Login"]),
            (PortalWithData.ProvinceOfficer, ["/", "/Projects", "/Projects/Queue", $"/Projects/Details/{data.Contracted}", "/Projects/Edit", $"/Projects/Edit/{data.Draft}", "/Plans",
                "/Reports/Periodic", $"/Reports/Periodic/Details/{data.PeriodicReport}", "/Reports/Conference?year=2025", "/Exchange", "/Notifications",
                "/Account/ChangePassword", "/Account/Mfa", "/Account/Notifications", "/Account/Tokens",
                "/Establishments", $"/Establishments/Details/{establishment}", $"/Establishments/Edit/{establishment}", "/Votes", "/Votes/Create"]),
            (PortalWithData.ProvinceApprover, ["/", "/Projects/Queue", $"/Projects/Details/{data.Submitted}", $"/Reports/Periodic/Details/{data.PeriodicReport}"]),
            (PortalWithData.MinistryOfficer, ["/", "/Projects", $"/Projects/Details/{data.UnderMinistryReview}", "/Reports/Periodic", "/Reports/Completeness", "/Reports/Programme?from=2023&to=2026"]),
            (PortalWithData.MinistryApprover, ["/", "/Projects/Queue", $"/Projects/Details/{data.UnderMinistryReview}"]),
            (PortalWithData.Organiser, ["/", "/Projects", "/Reports/Conference?region=NAM&year=2025&cutoff=30%2F09%2F2025", "/Reports/Programme?from=2023&to=2026&region=NAM"]),
            (PortalWithData.Viewer, ["/", "/Projects", $"/Projects/Details/{data.Contracted}", "/Reports/Programme?from=2023&to=2026"]),
            (PortalWithData.Admin, ["/", "/Admin/Users", "/Admin/Users/Create", "/Admin/Audit", "/Admin/Tokens", "/Admin/Mail", "/Reference/Provinces", "/Reference/Norms", "/Reference/Norms/Edit"]),
        })
        {
            var page = await session.NewPageAsync();
            await page.Context.AddInitScriptAsync(s_axe);
            if (user is not null)
            {
                await session.SignInAsync(page, user);
            }

            foreach (var path in pages)
            {
                // A page that is not there (404, 403) has nothing to check: it counts as a failure.
                var status = (await page.GotoAsync(path))?.Status;
                if (status != 200)
                {
                    problems.Add($"{user ?? "khách"} {path}: HTTP {status}");
                }

                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                problems.AddRange((await ViolationsAsync(page)).Select(v => $"{user ?? "khách"} {path}: {v}"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>axe's serious and critical violations on the page: rule, impact, the selectors of the elements, and axe's help.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                if (!window.axe) throw new Error('axe-core was not injected');
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 8).map(n => n.target.join(' ')).join(' | ')}${v.nodes.length > 8 ? ` … ${v.nodes.length} in all` : ''} – ${v.help}`);
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }
}
