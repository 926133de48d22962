using ClosedXML.Excel;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The conference report as a formatted workbook (ClosedXML; small): a summary in the layout of a ministry report,
/// the provinces, the contents, the outcomes, the five-year trend, the narrative and the source rows behind the totals.
/// Values are numbers with formats, not text (tỷ đồng on the summary sheets, đồng on the source rows); widths are set
/// by hand (no AdjustToContents: it needs GDI+).
/// </summary>
public static class ConferenceWorkbook
{
    private const string Money = ReportSheets.Money;
    private const string Percent = "0.00%";
    private const string Dong = "#,##0";
    private const string DateFormat = "dd/mm/yyyy";
    private const decimal Billion = 1_000_000_000m;

    /// <summary>The note under a province user's source rows: the other provinces are in the totals only.</summary>
    public const string OwnProvincesNote =
        "Ghi chú: sheet này chỉ liệt kê kế hoạch kinh phí và đề án của tỉnh, thành phố mình; các tỉnh, thành phố khác chỉ thể hiện ở số liệu tổng hợp (theo tỉnh, khu vực và cả nước).";

    public static void Write(Stream output, ConferenceReport r, ConferenceSourceRows sources)
    {
        using var book = new XLWorkbook();
        Summary(book.AddWorksheet("TongHop"), r);
        Provinces(book.AddWorksheet("TheoTinh"), r);
        Contents(book.AddWorksheet("TheoNoiDung"), r);
        var outcomes = book.AddWorksheet("KetQua");
        string[] outcomeHeaders = ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch (theo đơn vị tính)", "Thực hiện (theo đơn vị tính)"];
        for (var c = 0; c < outcomeHeaders.Length; c++)
        {
            outcomes.Cell(1, c + 1).Value = outcomeHeaders[c];
        }

        outcomes.Range(1, 1, 1, outcomeHeaders.Length).Style.Font.Bold = true;
        for (var i = 0; i < r.Outcomes.Count; i++)
        {
            outcomes.Cell(i + 2, 1).Value = r.Outcomes[i].Name;
            outcomes.Cell(i + 2, 2).Value = r.Outcomes[i].Unit;
            ReportSheets.Number(outcomes.Cell(i + 2, 3), r.Outcomes[i].Target, "#,##0");
            ReportSheets.Number(outcomes.Cell(i + 2, 4), r.Outcomes[i].Actual, "#,##0");
        }

        outcomes.Column(1).Width = 50;
        outcomes.Column(2).Width = 14;
        outcomes.Column(3).Width = 14;
        outcomes.Column(4).Width = 14;
        outcomes.Range(1, 1, 1, outcomeHeaders.Length).Style.Alignment.WrapText = true;
        ReportSheets.FitWrappedRows(outcomes, 1, 1);
        ReportSheets.Establishments(book.AddWorksheet(ReportSheets.EstablishmentsSheet), r.Establishments,
            $"CƠ SỞ ĐƯỢC HỖ TRỢ NĂM {r.Year} – KHU VỰC {r.RegionName.ToUpperInvariant()}");
        var narrative = book.AddWorksheet("NhanXet");
        narrative.Column(1).Width = 140;
        narrative.Cell(1, 1).Value = "Dự thảo nội dung báo cáo";
        narrative.Cell(1, 1).Style.Font.Bold = true;
        for (var i = 0; i < r.Narrative.Count; i++)
        {
            narrative.Cell(i + 2, 1).Value = r.Narrative[i];
            narrative.Cell(i + 2, 1).Style.Alignment.WrapText = true;
        }

        // The gaps are sentences of the narrative (ConferenceNarrative), not a second list; the unit under the text.
        narrative.Cell(r.Narrative.Count + 3, 1).Value = "Đơn vị: số tiền tính bằng tỷ đồng; tỷ lệ tính bằng %.";
        narrative.Cell(r.Narrative.Count + 3, 1).Style.Font.Italic = true;
        ReportSheets.FitWrappedRows(narrative, 2, r.Narrative.Count + 1);

        Trend(book.AddWorksheet("XuHuong"), r);
        SourceRows(book.AddWorksheet("DuLieuNguon"), sources);
        book.SaveAs(output);
    }

