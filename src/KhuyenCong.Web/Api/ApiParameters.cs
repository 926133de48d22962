using System.Globalization;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Reads the query parameters of the read endpoints as text, so that a bad value is a 400 problem with a Vietnamese
/// detail saying which parameter and why, not the framework's English binding error.
/// </summary>
public static class ApiParameters
{
    /// <summary>Today in Vietnam (UTC+7, no daylight saving), the pages' "today".</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    /// <summary>An ISO 8601 date (yyyy-MM-dd); null text gives <paramref name="fallback"/>.</summary>
    public static bool TryDate(string? text, DateOnly fallback, out DateOnly date, out string? error, string name = "date")
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date >= Domain.Common.Limits.EarliestDate && date.Year <= Domain.Common.Limits.LatestYear)
        {
            return true;
        }

        error = $"Tham số {name} «{text}» không hợp lệ: hãy ghi ngày theo dạng năm-tháng-ngày (yyyy-MM-dd), ví dụ 2025-07-01, từ năm {Domain.Common.Limits.EarliestDate.Year} đến {Domain.Common.Limits.LatestYear}.";
        return false;
    }

    /// <summary>A year within <paramref name="min"/>..<paramref name="max"/>; null text gives null.</summary>
    public static bool TryYear(string? text, int min, int max, out int? year, out string? error)
    {
        (year, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            year = value;
            return true;
        }

        error = $"Tham số year «{text}» không hợp lệ: năm là số từ {min} đến {max}.";
        return false;
    }

    /// <summary>A funding source as the Excel exchange writes it (KCQG, KCĐP; KCDP is read too); null text gives null.</summary>
    public static bool TrySource(string? text, out FundingSource? source, out string? error)
    {
        (source, error) = (null, null);
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "":
                return true;
            case "KCQG":
                source = FundingSource.KCQG;
                return true;
            case "KCĐP" or "KCDP":
                source = FundingSource.KCDP;
                return true;
            default:
                error = $"Tham số source «{text}» không hợp lệ: nguồn kinh phí là KCQG hoặc KCĐP.";
                return false;
        }
    }

    /// <summary>A reporting period by name (Quarter1, HalfYear, NineMonths, Year) or number 1–4; null text gives null.</summary>
    public static bool TryPeriod(string? text, out ReportPeriod? period, out string? error)
    {
        (period, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<ReportPeriod>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            period = value;
            return true;
        }

        error = $"Tham số period «{text}» không hợp lệ: kỳ báo cáo là Quarter1, HalfYear, NineMonths hoặc Year (hoặc 1 đến 4).";
        return false;
    }

    /// <summary>The 400 problem of a bad parameter.</summary>
    public static IResult Bad(string detail) => ApiProblems.Problem(StatusCodes.Status400BadRequest, detail);

    /// <summary>Money of a report or a plan in whole đồng, as the API writes it (a JSON integer).</summary>
    public static long Dong(decimal amount) => (long)decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

    public static long? Dong(decimal? amount) => amount is { } a ? Dong(a) : null;
}
