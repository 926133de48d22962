using System.Globalization;

namespace KhuyenCong.Domain.Establishments;

/// <summary>What a mã số thuế is (docs/domain.md §12).</summary>
public enum TaxCodeKind
{
    /// <summary>10 digits: an enterprise, cooperative or other organisation.</summary>
    Organisation = 1,

    /// <summary>13 digits, written 10-3: a dependent unit (chi nhánh, văn phòng đại diện) of an organisation.</summary>
    DependentUnit = 2,

    /// <summary>12 digits: the personal identification number, the tax code of individuals and household businesses from 1/7/2025.</summary>
    PersonalId = 3,
}

/// <summary>A tax code checked: its normal form and kind, or why it is not one.</summary>
public sealed record TaxCodeCheck(string? Normalized, TaxCodeKind? Kind, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Mã số thuế (docs/domain.md §12): 10 digits whose tenth is the check digit of the first nine (weights 31, 29,
/// 23, 19, 17, 13, 7, 5, 3; check = 10 − sum mod 11, a remainder that gives 10 is no code), 13 digits for a
/// dependent unit (a valid 10-digit code, a hyphen, and a unit number 001–999), or 12 digits for a personal
/// identification number (a province code 001–096 first; it carries no check digit). The one rule for every path:
/// pages, the importer, the API and the registry ask here.
/// </summary>
public static class TaxCode
{
    private static readonly int[] s_weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>Checks <paramref name="raw"/> (spaces, dots and hyphens allowed between digits); null or blank is an error too.</summary>
    public static TaxCodeCheck Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new(null, null, "Chưa nhập mã số thuế.");
        }

        var digits = new string([.. raw.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.')]);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return new(null, null, $"Mã số thuế «{raw.Trim()}» chỉ được gồm chữ số.");
        }

        switch (digits.Length)
        {
            case 10:
                return CheckDigitMatches(digits)
                    ? new(digits, TaxCodeKind.Organisation, null)
                    : new(null, null, $"Mã số thuế «{raw.Trim()}» sai chữ số kiểm tra (chữ số thứ 10); hãy soát lại.");
            case 13:
                if (!CheckDigitMatches(digits[..10]))
                {
                    return new(null, null, $"Mã số thuế «{raw.Trim()}» sai chữ số kiểm tra (chữ số thứ 10); hãy soát lại.");
                }

                return digits[10..] == "000"
                    ? new(null, null, $"Mã số thuế đơn vị phụ thuộc «{raw.Trim()}» phải có số thứ tự từ 001 đến 999.")
                    : new(string.Concat(digits.AsSpan(0, 10), "-", digits.AsSpan(10)), TaxCodeKind.DependentUnit, null);
            case 12:
                var province = int.Parse(digits[..3], CultureInfo.InvariantCulture);
                return province is >= 1 and <= 96
                    ? new(digits, TaxCodeKind.PersonalId, null)
                    : new(null, null, $"Số định danh cá nhân «{raw.Trim()}» phải bắt đầu bằng mã tỉnh nơi đăng ký khai sinh (001–096).");
            default:
                return new(null, null, $"Mã số thuế «{raw.Trim()}» phải có 10 chữ số, 13 chữ số (đơn vị phụ thuộc) hoặc 12 chữ số (số định danh cá nhân).");
        }
    }

    /// <summary>The check digit a 9-digit prefix needs, or null when its remainder makes no valid code.</summary>
    public static int? CheckDigitOf(string nineDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(nineDigits.Length, 9);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * s_weights[i];
        }

        var check = 10 - (sum % 11);
        return check == 10 ? null : check;
    }

    private static bool CheckDigitMatches(string tenDigits) =>
        CheckDigitOf(tenDigits[..9]) is { } check && tenDigits[9] - '0' == check;
}
