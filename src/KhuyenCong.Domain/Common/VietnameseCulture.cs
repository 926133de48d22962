using System.Globalization;

namespace KhuyenCong.Domain.Common;

/// <summary>The vi-VN culture every figure and date shown to a user is formatted with.</summary>
public static class VietnameseCulture
{
    public static readonly CultureInfo Instance = CultureInfo.GetCultureInfo("vi-VN");

    public const string DateFormat = "dd/MM/yyyy";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : string.Empty;

    /// <summary>A UTC instant shown in Vietnam's time zone (UTC+7, no daylight saving).</summary>
    public static string DateTime(DateTime utc) =>
        utc.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whole đồng with vi-VN grouping: 1.234.000.</summary>
    public static string Dong(decimal amount) => amount.ToString("#,##0", Instance);

    /// <summary>Parses a date typed as dd/MM/yyyy or yyyy-MM-dd; never culture-guessing.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// Reads whole đồng typed the Vietnamese way ("1.234.000") or bare ("1234000"). A decimal part
    /// ("1.234,5") is refused, never read as ×10.
    /// </summary>
    public static bool TryParseDong(string? text, out decimal amount)
    {
        amount = 0;
        var trimmed = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed) || trimmed.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var groups = trimmed.Split('.');
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return false;
        }

        var digits = string.Concat(groups);
        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit)
            && decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>Reads a number typed with a decimal comma ("30", "30,5"); a dot is refused as ambiguous.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && !trimmed.Contains('.', StringComparison.Ordinal)
            && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, Instance, out value);
    }

    public static string Number(decimal? value) => value?.ToString("0.##", Instance) ?? string.Empty;

    /// <summary>A size in bytes as megabytes, e.g. "1,5 MB".</summary>
    public static string Megabytes(long bytes) => $"{Number(Math.Round(bytes / 1048576m, 2))} MB";
}
