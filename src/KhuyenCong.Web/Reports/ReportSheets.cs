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

    /// <summary>Tỷ đồng with three decimals, the unit every report sheet prints money in.</summary>
    public const string Money = "#,##0.000";

    /// <summary>A number rounded half away from zero to <paramref name="decimals"/> places, shown in <paramref name="format"/>.</summary>
    public static void Number(IXLCell cell, decimal value, string format, int decimals = 3)
    {
        cell.Value = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        cell.Style.NumberFormat.Format = format;
    }

    /// <summary>The name of the sheet of supported establishments, in the conference and the programme-period workbooks.</summary>
    public const string EstablishmentsSheet = "CoSoHoTro";

    /// <summary>
    /// CoSoHoTro: the establishments a report's projects supported, each counted once, and the share with each
    /// priority flag, under a title and its unit (số cơ sở; tỷ lệ trên số cơ sở được hỗ trợ).
    /// </summary>
    public static void Establishments(IXLWorksheet s, EstablishmentFigures f, string title)
    {
        s.Cell(1, 1).Value = title;
        s.Cell(1, 1).Style.Font.Bold = true;
        s.Cell(2, 1).Value = "Đơn vị: số cơ sở (mỗi cơ sở tính một lần dù thụ hưởng nhiều đề án); tỷ lệ tính bằng % trên số cơ sở được hỗ trợ.";
        s.Cell(2, 1).Style.Font.Italic = true;
        Headers(s, 4, ["Chỉ tiêu", "Số cơ sở", "Tỷ lệ"]);
        s.Cell(5, 1).Value = "Cơ sở công nghiệp nông thôn được hỗ trợ";
        Number(s.Cell(5, 2), f.Supported, "#,##0", 0);
        var row = 6;
        foreach (var (name, count) in f.Flags)
        {
            s.Cell(row, 1).Value = $"Trong đó: {char.ToLowerInvariant(name[0])}{name[1..]}";
            Number(s.Cell(row, 2), count, "#,##0", 0);
            if (f.Supported > 0)
            {
                Number(s.Cell(row, 3), (decimal)count / f.Supported, "0.00%", 4);
            }
            else
            {
                s.Cell(row, 3).Value = Domain.Reports.ReportFormat.Missing;
                s.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            }

            row++;
        }

        Widths(s, 56, 14, 12);
        PrintA4Landscape(s);
    }

    /// <summary>Column widths in characters, from column A on (AdjustToContents needs GDI+, absent here).</summary>
    public static void Widths(IXLWorksheet s, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            s.Column(c + 1).Width = widths[c];
        }
    }

    /// <summary>The height of one line of the default font (Calibri 11), in points: Excel's default row height.</summary>
    public const double LineHeight = 15;

    /// <summary>
    /// Sets the height of the rows <paramref name="first"/>..<paramref name="last"/> whose wrapped cells need more than
    /// one line, so that printed pages and other programs show every header and sentence in full. Excel fits row
    /// heights itself only when a row is edited, LibreOffice not always on print, and ClosedXML's AdjustToContents
    /// needs GDI+ (absent on the servers): the lines are counted from the text and the column width instead. Call it
    /// after the widths are set.
    /// </summary>
    public static void FitWrappedRows(IXLWorksheet s, int first, int last)
    {
        for (var row = first; row <= last; row++)
        {
            var lines = 1;
            foreach (var cell in s.Row(row).CellsUsed())
            {
                if (cell.Style.Alignment.WrapText)
                {
                    var width = cell.IsMerged() ? cell.MergedRange().Columns().Sum(c => c.WorksheetColumn().Width) : cell.WorksheetColumn().Width;
                    lines = Math.Max(lines, Lines(cell.GetString(), width, cell.Style.Font.Bold));
                }
            }

            if (lines > 1)
            {
                s.Row(row).Height = lines * LineHeight;
            }
        }
    }

    /// <summary>
    /// The lines a text takes in a column <paramref name="width"/> characters wide, wrapped at spaces. A column's width
    /// counts the digit '0' of Calibri 11 (7 px); a lower-case letter is narrower (5–6 px), a capital wider (7–9 px),
    /// bold a little wider still. Each character is weighed a little above its usual width (a capital 1,25, another
    /// bold character 1, a plain one 0,9), so that the estimate errs towards a line too many rather than a cut one.
    /// </summary>
    internal static int Lines(string text, double width, bool bold)
    {
        double Weight(string word) => word.Sum(c => char.IsUpper(c) ? 1.25 : bold ? 1.0 : 0.9);
        var space = bold ? 1.0 : 0.9;
        var capacity = Math.Max(1.0, width - 0.5);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var used = 0.0;
            lines++;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var length = Weight(word);
                var needed = used == 0 ? length : used + space + length;
                if (needed <= capacity)
                {
                    used = needed;
                    continue;
                }

                if (used > 0)
                {
                    lines++;
                }

                // A word longer than the column breaks over as many lines as it fills.
                var extra = (int)Math.Ceiling(length / capacity) - 1;
                lines += extra;
                used = length - (extra * capacity);
            }
        }

        return Math.Max(1, lines);
    }

    public static void PrintA4Landscape(IXLWorksheet s)
    {
        s.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        s.PageSetup.PaperSize = XLPaperSize.A4Paper;
    }
}
