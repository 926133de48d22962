using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, AccountThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public const string WrongCredentials = "Thư điện tử hoặc mật khẩu không đúng.";
    public const string LockedOut = "Tài khoản tạm thời bị khóa do đăng nhập sai quá 5 lần. Hãy thử lại sau 15 phút hoặc liên hệ quản trị hệ thống.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "Hãy nhập thư điện tử và mật khẩu.");
            return Page();
        }

        // Per account name, from any address (the per-address limit is the page's rate-limiter policy).
        if (throttle.TryAttempt(Input.Email) is { } wait)
        {
            logger.LogWarning("Sign-in attempts over the per-account limit: {Email}", Input.Email);
            RateLimits.RefuseHeaders(Response, wait);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", Input.Email);
            return LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = returnUrl });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused, account locked: {Email}", Input.Email);
            ModelState.AddModelError(string.Empty, LockedOut);
        }
        else
        {
            logger.LogWarning("Sign-in failed for {Email}", Input.Email);
            // The same words for a wrong password, an unknown e-mail and a disabled account: nothing to learn from them
            // (and the same lockout answer after as many failures: PortalSignInManager).
            ModelState.AddModelError(string.Empty, WrongCredentials);
        }

        return Page();
    }

    public sealed class LoginInput
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }
}
