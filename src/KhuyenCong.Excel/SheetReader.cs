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
/// Reads a workbook's sheets row by row, and its shared strings item by item, with the SAX reader, so that a big or
/// hostile workbook is never held in memory whole: every count and length is checked against <see cref="ImportLimits"/>
/// before what it counts is kept. A part that does not parse (bad XML, a DTD, a missing part) is an
/// <see cref="InvalidWorkbookException"/> naming that part, whether it fails on opening or while rows stream.
/// </summary>
public sealed class SheetReader : IDisposable
{
    private const string PackagePart = "cấu trúc gói tệp ([Content_Types].xml, _rels)";
    private const string WorkbookXml = "phần sổ tính (xl/workbook.xml)";

    private readonly ImportLimits _limits;
    private readonly SpreadsheetDocument _document;
    private readonly string[] _sharedStrings;
    private readonly IReadOnlyList<SheetEntry> _sheets;

    private sealed record SheetEntry(string Name, string? RelationshipId, bool Hidden, string Where);

    public SheetReader(Stream stream, ImportLimits? limits = null)
    {
        _limits = limits ?? new ImportLimits();
        // The SDK's XML readers prohibit DTDs (no entity is ever expanded); a part is also cut off at a size.
        _document = Translate(PackagePart, () => SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = _limits.MaxPartCharacters }));
        try
        {
            var workbook = Translate(WorkbookXml, () => _document.WorkbookPart ?? throw new InvalidWorkbookException(WorkbookXml + " không có trong tệp"));
            _sheets = Translate(WorkbookXml, () => Sheets(workbook));
            _sharedStrings = ReadSharedStrings(workbook);
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    /// <summary>Sheets hidden from the person who filled the workbook (hidden or veryHidden).</summary>
    public IReadOnlyList<string> HiddenSheetNames => [.. _sheets.Where(s => s.Hidden).Select(s => s.Name)];

    public IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    public IEnumerable<SheetRow> Rows(string sheetName)
    {
        var sheet = _sheets.First(s => s.Name == sheetName);
        return Translated(sheet.Where, RowsOf(sheet));
    }

    private static List<SheetEntry> Sheets(WorkbookPart workbook)
    {
        var parts = workbook.Parts.ToDictionary(p => p.RelationshipId, p => p.OpenXmlPart, StringComparer.Ordinal);
        return
        [
            .. workbook.Workbook.Sheets!.Elements<Sheet>().Select(s =>
            {
                var name = s.Name?.Value ?? string.Empty;
                var id = s.Id?.Value;
                var where = id is not null && parts.TryGetValue(id, out var part)
                    ? $"trang tính {name} ({part.Uri.OriginalString.TrimStart('/')})"
                    : $"trang tính {name} (liên kết {id} chỉ tới phần không có trong tệp)";
                return new SheetEntry(name, id, s.State?.Value is { } state && state != SheetStateValues.Visible, where);
            }),
        ];
    }

    /// <summary>The shared strings, read item by item; their number and total length are checked before each is kept.</summary>
    private string[] ReadSharedStrings(WorkbookPart workbook)
    {
        const string where = "bảng chuỗi dùng chung (xl/sharedStrings.xml)";
        var part = Translate(where, () => workbook.SharedStringTablePart);
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        long characters = 0;
        foreach (var text in Translated(where, SharedStringItems(part)))
        {
            if (strings.Count >= _limits.MaxSharedStrings)
            {
                throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                    $"Tệp có quá {_limits.MaxSharedStrings:N0} chuỗi trong {where}; không đọc. Hãy chia thành nhiều tệp."));
            }

            characters += text.Length;
            if (characters > _limits.MaxSharedStringCharacters)
            {
                throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                    $"Tổng độ dài các chuỗi trong {where} vượt {_limits.MaxSharedStringCharacters:N0} ký tự; không đọc. Hãy chia thành nhiều tệp."));
            }

            strings.Add(text);
        }

        return [.. strings];
    }

    /// <summary>The text of each item: its runs' text (not the phonetic hints), each run checked against the cell limit.</summary>
    private IEnumerable<string> SharedStringItems(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        System.Text.StringBuilder? item = null;
        var depthInPhonetic = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                // An empty item (<si/>) may come without an end: the next start, or the end of the part, closes it.
                if (item is not null)
                {
                    yield return item.ToString();
                    item = null;
                }

                if (reader.IsStartElement)
                {
                    item = new System.Text.StringBuilder();
                }
            }
            else if (type == typeof(PhoneticRun))
            {
                depthInPhonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(Text) && reader.IsStartElement && item is not null && depthInPhonetic == 0)
            {
                var text = reader.GetText();
                if (item.Length + text.Length > _limits.MaxCellCharacters)
                {
                    throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                        $"Một chuỗi trong bảng chuỗi dùng chung (xl/sharedStrings.xml) dài quá {_limits.MaxCellCharacters:N0} ký tự (giới hạn của một ô); không đọc."));
                }

                item.Append(text);
            }
        }

        if (item is not null)
        {
            yield return item.ToString();
        }
    }

    private IEnumerable<SheetRow> RowsOf(SheetEntry sheet)
    {
        var part = sheet.RelationshipId is { } id ? (WorksheetPart)_document.WorkbookPart!.GetPartById(id) : throw new InvalidWorkbookException(sheet.Where);
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        long cellsInSheet = 0;
        Dictionary<int, ReadCell>? cells = null;
        var column = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (cells is not null)
                {
                    yield return new SheetRow(rowNumber, cells);
                    cells = null;
                }

                if (reader.IsStartElement)
                {
                    var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r" && a.NamespaceUri.Length == 0).Value;
                    rowNumber = uint.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1_048_576 ? (int)n : rowNumber + 1;
                    cells = [];
                    column = 0;
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
            {
                if (cells.Count >= _limits.MaxCellsPerRow)
                {
                    throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                        $"Dòng {rowNumber} của {sheet.Where} có quá {_limits.MaxCellsPerRow:N0} ô; không đọc."));
                }

                if (++cellsInSheet > _limits.MaxCells)
                {
                    throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                        $"{Capitalised(sheet.Where)} có quá {_limits.MaxCells:N0} ô; không đọc. Hãy chia thành nhiều tệp."));
                }

                var cell = (Cell)reader.LoadCurrentElement()!;
                column = cell.CellReference?.Value is { } reference ? ExchangeFormat.ColumnIndex(reference) : column;
                var read = Read(cell);
                if (read.Text.Length > _limits.MaxCellCharacters)
                {
                    throw new WorkbookRefusedException(string.Create(KhuyenCong.Domain.Common.VietnameseCulture.Instance,
                        $"Ô {cell.CellReference?.Value} của {sheet.Where} dài quá {_limits.MaxCellCharacters:N0} ký tự; không đọc."));
                }

                cells[column] = read;
                column++;
            }
        }

        if (cells is not null)
        {
            yield return new SheetRow(rowNumber, cells);
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], KhuyenCong.Domain.Common.VietnameseCulture.Instance) + text[1..];

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

    /// <summary>
    /// Whatever a broken package throws while one part is read (XmlException for bad XML or a DTD,
    /// OpenXmlPackageException, the packaging layer's FileFormatException or InvalidDataException, KeyNotFound or
    /// ArgumentOutOfRange for a part that is not there, …) becomes a refusal naming that part; nothing of the
    /// exception (its type, its text, a path) reaches the user.
    /// </summary>
    private static T Translate<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsBrokenFile(ex))
        {
            throw new InvalidWorkbookException(where);
        }
    }

    /// <summary>A sequence whose every step is translated as <see cref="Translate{T}"/>; the iterator itself cannot catch.</summary>
    private static IEnumerable<T> Translated<T>(string where, IEnumerable<T> source)
    {
        using var items = Translate(where, source.GetEnumerator);
        while (Translate(where, items.MoveNext))
        {
            yield return items.Current;
        }
    }

    private static bool IsBrokenFile(Exception ex) =>
        ex is not (InvalidWorkbookException or WorkbookRefusedException or OperationCanceledException or OutOfMemoryException);

    public void Dispose() => _document.Dispose();
}

/// <summary>A workbook whose parts do not hold together; the message names what failed, in Vietnamese.</summary>
public sealed class InvalidWorkbookException(string part) : Exception($"Tệp không phải sổ tính Excel hợp lệ: {part}.");
