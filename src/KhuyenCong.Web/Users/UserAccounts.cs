using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using KhuyenCong.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Users;

/// <summary>Result of an account operation: success, or Vietnamese messages keyed by the input's field.</summary>
public sealed record AccountResult(AppUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(string field, string message) => new(null, [(field, message)]);
}

/// <summary>
/// Creating, changing and disabling accounts: one service for the admin pages and the create-user verb,
/// each operation in one transaction with its audit entries.
/// </summary>
public sealed class UserAccounts(KhuyenCongDbContext db, UserManager<AppUser> users, Geography geography, TimeProvider clock)
{
    public async Task<AccountResult> CreateAsync(UserInput input, string password, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        if (await users.FindByEmailAsync(input.Email) is not null)
        {
            return AccountResult.Fail(nameof(UserInput.Email), $"Địa chỉ thư điện tử '{input.Email}' đã được dùng cho một tài khoản khác.");
        }

        var user = new AppUser
        {
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            FullName = string.IsNullOrWhiteSpace(input.FullName) ? input.Email : input.FullName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var passwordErrors = new List<(string, string)>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            passwordErrors.AddRange(check.Errors.Select(e => ("Password", e.Description)));
        }

        if (passwordErrors.Count > 0)
        {
            return new AccountResult(null, passwordErrors);
        }

        await ApplyScopeAsync(user, input, ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(null, [.. created.Errors.Select(e => (nameof(UserInput.Email), e.Description))]);
        }

        await users.AddToRoleAsync(user, input.Role);
        await transaction.CommitAsync(ct);
        return new AccountResult(user, []);
    }

    /// <summary>Changes name, role and scope; the user's sessions are renewed so the new scope applies at once.</summary>
    public async Task<AccountResult> UpdateAsync(string userId, UserInput input, string concurrencyStamp, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Regions).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return AccountResult.Fail(string.Empty, "Không tìm thấy tài khoản.");
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return AccountResult.Fail(string.Empty, "Tài khoản vừa được người khác thay đổi. Hãy tải lại trang để xem thông tin mới nhất rồi sửa lại.");
        }

        input.Email = user.Email ?? string.Empty;
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.FullName = string.IsNullOrWhiteSpace(input.FullName) ? user.FullName : input.FullName.Trim();
        await ApplyScopeAsync(user, input, ct);
        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([input.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, input.Role);
        }

        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return new AccountResult(null, [.. updated.Errors.Select(e => (string.Empty, e.Description))]);
        }

        await transaction.CommitAsync(ct);
        return new AccountResult(user, []);
    }

    /// <summary>Disables (or re-enables) an account. Disabling renews the security stamp, which ends every session.</summary>
    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, string concurrencyStamp)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail(string.Empty, "Không tìm thấy tài khoản.");
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return AccountResult.Fail(string.Empty, "Tài khoản vừa được người khác thay đổi. Hãy tải lại trang rồi thử lại.");
        }

        user.IsDisabled = disabled;
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? new AccountResult(user, []) : new AccountResult(null, [.. result.Errors.Select(e => (string.Empty, e.Description))]);
    }

    private async Task<List<(string Field, string Message)>> ValidateAsync(UserInput input, CancellationToken ct)
    {
        input.Email = input.Email.Trim();
        input.ProvinceCode = string.IsNullOrWhiteSpace(input.ProvinceCode) ? null : input.ProvinceCode.Trim();
        input.Regions = [.. input.Regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim().ToUpperInvariant()).Distinct()];
        var directory = await geography.DirectoryAsync(ct);
        var result = await new UserInputValidator(directory, Today).ValidateAsync(input, ct);
        return [.. result.Errors.Select(e => (e.PropertyName.Split('[')[0], e.ErrorMessage))];
    }

    private async Task ApplyScopeAsync(AppUser user, UserInput input, CancellationToken ct)
    {
        var directory = await geography.DirectoryAsync(ct);
        user.ProvinceId = Roles.IsProvinceScoped(input.Role) ? directory.Resolve(input.ProvinceCode, Today)!.Id : null;
        var wanted = Roles.IsRegionScoped(input.Role) ? input.Regions : [];
        var regionIds = await db.Regions.Where(r => wanted.Contains(r.Code)).Select(r => r.Id).ToListAsync(ct);
        user.Regions.RemoveAll(r => !regionIds.Contains(r.RegionId));
        foreach (var id in regionIds.Where(id => user.Regions.All(r => r.RegionId != id)))
        {
            user.Regions.Add(new UserRegion { UserId = user.Id, RegionId = id });
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
}
