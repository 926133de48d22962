namespace KhuyenCong.Domain.Reference;

/// <summary>
/// The reference data the portal ships with (docs/domain.md §3–§4). Loaded into the database by the data layer's ReferenceDataLoader,
/// which adds what is missing and never overwrites what an administrator has edited since.
/// </summary>
public static class ReferenceCatalog
{
    /// <summary>The 63-province map existed from the Hà Tây merger (01/08/2008) to 30/06/2025.</summary>
    public static readonly DateOnly OldMapFrom = new(2008, 8, 1);

    public static readonly DateOnly OldMapTo = new(2025, 6, 30);

    /// <summary>Resolution 202/2025/QH15: 34 provinces from 01/07/2025.</summary>
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    public static readonly IReadOnlyList<(string Code, string Name, int SortOrder)> Regions =
    [
        ("BAC", "phía Bắc", 1),
        ("MTTN", "miền Trung – Tây Nguyên", 2),
        ("NAM", "phía Nam", 3),
    ];

    /// <summary>Code, name and region (TT 26/2014/TT-BCT) of the 63 provinces valid until 30/06/2025.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Region)> OldProvinces =
    [
        ("01", "Hà Nội", "BAC"), ("02", "Hà Giang", "BAC"), ("04", "Cao Bằng", "BAC"), ("06", "Bắc Kạn", "BAC"),
        ("08", "Tuyên Quang", "BAC"), ("10", "Lào Cai", "BAC"), ("11", "Điện Biên", "BAC"), ("12", "Lai Châu", "BAC"),
        ("14", "Sơn La", "BAC"), ("15", "Yên Bái", "BAC"), ("17", "Hòa Bình", "BAC"), ("19", "Thái Nguyên", "BAC"),
        ("20", "Lạng Sơn", "BAC"), ("22", "Quảng Ninh", "BAC"), ("24", "Bắc Giang", "BAC"), ("25", "Phú Thọ", "BAC"),
        ("26", "Vĩnh Phúc", "BAC"), ("27", "Bắc Ninh", "BAC"), ("30", "Hải Dương", "BAC"), ("31", "Hải Phòng", "BAC"),
        ("33", "Hưng Yên", "BAC"), ("34", "Thái Bình", "BAC"), ("35", "Hà Nam", "BAC"), ("36", "Nam Định", "BAC"),
        ("37", "Ninh Bình", "BAC"), ("38", "Thanh Hóa", "BAC"), ("40", "Nghệ An", "BAC"), ("42", "Hà Tĩnh", "BAC"),
        ("44", "Quảng Bình", "MTTN"), ("45", "Quảng Trị", "MTTN"), ("46", "Thừa Thiên Huế", "MTTN"),
        ("48", "Đà Nẵng", "MTTN"), ("49", "Quảng Nam", "MTTN"), ("51", "Quảng Ngãi", "MTTN"),
        ("52", "Bình Định", "MTTN"), ("54", "Phú Yên", "MTTN"), ("56", "Khánh Hòa", "MTTN"),
        ("58", "Ninh Thuận", "MTTN"), ("60", "Bình Thuận", "NAM"), ("62", "Kon Tum", "MTTN"),
        ("64", "Gia Lai", "MTTN"), ("66", "Đắk Lắk", "MTTN"), ("67", "Đắk Nông", "MTTN"), ("68", "Lâm Đồng", "MTTN"),
        ("70", "Bình Phước", "NAM"), ("72", "Tây Ninh", "NAM"), ("74", "Bình Dương", "NAM"), ("75", "Đồng Nai", "NAM"),
        ("77", "Bà Rịa – Vũng Tàu", "NAM"), ("79", "TP Hồ Chí Minh", "NAM"), ("80", "Long An", "NAM"),
        ("82", "Tiền Giang", "NAM"), ("83", "Bến Tre", "NAM"), ("84", "Trà Vinh", "NAM"), ("86", "Vĩnh Long", "NAM"),
        ("87", "Đồng Tháp", "NAM"), ("89", "An Giang", "NAM"), ("91", "Kiên Giang", "NAM"), ("92", "Cần Thơ", "NAM"),
        ("93", "Hậu Giang", "NAM"), ("94", "Sóc Trăng", "NAM"), ("95", "Bạc Liêu", "NAM"), ("96", "Cà Mau", "NAM"),
    ];

