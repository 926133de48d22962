using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Security;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserAccounts accounts, KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>Identity's concurrency stamp when the form was opened: a stale edit is refused.</summary>
    [BindProperty]
    public string ConcurrencyStamp { get; set; } = string.Empty;

    public UserFormOptions Options { get; private set; } = null!;

    public bool IsDisabled { get; private set; }

    public bool IsSelf { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Province).Include(u => u.Regions).ThenInclude(r => r.Region)
            .FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound();
        }

        Input = new UserInput
        {
            Email = user.Email ?? string.Empty,
            FullName = user.FullName,
            Role = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefaultAsync(ct) ?? string.Empty,
            ProvinceCode = user.Province?.Code,
            Regions = [.. user.Regions.Select(r => r.Region!.Code)],
        };
        ConcurrencyStamp = user.ConcurrencyStamp ?? string.Empty;
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var result = await accounts.UpdateAsync(id, Input, ConcurrencyStamp, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Đã lưu tài khoản {result.User!.Email}.";
            return RedirectToPage("Index");
        }

        AddErrors(result);
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => await SetDisabledAsync(id, true, ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => await SetDisabledAsync(id, false, ct);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        if (disabled && id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value)
        {
            ModelState.AddModelError(string.Empty, "Bạn không thể tự vô hiệu hóa tài khoản của mình.");
        }
        else
        {
            var result = await accounts.SetDisabledAsync(id, disabled, ConcurrencyStamp);
            if (result.Succeeded)
            {
                TempData["Message"] = disabled
                    ? $"Đã vô hiệu hóa tài khoản {result.User!.Email}; mọi phiên đăng nhập của tài khoản đã kết thúc."
                    : $"Đã kích hoạt lại tài khoản {result.User!.Email}.";
                return RedirectToPage("Index");
            }

            AddErrors(result);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>A user lost their phone: their second factor and sessions are reset; a required role enrols again at the next sign-in.</summary>
    public async Task<IActionResult> OnPostResetMfaAsync(string id, CancellationToken ct)
    {
        var result = await accounts.ResetTwoFactorAsync(id, ConcurrencyStamp);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Đã đặt lại xác thực hai bước của {result.User!.Email}; mọi phiên đăng nhập của tài khoản đã kết thúc.";
            return RedirectToPage("Index");
        }

        AddErrors(result);
        await LoadAsync(id, ct);
        return Page();
    }

    private void AddErrors(AccountResult result)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Input)}.{field}", message);
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Options = await UserFormOptions.LoadAsync(db, clock, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        IsDisabled = user?.IsDisabled ?? false;
        TwoFactorEnabled = user?.TwoFactorEnabled ?? false;
        Input.Email = user?.Email ?? Input.Email;
        IsSelf = id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        History = await AuditLabels.HistoryAsync(db, "AppUser", id, ct);
    }
}
