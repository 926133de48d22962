using System.Globalization;
using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reports;

/// <summary>
/// How reports print figures (docs/domain.md §8): money in tỷ đồng with exactly 3 decimals, percentages with exactly
/// 2, vi-VN separators, rounding half away from zero; a change is "tăng"/"giảm"; a ratio over zero is "—".
/// </summary>
public static class ReportFormat
{
    public const string Missing = "—";

    private const decimal DongPerBillion = 1_000_000_000m;

    /// <summary>Đồng shown as tỷ đồng: 1186193000000 → "1.186,193".</summary>
    public static string Billions(decimal dong) =>
        Math.Round(dong / DongPerBillion, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", VietnameseCulture.Instance);

    /// <summary>A ratio as a percentage with 2 decimals ("27,97%"), or "—" when the denominator is zero.</summary>
    public static string Percent(decimal numerator, decimal denominator) =>
        Ratio(numerator, denominator) is { } r ? Percent(r) : Missing;

    public static string Percent(decimal ratio) =>
        Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", VietnameseCulture.Instance) + "%";

    /// <summary>"tăng 27,97%" or "giảm 8,11%" from the previous figure to the current; "—" without a previous figure.</summary>
    public static string Change(decimal current, decimal previous)
    {
        if (Ratio(current - previous, previous) is not { } change)
        {
            return Missing;
        }

        return (change < 0 ? "giảm " : "tăng ") + Percent(Math.Abs(change));
    }

    /// <summary>A plain number with 2 decimals, e.g. leverage "4,78"; "—" when the denominator is zero.</summary>
    public static string Times(decimal numerator, decimal denominator) =>
        Ratio(numerator, denominator) is { } r ? Math.Round(r, 2, MidpointRounding.AwayFromZero).ToString("0.00", VietnameseCulture.Instance) : Missing;

    public static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