    /// <summary>
    /// The 34 provinces from 01/07/2025 (QĐ 19/2025/QĐ-TTg codes), their region (derived, to confirm) and the
    /// old codes of their predecessors.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Region, string[] Predecessors)> NewProvinces =
    [
        ("01", "TP Hà Nội", "BAC", ["01"]),
        ("04", "Cao Bằng", "BAC", ["04"]),
        ("08", "Tuyên Quang", "BAC", ["08", "02"]),
        ("11", "Điện Biên", "BAC", ["11"]),
        ("12", "Lai Châu", "BAC", ["12"]),
        ("14", "Sơn La", "BAC", ["14"]),
        ("15", "Lào Cai", "BAC", ["10", "15"]),
        ("19", "Thái Nguyên", "BAC", ["19", "06"]),
        ("20", "Lạng Sơn", "BAC", ["20"]),
        ("22", "Quảng Ninh", "BAC", ["22"]),
        ("24", "Bắc Ninh", "BAC", ["27", "24"]),
        ("25", "Phú Thọ", "BAC", ["25", "26", "17"]),
        ("31", "TP Hải Phòng", "BAC", ["31", "30"]),
        ("33", "Hưng Yên", "BAC", ["33", "34"]),
        ("37", "Ninh Bình", "BAC", ["37", "35", "36"]),
        ("38", "Thanh Hóa", "BAC", ["38"]),
        ("40", "Nghệ An", "BAC", ["40"]),
        ("42", "Hà Tĩnh", "BAC", ["42"]),
        ("44", "Quảng Trị", "MTTN", ["45", "44"]),
        ("46", "TP Huế", "MTTN", ["46"]),
        ("48", "TP Đà Nẵng", "MTTN", ["48", "49"]),
        ("51", "Quảng Ngãi", "MTTN", ["51", "62"]),
        ("52", "Gia Lai", "MTTN", ["64", "52"]),
        ("56", "Khánh Hòa", "MTTN", ["56", "58"]),
        ("66", "Đắk Lắk", "MTTN", ["66", "54"]),
        ("68", "Lâm Đồng", "MTTN", ["68", "67", "60"]),
        ("75", "Đồng Nai", "NAM", ["75", "70"]),
        ("79", "TP Hồ Chí Minh", "NAM", ["79", "74", "77"]),
        ("80", "Tây Ninh", "NAM", ["72", "80"]),
        ("82", "Đồng Tháp", "NAM", ["87", "82"]),
        ("86", "Vĩnh Long", "NAM", ["86", "83", "84"]),
        ("91", "An Giang", "NAM", ["89", "91"]),
        ("92", "TP Cần Thơ", "NAM", ["92", "94", "93"]),
        ("96", "Cà Mau", "NAM", ["96", "95"]),
    ];

    /// <summary>Decree 45/2012 Art. 4 (in force 05/07/2012); ND10 from Decree 235/2025 (15/10/2025, wording to confirm).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, DateOnly ValidFrom)> Contents =
    [
        ("ND01", "Đào tạo nghề, truyền nghề, nâng cao tay nghề", new(2012, 7, 5)),
        ("ND02", "Nâng cao năng lực quản lý, áp dụng sản xuất sạch hơn; khởi sự, thành lập doanh nghiệp", new(2012, 7, 5)),
        ("ND03", "Mô hình trình diễn kỹ thuật; chuyển giao công nghệ, ứng dụng máy móc tiên tiến; mô hình thí điểm sản xuất sạch hơn", new(2012, 7, 5)),
        ("ND04", "Sản phẩm CNNT tiêu biểu; hội chợ, triển lãm; xây dựng, đăng ký thương hiệu", new(2012, 7, 5)),
        ("ND05", "Tư vấn, trợ giúp cơ sở CNNT", new(2012, 7, 5)),
        ("ND06", "Cung cấp thông tin, tuyên truyền", new(2012, 7, 5)),
        ("ND07", "Liên doanh liên kết, hiệp hội; cụm công nghiệp; xử lý ô nhiễm, di dời cơ sở gây ô nhiễm", new(2012, 7, 5)),
        ("ND08", "Hợp tác quốc tế về khuyến công", new(2012, 7, 5)),
        ("ND09", "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công", new(2012, 7, 5)),
        ("ND10", "Chuyển đổi số; sản xuất và tiêu dùng bền vững", new(2025, 10, 15)),
    ];

