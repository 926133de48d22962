using System.Globalization;

namespace KhuyenCong.Domain.Common;

/// <summary>
/// The bounds every amount and date of every path must respect (docs/domain.md §6): whole đồng from 0 to
/// 10^15, dates from 2000. Pages, the importer, the command line and the domain acts all ask here.
/// </summary>
public static class Limits
{
    /// <summary>10^15 đồng: a thousand times the programme's whole budget, far above any real figure.</summary>
    public const decimal MaxDong = 1_000_000_000_000_000m;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>No record of the programme is dated after this year.</summary>
    public const int LatestYear = 2100;

    /// <summary>Why an amount is not acceptable, or null: whole đồng, not negative, at most 10^15.</summary>
    public static string? RefuseDong(decimal amount, string what)
    {
        if (amount < 0)
        {
            return $"{what} không được âm.";
        }

        if (amount != decimal.Truncate(amount))
        {
            return $"{what} phải là số đồng nguyên, không có phần lẻ.";
        }

        return amount > MaxDong ? $"{what} không được vượt {VietnameseCulture.Dong(MaxDong)} đồng (10^15)." : null;
    }

    /// <summary>Why a date is not acceptable, or null: from 2000, and not after <paramref name="latest"/> when given.</summary>
    public static string? RefuseDate(DateOnly date, string what, DateOnly? latest = null)
    {
        if (date < EarliestDate)
        {
            return $"{what} ({VietnameseCulture.Date(date)}) phải từ {VietnameseCulture.Date(EarliestDate)} trở đi.";
        }

        if (latest is { } last && date > last)
        {
            return $"{what} ({VietnameseCulture.Date(date)}) không được sau ngày {VietnameseCulture.Date(last)}.";
        }

        return date.Year > LatestYear
            ? string.Create(CultureInfo.InvariantCulture, $"{what} ({VietnameseCulture.Date(date)}) phải trước năm {LatestYear + 1}.")
            : null;
    }
}
