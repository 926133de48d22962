using FluentValidation;
using KhuyenCong.Domain.Common;

namespace KhuyenCong.Web.Pages.Reference;

/// <summary>Validation rules for dates typed as dd/MM/yyyy, with Vietnamese messages.</summary>
public static class DateRules
{
    public static IRuleBuilderOptions<T, string?> RequiredDate<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(v => VietnameseCulture.TryParseDate(v, out _)).WithMessage($"{label} không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.");

    public static IRuleBuilderOptions<T, string?> OptionalDate<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || VietnameseCulture.TryParseDate(v, out _))
            .WithMessage($"{label} không hợp lệ; hãy nhập theo dạng ngày/tháng/năm hoặc để trống.");

    /// <summary>The end of a period is not before its start.</summary>
    public static void PeriodInOrder<T>(this AbstractValidator<T> validator, Func<T, string?> from, Func<T, string?> to, string toProperty) =>
        validator.RuleFor(x => x).Must(x => !VietnameseCulture.TryParseDate(from(x), out var f)
                || !VietnameseCulture.TryParseDate(to(x), out var t) || f <= t)
            .OverridePropertyName(toProperty)
            .WithMessage("Ngày kết thúc phải sau ngày bắt đầu.");

    public static DateOnly Parse(string? value) =>
        VietnameseCulture.TryParseDate(value, out var d) ? d : throw new FormatException("Validated date expected.");

    public static DateOnly? ParseOptional(string? value) =>
        VietnameseCulture.TryParseDate(value, out var d) ? d : null;
}
