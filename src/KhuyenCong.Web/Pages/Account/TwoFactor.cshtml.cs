using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account;

/// <summary>
/// The second sign-in step: a code from the authenticator app, or one of the recovery codes (each works once).
/// Wrong codes count towards the same lockout as wrong passwords. There is no "remember this device": every
/// sign-in asks for the second factor (docs/security.md, V6.3).
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, ILogger<TwoFactorModel> logger) : PageModel
{
    public const string WrongCode = "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng xác thực.";
    public const string WrongRecoveryCode = "Mã khôi phục không đúng hoặc đã được dùng.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync() =>
        await FinishAsync(UserAccounts.NormaliseCode(Code), c => signIn.TwoFactorAuthenticatorSignInAsync(c, isPersistent: false, rememberClient: false), nameof(Code), WrongCode);

    public async Task<IActionResult> OnPostRecoveryAsync() =>
        await FinishAsync((RecoveryCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
            signIn.TwoFactorRecoveryCodeSignInAsync, nameof(RecoveryCode), WrongRecoveryCode);

    private async Task<IActionResult> FinishAsync(string code, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> attempt, string field, string wrong)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The password step is older than five minutes, or never happened.
            TempData["Message"] = "Phiên đăng nhập đã hết hạn. Hãy nhập lại thư điện tử và mật khẩu.";
            return RedirectToPage("/Account/Login");
        }

        if (code.Length == 0)
        {
            ModelState.AddModelError(field, "Hãy nhập mã.");
            return Page();
        }

        var result = await attempt(code);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Second sign-in step refused ({Field}), locked out: {Locked}", field, result.IsLockedOut);
        ModelState.AddModelError(field, result.IsLockedOut ? LoginModel.LockedOut : wrong);
        return Page();
    }
}
