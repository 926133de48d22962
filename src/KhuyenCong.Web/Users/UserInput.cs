using FluentValidation;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;

namespace KhuyenCong.Web.Users;

/// <summary>What an administrator (or the create-user verb) says of an account: who, which role, which scope.</summary>
public sealed class UserInput
{
    public string Email { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary>Code of a province valid today (province roles only).</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>Region codes (organisers only).</summary>
    public List<string> Regions { get; set; } = [];
}

/// <summary>The rules an account's role and scope must satisfy; messages in Vietnamese.</summary>
public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(ProvinceDirectory directory, DateOnly today)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Hãy nhập địa chỉ thư điện tử.")
            .EmailAddress().WithMessage("Địa chỉ thư điện tử không hợp lệ.")
            .MaximumLength(256).WithMessage("Địa chỉ thư điện tử quá dài.");
        RuleFor(x => x.FullName).MaximumLength(200).WithMessage("Họ tên tối đa 200 ký tự.");
        RuleFor(x => x.Role).Must(Roles.Exists)
            .WithMessage(x => $"Vai trò '{x.Role}' không tồn tại. Các vai trò: {string.Join(", ", Roles.All)}.");
        When(x => Roles.Exists(x.Role) && Roles.IsProvinceScoped(x.Role), () =>
        {
            RuleFor(x => x.ProvinceCode).NotEmpty().WithMessage("Vai trò cấp tỉnh phải gắn với một tỉnh, thành phố.")
                .Must(code => directory.Resolve(code, today) is not null)
                .WithMessage(x => $"Mã tỉnh '{x.ProvinceCode}' không thuộc tỉnh, thành phố nào đang có hiệu lực.");
            RuleFor(x => x.Regions).Empty().WithMessage("Vai trò cấp tỉnh không gắn với vùng.");
        });
        When(x => Roles.Exists(x.Role) && Roles.IsRegionScoped(x.Role), () =>
        {
            RuleFor(x => x.Regions).NotEmpty().WithMessage("Ban tổ chức hội nghị phải gắn với ít nhất một vùng.");
            RuleForEach(x => x.Regions).Must(r => Region.Codes.Contains(r))
                .WithMessage((_, r) => $"Mã vùng '{r}' không tồn tại (BAC, MTTN, NAM).");
            RuleFor(x => x.ProvinceCode).Empty().WithMessage("Vai trò này không gắn với tỉnh.");
        });
        When(x => Roles.Exists(x.Role) && !Roles.IsProvinceScoped(x.Role) && !Roles.IsRegionScoped(x.Role), () =>
        {
            RuleFor(x => x.ProvinceCode).Empty().WithMessage("Vai trò này không gắn với tỉnh.");
            RuleFor(x => x.Regions).Empty().WithMessage("Vai trò này không gắn với vùng.");
        });
    }
}
