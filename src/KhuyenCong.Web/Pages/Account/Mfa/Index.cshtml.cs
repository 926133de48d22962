using KhuyenCong.Data.Identity;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account.Mfa;

/// <summary>The user's own second factor: its state, new recovery codes, another phone, or off (where the role allows).</summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set only in the answer that made new ones.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        RecoveryCodes = await accounts.RegenerateRecoveryCodesAsync(user);
        if (RecoveryCodes is null)
        {
            ModelState.AddModelError(string.Empty, "Xác thực hai bước chưa bật nên chưa có mã khôi phục.");
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Another phone: the old key stops working and enrolment starts again at once.</summary>
    public async Task<IActionResult> OnPostResetAsync() => await DisableAsync(keepRequired: true, then: "Enrol");

    public async Task<IActionResult> OnPostDisableAsync() => await DisableAsync(keepRequired: false, then: "Index");

    private async Task<IActionResult> DisableAsync(bool keepRequired, string then)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var result = await accounts.DisableTwoFactorAsync(user, keepRequired);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors)
            {
                ModelState.AddModelError(string.Empty, message);
            }

            return Page();
        }

        // The security stamp changed: renew this session's cookie (other sessions end).
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = keepRequired ? "Đã hủy ứng dụng xác thực cũ. Hãy thêm ứng dụng trên điện thoại mới." : "Đã tắt xác thực hai bước.";
        return RedirectToPage(then);
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        Required = Roles.RequiresTwoFactor((await users.GetRolesAsync(user)).FirstOrDefault());
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return user;
    }
}
