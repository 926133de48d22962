using KhuyenCong.Data;
using KhuyenCong.Web.Security;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(UserAccounts accounts, KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public UserFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Options = await UserFormOptions.LoadAsync(db, clock, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.CreateAsync(Input, Password, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Đã tạo tài khoản {result.User!.Email}.";
            return RedirectToPage("Index");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field == "Password" ? nameof(Password) : string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Input)}.{field}", message);
        }

        Options = await UserFormOptions.LoadAsync(db, clock, ct);
        return Page();
    }
}
