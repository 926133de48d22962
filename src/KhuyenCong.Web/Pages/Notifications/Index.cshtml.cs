using System.Security.Claims;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Notifications;

/// <summary>Thông báo: the signed-in user's own notifications, newest first; open one, mark one or all as read.</summary>
public sealed class IndexModel(Notifier notifier) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public Paged<Notification> Result { get; private set; } = new([], 1, PageSize, 0);

    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await notifier.Of(UserId).ToPagedAsync(PageNumber, PageSize, ct);
        Unread = await notifier.UnreadCountAsync(UserId, ct);
    }

    /// <summary>Opens the record a notification is about, marking it read; only the user's own, only a portal path.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var notification = await notifier.MarkReadAsync(UserId, id, ct);
        if (notification is null)
        {
            return NotFound();
        }

        return LocalRedirect(Url.IsLocalUrl(notification.Link) ? notification.Link : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await notifier.MarkReadAsync(UserId, id, ct) is null)
        {
            return NotFound();
        }

        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await notifier.MarkAllReadAsync(UserId, ct);
        TempData["Message"] = count == 0 ? "Không có thông báo nào chưa đọc." : $"Đã đánh dấu {count.ToString("#,##0", Domain.Common.VietnameseCulture.Instance)} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
