using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Security;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account.Mfa;

/// <summary>
/// Adding an authenticator app: the key and its QR code, a code from the app to prove it, then the recovery codes,
/// shown in this one answer and never again. A user whose role requires it is held here by <see cref="MfaEnrolmentGate"/>.
/// </summary>
public sealed class EnrolModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string Key { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public bool Required { get; private set; }

    /// <summary>Set only in the answer that turned the second factor on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        var codes = await accounts.EnableTwoFactorAsync(user, Code ?? string.Empty);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện trên ứng dụng.");
            await LoadAsync(user);
            return Page();
        }

        // The new cookie carries the second-factor claim, so the enrolment gate lets the user through.
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        var (key, created) = await accounts.AuthenticatorKeyAsync(user);
        if (created)
        {
            // A new key renews the security stamp, which would end this very session.
            await signIn.RefreshSignInAsync(user);
        }

        Key = AuthenticatorSetup.Format(key);
        QrSvg = AuthenticatorSetup.QrSvg(AuthenticatorSetup.Uri(user.Email!, key));
        Required = MfaEnrolmentGate.MustEnrol(User);
    }
}