    private static void Trend(IXLWorksheet s, ConferenceReport r)
    {
        string[] headers = ["Năm", "Số liệu đến ngày", "Kế hoạch KCQG", "Kế hoạch KCĐP", "Tổng kế hoạch", "Thực hiện KCQG", "Thực hiện KCĐP", "Tổng thực hiện", "Tỷ lệ thực hiện"];
        s.Cell(1, 1).Value = $"Xu hướng 5 năm – khu vực {r.RegionName} (tỷ đồng)";
        s.Cell(1, 1).Style.Font.Bold = true;
        ReportSheets.Headers(s, 2, headers);
        var row = 3;
        foreach (var t in r.Trend)
        {
            s.Cell(row, 1).Value = t.Year;
            s.Cell(row, 2).Value = t.Cutoff.ToDateTime(TimeOnly.MinValue);
            s.Cell(row, 2).Style.NumberFormat.Format = DateFormat;
            ReportSheets.Number(s.Cell(row, 3), t.PlanKcqg / Billion, Money);
            ReportSheets.Number(s.Cell(row, 4), t.PlanKcdp / Billion, Money);
            ReportSheets.Number(s.Cell(row, 5), t.Plan / Billion, Money);
            ReportSheets.Number(s.Cell(row, 6), t.ExecutedKcqg / Billion, Money);
            ReportSheets.Number(s.Cell(row, 7), t.ExecutedKcdp / Billion, Money);
            ReportSheets.Number(s.Cell(row, 8), t.Executed / Billion, Money);
            Ratio(s.Cell(row, 9), t.Executed, t.Plan);
            row++;
        }

        s.Range(2, 1, row - 1, headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        ReportSheets.Widths(s, 8, 14, 14, 14, 14, 14, 14, 14, 12);
        ReportSheets.FitWrappedRows(s, 2, 2);

        s.SheetView.FreezeRows(2);
        ReportSheets.PrintA4Landscape(s);
    }

    /// <summary>
    /// Dữ liệu nguồn: one row per plan version and per project the totals are summed from, in đồng, so that a reader
    /// can filter by year and source and find the report's figures again. A province user's rows are their own
    /// province's only, with a note saying so under them.
    /// </summary>
    private static void SourceRows(IXLWorksheet s, ConferenceSourceRows sources)
    {
        string[] headers =
        [
            "Loại dòng", "Năm kế hoạch", "Mã tỉnh", "Tỉnh, thành phố", "Nguồn", "Số quyết định / Mã đề án", "Ngày quyết định", "Trạng thái",
            "Kế hoạch (đồng)", "Kinh phí hỗ trợ được duyệt (đồng)", "Vốn đối ứng (đồng)", "Thực hiện đến ngày", "Kinh phí đã thực hiện (đồng)",
        ];
        ReportSheets.Headers(s, 1, headers);
        var row = 2;
        foreach (var p in sources.Plans)
        {
            s.Cell(row, 1).Value = "Kế hoạch kinh phí";
            s.Cell(row, 2).Value = p.Year;
            s.Cell(row, 3).SetValue(p.ProvinceCode);
            s.Cell(row, 4).Value = p.ProvinceName;
            s.Cell(row, 5).Value = ProjectLabels.Of(p.Source);
            s.Cell(row, 6).SetValue(p.DecisionNumber);
            s.Cell(row, 7).Value = p.DecisionDate.ToDateTime(TimeOnly.MinValue);
            s.Cell(row, 9).Value = p.Amount;
            row++;
        }

        foreach (var p in sources.Projects)
        {
            s.Cell(row, 1).Value = "Đề án";
            s.Cell(row, 2).Value = p.PlanYear;
            s.Cell(row, 3).SetValue(p.ProvinceCode);
            s.Cell(row, 4).Value = p.ProvinceName;
            s.Cell(row, 5).Value = ProjectLabels.Of(p.Source);
            s.Cell(row, 6).SetValue(p.Code);
            s.Cell(row, 8).Value = ProjectLabels.Of(p.State);
            if (p.ApprovedSupport is { } support)
            {
                s.Cell(row, 10).Value = support;
            }

            if (p.Counterpart is { } counterpart)
            {
                s.Cell(row, 11).Value = counterpart;
            }

            s.Cell(row, 12).Value = p.ExecutedTo.ToDateTime(TimeOnly.MinValue);
            s.Cell(row, 13).Value = p.Executed;
            row++;
        }

        if (sources.OwnProvincesOnly)
        {
            // Below the filtered range, after a blank row, so that filtering and sums keep to the data.
            var note = s.Cell(row + 1, 1);
            note.Value = OwnProvincesNote;
            note.Style.Font.Italic = true;
        }

        // Formats by column, once, rather than per cell: the sheet can hold tens of thousands of rows.
        var last = Math.Max(row - 1, 2);
        foreach (var c in new[] { 9, 10, 11, 13 })
        {
            s.Range(2, c, last, c).Style.NumberFormat.Format = Dong;
        }

        foreach (var c in new[] { 7, 12 })
        {
            s.Range(2, c, last, c).Style.NumberFormat.Format = DateFormat;
        }

        ReportSheets.Widths(s, 18, 10, 8, 22, 8, 24, 12, 20, 18, 18, 18, 12, 18);
        ReportSheets.FitWrappedRows(s, 1, 1);

        s.Range(1, 1, Math.Max(row - 1, 1), headers.Length).SetAutoFilter();
        s.SheetView.FreezeRows(1);
        ReportSheets.PrintA4Landscape(s);
    }

    private static void Summary(IXLWorksheet s, ConferenceReport r)
    {
        s.Cell(1, 1).Value = $"BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KHUYẾN CÔNG NĂM {r.Year} – KHU VỰC {r.RegionName.ToUpperInvariant()}";
        s.Range(1, 1, 1, 7).Merge().Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        s.Cell(2, 1).Value = $"{r.ProvinceCount} tỉnh, thành phố; số liệu đến ngày {ReportFormat.Date(r.Cutoff)}; {(r.Boundaries == Boundaries.Current ? "quy về 34 tỉnh hiện nay" : "như thời điểm báo cáo")}";
        s.Range(2, 1, 2, 7).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        s.Cell(3, 7).Value = "Đơn vị: tỷ đồng";
        s.Cell(3, 7).Style.Font.Italic = true;
        string[] headers = ["Nguồn kinh phí", $"Kế hoạch {r.Year}", $"Kế hoạch {r.Year - 1}", "Tăng/giảm", "Tỷ trọng so với cả nước", $"Thực hiện đến {ReportFormat.Date(r.Cutoff)}", "Tỷ lệ thực hiện"];
        ReportSheets.Headers(s, 4, headers);
        var rows = new[] { ("Khuyến công quốc gia", r.Kcqg, r.NationalKcqg), ("Khuyến công địa phương", r.Kcdp, r.NationalKcdp), ("Tổng cộng", r.Total, r.NationalTotal) };
        for (var i = 0; i < rows.Length; i++)
        {
            var (label, f, national) = rows[i];
            var row = 5 + i;
            s.Cell(row, 1).Value = label;
            ReportSheets.Number(s.Cell(row, 2), f.Plan / Billion, Money);
            ReportSheets.Number(s.Cell(row, 3), f.PlanPrevious / Billion, Money);
            Ratio(s.Cell(row, 4), f.Plan - f.PlanPrevious, f.PlanPrevious);
            Ratio(s.Cell(row, 5), f.Plan, national.Plan);
            ReportSheets.Number(s.Cell(row, 6), f.Executed / Billion, Money);
            Ratio(s.Cell(row, 7), f.Executed, f.Plan);
        }

        s.Range(7, 1, 7, headers.Length).Style.Font.Bold = true;
        s.Range(4, 1, 7, headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        ReportSheets.Widths(s, 28, 14, 14, 12, 14, 16, 12);
        ReportSheets.FitWrappedRows(s, 4, 4);

        s.SheetView.FreezeRows(4);
        ReportSheets.PrintA4Landscape(s);
        s.PageSetup.FitToPages(1, 0);
    }

    private static void Provinces(IXLWorksheet s, ConferenceReport r)
    {
        string[] headers = ["Mã", "Tỉnh, thành phố", "Kế hoạch KCQG (tỷ đồng)", "Kế hoạch KCĐP (tỷ đồng)", "Tổng kế hoạch (tỷ đồng)", "Thực hiện (tỷ đồng)", "Tỷ lệ thực hiện", "Vốn đối ứng (tỷ đồng)", "Số đề án"];
        ReportSheets.Headers(s, 1, headers);
        var row = 2;
        foreach (var p in r.Provinces)
        {
            s.Cell(row, 1).SetValue(p.Code);
            s.Cell(row, 2).Value = p.Name;
            ReportSheets.Number(s.Cell(row, 3), p.Kcqg.Plan / Billion, Money);
            ReportSheets.Number(s.Cell(row, 4), p.Kcdp.Plan / Billion, Money);
            ReportSheets.Number(s.Cell(row, 5), p.Total.Plan / Billion, Money);
            ReportSheets.Number(s.Cell(row, 6), p.Total.Executed / Billion, Money);
            Ratio(s.Cell(row, 7), p.Total.Executed, p.Total.Plan);
            ReportSheets.Number(s.Cell(row, 8), p.Total.Counterpart / Billion, Money);
            s.Cell(row, 9).Value = p.Projects;
            row++;
        }

        // The total row is the sum of the rounded rows above it, as a reader adds them up (a value, not a formula, so
        // that every program shows it); the region's own total, summed in đồng, is on TongHop and may differ from it
        // by the rounding of the rows, as the note under the table says.
        var total = ConferenceRounding.RoundedTotals(r);
        s.Cell(row, 2).Value = "Tổng cộng";
        ReportSheets.Number(s.Cell(row, 3), total.PlanKcqg, Money);
        ReportSheets.Number(s.Cell(row, 4), total.PlanKcdp, Money);
        ReportSheets.Number(s.Cell(row, 5), total.Plan, Money);
        ReportSheets.Number(s.Cell(row, 6), total.Executed, Money);
        ReportSheets.Number(s.Cell(row, 8), total.Counterpart, Money);
        s.Cell(row, 9).Value = r.Provinces.Sum(p => p.Projects);
        s.Range(row, 1, row, headers.Length).Style.Font.Bold = true;
        // In column B, so that the rows with a code in column A remain the provinces.
        s.Cell(row + 2, 2).Value = ConferenceRounding.Note;
        s.Cell(row + 2, 2).Style.Font.Italic = true;
        ReportSheets.Widths(s, 6, 24, 14, 14, 14, 14, 12, 14, 10);
        ReportSheets.FitWrappedRows(s, 1, 1);

        s.SheetView.FreezeRows(1);
        ReportSheets.PrintA4Landscape(s);
    }

    private static void Contents(IXLWorksheet s, ConferenceReport r)
    {
        string[] headers = ["Mã", "Nội dung", "Số đề án", "Kinh phí đề nghị (tỷ đồng)", "Kinh phí được duyệt (tỷ đồng)"];
        ReportSheets.Headers(s, 1, headers);
        var row = 2;
        foreach (var line in r.Contents)
        {
            s.Cell(row, 1).Value = line.Code;
            s.Cell(row, 2).Value = line.Name;
            s.Cell(row, 3).Value = line.Projects;
            ReportSheets.Number(s.Cell(row, 4), line.Requested / Billion, Money);
            ReportSheets.Number(s.Cell(row, 5), line.Approved / Billion, Money);
            row++;
        }

        ReportSheets.Widths(s, 8, 70, 10, 16, 18);

        s.Column(2).Style.Alignment.WrapText = true;
        ReportSheets.FitWrappedRows(s, 1, row - 1);
        s.SheetView.FreezeRows(1);
        ReportSheets.PrintA4Landscape(s);
    }

    /// <summary>A ratio as a number with a percent format; a zero denominator leaves "—".</summary>
    private static void Ratio(IXLCell cell, decimal numerator, decimal denominator)
    {
        if (ReportFormat.Ratio(numerator, denominator) is { } ratio)
        {
            cell.Value = Math.Round(ratio, 4, MidpointRounding.AwayFromZero);
            cell.Style.NumberFormat.Format = Percent;
        }
        else
        {
            cell.Value = ReportFormat.Missing;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }
    }
}
