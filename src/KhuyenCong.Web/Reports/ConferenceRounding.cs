namespace KhuyenCong.Web.Reports;

/// <summary>
/// The rule for the total row of the per-province table (page, workbook sheet TheoTinh, Word document): it is the sum of
/// the rows as printed, each rounded to the thousandth of a tỷ (half away from zero), so that a reader adding up the
/// column finds the total. The region's own figures (summary table, narrative) are summed in đồng and rounded once;
/// the two may differ by the rounding of the rows, which <see cref="Note"/> says under the table.
/// </summary>
public static class ConferenceRounding
{
    private const decimal Billion = 1_000_000_000m;

    public const string Note =
        "Dòng tổng cộng là tổng các dòng đã làm tròn đến 3 chữ số thập phân; tổng của khu vực ở bảng tổng hợp tính từ số đồng nên có thể chênh lệch vài phần nghìn tỷ đồng do làm tròn.";

    /// <summary>The total row in tỷ đồng: each province's figure rounded as printed, then added.</summary>
    public static RoundedTotal RoundedTotals(ConferenceReport r)
    {
        decimal Sum(Func<ProvinceLine, decimal> figure) => r.Provinces.Sum(p => Math.Round(figure(p) / Billion, 3, MidpointRounding.AwayFromZero));
        return new RoundedTotal(Sum(p => p.Kcqg.Plan), Sum(p => p.Kcdp.Plan), Sum(p => p.Total.Plan), Sum(p => p.Total.Executed), Sum(p => p.Total.Counterpart));
    }

    /// <summary>A tỷ đồng figure already rounded to 3 decimals, printed vi-VN ("6,557").</summary>
    public static string Print(decimal billions) => Domain.Reports.ReportFormat.Billions(billions * Billion);
}

/// <summary>The total row of the per-province table, in tỷ đồng (3 decimals).</summary>
public sealed record RoundedTotal(decimal PlanKcqg, decimal PlanKcdp, decimal Plan, decimal Executed, decimal Counterpart);