    public static readonly IReadOnlyList<(string Code, string Name, string Unit)> OutcomeIndicators =
    [
        ("LAO_DONG_DAO_TAO", "Lao động được đào tạo", "người"),
        ("LAO_DONG_CO_VIEC_LAM", "Lao động có việc làm sau đào tạo", "người"),
        ("HOC_VIEN_QUAN_LY", "Học viên được đào tạo quản lý", "người"),
        ("MO_HINH_TRINH_DIEN", "Mô hình trình diễn kỹ thuật", "mô hình"),
        ("CO_SO_UNG_DUNG_MAY_MOC", "Cơ sở được hỗ trợ ứng dụng máy móc, công nghệ", "cơ sở"),
        ("SAN_PHAM_TIEU_BIEU", "Sản phẩm CNNT tiêu biểu được bình chọn", "sản phẩm"),
        ("LUOT_HOI_CHO", "Lượt cơ sở tham gia hội chợ, triển lãm", "lượt cơ sở"),
        ("DOANH_NGHIEP_THANH_LAP", "Doanh nghiệp được thành lập", "doanh nghiệp"),
        ("CUM_CONG_NGHIEP", "Cụm công nghiệp được hỗ trợ", "cụm"),
        ("CO_SO_SXSH", "Cơ sở áp dụng sản xuất sạch hơn", "cơ sở"),
        ("THUONG_HIEU", "Thương hiệu được đăng ký", "thương hiệu"),
    ];

    /// <summary>The norm rows docs/domain.md quotes; administrators enter the others.</summary>
    public static readonly IReadOnlyList<(string ContentCode, string Activity, decimal? SharePercent, decimal? CeilingDong, string LegalBasis, DateOnly From, DateOnly? To)> SupportNorms =
    [
        ("ND03", "Mô hình trình diễn kỹ thuật", 30m, 500_000_000m, "TTLT 26/2014/TTLT-BTC-BCT", new(2014, 4, 8), new(2018, 5, 13)),
        ("ND03", "Hỗ trợ ứng dụng máy móc tiên tiến (mỗi cơ sở)", 50m, 200_000_000m, "TTLT 26/2014/TTLT-BTC-BCT", new(2014, 4, 8), new(2018, 5, 13)),
        ("ND04", "Xây dựng, đăng ký thương hiệu", 50m, 35_000_000m, "TTLT 26/2014/TTLT-BTC-BCT", new(2014, 4, 8), new(2018, 5, 13)),
        ("ND03", "Mô hình trình diễn kỹ thuật", 30m, 1_000_000_000m, "TT 28/2018/TT-BTC (sửa đổi bởi TT 64/2024/TT-BTC)", new(2018, 5, 14), null),
        ("ND02", "Hỗ trợ khởi sự, thành lập doanh nghiệp", null, 10_000_000m, "TT 28/2018/TT-BTC (sửa đổi bởi TT 64/2024/TT-BTC)", new(2018, 5, 14), null),
    ];

    /// <summary>
    /// Thời hạn không hỗ trợ trùng (docs/domain.md §12.3): a default, every content of <see cref="Contents"/>, and for ND04
    /// the one figure a source gives, fairs abroad at most twice a year per establishment (TT 46/2012/TT-BCT Art. 4, read
    /// in summaries, not in the circular's text). The three-year window of the other rows is the portal's. None is
    /// confirmed; a reference page to correct them is still to build (docs/domain.md §12.3).
    /// </summary>
    public static readonly IReadOnlyList<(string? ContentCode, string Activity, int Years, int Allowed, string LegalBasis)> DoubleSupportWindows =
    [
        (null, "Mặc định cho nội dung chưa có quy định riêng", 3, 1, "Quy định của cổng (cần xác nhận)"),
        .. Contents.Select(c => c.Code == "ND04"
            ? ((string?)c.Code, "Hội chợ, triển lãm ở nước ngoài: tối đa 02 lần một năm cho một cơ sở", 1, 2, "TT 46/2012/TT-BCT, Điều 4 (cần xác nhận với văn bản)")
            : ((string?)c.Code, c.Name, 3, 1, "Quy định của cổng (cần xác nhận)")),
    ];

    public static readonly IReadOnlyList<(int From, int To, string Name, string Decision)> ProgrammePeriods =
    [
        (2014, 2020, "Chương trình khuyến công quốc gia giai đoạn 2014–2020", "QĐ 1288/QĐ-TTg"),
        (2021, 2025, "Chương trình khuyến công quốc gia giai đoạn 2021–2025", "QĐ 1881/QĐ-TTg ngày 20/11/2020"),
        (2026, 2030, "Chương trình khuyến công quốc gia giai đoạn 2026–2030", "QĐ 2646/QĐ-BCT ngày 23/09/2025"),
    ];

