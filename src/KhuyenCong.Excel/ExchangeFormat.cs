namespace KhuyenCong.Excel;

/// <summary>
/// The exchange workbook (docs/domain.md §9): sheet names and header texts exactly as provinces fill them in, read in
/// this order.
/// </summary>
public static class ExchangeFormat
{
    public const string Plans = "KeHoach";
    public const string Projects = "DeAn";
    public const string Disbursements = "GiaiNgan";
    public const string Outcomes = "KetQua";

    /// <summary>The sheet of valid codes in templates; ignored on import.</summary>
    public const string Codes = "DanhMuc";

    public static readonly IReadOnlyList<string> PlanHeaders =
        ["Năm", "Mã tỉnh", "Nguồn kinh phí", "Kinh phí (đồng)", "Số quyết định", "Ngày quyết định"];

    public static readonly IReadOnlyList<string> ProjectHeaders =
    [
        "Mã đề án", "Năm", "Mã tỉnh", "Nguồn kinh phí", "Loại đề án", "Mã nội dung", "Tên đề án", "Đơn vị thực hiện",
        "Kinh phí đề nghị (đồng)", "Kinh phí được duyệt (đồng)", "Vốn đối ứng (đồng)", "Trạng thái", "Ngày phê duyệt",
    ];

    public static readonly IReadOnlyList<string> DisbursementHeaders = ["Mã đề án", "Ngày", "Số tiền (đồng)", "Loại vốn", "Ghi chú"];

    public static readonly IReadOnlyList<string> OutcomeHeaders = ["Mã đề án", "Mã chỉ tiêu", "Kế hoạch", "Thực hiện"];

    /// <summary>Sheets in the order they are read, with their headers and how many leading columns are required.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Headers, int Required)> Sheets =
    [
        (Plans, PlanHeaders, 6),
        (Projects, ProjectHeaders, 12),
        (Disbursements, DisbursementHeaders, 4),
        (Outcomes, OutcomeHeaders, 3),
    ];

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
