using System.Globalization;
using KhuyenCong.Domain.Common;

namespace KhuyenCong.Web.Reports.Documents;

/// <summary>
/// What the signer decides about an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing body under
/// its superior body, the number and symbol, the place and date, the signature block and the recipients. The
/// report's figures are never among them.
/// </summary>
public sealed record DocumentDetails(
    string ParentBody,
    string IssuingBody,
    string Number,
    string Place,
    DateOnly Date,
    string Authority,
    string Position,
    string Signer,
    IReadOnlyList<string> Recipients)
{
    /// <summary>The longest line a field accepts (a name of a body, a position, a recipient).</summary>
    public const int MaxLine = 200;

    /// <summary>How many recipients «Nơi nhận» lists at most.</summary>
    public const int MaxRecipients = 20;

    /// <summary>
    /// Reads and checks the form the user filled before download; answers the details or the first mistake in
    /// Vietnamese (never an exception for bad input).
    /// </summary>
    public static (DocumentDetails? Details, string? Error) Read(DocumentForm form)
    {
        static string Clean(string? text) => (text ?? string.Empty).Trim();
        var fields = new (string Label, string Value, bool Required)[]
        {
            ("Cơ quan chủ quản", Clean(form.ParentBody), false),
            ("Cơ quan ban hành", Clean(form.IssuingBody), true),
            ("Số, ký hiệu", Clean(form.Number), true),
            ("Địa danh", Clean(form.Place), true),
            ("Quyền hạn ký", Clean(form.Authority), false),
            ("Chức vụ người ký", Clean(form.Position), true),
            ("Họ tên người ký", Clean(form.Signer), false),
        };
        foreach (var (label, value, required) in fields)
        {
            if (required && value.Length == 0)
            {
                return (null, $"Hãy nhập {label.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}.");
            }

            if (value.Length > MaxLine || value.Contains('\n', StringComparison.Ordinal))
            {
                return (null, $"{label} tối đa {MaxLine} ký tự, trên một dòng.");
            }
        }

        if (!VietnameseCulture.TryParseDate(form.Date, out var date) || date.Year is < 2000 or > 2100)
        {
            return (null, "Ngày văn bản không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/10/2026.");
        }

        var recipients = Clean(form.Recipients).Split('\n')
            .Select(line => line.Trim().TrimStart('-', '–', '•').Trim().TrimEnd(';', '.', ',').Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (recipients.Count > MaxRecipients || recipients.Any(r => r.Length > MaxLine))
        {
            return (null, $"Nơi nhận tối đa {MaxRecipients} dòng, mỗi dòng tối đa {MaxLine} ký tự.");
        }

        return (new DocumentDetails(fields[0].Value, fields[1].Value, fields[2].Value, fields[3].Value, date, fields[4].Value,
            fields[5].Value, fields[6].Value, recipients), null);
    }

    /// <summary>The form filled with these details, for the page to show as defaults.</summary>
    public DocumentForm ToForm() => new()
    {
        Filled = true,
        ParentBody = ParentBody,
        IssuingBody = IssuingBody,
        Number = Number,
        Place = Place,
        Date = VietnameseCulture.Date(Date),
        Authority = Authority,
        Position = Position,
        Signer = Signer,
        Recipients = string.Join('\n', Recipients),
    };
}

/// <summary>The small form a user fills before downloading an official document (every field a string, as typed).</summary>
public sealed class DocumentForm
{
    /// <summary>True once the user has sent the form: an empty field then stays empty instead of taking its default.</summary>
    public bool Filled { get; set; }

    public string? ParentBody { get; set; }

    public string? IssuingBody { get; set; }

    public string? Number { get; set; }

    public string? Place { get; set; }

    public string? Date { get; set; }

    public string? Authority { get; set; }

    public string? Position { get; set; }

    public string? Signer { get; set; }

    /// <summary>One recipient per line; the document adds the dashes and the closing punctuation.</summary>
    public string? Recipients { get; set; }
}