    /// <summary>
    /// Deadlines of the periodic reports, in days after the period end (TT 36/2013/TT-BCT Art. 21.5 names the quarterly,
    /// half-year and annual reports but no dates: these values are to confirm and editable by Admin).
    /// </summary>
    public static readonly IReadOnlyList<(Reports.ReportPeriod Period, int FromYear, int Days, string LegalBasis)> ReportDeadlines =
    [
        (Reports.ReportPeriod.Quarter1, 2014, 15, "TT 36/2013/TT-BCT, Điều 21 khoản 5 (hạn nộp cần xác nhận)"),
        (Reports.ReportPeriod.HalfYear, 2014, 15, "TT 36/2013/TT-BCT, Điều 21 khoản 5 (hạn nộp cần xác nhận)"),
        (Reports.ReportPeriod.NineMonths, 2014, 15, "TT 36/2013/TT-BCT, Điều 21 khoản 5 (hạn nộp cần xác nhận)"),
        (Reports.ReportPeriod.Year, 2014, 31, "TT 36/2013/TT-BCT, Điều 21 khoản 5 (hạn nộp cần xác nhận)"),
    ];

    /// <summary>
    /// When the portal reminds people of each deadline (docs/domain.md §5.7): the due days are TT 36/2013's (Art. 10.2.b:
    /// KCQG proposals to the Cục before 15 June of the year before the plan year; Art. 18: settlement by 22 January of the
    /// year after it); the days after approval and after the end date, and every offset, are the portal's (to confirm).
    /// </summary>
    public static readonly IReadOnlyList<(Reminders.DeadlineKind Deadline, string DaysBefore, bool OnDueDate, int OverdueEvery, int OverdueFor, int? Month, int? Day, int? DaysAfter, string LegalBasis)> ReminderRules =
    [
        (Reminders.DeadlineKind.PeriodicReport, "7", true, 7, 84, null, null, null, "Hạn theo danh mục hạn nộp báo cáo định kỳ (TT 36/2013/TT-BCT, Điều 21 khoản 5; cần xác nhận)"),
        (Reminders.DeadlineKind.KcqgProposal, "30,7", true, 7, 28, 6, 15, null, "TT 36/2013/TT-BCT, Điều 10 khoản 2 điểm b: trước ngày 15/6 năm trước năm kế hoạch"),
        (Reminders.DeadlineKind.PlanSettlement, "14,7", true, 7, 84, 1, 22, null, "TT 36/2013/TT-BCT, Điều 18: quyết toán chậm nhất ngày 22/01 năm sau năm kế hoạch"),
        (Reminders.DeadlineKind.ContractSigning, "7", true, 7, 84, null, null, 30, "Số ngày sau phê duyệt do cổng đặt (cần xác nhận)"),
        (Reminders.DeadlineKind.Acceptance, "7", true, 7, 84, null, null, 30, "Số ngày sau ngày kết thúc đề án do cổng đặt (cần xác nhận)"),
    ];

    /// <summary>
    /// Targets of the programmes (docs/domain.md §8.4), each with the text it was read from and whether its figure was
    /// checked against that text. 2014–2020: three targets the 2019 mid-term review implies (KCQG 481,407 tỷ was 39,72 % of
    /// the planned national money; 210 demonstration models were 5 % above target; 4.363 fair participations 29 % above),
    /// not read in QĐ 1288/QĐ-TTg itself. 2021–2025: QĐ 1881/QĐ-TTg of 20/11/2020 names, among its contents, support for
    /// demonstration models, machinery, cleaner production, rural industrial products, industrial clusters and human
    /// resources, and Điều 1 khoản 2 sets specific targets; their figures were not in any text at hand, so the rows carry
    /// no figure (null) until an administrator enters them from the decision. 2026–2030: QĐ 2646/QĐ-BCT of 23/09/2025
    /// issues the programme as an annex (Điều 1); the annex's targets were not at hand, so none is shipped.
    /// </summary>
    public static readonly IReadOnlyList<(int PeriodFrom, string Measure, decimal? Target, string Note, string LegalBasis, bool Confirmed)> ProgrammeTargets =
    [
        (2014, Reports.ProgrammeMeasures.Kcqg, 1_212_000_000_000m, "Suy ra từ báo cáo sơ kết 2014–2018 (481,407 tỷ đồng = 39,72 %)", Qd1288, false),
        (2014, "MO_HINH_TRINH_DIEN", 200m, "Suy ra từ báo cáo sơ kết 2014–2018 (210 mô hình, vượt 5 %)", Qd1288, false),
        (2014, "LUOT_HOI_CHO", 3_382m, "Suy ra từ báo cáo sơ kết 2014–2018 (4.363 lượt, vượt 29 %)", Qd1288, false),
        (2021, "MO_HINH_TRINH_DIEN", null, Qd1881Note, Qd1881, false),
        (2021, "CO_SO_UNG_DUNG_MAY_MOC", null, Qd1881Note, Qd1881, false),
        (2021, "CO_SO_SXSH", null, Qd1881Note, Qd1881, false),
        (2021, "SAN_PHAM_TIEU_BIEU", null, Qd1881Note, Qd1881, false),
        (2021, "CUM_CONG_NGHIEP", null, Qd1881Note, Qd1881, false),
        (2021, "LAO_DONG_DAO_TAO", null, Qd1881Note, Qd1881, false),
    ];

