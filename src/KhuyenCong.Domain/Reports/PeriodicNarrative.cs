using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reports;

/// <summary>
/// The first draft of a periodic report's three narrative parts, written from its figures (docs/domain.md §8.3): what
/// was executed against the plan, which projects are late, which outcome indicators are behind their targets, and the
/// proposals that follow from them. Written once when the report is opened, and again only when the officer asks
/// (Soạn lại từ số liệu); refreshing the figures never touches what the officer typed.
/// </summary>
public static class PeriodicNarrative
{
    /// <summary>How many late projects the draft names one by one; the rest are counted.</summary>
    public const int LateNamed = 10;

    public static (string Results, string Difficulties, string Proposals) Draft(PeriodicReport r, IReadOnlyList<LateProject> late)
    {
        string B(decimal v) => ReportFormat.Billions(v);
        var end = ReportFormat.Date(ReportPeriods.End(r.Period, r.Year));
        var outcomes = r.Outcomes;
        var behind = outcomes.Where(o => o.Behind).ToList();

        var results = new List<string>
        {
            $"Tính đến ngày {end}, tổng kế hoạch kinh phí khuyến công năm {r.Year} của tỉnh là {B(r.PlanTotal)} tỷ đồng (khuyến công quốc gia {B(r.PlanKcqg)} tỷ đồng, "
                + $"khuyến công địa phương {B(r.PlanKcdp)} tỷ đồng); kinh phí đã giải ngân là {B(r.ExecutedTotal)} tỷ đồng, đạt {ReportFormat.Percent(r.ExecutedTotal, r.PlanTotal)} kế hoạch năm; "
                + $"trong đó khuyến công quốc gia {B(r.ExecutedKcqg)} tỷ đồng, đạt {ReportFormat.Percent(r.ExecutedKcqg, r.PlanKcqg)}, "
                + $"khuyến công địa phương {B(r.ExecutedKcdp)} tỷ đồng, đạt {ReportFormat.Percent(r.ExecutedKcdp, r.PlanKcdp)} kế hoạch.",
            $"Vốn đối ứng của các cơ sở thụ hưởng đã thực hiện là {B(r.CounterpartPaid)} tỷ đồng. Số đề án được duyệt của năm là {Count(r.ProjectsApproved)}, "
                + $"trong đó {Count(r.ProjectsCompleted)} đề án đã nghiệm thu.",
        };
        if (outcomes.Count > 0)
        {
            results.Add("Kết quả theo các chỉ tiêu của đề án được duyệt (thực hiện/mục tiêu): "
                + string.Join("; ", outcomes.Select(o => $"{o.Name} {Quantity(o.Actual)}/{Quantity(o.Target)} {o.Unit} ({ReportFormat.Percent(o.Actual, o.Target)})")) + ".");
        }

        var difficulties = new List<string>();
        if (late.Count > 0)
        {
            var named = string.Join("; ", late.Take(LateNamed).Select(p => $"{p.Code} «{p.Title}» (kết thúc ngày {ReportFormat.Date(p.EndDate)})"));
            var more = late.Count > LateNamed ? $" và {Count(late.Count - LateNamed)} đề án khác" : string.Empty;
            difficulties.Add($"Có {Count(late.Count)} đề án đã quá thời hạn kết thúc nhưng đến ngày {end} chưa được nghiệm thu: {named}{more}.");
        }

        if (behind.Count > 0)
        {
            difficulties.Add("Các chỉ tiêu chưa đạt mục tiêu ở các đề án đã đến hạn kết thúc: "
                + string.Join("; ", behind.Select(o => $"{o.Name} mới đạt {Quantity(o.DueActual)}/{Quantity(o.DueTarget)} {o.Unit} ({ReportFormat.Percent(o.DueActual, o.DueTarget)})")) + ".");
        }

        if (r.PlanTotal > 0 && ReportFormat.Ratio(r.ExecutedTotal, r.PlanTotal) is < 0.5m && r.Period is ReportPeriod.NineMonths or ReportPeriod.Year)
        {
            difficulties.Add($"Tỷ lệ giải ngân đến ngày {end} mới đạt {ReportFormat.Percent(r.ExecutedTotal, r.PlanTotal)} kế hoạch năm.");
        }

        if (difficulties.Count == 0)
        {
            difficulties.Add($"Đến ngày {end}, không có đề án quá thời hạn kết thúc mà chưa nghiệm thu và không có chỉ tiêu nào của các đề án đã đến hạn thấp hơn mục tiêu.");
        }

        var proposals = new List<string>();
        if (late.Count > 0)
        {
            proposals.Add("Đề nghị các đơn vị thực hiện đẩy nhanh tiến độ, hoàn thiện hồ sơ để nghiệm thu các đề án chậm tiến độ nêu trên; trường hợp không thể hoàn thành, đề nghị điều chỉnh hoặc dừng thực hiện đề án theo quy định.");
        }

        if (behind.Count > 0)
        {
            proposals.Add($"Đề nghị rà soát nguyên nhân các chỉ tiêu chưa đạt ({string.Join(", ", behind.Select(o => o.Name.ToLower(VietnameseCulture.Instance)))}) và có giải pháp khắc phục trong các kỳ tiếp theo.");
        }

        proposals.Add("Đề nghị Bộ Công Thương tiếp tục hướng dẫn thủ tục thanh toán, quyết toán kinh phí khuyến công.");
        return (string.Join("\n", results), string.Join("\n", difficulties), string.Join("\n", proposals));
    }

    /// <summary>A count of an outcome indicator with vi-VN grouping: 3.382.</summary>
    public static string Quantity(decimal value) => value.ToString("#,##0.##", VietnameseCulture.Instance);

    private static string Count(int value) => value.ToString("#,##0", VietnameseCulture.Instance);
}
