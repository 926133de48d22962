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
    /// <summary>Typed again for every change here (OWASP ASVS 5 V7.5.1).</summary>
    [BindProperty]
    public string? Password { get; set; }

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

        if (await ConfirmPasswordAsync(user) is { } refused)
        {
            return refused;
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

        if (await ConfirmPasswordAsync(user) is { } refused)
        {
            return refused;
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

    /// <summary>Null when the password is right; otherwise the answer (the page with a message, or sign-in when locked).</summary>
    private async Task<IActionResult?> ConfirmPasswordAsync(AppUser user)
    {
        switch (await accounts.ConfirmPasswordAsync(user, Password))
        {
            case PasswordCheck.Right:
                return null;
            case PasswordCheck.LockedOut:
                await signIn.SignOutAsync();
                TempData["Message"] = LoginModel.LockedOut;
                return RedirectToPage("/Account/Login");
            default:
                ModelState.AddModelError(nameof(Password), "Mật khẩu không đúng. Hãy nhập mật khẩu đăng nhập để xác nhận thay đổi.");
                return Page();
        }
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
