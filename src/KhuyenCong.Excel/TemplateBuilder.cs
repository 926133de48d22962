using System.Globalization;
using ClosedXML.Excel;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Excel;

/// <summary>Codes valid in the template's year, listed on the DanhMuc sheet and offered as drop-down lists.</summary>
public sealed record TemplateCodes(int Year, IReadOnlyList<ProvinceFact> Provinces, IReadOnlyList<(string Code, string Name)> Contents, IReadOnlyList<(string Code, string Name)> Indicators);

/// <summary>
/// Builds the template of one exchange sheet with ClosedXML (small, so held in memory): the exact headers, one
/// example row, drop-down lists where Excel supports them, and the DanhMuc sheet of codes valid in the year.
/// Column widths are set by hand (no GDI+ here for AdjustToContents).
/// </summary>
public static class TemplateBuilder
{
    public static void Write(Stream output, string sheet, TemplateCodes codes)
    {
        using var book = new XLWorkbook();
        var data = book.AddWorksheet(sheet);
        var list = book.AddWorksheet(ExchangeFormat.Codes);
        var ranges = WriteCodes(list, codes);
        object?[] example = sheet switch
        {
            ExchangeFormat.Establishments => new object?[] { ExampleTaxCode, null, "Hợp tác xã Chè Tân Cương", ProjectLabels.Of(BeneficiaryType.Cooperative), codes.Provinces[0].Code, "Xã Tân Cương", "Xóm 5", "Chế biến chè", "Chè xanh, chè búp", 25, ExchangeFormat.Yes, ExchangeFormat.No, ExchangeFormat.Yes, "Nguyễn Thị Hoa", "0912345678", "htx.chetancuong@example.vn" },
            ExchangeFormat.Plans => new object[] { codes.Year, codes.Provinces[0].Code, "KCQG", 1_500_000_000m, $"123/QĐ-BCT", new DateTime(codes.Year, 1, 15) },
            ExchangeFormat.Projects => new object[] { $"KCQG-{codes.Year}-{codes.Provinces[0].Code}-0001", codes.Year, codes.Provinces[0].Code, "KCQG", "Thường", "ND03", "Hỗ trợ ứng dụng máy móc chế biến chè", "Trung tâm Khuyến công", 500_000_000m, 450_000_000m, 1_200_000_000m, ProjectLabels.Of(ProjectState.Approved), new DateTime(codes.Year, 3, 20), ExampleTaxCode },
            ExchangeFormat.Disbursements => new object[] { $"KCQG-{codes.Year}-{codes.Provinces[0].Code}-0001", new DateTime(codes.Year, 4, 15), 200_000_000m, "Ngân sách", "Tạm ứng theo hợp đồng" },
            _ => new object[] { $"KCQG-{codes.Year}-{codes.Provinces[0].Code}-0001", codes.Indicators[0].Code, 30, 28 },
        };
        var (headers, widths) = (ExchangeFormat.Sheet(sheet).Headers, ExchangeFormat.Sheet(sheet).Widths);

        for (var c = 0; c < headers.Count; c++)
        {
            data.Cell(1, c + 1).Value = headers[c];
            data.Column(c + 1).Width = widths[c];
            var cell = data.Cell(2, c + 1);
            switch (example[c])
            {
                case null: break;
                case DateTime d: cell.Value = d; cell.Style.DateFormat.Format = "dd/mm/yyyy"; break;
                case decimal m: cell.Value = m; cell.Style.NumberFormat.Format = "#,##0"; break;
                case int i: cell.Value = i; break;
                default: cell.SetValue(Convert.ToString(example[c], CultureInfo.InvariantCulture)); cell.DataType = XLDataType.Text; break;
            }
        }

        var header = data.Range(1, 1, 1, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2DCDB");
        data.Row(2).Style.Font.Italic = true;
        data.Cell(2, 1).Comment.AddText("Dòng ví dụ: hãy ghi đè hoặc xóa trước khi nhập.");
        data.SheetView.FreezeRows(1);

        void Validate(string header, string range)
        {
            var index = headers.ToList().IndexOf(header);
            if (index >= 0)
            {
                var validation = data.Range(2, index + 1, 5000, index + 1).SetDataValidation();
                validation.List($"{ExchangeFormat.Codes}!{range}", true);
                validation.ErrorMessage = "Hãy chọn một giá trị trong danh sách (trang DanhMuc).";
            }
        }

        Validate("Mã tỉnh", ranges.Provinces);
        Validate("Nguồn kinh phí", ranges.Sources);
        Validate("Loại đề án", ranges.Kinds);
        Validate("Trạng thái", ranges.States);
        Validate("Mã chỉ tiêu", ranges.Indicators);
        Validate("Loại vốn", ranges.MoneySources);
        Validate("Loại hình", ranges.Types);
        Validate("Phụ nữ làm chủ", ranges.YesNo);
        Validate("Sử dụng lao động dân tộc thiểu số", ranges.YesNo);
        Validate("Địa bàn ưu tiên", ranges.YesNo);
        book.SaveAs(output);
    }

    /// <summary>The example's tax code (a published one whose check digit is right, docs/domain.md §12), in CoSo and in DeAn.</summary>
    private const string ExampleTaxCode = "0100109106";

    private sealed record Ranges(string Provinces, string Sources, string Kinds, string States, string Indicators, string MoneySources, string Types, string YesNo);

    private static Ranges WriteCodes(IXLWorksheet sheet, TemplateCodes codes)
    {
        string Column(int column, string title, IReadOnlyList<(string Code, string Name)> rows, double width)
        {
            sheet.Cell(1, column).Value = title;
            sheet.Cell(1, column).Style.Font.Bold = true;
            sheet.Cell(1, column + 1).Value = "Tên";
            sheet.Cell(1, column + 1).Style.Font.Bold = true;
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Cell(r + 2, column).SetValue(rows[r].Code);
                sheet.Cell(r + 2, column).DataType = XLDataType.Text;
                sheet.Cell(r + 2, column + 1).Value = rows[r].Name;
            }

            sheet.Column(column).Width = 14;
            sheet.Column(column + 1).Width = width;
            var letter = ExchangeFormat.ColumnName(column - 1);
            return $"${letter}$2:${letter}${rows.Count + 1}";
        }

        var ranges = new Ranges(
            Column(1, $"Mã tỉnh ({codes.Year})", [.. codes.Provinces.Select(p => (p.Code, p.Name))], 24),
            Column(3, "Nguồn kinh phí", [.. Enum.GetValues<FundingSource>().Select(s => (ProjectLabels.Of(s), s == FundingSource.KCQG ? "Khuyến công quốc gia" : "Khuyến công địa phương"))], 24),
            Column(5, "Loại đề án", [.. Enum.GetValues<ProjectKind>().Select(k => (ProjectLabels.Of(k), string.Empty))], 6),
            Column(7, "Trạng thái", [.. Enum.GetValues<ProjectState>().Select(s => (ProjectLabels.Of(s), string.Empty))], 6),
            Column(9, "Mã chỉ tiêu", codes.Indicators, 40),
            Column(11, "Loại vốn", [.. Enum.GetValues<MoneySource>().Select(s => (ProjectLabels.Of(s), string.Empty))], 6),
            Column(15, "Loại hình", [.. Enum.GetValues<BeneficiaryType>().Select(t => (ProjectLabels.Of(t), string.Empty))], 6),
            Column(17, "Có/Không", [(ExchangeFormat.Yes, string.Empty), (ExchangeFormat.No, string.Empty)], 6));
        Column(13, "Mã nội dung", codes.Contents, 60);
        return ranges;
    }
}
