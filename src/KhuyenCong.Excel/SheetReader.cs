using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KhuyenCong.Excel;

/// <summary>One cell as read: its text, whether it held a number, and whether it was a formula.</summary>
public readonly record struct ReadCell(string Text, bool IsNumber, bool IsFormula)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && !IsFormula;
}

/// <summary>A row as Excel numbers it, with its cells by column index.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, ReadCell> Cells)
{
    public ReadCell this[int column] => Cells.TryGetValue(column, out var c) ? c : new ReadCell(string.Empty, false, false);

    public bool IsEmpty => Cells.Values.All(c => c.IsEmpty);
}

/// <summary>
/// Reads a workbook's sheets row by row with the SAX reader, so that a big sheet is never held in memory whole.
/// </summary>
public sealed class SheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly string[] _sharedStrings;

    public SheetReader(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, false);
        var table = _document.WorkbookPart?.SharedStringTablePart?.SharedStringTable;
        _sharedStrings = table is null ? [] : [.. table.Elements<SharedStringItem>().Select(i => i.InnerText)];
    }

    /// <summary>Sheets hidden from the person who filled the workbook (hidden or veryHidden).</summary>
    public IReadOnlyList<string> HiddenSheetNames =>
        [.. _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>()
            .Where(s => s.State?.Value is { } state && state != SheetStateValues.Visible).Select(s => s.Name?.Value ?? string.Empty)];

    public IReadOnlyList<string> SheetNames =>
        [.. _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name?.Value ?? string.Empty)];

    public IEnumerable<SheetRow> Rows(string sheetName)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheetName);
        var part = (WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!);
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex is { } index ? (int)index.Value : rowNumber + 1;
            var cells = new Dictionary<int, ReadCell>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ExchangeFormat.ColumnIndex(reference) : column;
                cells[column] = Read(cell);
                column++;
            }

            yield return new SheetRow(rowNumber, cells);
        }
    }

    private ReadCell Read(Cell cell)
    {
        var formula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            // An index outside the table is a broken file, never the text of the index.
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length
                ? new ReadCell(_sharedStrings[index], false, formula)
                : throw new InvalidWorkbookException($"ô {cell.CellReference?.Value} chỉ tới chuỗi số {raw}, không có trong bảng chuỗi của tệp");
        }

        if (type == CellValues.InlineString)
        {
            return new ReadCell(cell.InlineString?.InnerText ?? string.Empty, false, formula);
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            return new ReadCell(raw, false, formula);
        }

        return new ReadCell(raw, raw.Length > 0, formula);
    }

    public void Dispose() => _document.Dispose();
}

/// <summary>A workbook whose parts do not hold together; the message names what failed, in Vietnamese.</summary>
public sealed class InvalidWorkbookException(string part) : Exception($"Tệp không phải sổ tính Excel hợp lệ: {part}.");
