namespace KhuyenCong.Excel;

/// <summary>One problem in a workbook: where (sheet, row as Excel numbers it, column header) and what, in Vietnamese.</summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => $"{Sheet}!{Row}: {Column}: {Message}";
}

/// <summary>What an import does, or would do, to one sheet's rows.</summary>
public sealed record SheetCounts(string Sheet, int Created, int Changed, int Unchanged);

/// <summary>The outcome of an import: errors (then nothing is written), or the counts per sheet.</summary>
public sealed record ImportResult(IReadOnlyList<ImportError> Errors, IReadOnlyList<SheetCounts> Counts, bool Written)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Refused(string message) => new([new ImportError("Tệp", 0, "—", message)], [], false);
}
