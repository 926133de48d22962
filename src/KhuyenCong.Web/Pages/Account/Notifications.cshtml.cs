using System.Security.Claims;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account;

/// <summary>Nhận thư thông báo: the user's own choice of e-mail for their notifications (each one, a daily digest, none).</summary>
public sealed class NotificationsModel(Notifier notifier, Microsoft.Extensions.Options.IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public MailPreference? Preference { get; set; }

    public bool MailEnabled => mail.Value.Enabled;

    public int DigestHour => mail.Value.DigestHour;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Preference = await notifier.PreferenceAsync(UserId, ct);
        return Preference is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Preference is not { } chosen || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError(nameof(Preference), "Hãy chọn một cách nhận thư.");
            return Page();
        }

        if (!await notifier.SetPreferenceAsync(UserId, chosen, ct))
        {
            return NotFound();
        }

        TempData["Message"] = "Đã lưu cách nhận thư thông báo.";
        return RedirectToPage();
    }
}
