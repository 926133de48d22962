using KhuyenCong.Data.Imports;
using KhuyenCong.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The portal's pages under its own CSP (style-src 'self', script-src 'self') in a real browser: no violation reported
/// and no failed request (a missing icon included) on the pages a province officer opens, from the sign-in form to a
/// background import's progress bar.
/// </summary>
public sealed class ContentSecurityJourney
{
    [Fact]
    public async Task A_province_officers_pages_run_under_the_CSP_without_a_violation_or_a_failed_request()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("csp@test.vn", Roles.ProvinceOfficer, "24");
        var ownerId = await session.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == "csp@test.vn").Select(u => u.Id).SingleAsync());
        // A job another instance is running, with a fresh heartbeat: its page shows the progress bar.
        var jobId = await session.Portal.WithDbAsync(async db =>
        {
            var job = new ImportJob
            {
                OwnerId = ownerId, FileName = "dang-chay.xlsx", Content = [1], TotalRows = 200, RowsChecked = 50, State = ImportJobState.Running,
                CreatedAtUtc = DateTime.UtcNow, StartedAtUtc = DateTime.UtcNow, ClaimedBy = "may-khac", HeartbeatAtUtc = DateTime.UtcNow.AddHours(1),
            };
            db.ImportJobs.Add(job);
            // A notification with a body of several lines: the Thông báo page's items are under the CSP too.
            db.Notifications.Add(new Data.Notifications.Notification
            {
                UserId = ownerId, Kind = "project.returned", Title = "Đề án bị trả lại để bổ sung", Body = "Lý do: thiếu dự toán\nNgười thực hiện: Lãnh đạo Sở",
                Link = "/Projects", CreatedAtUtc = DateTime.UtcNow, DedupeKey = "csp-journey",
            });
            await db.SaveChangesAsync();
            return job.Id;
        });

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
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };

        await session.SignInAsync(page, "csp@test.vn");
        foreach (var path in new[] { "/", "/Projects", "/Projects/Edit", "/Plans", "/Exchange", "/Reports/Periodic", "/Account/Tokens", "/Account/ChangePassword", "/Account/Notifications", "/Notifications", $"/Exchange/Job/{jobId}" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // The progress bar's width came from data-percent through the CSSOM, not an inline style attribute.
        var width = await page.Locator(".progress-bar").EvaluateAsync<string>("bar => bar.style.width");
        Assert.Equal("25%", width);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
