namespace KhuyenCong.Excel;

/// <summary>
/// The exchange workbook (docs/domain.md §9): sheet names and header texts exactly as provinces fill them in, read in
/// this order.
/// </summary>
public static class ExchangeFormat
{
    /// <summary>CoSo: establishments of the registry (docs/domain.md §12), read first so that DeAn may name them by tax code.</summary>
    public const string Establishments = "CoSo";

    public const string Plans = "KeHoach";
    public const string Projects = "DeAn";
    public const string Disbursements = "GiaiNgan";
    public const string Outcomes = "KetQua";

    /// <summary>The sheet of valid codes in templates; ignored on import.</summary>
    public const string Codes = "DanhMuc";

    /// <summary>KeHoach: one version of a year's plan of a province from one source.</summary>
    public static class PlanColumns
    {
        public static readonly ExchangeColumn Year = new(0, "Năm", CellKind.Year, 8);
        public static readonly ExchangeColumn Province = new(1, "Mã tỉnh", CellKind.Text, 10, MaxLength: 3);
        public static readonly ExchangeColumn Source = new(2, "Nguồn kinh phí", CellKind.Text, 16, MaxLength: 10);
        public static readonly ExchangeColumn Amount = new(3, "Kinh phí (đồng)", CellKind.Money, 20);
        public static readonly ExchangeColumn DecisionNumber = new(4, "Số quyết định", CellKind.Text, 20, MaxLength: 100);
        public static readonly ExchangeColumn DecisionDate = new(5, "Ngày quyết định", CellKind.Date, 16);
    }

    /// <summary>DeAn: a project's exchange fields.</summary>
    public static class ProjectColumns
    {
        public static readonly ExchangeColumn Code = new(0, "Mã đề án", CellKind.Text, 24, MaxLength: 40);
        public static readonly ExchangeColumn Year = new(1, "Năm", CellKind.Year, 8);
        public static readonly ExchangeColumn Province = new(2, "Mã tỉnh", CellKind.Text, 10, MaxLength: 3);
        public static readonly ExchangeColumn Source = new(3, "Nguồn kinh phí", CellKind.Text, 16, MaxLength: 10);
        public static readonly ExchangeColumn Kind = new(4, "Loại đề án", CellKind.Text, 12, MaxLength: 10);
        public static readonly ExchangeColumn Contents = new(5, "Mã nội dung", CellKind.Text, 16, MaxLength: 100);
        public static readonly ExchangeColumn Title = new(6, "Tên đề án", CellKind.Text, 60, MaxLength: 500);
        public static readonly ExchangeColumn Unit = new(7, "Đơn vị thực hiện", CellKind.Text, 40, MaxLength: 300);
        public static readonly ExchangeColumn Requested = new(8, "Kinh phí đề nghị (đồng)", CellKind.Money, 20);
        public static readonly ExchangeColumn Approved = new(9, "Kinh phí được duyệt (đồng)", CellKind.Money, 20, Required: false);
        public static readonly ExchangeColumn Counterpart = new(10, "Vốn đối ứng (đồng)", CellKind.Money, 20, Required: false);
        public static readonly ExchangeColumn State = new(11, "Trạng thái", CellKind.Text, 26, MaxLength: 60);
        public static readonly ExchangeColumn ApprovalDate = new(12, "Ngày phê duyệt", CellKind.Date, 16, Required: false, HeaderOptional: true);

        /// <summary>
        /// The beneficiaries by tax code, comma-separated: each names an establishment of the registry or of the same
        /// workbook's CoSo sheet. Left empty, the project's beneficiaries stay as they are.
        /// </summary>
        public static readonly ExchangeColumn BeneficiaryTaxCodes = new(13, "Mã số thuế cơ sở thụ hưởng", CellKind.Text, 30, Required: false, MaxLength: 1000, HeaderOptional: true);
    }

