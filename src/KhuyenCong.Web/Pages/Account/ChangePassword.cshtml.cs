using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Mật khẩu nhập lại không khớp.");
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // A wrong current password counts like a wrong sign-in (OWASP ASVS 5 V6.3.1): enough of them lock the
        // account, and this session (with every other) ends.
        switch (await accounts.ConfirmPasswordAsync(user, Input.CurrentPassword))
        {
            case PasswordCheck.LockedOut:
                await signIn.SignOutAsync();
                TempData["Message"] = LoginModel.LockedOut;
                return RedirectToPage("/Account/Login");
            case PasswordCheck.Wrong:
                ModelState.AddModelError("Input.CurrentPassword", "Mật khẩu hiện tại không đúng.");
                return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã đổi mật khẩu.";
        return RedirectToPage("/Index");
    }

    public sealed class ChangePasswordInput
    {
        public string CurrentPassword { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
