using ClosedXML.Excel;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The programme-period report as a small workbook (ClosedXML): the years, the targets, the narrative. Values are
/// numbers (tỷ đồng, ratios) with formats, not text; widths are set by hand (no AdjustToContents: no GDI+ here).
/// </summary>
public static class ProgrammeWorkbook
{
    private const string Money = ReportSheets.Money;
    private const string Percent = "0.00%";
    private const string Times = "0.00";
    private const string Count = "#,##0";
    private const decimal Billion = 1_000_000_000m;

    public static void Write(Stream output, ProgrammeReport r)
    {
        using var book = new XLWorkbook();
        Years(book.AddWorksheet("TheoNam"), r);
        Targets(book.AddWorksheet("MucTieu"), r);
        ReportSheets.Establishments(book.AddWorksheet(ReportSheets.EstablishmentsSheet), r.Establishments,
            $"CƠ SỞ ĐƯỢC HỖ TRỢ GIAI ĐOẠN {r.FromYear}–{r.ToYear} – {(r.IsNational ? "CẢ NƯỚC" : $"KHU VỰC {r.RegionName!.ToUpperInvariant()}")}");
        var narrative = book.AddWorksheet("NhanXet");
        narrative.Column(1).Width = 140;
        narrative.Cell(1, 1).Value = "Dự thảo nội dung báo cáo";
        narrative.Cell(1, 1).Style.Font.Bold = true;
        for (var i = 0; i < r.Narrative.Count; i++)
        {
            narrative.Cell(i + 2, 1).Value = r.Narrative[i];
            narrative.Cell(i + 2, 1).Style.Alignment.WrapText = true;
        }

        ReportSheets.FitWrappedRows(narrative, 2, r.Narrative.Count + 1);
        book.SaveAs(output);
    }

    private static void Years(IXLWorksheet s, ProgrammeReport r)
    {
        var scope = r.IsNational ? "CẢ NƯỚC" : $"KHU VỰC {r.RegionName!.ToUpperInvariant()}";
        s.Cell(1, 1).Value = $"KINH PHÍ KHUYẾN CÔNG GIAI ĐOẠN {r.FromYear}–{r.ToYear} – {scope}";
        s.Range(1, 1, 1, 9).Merge().Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        s.Cell(2, 1).Value = $"Kinh phí thực hiện đến ngày {ReportFormat.Date(r.Cutoff)}; đơn vị: tỷ đồng";
        s.Range(2, 1, 2, 9).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        string[] headers = ["Năm", "Kế hoạch KCQG", "Kế hoạch KCĐP", "Tổng kế hoạch", "Thực hiện", "Tỷ lệ thực hiện", "Kinh phí được duyệt", "Vốn đối ứng", "Hệ số thu hút vốn"];
        ReportSheets.Headers(s, 4, headers);
        var row = 5;
        foreach (var y in r.Years)
        {
            s.Cell(row, 1).Value = y.Year;
            Line(s, row, y.Kcqg, y.Kcdp);
            row++;
        }

        s.Cell(row, 1).Value = "Tổng cộng";
        Line(s, row, r.Kcqg, r.Kcdp);
        s.Range(row, 1, row, headers.Length).Style.Font.Bold = true;
        s.Range(4, 1, row, headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        ReportSheets.Widths(s, 12, 14, 14, 14, 14, 12, 14, 14, 12);
        ReportSheets.FitWrappedRows(s, 4, 4);

        s.SheetView.FreezeRows(4);
        ReportSheets.PrintA4Landscape(s);
        s.PageSetup.FitToPages(1, 0);
    }

    private static void Line(IXLWorksheet s, int row, PeriodFigures kcqg, PeriodFigures kcdp)
    {
        var total = kcqg + kcdp;
        ReportSheets.Number(s.Cell(row, 2), kcqg.Plan / Billion, Money);
        ReportSheets.Number(s.Cell(row, 3), kcdp.Plan / Billion, Money);
        ReportSheets.Number(s.Cell(row, 4), total.Plan / Billion, Money);
        ReportSheets.Number(s.Cell(row, 5), total.Executed / Billion, Money);
        Ratio(s.Cell(row, 6), total.Executed, total.Plan, Percent);
        ReportSheets.Number(s.Cell(row, 7), total.Support / Billion, Money);
        ReportSheets.Number(s.Cell(row, 8), total.Counterpart / Billion, Money);
        Ratio(s.Cell(row, 9), total.Counterpart, total.Support, Times);
    }

    private static void Targets(IXLWorksheet s, ProgrammeReport r)
    {
        s.Cell(1, 1).Value = r.ProgrammeName ?? "Chưa có giai đoạn chương trình chứa năm đầu của báo cáo";
        s.Cell(1, 1).Style.Font.Bold = true;
        s.Cell(2, 1).Value = (r.ProgrammeDecision is { } decision ? decision + "; " : string.Empty) + "đơn vị: theo cột «Đơn vị tính» (kinh phí: tỷ đồng)";
        s.Cell(2, 1).Style.Font.Italic = true;
        string[] headers = ["Chỉ tiêu", "Đơn vị tính", "Mục tiêu chương trình", "Kế hoạch của đề án", "Thực hiện", "Tỷ lệ đạt", "Căn cứ của mục tiêu"];
        ReportSheets.Headers(s, 3, headers);
        var row = 4;
        foreach (var line in r.Targets)
        {
            var (scale, format) = line.IsMoney ? (Billion, Money) : (1m, Count);
            s.Cell(row, 1).Value = line.Name;
            s.Cell(row, 2).Value = line.Unit;
            if (line.Target is { } target)
            {
                ReportSheets.Number(s.Cell(row, 3), target / scale, format);
                Ratio(s.Cell(row, 6), line.Actual, target, Percent);
            }
            else
            {
                Dash(s.Cell(row, 3));
                Dash(s.Cell(row, 6));
            }

            if (line.ProjectTargets is { } planned)
            {
                ReportSheets.Number(s.Cell(row, 4), planned / scale, format);
            }

            ReportSheets.Number(s.Cell(row, 5), line.Actual / scale, format);
            if (line.Source is { } source)
            {
                s.Cell(row, 7).Value = source.LegalBasis + (source.Confirmed ? string.Empty : " (" + ProgrammeNarrative.NotChecked + ")");
                s.Cell(row, 7).Style.Alignment.WrapText = true;
            }

            row++;
        }

        ReportSheets.Widths(s, 50, 12, 18, 16, 16, 12, 48);
        ReportSheets.FitWrappedRows(s, 3, row - 1);

        ReportSheets.PrintA4Landscape(s);
    }

    /// <summary>A ratio as a number with a format; a zero denominator leaves "—".</summary>
    private static void Ratio(IXLCell cell, decimal numerator, decimal denominator, string format)
    {
        if (ReportFormat.Ratio(numerator, denominator) is { } ratio)
        {
            cell.Value = Math.Round(ratio, 4, MidpointRounding.AwayFromZero);
            cell.Style.NumberFormat.Format = format;
        }
        else
        {
            Dash(cell);
        }
    }

    private static void Dash(IXLCell cell)
    {
        cell.Value = ReportFormat.Missing;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }
}
