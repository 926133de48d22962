using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Reports.Documents;

/// <summary>
/// The conference report as a document to sign (.docx, Nghị định 30/2020/NĐ-CP): the narrative and the tables of the
/// page, printed from the same <see cref="ConferenceReport"/> with the same formats (tỷ đồng with 3 decimals,
/// percentages with 2), never recomputed.
/// </summary>
public static class ConferenceDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// The details the form starts with: the ministry over its department (the name valid on the document date), a
    /// number left for the văn thư to fill, Hà Nội and today, the head of the department, and the usual recipients.
    /// </summary>
    public static DocumentDetails Defaults(ConferenceReport r, string department, string abbreviation, DateOnly today)
    {
        var symbol = abbreviation.StartsWith("Cục ", StringComparison.Ordinal) ? abbreviation[4..] : abbreviation;
        return new DocumentDetails("Bộ Công Thương", department, $"/BC-{symbol}", "Hà Nội", today, string.Empty, "Cục trưởng", string.Empty,
            ["Bộ trưởng (để báo cáo)", $"Sở Công Thương các tỉnh, thành phố khu vực {r.RegionName}", $"Lưu: VT, {symbol}"]);
    }

    /// <summary>"bao-cao-hoi-nghi-NAM-2024.docx": the download's name, in ASCII so that every browser and mail program keeps it.</summary>
    public static string FileName(ConferenceReport r) => $"bao-cao-hoi-nghi-{r.Region}-{r.Year}.docx";

    public static void Write(Stream output, ConferenceReport r, DocumentDetails details) =>
        OfficialDocument.Write(output, details, "Báo cáo", $"Kết quả hoạt động khuyến công năm {r.Year} khu vực {r.RegionName}", d => Body(d, r));

    private static void Body(OfficialDocument d, ConferenceReport r)
    {
        d.Paragraph($"Số liệu tính đến ngày {ReportFormat.Date(r.Cutoff)} của {r.ProvinceCount} tỉnh, thành phố khu vực {r.RegionName}, "
            + (r.Boundaries == Boundaries.Current ? "quy về 34 tỉnh, thành phố hiện nay" : "theo địa giới hành chính tại thời điểm báo cáo")
            + "; đơn vị tiền: tỷ đồng.", italic: true);
        d.Heading("I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH KINH PHÍ KHUYẾN CÔNG");
        foreach (var sentence in r.Narrative)
        {
            d.Paragraph(sentence);
        }

        d.Heading("1. Kinh phí theo nguồn");
        d.Unit("Đơn vị tính: tỷ đồng");
        d.Table(
            ["Nguồn kinh phí", $"Kế hoạch {r.Year}", $"Kế hoạch {r.Year - 1}", "Tăng/giảm", "Tỷ trọng so với cả nước", $"Thực hiện đến {ReportFormat.Date(r.Cutoff)}", "Tỷ lệ thực hiện"],
            [.. new[] { ("Khuyến công quốc gia", r.Kcqg, r.NationalKcqg), ("Khuyến công địa phương", r.Kcdp, r.NationalKcdp), ("Tổng cộng", r.Total, r.NationalTotal) }
                .Select(line => (IReadOnlyList<string>)
                [
                    line.Item1, ReportFormat.Billions(line.Item2.Plan), ReportFormat.Billions(line.Item2.PlanPrevious), ReportFormat.Change(line.Item2.Plan, line.Item2.PlanPrevious),
                    ReportFormat.Percent(line.Item2.Plan, line.Item3.Plan), ReportFormat.Billions(line.Item2.Executed), ReportFormat.Percent(line.Item2.Executed, line.Item2.Plan),
                ])],
            [22, 12, 12, 13, 12, 14, 11], boldLastRows: 1);

        d.Heading("2. Kế hoạch và thực hiện theo tỉnh, thành phố");
        d.Unit("Đơn vị tính: tỷ đồng");
        var provinces = r.Provinces.Select(p => (IReadOnlyList<string>)
        [
            p.Code, p.Name, ReportFormat.Billions(p.Kcqg.Plan), ReportFormat.Billions(p.Kcdp.Plan), ReportFormat.Billions(p.Total.Plan),
            ReportFormat.Billions(p.Total.Executed), ReportFormat.Percent(p.Total.Executed, p.Total.Plan), p.Projects.ToString("#,##0", VietnameseCulture.Instance),
        ]).ToList();
        var rounded = ConferenceRounding.RoundedTotals(r);
        provinces.Add(
        [
            string.Empty, "Tổng cộng", ConferenceRounding.Print(rounded.PlanKcqg), ConferenceRounding.Print(rounded.PlanKcdp), ConferenceRounding.Print(rounded.Plan),
            ConferenceRounding.Print(rounded.Executed), ReportFormat.Percent(rounded.Executed, rounded.Plan), r.Provinces.Sum(p => p.Projects).ToString("#,##0", VietnameseCulture.Instance),
        ]);
        d.Table(["Mã", "Tỉnh, thành phố", "Kế hoạch KCQG", "Kế hoạch KCĐP", "Tổng kế hoạch", "Thực hiện", "Tỷ lệ thực hiện", "Số đề án"],
            provinces, [6, 22, 12, 12, 12, 12, 11, 8], textColumns: 2, boldLastRows: 1);
        d.Paragraph(ConferenceRounding.Note, italic: true);

        d.Heading("3. Theo nội dung hoạt động (đề án được duyệt)");
        if (r.Contents.Count == 0)
        {
            d.Paragraph("Chưa có đề án được duyệt.");
        }
        else
        {
            d.Unit("Đơn vị tính: tỷ đồng");
            d.Table(["Mã", "Nội dung", "Số đề án", "Kinh phí đề nghị", "Kinh phí được duyệt"],
                [.. r.Contents.Select(c => (IReadOnlyList<string>)[c.Code, c.Name, c.Projects.ToString("#,##0", VietnameseCulture.Instance), ReportFormat.Billions(c.Requested), ReportFormat.Billions(c.Approved)])],
                [8, 50, 10, 14, 14], textColumns: 2);
        }

        d.Heading("4. Kết quả (chỉ tiêu của các đề án được duyệt)");
        if (r.Outcomes.Count == 0)
        {
            d.Paragraph("Chưa có chỉ tiêu kết quả.");
        }
        else
        {
            d.Table(["Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
                [.. r.Outcomes.Select(o => (IReadOnlyList<string>)[o.Name, o.Unit, VietnameseCulture.Number(o.Target), VietnameseCulture.Number(o.Actual)])],
                [50, 16, 14, 14], textColumns: 2);
        }

        d.Heading("5. Số đề án theo trạng thái");
        if (r.ProjectsByState.Count == 0)
        {
            d.Paragraph("Chưa có đề án của năm kế hoạch.");
        }

        foreach (var (state, count) in r.ProjectsByState.OrderBy(s => s.Key))
        {
            d.Paragraph($"- {ProjectLabels.Of(state)}: {count.ToString("#,##0", VietnameseCulture.Instance)} đề án.");
        }

        d.Heading("6. Xu hướng 5 năm (kế hoạch và thực hiện đến cùng ngày của mỗi năm)");
        d.Unit("Đơn vị tính: tỷ đồng");
        d.Table(["Năm", "Đến ngày", "Kế hoạch KCQG", "Kế hoạch KCĐP", "Tổng kế hoạch", "Tổng thực hiện", "Tỷ lệ thực hiện"],
            [.. r.Trend.Select(t => (IReadOnlyList<string>)
            [
                t.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportFormat.Date(t.Cutoff), ReportFormat.Billions(t.PlanKcqg), ReportFormat.Billions(t.PlanKcdp),
                ReportFormat.Billions(t.Plan), ReportFormat.Billions(t.Executed), ReportFormat.Percent(t.Executed, t.Plan),
            ])],
            [8, 14, 14, 14, 14, 14, 12], textColumns: 2);

        // The same figures as the sheet CoSoHoTro and the narrative's sentence (docs/domain.md §8.1 item 5).
        var e = r.Establishments;
        d.Heading("7. Cơ sở công nghiệp nông thôn được hỗ trợ");
        d.Unit("Đơn vị tính: cơ sở (mỗi cơ sở tính một lần)");
        d.Table(["Chỉ tiêu", "Số cơ sở", "Tỷ lệ"],
        [
            ["Cơ sở được hỗ trợ", Count(e.Supported), string.Empty],
            .. e.Flags.Select(f => (IReadOnlyList<string>)[$"Trong đó: {char.ToLowerInvariant(f.Name[0])}{f.Name[1..]}", Count(f.Count), e.Share(f.Count)]),
        ],
            [50, 14, 12], textColumns: 1);
    }

    private static string Count(int value) => value.ToString("#,##0", VietnameseCulture.Instance);
}