    /// <summary>CoSo: one establishment, found by its tax code, else by its portal code, else new.</summary>
    public static class EstablishmentColumns
    {
        public static readonly ExchangeColumn TaxCode = new(0, "Mã số thuế", CellKind.Text, 18, Required: false, MaxLength: 20);
        public static readonly ExchangeColumn PortalCode = new(1, "Mã cơ sở", CellKind.Text, 16, Required: false, MaxLength: 20);
        public static readonly ExchangeColumn Name = new(2, "Tên cơ sở", CellKind.Text, 40, MaxLength: 300);
        public static readonly ExchangeColumn Type = new(3, "Loại hình", CellKind.Text, 26, MaxLength: 60);
        public static readonly ExchangeColumn Province = new(4, "Mã tỉnh", CellKind.Text, 10, MaxLength: 3);
        public static readonly ExchangeColumn Commune = new(5, "Xã, phường", CellKind.Text, 24, MaxLength: 200);
        public static readonly ExchangeColumn Address = new(6, "Địa chỉ", CellKind.Text, 40, Required: false, MaxLength: 400);
        public static readonly ExchangeColumn Sector = new(7, "Ngành nghề", CellKind.Text, 24, Required: false, MaxLength: 200);
        public static readonly ExchangeColumn MainProducts = new(8, "Sản phẩm chính", CellKind.Text, 30, Required: false, MaxLength: 500);
        public static readonly ExchangeColumn Workers = new(9, "Số lao động", CellKind.Text, 12, Required: false, MaxLength: 20);
        public static readonly ExchangeColumn WomenOwned = new(10, "Phụ nữ làm chủ", CellKind.Text, 14, Required: false, MaxLength: 10);
        public static readonly ExchangeColumn EthnicMinorityEmployer = new(11, "Sử dụng lao động dân tộc thiểu số", CellKind.Text, 16, Required: false, MaxLength: 10);
        public static readonly ExchangeColumn PriorityArea = new(12, "Địa bàn ưu tiên", CellKind.Text, 14, Required: false, MaxLength: 10);
        public static readonly ExchangeColumn ContactName = new(13, "Người liên hệ", CellKind.Text, 24, Required: false, MaxLength: 200);
        public static readonly ExchangeColumn Phone = new(14, "Điện thoại", CellKind.Text, 16, Required: false, MaxLength: 30);
        public static readonly ExchangeColumn Email = new(15, "Thư điện tử", CellKind.Text, 26, Required: false, MaxLength: 256);
    }

    /// <summary>How the priority flags of CoSo are written: «Có» or «Không» (an empty cell is «Không»).</summary>
    public const string Yes = "Có";

    public const string No = "Không";

    /// <summary>GiaiNgan: one payment.</summary>
    public static class DisbursementColumns
    {
        public static readonly ExchangeColumn Code = new(0, "Mã đề án", CellKind.Text, 24, MaxLength: 40);
        public static readonly ExchangeColumn Date = new(1, "Ngày", CellKind.Date, 14);
        public static readonly ExchangeColumn Amount = new(2, "Số tiền (đồng)", CellKind.Money, 20);
        public static readonly ExchangeColumn Source = new(3, "Loại vốn", CellKind.Text, 14, MaxLength: 20);
        public static readonly ExchangeColumn Note = new(4, "Ghi chú", CellKind.Text, 40, Required: false, HeaderOptional: true);
    }

    /// <summary>KetQua: an outcome's target and actual.</summary>
    public static class OutcomeColumns
    {
        public static readonly ExchangeColumn Code = new(0, "Mã đề án", CellKind.Text, 24, MaxLength: 40);
        public static readonly ExchangeColumn Indicator = new(1, "Mã chỉ tiêu", CellKind.Text, 28, MaxLength: 40);
        public static readonly ExchangeColumn Target = new(2, "Kế hoạch", CellKind.Money, 12);
        public static readonly ExchangeColumn Actual = new(3, "Thực hiện", CellKind.Money, 12, Required: false, HeaderOptional: true);
    }

