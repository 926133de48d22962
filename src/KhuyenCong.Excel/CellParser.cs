using System.Globalization;
using KhuyenCong.Domain.Common;

namespace KhuyenCong.Excel;

/// <summary>Reads the cells of one row against its sheet's headers, collecting a Vietnamese error per bad cell.</summary>
public sealed class CellParser(string sheet, SheetRow row, IReadOnlyList<string> headers, List<ImportError> errors)
{
    public int Row => row.Number;

    public void Error(int column, string message) => errors.Add(new ImportError(sheet, row.Number, headers[column], message));

    public void Error(ExchangeColumn column, string message) => Error(column.Index, message);

    /// <summary>Reads a column as its description says (required, length limit).</summary>
    public string? Text(ExchangeColumn column) => Text(column.Index, column.Required, column.MaxLength);

    public decimal? Money(ExchangeColumn column) => Money(column.Index, column.Required);

    public DateOnly? Date(ExchangeColumn column) => Date(column.Index, column.Required);

    public int? Year(ExchangeColumn column) => Year(column.Index);

    private ReadCell Cell(int column, out bool ok)
    {
        var cell = row[column];
        ok = !cell.IsFormula;
        if (cell.IsFormula)
        {
            Error(column, "Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức.");
        }

        return cell;
    }

    /// <summary>The cell when it holds a value (not a formula, not empty); a missing required value is reported.</summary>
    private bool Present(int column, bool required, out ReadCell cell)
    {
        cell = Cell(column, out var ok);
        if (!ok)
        {
            return false;
        }

        if (cell.IsEmpty)
        {
            if (required)
            {
                Error(column, "Không được để trống.");
            }

            return false;
        }

        return true;
    }

    public string? Text(int column, bool required, int maxLength = 500)
    {
        var cell = Cell(column, out var ok);
        if (!ok)
        {
            return null;
        }

        var text = cell.Text.Trim();
        if (cell.IsNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number))
        {
            // A code typed as a number (24, or 24.0 after another program re-saved it) reads as the code 24.
            text = decimal.Truncate(number).ToString(CultureInfo.InvariantCulture);
        }

        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@')
        {
            text = text[1..]; // written neutralised by the exporter
        }

        if (text.Length == 0)
        {
            if (required)
            {
                Error(column, "Không được để trống.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Error(column, string.Create(CultureInfo.InvariantCulture, $"Dài quá {maxLength} ký tự."));
            return null;
        }

        return text;
    }

    /// <summary>Whole đồng: a number, or text in vi-VN form (1.234.000); a fraction or a negative is an error.</summary>
    public decimal? Money(int column, bool required)
    {
        if (!Present(column, required, out var cell))
        {
            return null;
        }

        if (cell.IsNumber && decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Bounded(column, number);
        }

        if (cell.IsNumber && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsFinite(huge))
        {
            // Beyond decimal's range (1e29 and up): certainly beyond the limit.
            return Bounded(column, huge < 0 ? -Domain.Common.Limits.MaxDong - 1 : Domain.Common.Limits.MaxDong + 1);
        }

        var text = cell.Text.Trim();
        if (text.StartsWith('-'))
        {
            Error(column, "Số tiền không được âm.");
            return null;
        }

        if (VietnameseCulture.TryParseDong(text, out var amount))
        {
            return Bounded(column, amount);
        }

        Error(column, $"«{text}» không phải là số đồng nguyên (ví dụ 1.234.000).");
        return null;
    }

    /// <summary>The domain's bounds of an amount (docs/domain.md §6): whole đồng from 0 to 10^15.</summary>
    private decimal? Bounded(int column, decimal amount)
    {
        if (Domain.Common.Limits.RefuseDong(amount, "Số tiền") is { } refusal)
        {
            Error(column, refusal);
            return null;
        }

        return amount;
    }

    public int? Year(int column)
    {
        var value = Money(column, required: true);
        if (value is null)
        {
            return null;
        }

        if (value is < 2000 or > 2100)
        {
            Error(column, "Năm phải từ 2000 đến 2100.");
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>A date: an Excel date, or text dd/MM/yyyy (or yyyy-MM-dd).</summary>
    public DateOnly? Date(int column, bool required)
    {
        if (!Present(column, required, out var cell))
        {
            return null;
        }

        if (cell.IsNumber && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958465)
        {
            return Plausible(column, DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        }

        if (VietnameseCulture.TryParseDate(cell.Text, out var date))
        {
            return Plausible(column, date);
        }

        Error(column, $"«{cell.Text.Trim()}» không phải là ngày (nhập theo dạng ngày/tháng/năm).");
        return null;
    }

    private DateOnly? Plausible(int column, DateOnly date)
    {
        if (Domain.Common.Limits.RefuseDate(date, "Ngày") is { } refusal)
        {
            Error(column, refusal);
            return null;
        }

        return date;
    }
}
