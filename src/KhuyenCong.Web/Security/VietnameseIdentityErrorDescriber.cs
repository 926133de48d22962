using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Web.Security;

/// <summary>Identity's messages, in Vietnamese.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => New(nameof(DefaultError), "Đã có lỗi xảy ra.");

    public override IdentityError ConcurrencyFailure() =>
        New(nameof(ConcurrencyFailure), "Dữ liệu đã được người khác thay đổi. Hãy tải lại trang và thử lại.");

    public override IdentityError PasswordMismatch() => New(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.");

    public override IdentityError InvalidToken() => New(nameof(InvalidToken), "Mã xác thực không hợp lệ.");

    public override IdentityError InvalidUserName(string? userName) =>
        New(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' không hợp lệ.");

    public override IdentityError InvalidEmail(string? email) => New(nameof(InvalidEmail), $"Địa chỉ thư điện tử '{email}' không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) =>
        New(nameof(DuplicateUserName), $"Tài khoản '{userName}' đã tồn tại.");

    public override IdentityError DuplicateEmail(string email) =>
        New(nameof(DuplicateEmail), $"Địa chỉ thư điện tử '{email}' đã được dùng cho một tài khoản khác.");

    public override IdentityError PasswordTooShort(int length) =>
        New(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {length} ký tự."));

    public override IdentityError UserAlreadyHasPassword() => New(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");

    public override IdentityError UserAlreadyInRole(string role) => New(nameof(UserAlreadyInRole), "Tài khoản đã có vai trò này.");

    public override IdentityError UserNotInRole(string role) => New(nameof(UserNotInRole), "Tài khoản không có vai trò này.");

    public override IdentityError UserLockoutNotEnabled() => New(nameof(UserLockoutNotEnabled), "Tài khoản không bật khóa đăng nhập.");

    private static IdentityError New(string code, string description) => new() { Code = code, Description = description };
}