    private const string Qd1288 = "QĐ 1288/QĐ-TTg ngày 01/08/2014, Điều 1 khoản 2 (Mục tiêu cụ thể)";

    private const string Qd1881 = "QĐ 1881/QĐ-TTg ngày 20/11/2020, Điều 1 khoản 2 (Mục tiêu cụ thể)";

    private const string Qd1881Note = "Chương trình có mục tiêu cho nội dung này; con số chưa có trong văn bản đã đọc, cần nhập theo Quyết định";

    /// <summary>
    /// The criteria of the typical-product vote on a 100-point scale (TT 26/2014/TT-BCT as amended by TT 14/2018/TT-BCT;
    /// the four groups are confirmed by published vote notices, the maximum points are to confirm against the circular's
    /// annex: docs/domain.md §13). Editable by Admin; a new period is a new row.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name, int MaxPoints, int Order, DateOnly From)> VoteCriteria =
    [
        ("THI_TRUONG", "Đáp ứng thị trường và khả năng phát triển sản xuất", 30, 1, VoteRulesFrom),
        ("KT_KT_XH_MT", "Kinh tế - kỹ thuật - xã hội và môi trường", 35, 2, VoteRulesFrom),
        ("VAN_HOA_THAM_MY", "Tính văn hóa, thẩm mỹ", 25, 3, VoteRulesFrom),
        ("KHAC", "Tiêu chí khác", 10, 4, VoteRulesFrom),
    ];

    /// <summary>Pass mark and certificate validity per level (to confirm against TT 26/2014 as amended: docs/domain.md §13).</summary>
    public static readonly IReadOnlyList<(Votes.VoteLevel Level, int MinPoints, int Years, DateOnly From, string Basis)> VotePassMarks =
    [
        (Votes.VoteLevel.Province, 60, 3, VoteRulesFrom, VoteBasis),
        (Votes.VoteLevel.Region, 70, 3, VoteRulesFrom, VoteBasis),
        (Votes.VoteLevel.National, 80, 3, VoteRulesFrom, VoteBasis),
    ];

    private static readonly DateOnly VoteRulesFrom = new(2014, 10, 1);

    private const string VoteBasis = "TT 26/2014/TT-BCT, sửa đổi bởi TT 14/2018/TT-BCT (điểm và thời hạn cần đối chiếu văn bản)";

    /// <summary>The department's names over time (dates of the renamings to confirm; editable by Admin).</summary>
    public static readonly IReadOnlyList<(string Name, string Abbreviation, DateOnly From, DateOnly? To)> DepartmentNames =
    [
        ("Cục Công nghiệp địa phương", "Cục CNĐP", new(2008, 1, 1), new(2017, 12, 31)),
        ("Cục Công Thương địa phương", "Cục CTĐP", new(2018, 1, 1), new(2025, 2, 28)),
        ("Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công", "Cục ĐCK", new(2025, 3, 1), null),
    ];

    /// <summary>
    /// The dossier of a project (TT 36/2013/TT-BCT on the đề án's dossier, to confirm item by item): the cost estimate is
    /// required before submission; the rest is listed as expected until the ministry decides which are required.
    /// </summary>
    public static readonly IReadOnlyList<(string? ContentCode, string Name, bool Required)> DossierItems =
    [
        (null, "Đề án (thuyết minh)", false),
        (null, "Dự toán kinh phí", true),
        (null, "Văn bản đề nghị hỗ trợ", false),
        (null, "Giấy đăng ký kinh doanh của cơ sở thụ hưởng", false),
        ("ND01", "Chương trình, giáo trình đào tạo", false),
        ("ND01", "Danh sách học viên", false),
        ("ND03", "Báo giá, hồ sơ máy móc thiết bị", false),
        ("ND03", "Cam kết vốn đối ứng", false),
        ("ND04", "Hồ sơ sản phẩm, thương hiệu", false),
        ("ND07", "Hồ sơ cụm công nghiệp hoặc phương án xử lý ô nhiễm", false),
    ];
}
