namespace KhuyenCong.Domain.Reports;

/// <summary>Dates and labels of the periodic-report periods, and the deadline rule.</summary>
public static class ReportPeriods
{
    public static readonly IReadOnlyList<ReportPeriod> All = [ReportPeriod.Quarter1, ReportPeriod.HalfYear, ReportPeriod.NineMonths, ReportPeriod.Year];

    public static string Label(ReportPeriod period) => period switch
    {
        ReportPeriod.Quarter1 => "Quý I",
        ReportPeriod.HalfYear => "6 tháng",
        ReportPeriod.NineMonths => "9 tháng",
        ReportPeriod.Year => "Năm",
        _ => period.ToString(),
    };

    /// <summary>"Báo cáo 6 tháng năm 2026".</summary>
    public static string Title(ReportPeriod period, int year) => period == ReportPeriod.Year ? $"Báo cáo năm {year}" : $"Báo cáo {Label(period)} năm {year}";

    public static DateOnly Start(int year) => new(year, 1, 1);

    public static DateOnly End(ReportPeriod period, int year) => period switch
    {
        ReportPeriod.Quarter1 => new(year, 3, 31),
        ReportPeriod.HalfYear => new(year, 6, 30),
        ReportPeriod.NineMonths => new(year, 9, 30),
        _ => new(year, 12, 31),
    };

    /// <summary>The due date under the deadline rule in force for the year: the rule with the latest FromYear not after it.</summary>
    public static DateOnly? Due(ReportPeriod period, int year, IEnumerable<ReportDeadline> rules)
    {
        var rule = rules.Where(r => r.Period == period && r.FromYear <= year).OrderByDescending(r => r.FromYear).FirstOrDefault();
        return rule is null ? null : End(period, year).AddDays(rule.DaysAfterPeriodEnd);
    }

    /// <summary>The periods that ended in the twelve months before <paramref name="today"/>, latest first.</summary>
    public static IReadOnlyList<(int Year, ReportPeriod Period)> EndedBefore(DateOnly today) =>
        [.. new[] { today.Year - 1, today.Year }.SelectMany(y => All.Select(p => (Year: y, Period: p)))
            .Where(x => End(x.Period, x.Year) < today && End(x.Period, x.Year) >= today.AddYears(-1))
            .OrderByDescending(x => End(x.Period, x.Year))];
}
