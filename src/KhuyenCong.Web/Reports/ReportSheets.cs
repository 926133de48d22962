using ClosedXML.Excel;

namespace KhuyenCong.Web.Reports;

/// <summary>The layout every report sheet shares: a styled header row, column widths set by hand, A4 landscape.</summary>
internal static class ReportSheets
{
    /// <summary>Writes a header row: bold, wrapped, shaded.</summary>
    public static void Headers(IXLWorksheet s, int row, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            s.Cell(row, c + 1).Value = headers[c];
        }

        var header = s.Range(row, 1, row, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2DCDB");
    }

    /// <summary>Column widths in characters, from column A on (AdjustToContents needs GDI+, absent here).</summary>
    public static void Widths(IXLWorksheet s, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            s.Column(c + 1).Width = widths[c];
        }
    }

    public static void PrintA4Landscape(IXLWorksheet s)
    {
        s.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        s.PageSetup.PaperSize = XLPaperSize.A4Paper;
    }
}