    public static readonly ExchangeSheet EstablishmentSheet = new(Establishments,
    [
        EstablishmentColumns.TaxCode, EstablishmentColumns.PortalCode, EstablishmentColumns.Name, EstablishmentColumns.Type, EstablishmentColumns.Province,
        EstablishmentColumns.Commune, EstablishmentColumns.Address, EstablishmentColumns.Sector, EstablishmentColumns.MainProducts, EstablishmentColumns.Workers,
        EstablishmentColumns.WomenOwned, EstablishmentColumns.EthnicMinorityEmployer, EstablishmentColumns.PriorityArea, EstablishmentColumns.ContactName,
        EstablishmentColumns.Phone, EstablishmentColumns.Email,
    ]);

    public static readonly ExchangeSheet PlanSheet = new(Plans,
        [PlanColumns.Year, PlanColumns.Province, PlanColumns.Source, PlanColumns.Amount, PlanColumns.DecisionNumber, PlanColumns.DecisionDate]);

    public static readonly ExchangeSheet ProjectSheet = new(Projects,
    [
        ProjectColumns.Code, ProjectColumns.Year, ProjectColumns.Province, ProjectColumns.Source, ProjectColumns.Kind, ProjectColumns.Contents,
        ProjectColumns.Title, ProjectColumns.Unit, ProjectColumns.Requested, ProjectColumns.Approved, ProjectColumns.Counterpart, ProjectColumns.State,
        ProjectColumns.ApprovalDate, ProjectColumns.BeneficiaryTaxCodes,
    ]);

    public static readonly ExchangeSheet DisbursementSheet = new(Disbursements,
        [DisbursementColumns.Code, DisbursementColumns.Date, DisbursementColumns.Amount, DisbursementColumns.Source, DisbursementColumns.Note]);

    public static readonly ExchangeSheet OutcomeSheet = new(Outcomes,
        [OutcomeColumns.Code, OutcomeColumns.Indicator, OutcomeColumns.Target, OutcomeColumns.Actual]);

    /// <summary>Sheets in the order they are read; the importer, exporter, templates and benchmark all derive from them.</summary>
    public static readonly IReadOnlyList<ExchangeSheet> Sheets = [EstablishmentSheet, PlanSheet, ProjectSheet, DisbursementSheet, OutcomeSheet];

    public static IReadOnlyList<string> EstablishmentHeaders => EstablishmentSheet.Headers;

    public static IReadOnlyList<string> PlanHeaders => PlanSheet.Headers;

    public static IReadOnlyList<string> ProjectHeaders => ProjectSheet.Headers;

    public static IReadOnlyList<string> DisbursementHeaders => DisbursementSheet.Headers;

    public static IReadOnlyList<string> OutcomeHeaders => OutcomeSheet.Headers;

    public static ExchangeSheet Sheet(string name) => Sheets.Single(s => s.Name == name);

    /// <summary>
    /// An amount without trailing zeros of scale: 600000000.0 (as SQLite's text or PostgreSQL's numeric may hand it back)
    /// and 600000000 (as another spreadsheet program re-saves it) are one value, written and compared alike.
    /// </summary>
    public static decimal Canonical(decimal value) => value / 1.0000000000000000000000000000m;

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

/// <summary>How a cell is read: text, a year, whole đồng, a date.</summary>
public enum CellKind
{
    Text,
    Year,
    Money,
    Date,
}

/// <summary>
/// One column of an exchange sheet, described once: its place, header, width, whether a row must fill it, its length
/// limit, and whether the header itself may be left out (trailing optional columns).
/// </summary>
public sealed record ExchangeColumn(int Index, string Header, CellKind Kind, double Width, bool Required = true, int MaxLength = 500, bool HeaderOptional = false);

/// <summary>A sheet of the exchange workbook: its name and its columns in order.</summary>
public sealed record ExchangeSheet(string Name, IReadOnlyList<ExchangeColumn> Columns)
{
    public IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Header)];

    public IReadOnlyList<double> Widths { get; } = [.. Columns.Select(c => c.Width)];

    /// <summary>How many leading headers must be present (the rest may be left out of a workbook).</summary>
    public int RequiredHeaders { get; } = Columns.TakeWhile(c => !c.HeaderOptional).Count();

    public void Deconstruct(out string name, out IReadOnlyList<string> headers, out int required) =>
        (name, headers, required) = (Name, Headers, RequiredHeaders);
}
