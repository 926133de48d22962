using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Reports.Documents;

/// <summary>
/// A province's periodic report as a document to sign (.docx, Nghị định 30/2020/NĐ-CP): the figures of the page from
/// the same <see cref="PeriodicReport"/> (as of the period end, frozen once sent) and the Sở's three narrative parts.
/// </summary>
public static class PeriodicDocument
{
    /// <summary>
    /// The details the form starts with: the province's People's Committee over its Sở Công Thương, a number left for the
    /// văn thư, the province as the place and today, the Sở's director, and the usual recipients.
    /// </summary>
    public static DocumentDetails Defaults(PeriodicReport report, string department, DateOnly today)
    {
        var (committee, place) = OfficialDocument.ProvinceFrame(report.Province!.Name);
        return new DocumentDetails(committee, "Sở Công Thương", "/BC-SCT", place, today, string.Empty, "Giám đốc", string.Empty,
            [$"Bộ Công Thương ({department})", $"{committee} (để báo cáo)", "Lưu: VT"]);
    }

    /// <summary>"bao-cao-quy-i-nam-2026-bac-ninh.docx".</summary>
    public static string FileName(PeriodicReport report) =>
        OfficialDocument.AsciiName($"{ReportPeriods.Title(report.Period, report.Year)} {report.Province!.Name}") + ".docx";

    public static void Write(Stream output, PeriodicReport r, DocumentDetails details)
    {
        var title = ReportPeriods.Title(r.Period, r.Year);
        var period = title["Báo cáo ".Length..];
        period = char.ToLower(period[0], VietnameseCulture.Instance) + period[1..];
        OfficialDocument.Write(output, details, "Báo cáo", $"Tình hình thực hiện hoạt động khuyến công {period}", d => Body(d, r));
    }

    private static void Body(OfficialDocument d, PeriodicReport r)
    {
        var submitted = r.Status == PeriodicReportStatus.Submitted;
        d.Paragraph($"Kỳ báo cáo: từ ngày 01/01/{r.Year} đến ngày {ReportFormat.Date(ReportPeriods.End(r.Period, r.Year))}. Số liệu lấy từ dữ liệu của "
            + $"cổng thông tin khuyến công lúc {VietnameseCulture.DateTime(r.FiguresAtUtc)}{(submitted ? ", cố định khi gửi Bộ" : string.Empty)}; "
            + "gồm cả hồ sơ của các tỉnh tiền thân mà tỉnh kế thừa.", italic: true);
        d.Heading("I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH KINH PHÍ KHUYẾN CÔNG");
        d.Unit("Đơn vị tính: tỷ đồng");
        d.Table(["Nguồn kinh phí", "Kế hoạch năm", "Đã giải ngân", "Tỷ lệ"],
        [
            ["Khuyến công quốc gia", ReportFormat.Billions(r.PlanKcqg), ReportFormat.Billions(r.ExecutedKcqg), ReportFormat.Percent(r.ExecutedKcqg, r.PlanKcqg)],
            ["Khuyến công địa phương", ReportFormat.Billions(r.PlanKcdp), ReportFormat.Billions(r.ExecutedKcdp), ReportFormat.Percent(r.ExecutedKcdp, r.PlanKcdp)],
            ["Tổng cộng", ReportFormat.Billions(r.PlanTotal), ReportFormat.Billions(r.ExecutedTotal), ReportFormat.Percent(r.ExecutedTotal, r.PlanTotal)],
        ], [40, 20, 20, 16], boldLastRows: 1);
        d.Paragraph($"Vốn đối ứng đã thực hiện: {ReportFormat.Billions(r.CounterpartPaid)} tỷ đồng. Số đề án được duyệt: {r.ProjectsApproved.ToString("#,##0", VietnameseCulture.Instance)}, "
            + $"đã nghiệm thu: {r.ProjectsCompleted.ToString("#,##0", VietnameseCulture.Instance)}.");
        d.Heading("Chỉ tiêu kết quả của các đề án được duyệt");
        if (r.Outcomes.Count == 0)
        {
            d.Paragraph("Chưa có chỉ tiêu kết quả.");
        }
        else
        {
            d.Table(["Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Thực hiện", "Tỷ lệ", "Đã đến hạn: mục tiêu / thực hiện"],
                [.. r.Outcomes.Select(o => (IReadOnlyList<string>)
                [
                    o.Name, o.Unit, PeriodicNarrative.Quantity(o.Target), PeriodicNarrative.Quantity(o.Actual), ReportFormat.Percent(o.Actual, o.Target),
                    $"{PeriodicNarrative.Quantity(o.DueTarget)} / {PeriodicNarrative.Quantity(o.DueActual)}{(o.Behind ? " (chưa đạt)" : string.Empty)}",
                ])],
                [34, 12, 11, 11, 10, 18], textColumns: 2);
        }

        Part(d, "II. KẾT QUẢ ĐẠT ĐƯỢC", r.Results);
        Part(d, "III. KHÓ KHĂN, VƯỚNG MẮC", r.Difficulties);
        Part(d, "IV. KIẾN NGHỊ, ĐỀ XUẤT", r.Proposals);
    }

    /// <summary>A narrative part, one paragraph per line the officer wrote; "—" when empty (as on the page).</summary>
    private static void Part(OfficialDocument d, string heading, string text)
    {
        d.Heading(heading);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            d.Paragraph(ReportFormat.Missing);
        }

        foreach (var line in lines)
        {
            d.Paragraph(line);
        }
    }
}
