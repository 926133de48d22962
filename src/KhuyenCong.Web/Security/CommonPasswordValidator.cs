using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Refuses passwords found in the shipped list of common passwords (OWASP ASVS 5, V6.2), also when the
/// common word is only padded with digits or symbols ("password123456") or repeated ("abcabcabcabc").
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> s_list = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? string.Empty)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một cụm từ khác." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (s_list.Value.Contains(lower))
        {
            return true;
        }

        // A common word with only digits or symbols around it.
        var core = lower.Trim("0123456789!@#$%^&*()_-+=.,?~ ".ToCharArray());
        if (core.Length == 0 || (core.Length >= 4 && s_list.Value.Contains(core)))
        {
            return true;
        }

        // The same short run repeated: "aaaaaaaaaaaa", "abcabcabcabc", "123412341234".
        for (var size = 1; size <= lower.Length / 2; size++)
        {
            if (lower.Length % size == 0 && lower == string.Concat(Enumerable.Repeat(lower[..size], lower.Length / size)))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("KhuyenCong.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
