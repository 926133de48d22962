using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using KhuyenCong.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Users;

/// <summary>What <see cref="UserAccounts.ConfirmPasswordAsync"/> found.</summary>
public enum PasswordCheck
{
    Right,
    Wrong,
    LockedOut,
}

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
public sealed class UserAccounts(KhuyenCongDbContext db, UserManager<AppUser> users, Geography geography, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>How many one-time recovery codes a user gets when enrolling or asking for new ones.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// The shared key of the user's authenticator app, created by Identity on first need. Until the user proves
    /// it with a code (<see cref="EnableTwoFactorAsync"/>) it signs nobody in. Creating it renews the security
    /// stamp (Created): the caller renews the user's own cookie.
    /// </summary>
    public async Task<(string Key, bool Created)> AuthenticatorKeyAsync(AppUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return (key, false);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }

    /// <summary>
    /// Turns the second factor on once the user types a code from the app, and returns the recovery codes to show
    /// once (null: wrong code, nothing written). One transaction.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(AppUser user, string code)
    {
        var token = NormaliseCode(code);
        if (token.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await transaction.CommitAsync();
        return [.. codes!];
    }

    /// <summary>New recovery codes, replacing the old ones (which stop working).</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(AppUser user) =>
        user.TwoFactorEnabled ? [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!] : null;

    /// <summary>
    /// The user turns the second factor off, or starts again with another phone (<paramref name="keepRequired"/>:
    /// allowed for every role, since enrolment follows at once). Turning it off is refused for roles that require it.
    /// </summary>
    public async Task<AccountResult> DisableTwoFactorAsync(AppUser user, bool keepRequired = false)
    {
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (!keepRequired && Roles.RequiresTwoFactor(role))
        {
            return AccountResult.Fail(string.Empty, $"Vai trò {Roles.Label(role!)} bắt buộc xác thực hai bước; không thể tắt.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ForgetSecondFactorAsync(user);
        await transaction.CommitAsync();
        return new AccountResult(user, []);
    }

    /// <summary>
    /// An administrator resets a user's second factor (lost phone): key, recovery codes and sessions are gone; a
    /// user whose role requires it enrols again at the next sign-in. Recorded in the audit trail.
    /// </summary>
    public async Task<AccountResult> ResetTwoFactorAsync(string userId, string concurrencyStamp)
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

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ForgetSecondFactorAsync(user);
        db.AuditEntries.Add(new Domain.Common.AuditEntry
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = "TwoFactorReset",
            EntityType = nameof(AppUser),
            EntityKey = user.Id,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new AccountResult(user, []);
    }

    /// <summary>
    /// The signed-in user types their password again before changing how they sign in (password, second factor:
    /// OWASP ASVS 5 V6.2.3, V7.5.1). A wrong one counts like a wrong sign-in; enough of them lock the account.
    /// </summary>
    public async Task<PasswordCheck> ConfirmPasswordAsync(AppUser user, string? password)
    {
        if (await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return PasswordCheck.Right;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
    }

    /// <summary>Spaces and dashes people type between digit groups are not part of the code.</summary>
    public static string NormaliseCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    private async Task ForgetSecondFactorAsync(AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
    }

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
