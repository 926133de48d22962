using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KhuyenCong.Excel;

/// <summary>
/// Writes sheets row by row with OpenXmlWriter, so that an export of 100,000 projects never holds the workbook in
/// memory (ClosedXML would). Numbers stay numbers (whole đồng with a #,##0 format), dates are real dates shown as
/// dd/mm/yyyy, and text that Excel would take for a formula is neutralised with a leading apostrophe.
/// </summary>
public sealed class StreamingWorkbookWriter : IDisposable
{
    private const uint DateStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint HeaderStyle = 3;

    private readonly SpreadsheetDocument _document;
    private readonly Sheets _sheets;
    private uint _sheetId;

    public StreamingWorkbookWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        _sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 4 });
    }

    /// <summary>Writes one sheet: a bold header row, then the rows (string, number, DateOnly or null cells).</summary>
    public void WriteSheet(string name, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, IReadOnlyList<double>? widths = null)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < headers.Count; i++)
            {
                writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths?.ElementAtOrDefault(i) is > 0 and var w ? w : 18, CustomWidth = true });
            }

            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, headers.Cast<object?>().ToArray(), header: true);
            var number = 1;
            foreach (var row in rows)
            {
                WriteRow(writer, ++number, row, header: false);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        _sheets.AppendChild(new Sheet { Id = _document.WorkbookPart.GetIdOfPart(part), SheetId = ++_sheetId, Name = name });
    }

    /// <summary>Text that would start a formula (=, +, -, @) gets a leading apostrophe; the importer removes it.</summary>
    public static string Neutralise(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static void WriteRow(OpenXmlWriter writer, int number, object?[] values, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ExchangeFormat.ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null:
                    break;
                case DateOnly date:
                    writer.WriteElement(new Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)))
                        { CellReference = reference, StyleIndex = DateStyle });
                    break;
                case decimal money:
                    writer.WriteElement(new Cell(new CellValue(money.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = MoneyStyle });
                    break;
                case int or long or double:
                    writer.WriteElement(new Cell(new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!)) { CellReference = reference });
                    break;
                default:
                    var text = Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? string.Empty;
                    writer.WriteElement(new Cell(new InlineString(new Text(header ? text : Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }))
                        { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = header ? HeaderStyle : 0 });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    public void Dispose() => _document.Dispose();
}
