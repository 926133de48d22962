using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>The bell on a 390 px phone: the unread count beside the menu button, the list, opening one (issue 11).</summary>
public sealed class NotificationJourney
{
    [Fact]
    public async Task On_a_phone_the_bell_shows_the_unread_count_and_opening_a_notification_lowers_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var userId = await session.Portal.CreateUserAsync("chuong@test.vn", Roles.ProvinceOfficer, "24");
        await using (var scope = session.Portal.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.QueueAsync([userId], new NotificationMessage("test", "Đề án KCQG-2026-24-001 bị trả lại để bổ sung", "Lý do: Thiếu báo giá.", "/Projects", "journey:1"));
            await notifier.QueueAsync([userId], new NotificationMessage("test", "Báo cáo quý I năm 2026 của Bắc Ninh đã được mở lại để sửa", "Lý do: Thiếu số liệu.", "/Reports/Periodic", "journey:2"));
            await scope.ServiceProvider.GetRequiredService<Data.KhuyenCongDbContext>().SaveChangesAsync();
        }

        var page = await session.NewPageAsync(390, 844);
        await session.SignInAsync(page, "chuong@test.vn");
        var bell = page.GetByTestId("bell");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("2");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Thông báo: 2 chưa đọc");
        // Beside the menu button, inside the screen, and the page does not scroll sideways.
        var box = (await bell.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"bell at {box.X}+{box.Width}");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserSession.ScreenshotAsync(page, "bell-phone");

        await bell.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Notifications$"));
        await Assertions.Expect(page.GetByTestId("unread")).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserSession.ScreenshotAsync(page, "notifications-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Báo cáo quý I năm 2026 của Bắc Ninh đã được mở lại để sửa" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reports/Periodic$"));
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1");

        await bell.ClickAsync();
        await page.GetByTestId("read-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("read")).ToHaveCountAsync(2);
    }
}
