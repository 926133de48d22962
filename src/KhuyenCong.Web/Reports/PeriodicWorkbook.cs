using ClosedXML.Excel;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Reports.Documents;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// A province's periodic report as a small workbook (ClosedXML): the figures (tỷ đồng), the outcome indicators (target
/// against actual, in each indicator's unit) and the three narrative parts, all from the same <see cref="PeriodicReport"/>
/// the page shows. Every sheet names its unit; widths are set by hand (no GDI+ here).
/// </summary>
public static class PeriodicWorkbook
{
    private const string Money = ReportSheets.Money;
    private const string Percent = "0.00%";
    private const string Count = "#,##0.##";
    private const decimal Billion = 1_000_000_000m;

    /// <summary>"bao-cao-quy-i-nam-2026-bac-ninh.xlsx".</summary>
    public static string FileName(PeriodicReport report) => Path.ChangeExtension(PeriodicDocument.FileName(report), ".xlsx");

    public static void Write(Stream output, PeriodicReport r)
    {
        using var book = new XLWorkbook();
        Figures(book.AddWorksheet("SoLieu"), r);
        Outcomes(book.AddWorksheet("KetQua"), r);
        Narrative(book.AddWorksheet("NhanXet"), r);
        book.SaveAs(output);
    }

    private static void Figures(IXLWorksheet s, PeriodicReport r)
    {
        s.Cell(1, 1).Value = $"{ReportPeriods.Title(r.Period, r.Year).ToUpper(Domain.Common.VietnameseCulture.Instance)} – {r.Province!.Name.ToUpper(Domain.Common.VietnameseCulture.Instance)}";
        s.Range(1, 1, 1, 4).Merge().Style.Font.SetBold().Font.SetFontSize(14);
        s.Cell(2, 1).Value = $"Số liệu đến ngày {ReportFormat.Date(ReportPeriods.End(r.Period, r.Year))}; đơn vị: tỷ đồng";
        s.Cell(2, 1).Style.Font.Italic = true;
        ReportSheets.Headers(s, 4, ["Nguồn kinh phí", "Kế hoạch năm", "Đã giải ngân", "Tỷ lệ"]);
        var rows = new[] { ("Khuyến công quốc gia", r.PlanKcqg, r.ExecutedKcqg), ("Khuyến công địa phương", r.PlanKcdp, r.ExecutedKcdp), ("Tổng cộng", r.PlanTotal, r.ExecutedTotal) };
        for (var i = 0; i < rows.Length; i++)
        {
            var (label, plan, executed) = rows[i];
            s.Cell(5 + i, 1).Value = label;
            ReportSheets.Number(s.Cell(5 + i, 2), plan / Billion, Money, 4);
            ReportSheets.Number(s.Cell(5 + i, 3), executed / Billion, Money, 4);
            if (ReportFormat.Ratio(executed, plan) is { } ratio)
            {
                ReportSheets.Number(s.Cell(5 + i, 4), Math.Round(ratio, 4, MidpointRounding.AwayFromZero), Percent, 4);
            }
            else
            {
                s.Cell(5 + i, 4).Value = ReportFormat.Missing;
            }
        }

        s.Range(7, 1, 7, 4).Style.Font.Bold = true;
        s.Cell(9, 1).Value = "Vốn đối ứng đã thực hiện (tỷ đồng)";
        ReportSheets.Number(s.Cell(9, 2), r.CounterpartPaid / Billion, Money, 4);
        s.Cell(10, 1).Value = "Số đề án được duyệt (đề án)";
        s.Cell(10, 2).Value = r.ProjectsApproved;
        s.Cell(11, 1).Value = "Số đề án đã nghiệm thu (đề án)";
        s.Cell(11, 2).Value = r.ProjectsCompleted;
        ReportSheets.Widths(s, 36, 16, 16, 12);
        ReportSheets.PrintA4Landscape(s);
    }

    private static void Outcomes(IXLWorksheet s, PeriodicReport r)
    {
        s.Cell(1, 1).Value = "Chỉ tiêu kết quả của các đề án được duyệt; đơn vị: theo cột «Đơn vị tính» của từng chỉ tiêu";
        s.Cell(1, 1).Style.Font.Italic = true;
        string[] headers = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Thực hiện", "Tỷ lệ", "Mục tiêu đã đến hạn", "Thực hiện đã đến hạn", "Đánh giá"];
        ReportSheets.Headers(s, 2, headers);
        var row = 3;
        foreach (var o in r.Outcomes)
        {
            s.Cell(row, 1).Value = o.Code;
            s.Cell(row, 2).Value = o.Name;
            s.Cell(row, 3).Value = o.Unit;
            ReportSheets.Number(s.Cell(row, 4), o.Target, Count, 4);
            ReportSheets.Number(s.Cell(row, 5), o.Actual, Count, 4);
            if (ReportFormat.Ratio(o.Actual, o.Target) is { } ratio)
            {
                ReportSheets.Number(s.Cell(row, 6), Math.Round(ratio, 4, MidpointRounding.AwayFromZero), Percent, 4);
            }
            else
            {
                s.Cell(row, 6).Value = ReportFormat.Missing;
            }

            ReportSheets.Number(s.Cell(row, 7), o.DueTarget, Count, 4);
            ReportSheets.Number(s.Cell(row, 8), o.DueActual, Count, 4);
            s.Cell(row, 9).Value = o.Behind ? "Chưa đạt" : o.DueTarget > 0 ? "Đạt" : "Chưa đến hạn";
            row++;
        }

        if (r.Outcomes.Count == 0)
        {
            s.Cell(row, 1).Value = "Chưa có chỉ tiêu kết quả.";
        }

        ReportSheets.Widths(s, 26, 44, 12, 12, 12, 10, 14, 14, 14);
        ReportSheets.FitWrappedRows(s, 2, 2);
        ReportSheets.PrintA4Landscape(s);
    }

    private static void Narrative(IXLWorksheet s, PeriodicReport r)
    {
        s.Column(1).Width = 140;
        s.Cell(1, 1).Value = "Đánh giá của Sở Công Thương (số tiền: tỷ đồng)";
        s.Cell(1, 1).Style.Font.Bold = true;
        var row = 2;
        foreach (var (heading, text) in new[] { ("Kết quả đạt được", r.Results), ("Khó khăn, vướng mắc", r.Difficulties), ("Kiến nghị, đề xuất", r.Proposals) })
        {
            s.Cell(row, 1).Value = heading;
            s.Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).DefaultIfEmpty(ReportFormat.Missing))
            {
                s.Cell(row, 1).Value = line;
                s.Cell(row, 1).Style.Alignment.WrapText = true;
                row++;
            }
        }

        ReportSheets.FitWrappedRows(s, 2, row - 1);
    }
}
