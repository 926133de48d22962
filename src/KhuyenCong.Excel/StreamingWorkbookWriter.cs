using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
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

    // The package is written as a plain zip in create mode: each part streams straight to the output, where
    // SpreadsheetDocument.Create would keep every part in memory until the end (zip update mode).
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];

    public StreamingWorkbookWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>Writes one sheet: a bold header row, then the rows (string, number, DateOnly or null cells).</summary>
    public void WriteSheet(string name, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, IReadOnlyList<double>? widths = null)
    {
        _sheets.Add(name);
        using var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument();
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
        WriteRow(writer, 1, [.. headers], header: true);
        var number = 1;
        foreach (var row in rows)
        {
            WriteRow(writer, ++number, row, header: false);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>Text that would start a formula (=, +, -, @) gets a leading apostrophe; the importer removes it.</summary>
    public static string Neutralise(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static void WriteRow(OpenXmlWriter writer, int number, object?[] values, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        var skipped = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                skipped = true;
                continue;
            }

            // Cells are positional; a reference is needed only after an empty cell was left out.
            Cell cell = values[i] switch
            {
                DateOnly date => new Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture))) { StyleIndex = DateStyle },
                decimal money => new Cell(new CellValue(ExchangeFormat.Canonical(money).ToString(CultureInfo.InvariantCulture))) { StyleIndex = MoneyStyle },
                int or long or double => new Cell(new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!)),
                _ => new Cell(new InlineString(new Text(header ? (string)values[i]! : Neutralise(Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? string.Empty))))
                { DataType = CellValues.InlineString, StyleIndex = header ? HeaderStyle : null },
            };
            if (skipped)
            {
                cell.CellReference = ExchangeFormat.ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
                skipped = false;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>The package parts around the sheets: content types, relationships, workbook and styles.</summary>
    public void Dispose()
    {
        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """ + string.Concat(_sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>");
        Part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """ + string.Concat(_sheets.Select((n, i) => $"<sheet name=\"{System.Security.SecurityElement.Escape(n)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """ + string.Concat(_sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        Part("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="3" applyNumberFormat="1"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """);
        _zip.Dispose();
    }

    private void Part(string name, string xml)
    {
        using var writer = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml.Trim());
    }
}
