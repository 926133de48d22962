using System.Globalization;
using System.Text.Json;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KhuyenCong.Web.Pages;

/// <summary>One changed field of an audit entry as a user reads it: Vietnamese label, old and new value.</summary>
public sealed record AuditRow(string Label, string Before, string After);

/// <summary>One audit entry as a user reads it: Vietnam time, actor's full name and role, Vietnamese rows.</summary>
public sealed record AuditItem(
    long Id,
    string When,
    string Actor,
    string? ActorRole,
    string Action,
    string EntityType,
    string Subject,
    bool IsUpdate,
    IReadOnlyList<AuditRow> Rows);

/// <summary>
/// Turns audit entries (JSON of property name → value) into rows people can read: the property's CLR type comes
/// from the EF model, so numbers, dates, enums and flags are shown the Vietnamese way, and ids are resolved to
/// names. The labels live here, one dictionary per entity type over a shared one.
/// </summary>
public static class AuditView
{
    public const string Empty = "—";

    /// <summary>Shown for a property nobody labelled yet (the coverage test keeps this from happening).</summary>
    public const string UnlabelledField = "Thông tin khác";

    /// <summary>Properties that mean nothing to people: keys, concurrency and search machinery, file storage.</summary>
    public static readonly IReadOnlySet<string> HiddenProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "Version", "SearchKey", "ConcurrencyStamp", "SecurityStamp", "PasswordHash",
        "NormalizedEmail", "NormalizedUserName", "StorageName", "Sha256", "RequestedById",
    };

    private static readonly Dictionary<string, string> s_shared = new(StringComparer.Ordinal)
    {
        ["Code"] = "Mã",
        ["Name"] = "Tên",
        ["ValidFrom"] = "Hiệu lực từ ngày",
        ["ValidTo"] = "Hiệu lực đến ngày",
        ["ProvinceId"] = "Tỉnh, thành phố",
        ["RegionId"] = "Vùng",
        ["UserId"] = "Người dùng",
        ["ProjectId"] = "Đề án",
        ["Year"] = "Năm",
        ["Source"] = "Nguồn kinh phí",
        ["Amount"] = "Số tiền (đồng)",
        ["Note"] = "Ghi chú",
        ["LegalBasis"] = "Căn cứ pháp lý",
        ["SortOrder"] = "Thứ tự hiển thị",
        ["Period"] = "Kỳ báo cáo",
        ["ContentCode"] = "Mã nội dung",
        ["Status"] = "Trạng thái",
        ["State"] = "Trạng thái",
        ["Reason"] = "Lý do",
        ["CreatedAtUtc"] = "Thời điểm tạo",
        ["RecordedBy"] = "Người ghi",
        ["RecordedAtUtc"] = "Thời điểm ghi",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> s_byType = new(StringComparer.Ordinal)
    {
        ["AppUser"] = new()
        {
            ["UserName"] = "Tên đăng nhập",
            ["Email"] = "Thư điện tử",
            ["EmailConfirmed"] = "Đã xác nhận thư điện tử",
            ["PhoneNumber"] = "Số điện thoại",
            ["PhoneNumberConfirmed"] = "Đã xác nhận số điện thoại",
            ["TwoFactorEnabled"] = "Xác thực hai bước",
            ["LockoutEnd"] = "Tạm khóa đăng nhập đến",
            ["LockoutEnabled"] = "Tạm khóa khi nhập sai mật khẩu nhiều lần",
            ["AccessFailedCount"] = "Số lần nhập sai mật khẩu",
            ["FullName"] = "Họ và tên",
            ["IsDisabled"] = "Đã vô hiệu hóa",
            ["MailPreference"] = "Nhận thư thông báo",
            ["CreatedAtUtc"] = "Thời điểm tạo tài khoản",
        },
        ["IdentityUserRole`1"] = new() { ["RoleId"] = "Vai trò" },
        ["UserRegion"] = new(),
        ["ApiToken"] = new()
        {
            ["Name"] = "Tên mã truy cập",
            ["Prefix"] = "Đầu mã",
            ["CreatedAtUtc"] = "Thời điểm tạo mã",
            ["ExpiresAtUtc"] = "Hết hạn lúc",
            ["RevokedAtUtc"] = "Thu hồi lúc",
            ["RevokedBy"] = "Người thu hồi",
        },
        ["Region"] = new() { ["Code"] = "Mã vùng", ["Name"] = "Tên vùng" },
        ["Province"] = new() { ["Code"] = "Mã tỉnh", ["Name"] = "Tên tỉnh, thành phố" },
        ["ProvinceRegionMembership"] = new(),
        ["ProvinceSuccession"] = new()
        {
            ["PredecessorId"] = "Tỉnh tiền thân",
            ["SuccessorId"] = "Tỉnh kế thừa",
            ["EffectiveDate"] = "Ngày hiệu lực",
        },
        ["Content"] = new() { ["Code"] = "Mã nội dung", ["Name"] = "Tên nội dung" },
        ["OutcomeIndicator"] = new()
        {
            ["Code"] = "Mã chỉ tiêu",
            ["Name"] = "Tên chỉ tiêu",
            ["Unit"] = "Đơn vị tính",
            ["IsActive"] = "Đang sử dụng",
        },
        ["SupportNorm"] = new()
        {
            ["Activity"] = "Hoạt động",
            ["MaxSharePercent"] = "Tỷ lệ hỗ trợ tối đa (%)",
            ["CeilingDong"] = "Mức hỗ trợ tối đa (đồng)",
            ["PriorityMultiplier"] = "Hệ số ưu tiên",
            ["EffectiveFrom"] = "Hiệu lực từ ngày",
            ["EffectiveTo"] = "Hiệu lực đến ngày",
        },
        ["ProgrammePeriod"] = new()
        {
            ["FromYear"] = "Từ năm",
            ["ToYear"] = "Đến năm",
            ["Name"] = "Tên giai đoạn",
            ["Decision"] = "Quyết định phê duyệt",
        },
        ["DepartmentName"] = new() { ["Name"] = "Tên Cục", ["Abbreviation"] = "Tên viết tắt" },
        ["AnnualPlan"] = new()
        {
            ["Year"] = "Năm kế hoạch",
            ["Amount"] = "Kinh phí (đồng)",
            ["DecisionNumber"] = "Số quyết định",
            ["DecisionDate"] = "Ngày quyết định",
        },
        ["PeriodicReport"] = new()
        {
            ["PlanKcqg"] = "Kế hoạch KCQG (đồng)",
            ["PlanKcdp"] = "Kế hoạch KCĐP (đồng)",
            ["ExecutedKcqg"] = "Thực hiện KCQG (đồng)",
            ["ExecutedKcdp"] = "Thực hiện KCĐP (đồng)",
            ["CounterpartPaid"] = "Vốn đối ứng đã thực hiện (đồng)",
            ["ProjectsApproved"] = "Số đề án được phê duyệt",
            ["ProjectsCompleted"] = "Số đề án hoàn thành",
            ["FiguresAtUtc"] = "Số liệu tính đến",
            ["OutcomesJson"] = "Chỉ tiêu kết quả",
            ["Results"] = "Kết quả đạt được",
            ["Difficulties"] = "Khó khăn, vướng mắc",
            ["Proposals"] = "Kiến nghị, đề xuất",
            ["CreatedBy"] = "Người lập",
            ["CreatedAtUtc"] = "Thời điểm lập",
            ["SubmittedBy"] = "Người gửi",
            ["SubmittedAtUtc"] = "Thời điểm gửi",
            ["FirstSubmittedAtUtc"] = "Thời điểm gửi lần đầu",
            ["ReopenedBy"] = "Người mở lại",
            ["ReopenedAtUtc"] = "Thời điểm mở lại",
            ["ReopenReason"] = "Lý do mở lại",
        },
        ["ReportDeadline"] = new()
        {
            ["FromYear"] = "Áp dụng từ năm",
            ["DaysAfterPeriodEnd"] = "Số ngày sau khi hết kỳ",
        },
        ["ReminderRule"] = new()
        {
            ["Deadline"] = "Hạn",
            ["Enabled"] = "Đang áp dụng",
            ["DaysBefore"] = "Nhắc trước hạn (ngày)",
            ["OnDueDate"] = "Nhắc vào ngày hạn",
            ["Mandatory"] = "Bắt buộc gửi thư điện tử",
            ["OverdueEveryDays"] = "Nhắc lại khi quá hạn, mỗi (ngày)",
            ["OverdueForDays"] = "Nhắc khi quá hạn trong (ngày)",
            ["DueMonth"] = "Tháng của hạn",
            ["DueDay"] = "Ngày của hạn",
            ["DaysAfterEvent"] = "Số ngày sau sự kiện",
        },
        ["ProgrammeTarget"] = new()
        {
            ["ProgrammePeriodId"] = "Giai đoạn chương trình",
            ["Measure"] = "Chỉ tiêu",
            ["Target"] = "Mục tiêu",
            ["LegalBasis"] = "Căn cứ",
            ["Confirmed"] = "Đã đối chiếu văn bản",
        },
        ["Project"] = new()
        {
            ["Code"] = "Mã đề án",
            ["Title"] = "Tên đề án",
            ["PlanYear"] = "Năm kế hoạch",
            ["Kind"] = "Loại đề án",
            ["ImplementingUnit"] = "Đơn vị thực hiện",
            ["StartDate"] = "Ngày bắt đầu",
            ["EndDate"] = "Ngày kết thúc",
            ["RequestedSupport"] = "Kinh phí đề nghị hỗ trợ (đồng)",
            ["ApprovedSupport"] = "Kinh phí được duyệt (đồng)",
            ["CounterpartCommitted"] = "Vốn đối ứng cam kết (đồng)",
            ["ApprovalDate"] = "Ngày phê duyệt",
            ["ApprovalDecisionNumber"] = "Số quyết định phê duyệt",
            ["LastReason"] = "Lý do trả lại, không phê duyệt hoặc dừng",
            ["BaseRecommendedSupport"] = "Kinh phí Sở đề xuất (đồng)",
            ["MinistryRecommendedSupport"] = "Kinh phí Cục đề xuất (đồng)",
            ["MinistryAppraiserId"] = "Người thẩm định của Cục",
            ["BaseAppraiserId"] = "Người thẩm định cơ sở",
            ["ContractNumber"] = "Số hợp đồng",
            ["ContractDate"] = "Ngày ký hợp đồng",
            ["ContractValue"] = "Giá trị hợp đồng (đồng)",
            ["AcceptanceDate"] = "Ngày nghiệm thu",
            ["AcceptanceMinutes"] = "Biên bản nghiệm thu",
            ["AcceptedAmount"] = "Kinh phí nghiệm thu (đồng)",
            ["RealisedCounterpart"] = "Vốn đối ứng thực hiện (đồng)",
            ["SettlementDate"] = "Ngày quyết toán",
            ["SettledAmount"] = "Kinh phí quyết toán (đồng)",
            ["ReturnedAmount"] = "Kinh phí không sử dụng, hoàn trả (đồng)",
            ["CreatedById"] = "Người tạo",
            ["UpdatedAtUtc"] = "Thời điểm cập nhật",
        },
        ["ProjectContent"] = new()
        {
            ["TotalCost"] = "Tổng chi phí (đồng)",
            ["RequestedAmount"] = "Kinh phí đề nghị hỗ trợ (đồng)",
        },
        ["Beneficiary"] = new()
        {
            ["Name"] = "Tên cơ sở",
            ["TaxCode"] = "Mã số thuế",
            ["Type"] = "Loại hình",
            ["Commune"] = "Xã, phường",
            ["WomenOwned"] = "Do phụ nữ làm chủ",
            ["EthnicMinorityEmployer"] = "Sử dụng lao động người dân tộc thiểu số",
            ["PriorityArea"] = "Thuộc địa bàn ưu tiên",
            ["EstablishmentId"] = "Cơ sở trong sổ",
        },
        ["DoubleSupportWindow"] = new()
        {
            ["ContentCode"] = "Nội dung",
            ["Activity"] = "Hoạt động",
            ["Years"] = "Thời hạn (năm)",
            ["Allowed"] = "Số lần được hỗ trợ trong thời hạn",
            ["LegalBasis"] = "Căn cứ pháp lý",
            ["Confirmed"] = "Đã xác nhận",
        },
        ["Vote"] = new()
        {
            ["Level"] = "Cấp", ["Year"] = "Năm", ["Title"] = "Tên đợt", ["Organiser"] = "Cơ quan tổ chức", ["ProvinceId"] = "Tỉnh", ["RegionId"] = "Vùng",
            ["RegistrationFrom"] = "Đăng ký từ", ["RegistrationTo"] = "Đăng ký đến", ["ScoringFrom"] = "Chấm điểm từ", ["ScoringTo"] = "Chấm điểm đến",
            ["ResultsOn"] = "Công bố kết quả", ["ProjectId"] = "Đề án hỗ trợ", ["PassMark"] = "Điểm đạt", ["CertificateYears"] = "Thời hạn giấy chứng nhận (năm)",
            ["DecisionNumber"] = "Số quyết định", ["DecisionDate"] = "Ngày quyết định", ["CreatedAtUtc"] = "Ngày tạo", ["CreatedBy"] = "Người tạo",
        },
        ["VoteProduct"] = new()
        {
            ["VoteId"] = "Đợt bình chọn", ["EstablishmentId"] = "Cơ sở", ["ProvinceId"] = "Tỉnh", ["Name"] = "Tên sản phẩm", ["Group"] = "Nhóm sản phẩm",
            ["Description"] = "Mô tả", ["NominatedFromId"] = "Đề cử từ sản phẩm", ["RegisteredAtUtc"] = "Ngày đăng ký", ["RegisteredBy"] = "Người đăng ký",
            ["CertificateNumber"] = "Số giấy chứng nhận", ["CertificateValidUntil"] = "Giấy chứng nhận có giá trị đến",
        },
        ["VoteProductFile"] = new()
        {
            ["ProductId"] = "Sản phẩm", ["FileName"] = "Tên tệp", ["ContentType"] = "Định dạng tệp", ["Size"] = "Dung lượng (byte)",
            ["UploadedBy"] = "Người tải lên", ["UploadedAtUtc"] = "Thời điểm tải lên",
        },
        ["VoteCouncilMember"] = new() { ["VoteId"] = "Đợt bình chọn", ["UserId"] = "Tài khoản", ["Name"] = "Họ tên", ["ProvinceId"] = "Tỉnh công tác" },
        ["VoteScore"] = new() { ["ProductId"] = "Sản phẩm", ["ReviewerId"] = "Thành viên chấm", ["CriterionId"] = "Tiêu chí", ["Points"] = "Điểm" },
        ["VoteProvince"] = new() { ["VoteId"] = "Đợt bình chọn", ["ProvinceId"] = "Tỉnh" },
        ["VoteCriterion"] = new() { ["Code"] = "Mã tiêu chí", ["Name"] = "Tên tiêu chí", ["MaxPoints"] = "Điểm tối đa", ["SortOrder"] = "Thứ tự", ["ValidFrom"] = "Áp dụng từ", ["ValidTo"] = "Áp dụng đến" },
        ["VotePassMark"] = new() { ["Level"] = "Cấp", ["MinPoints"] = "Điểm đạt", ["CertificateYears"] = "Thời hạn giấy chứng nhận (năm)", ["ValidFrom"] = "Áp dụng từ", ["LegalBasis"] = "Căn cứ pháp lý" },
        ["Establishment"] = new()
        {
            ["Name"] = "Tên cơ sở",
            ["TaxCode"] = "Mã số thuế",
            ["PortalCode"] = "Mã cơ sở trên cổng",
            ["Type"] = "Loại hình",
            ["ProvinceId"] = "Tỉnh, thành phố",
            ["Commune"] = "Xã, phường",
            ["Address"] = "Địa chỉ",
            ["Sector"] = "Ngành nghề",
            ["MainProducts"] = "Sản phẩm chính",
            ["Workers"] = "Số lao động",
            ["WomenOwned"] = "Do phụ nữ làm chủ",
            ["EthnicMinorityEmployer"] = "Sử dụng lao động người dân tộc thiểu số",
            ["PriorityArea"] = "Thuộc địa bàn ưu tiên",
            ["ContactName"] = "Người liên hệ",
            ["Phone"] = "Điện thoại",
            ["Email"] = "Thư điện tử",
            ["MatchKey"] = "Khóa so khớp",
            ["CreatedAtUtc"] = "Ngày tạo",
            ["UpdatedAtUtc"] = "Ngày cập nhật",
        },
        ["ProjectOutcome"] = new()
        {
            ["IndicatorCode"] = "Mã chỉ tiêu",
            ["Target"] = "Chỉ tiêu đăng ký",
            ["Actual"] = "Kết quả thực hiện",
        },
        ["Disbursement"] = new()
        {
            ["Date"] = "Ngày giải ngân",
            ["Source"] = "Loại vốn",
        },
        ["ProjectDocument"] = new()
        {
            ["Category"] = "Loại tài liệu",
            ["FileName"] = "Tên tệp",
            ["ContentType"] = "Định dạng tệp",
            ["Size"] = "Dung lượng (byte)",
            ["UploadedBy"] = "Người tải lên",
            ["UploadedAtUtc"] = "Thời điểm tải lên",
        },
        ["Adjustment"] = new()
        {
            ["Kind"] = "Loại điều chỉnh",
            ["NewAmount"] = "Kinh phí mới (đồng)",
            ["NewStartDate"] = "Ngày bắt đầu mới",
            ["NewEndDate"] = "Ngày kết thúc mới",
            ["Details"] = "Nội dung điều chỉnh khác",
            ["PreviousAmount"] = "Kinh phí được duyệt trước điều chỉnh (đồng)",
            ["PreviousStartDate"] = "Ngày bắt đầu trước điều chỉnh",
            ["PreviousEndDate"] = "Ngày kết thúc trước điều chỉnh",
            ["RequestedBy"] = "Người đề nghị",
            ["RequestedAtUtc"] = "Thời điểm đề nghị",
            ["DecidedBy"] = "Người quyết định",
            ["DecidedAtUtc"] = "Thời điểm quyết định",
            ["DecisionComment"] = "Ý kiến khi quyết định",
        },
        ["ProgressNote"] = new()
        {
            ["Month"] = "Tháng báo cáo",
            ["Text"] = "Nội dung tiến độ",
        },
        ["DossierItem"] = new()
        {
            ["ContentCode"] = "Áp dụng cho nội dung",
            ["Name"] = "Tên tài liệu",
            ["Required"] = "Bắt buộc trước khi gửi Sở",
            ["LegalBasis"] = "Căn cứ",
        },
    };

    /// <summary>Decimals that are not đồng: shown with decimals, not rounded to whole đồng.</summary>
    private static readonly HashSet<string> s_plainNumbers = new(StringComparer.Ordinal)
    {
        "SupportNorm.MaxSharePercent", "SupportNorm.PriorityMultiplier", "ProgrammeTarget.Target",
        "ProjectOutcome.Target", "ProjectOutcome.Actual",
    };

    /// <summary>Properties holding a user id: shown as the user's full name.</summary>
    private static readonly HashSet<string> s_userIds = new(StringComparer.Ordinal)
    {
        "UserId", "CreatedById", "MinistryAppraiserId", "BaseAppraiserId", "RequestedById",
    };

    /// <summary>Properties holding a user name (the writer's sign-in name): shown as the full name when known.</summary>
    private static readonly HashSet<string> s_userNames = new(StringComparer.Ordinal)
    {
        "CreatedBy", "SubmittedBy", "ReopenedBy", "RecordedBy", "UploadedBy", "RequestedBy", "DecidedBy",
    };

    private static readonly HashSet<string> s_provinceIds = new(StringComparer.Ordinal) { "ProvinceId", "PredecessorId", "SuccessorId" };

    /// <summary>Not shown: bookkeeping, and what the audit log never records (<see cref="Data.KhuyenCongDbContext.UnauditedProperties"/>).</summary>
    public static bool IsHidden(string property) => HiddenProperties.Contains(property) || Data.KhuyenCongDbContext.UnauditedProperties.Contains(property);

    /// <summary>The Vietnamese label of a property, or null when nobody gave it one.</summary>
    public static string? FindLabel(string entityType, string property) =>
        s_byType.TryGetValue(entityType, out var own) && own.TryGetValue(property, out var label) ? label
        : s_shared.GetValueOrDefault(property);

    public static string Label(string entityType, string property) => FindLabel(entityType, property) ?? UnlabelledField;

    /// <summary>The entity types the labels are written for (audited now, or soon).</summary>
    public static IEnumerable<string> LabelledTypes => s_byType.Keys;

    /// <summary>Renders a page of entries with a fixed number of queries (users, then names of what ids point at).</summary>
    public static async Task<IReadOnlyList<AuditItem>> RenderAsync(KhuyenCongDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var types = db.Model.GetEntityTypes().Where(t => !t.IsOwned())
            .GroupBy(t => t.ClrType.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var parsed = entries.Select(e => (Entry: e, Before: Parse(e.Before), After: Parse(e.After))).ToList();

        var wanted = new Wanted();
        foreach (var (entry, before, after) in parsed)
        {
            if (!string.IsNullOrEmpty(entry.UserId))
            {
                wanted.Users.Add(entry.UserId);
            }

            wanted.AddSubject(entry);
            foreach (var (name, value) in before.Concat(after))
            {
                wanted.Add(name, value);
            }
        }

        var names = await Names.LoadAsync(db, wanted, ct);
        return [.. parsed.Select(p => Render(p.Entry, p.Before, p.After, types.GetValueOrDefault(p.Entry.EntityType), names))];
    }

    private static AuditItem Render(AuditEntry entry, List<KeyValuePair<string, JsonElement>> before, List<KeyValuePair<string, JsonElement>> after, IEntityType? type, Names names)
    {
        var isUpdate = entry.Action == "Updated";
        var rows = new List<AuditRow>();
        // The entity's own declaration order (title before amounts before dates), not the log's alphabetical one.
        var declared = type?.ClrType.GetProperties().Select(p => p.Name).ToList() ?? [];
        var order = after.Select(p => p.Key).Concat(before.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .OrderBy(name => declared.IndexOf(name) is var i and >= 0 ? i : int.MaxValue);
        foreach (var name in order)
        {
            if (IsHidden(name))
            {
                continue;
            }

            var clr = type?.FindProperty(name)?.ClrType;
            var old = Format(entry.EntityType, name, clr, Find(before, name), names);
            var @new = Format(entry.EntityType, name, clr, Find(after, name), names);
            if (!isUpdate && old == Empty && @new == Empty)
            {
                continue;
            }

            rows.Add(new AuditRow(Label(entry.EntityType, name), old, @new));
        }

        var actor = names.User(entry.UserId);
        return new AuditItem(
            entry.Id,
            VietnameseCulture.DateTime(entry.OccurredAtUtc),
            actor?.FullName is { Length: > 0 } full ? full : entry.UserName,
            actor?.Role is { } role ? Roles.Label(role) : null,
            AuditLabels.Action(entry.Action),
            AuditLabels.EntityType(entry.EntityType),
            Subject(entry, names),
            isUpdate,
            rows);
    }

    private static string Subject(AuditEntry entry, Names names)
    {
        var key = entry.EntityKey;
        var first = key.Split(',')[0];
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        return entry.EntityType switch
        {
            "AppUser" or "IdentityUserRole`1" or "UserRegion" => names.User(first)?.FullName is { Length: > 0 } n ? n : "người dùng đã xóa",
            "Province" when names.Provinces.TryGetValue(id, out var p) => p,
            "Project" when names.Projects.TryGetValue(id, out var code) => code,
            _ when id > 0 => $"số {id}",
            _ => string.Empty,
        };
    }

    private static JsonElement? Find(List<KeyValuePair<string, JsonElement>> values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, JsonElement>> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone()))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Format(string entityType, string name, Type? clr, JsonElement? element, Names names)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Empty;
        }

        var type = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
        try
        {
            var text = FormatKnown(entityType, name, type, value, names);
            return string.IsNullOrWhiteSpace(text) ? Empty : text;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() ?? Empty : value.GetRawText();
        }
    }

    private static string FormatKnown(string entityType, string name, Type? type, JsonElement value, Names names)
    {
        if (s_userIds.Contains(name) && value.ValueKind == JsonValueKind.String)
        {
            var id = value.GetString()!;
            return names.User(id)?.FullName is { Length: > 0 } full ? full : id;
        }

        if (s_userNames.Contains(name) && value.ValueKind == JsonValueKind.String)
        {
            var userName = value.GetString()!;
            return names.UserByName(userName)?.FullName is { Length: > 0 } full ? full : userName;
        }

        if (s_provinceIds.Contains(name) && value.ValueKind == JsonValueKind.Number)
        {
            return names.Provinces.GetValueOrDefault(value.GetInt32(), value.GetRawText());
        }

        switch (name)
        {
            case "RegionId" when value.ValueKind == JsonValueKind.Number:
                return names.Regions.GetValueOrDefault(value.GetInt32(), value.GetRawText());
            case "ProgrammePeriodId" when value.ValueKind == JsonValueKind.Number:
                return names.Periods.GetValueOrDefault(value.GetInt32(), value.GetRawText());
            case "ProjectId" when value.ValueKind == JsonValueKind.Number:
                return names.Projects.GetValueOrDefault(value.GetInt32(), value.GetRawText());
            case "RoleId" when value.ValueKind == JsonValueKind.String:
                return names.Roles.TryGetValue(value.GetString()!, out var role) ? Roles.Label(role) : value.GetString()!;
            case "Month" when type == typeof(DateOnly):
                return DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture).ToString("MM/yyyy", CultureInfo.InvariantCulture);
        }

        if (type is null)
        {
            return Fallback(value);
        }

        if (type.IsEnum)
        {
            // Stored as its number, or as its name where the column converts it to text (the e-mail setting).
            return value.ValueKind == JsonValueKind.String && Enum.TryParse(type, value.GetString(), out var named)
                ? EnumLabel(named)
                : EnumLabel(Enum.ToObject(type, value.GetInt32()));
        }

        if (type == typeof(bool))
        {
            return value.GetBoolean() ? "Có" : "Không";
        }

        if (type == typeof(decimal))
        {
            var number = value.GetDecimal();
            return s_plainNumbers.Contains($"{entityType}.{name}")
                ? number.ToString("#,##0.##", VietnameseCulture.Instance)
                : VietnameseCulture.Dong(number);
        }

        if (type == typeof(long))
        {
            return value.GetInt64().ToString("#,##0", VietnameseCulture.Instance);
        }

        if (type == typeof(DateOnly))
        {
            return VietnameseCulture.Date(DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture));
        }

        if (type == typeof(DateTime))
        {
            var instant = DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return VietnameseCulture.DateTime(instant);
        }

        if (type == typeof(DateTimeOffset))
        {
            return VietnameseCulture.DateTime(DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture).UtcDateTime);
        }

        return Fallback(value);
    }

    private static string Fallback(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number => value.GetRawText(),
        _ => string.Empty,
    };

    /// <summary>The Vietnamese label of an enum value stored in the audit JSON as a number.</summary>
    public static string EnumLabel(object value) => value switch
    {
        FundingSource v => ProjectLabels.Of(v),
        ProjectKind v => ProjectLabels.Of(v),
        ProjectState v => ProjectLabels.Of(v),
        MoneySource v => ProjectLabels.Of(v),
        AdjustmentKind v => ProjectLabels.Of(v),
        AdjustmentStatus v => ProjectLabels.Of(v),
        BeneficiaryType v => ProjectLabels.Of(v),
        ReportPeriod v => ReportPeriods.Label(v),
        PeriodicReportStatus v => v == PeriodicReportStatus.Submitted ? "Đã gửi Bộ" : "Đang soạn",
        Domain.Reminders.DeadlineKind v => Domain.Reminders.DeadlineKinds.Label(v),
        Data.Notifications.MailPreference v => v switch
        {
            Data.Notifications.MailPreference.All => "Mỗi thông báo một thư",
            Data.Notifications.MailPreference.Digest => "Một thư tổng hợp mỗi ngày",
            _ => "Không nhận thư",
        },
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
    };

    private sealed class Wanted
    {
        public HashSet<string> Users { get; } = new(StringComparer.Ordinal);

        public HashSet<string> UserNames { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<int> Provinces { get; } = [];

        public HashSet<int> Regions { get; } = [];

        public HashSet<int> Periods { get; } = [];

        public HashSet<int> Projects { get; } = [];

        public bool Roles { get; set; }

        public void AddSubject(AuditEntry entry)
        {
            var first = entry.EntityKey.Split(',')[0];
            int.TryParse(entry.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            switch (entry.EntityType)
            {
                case "AppUser" or "IdentityUserRole`1" or "UserRegion":
                    Users.Add(first);
                    break;
                case "Province":
                    Provinces.Add(id);
                    break;
                case "Project":
                    Projects.Add(id);
                    break;
            }
        }

        public void Add(string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                if (s_userIds.Contains(name))
                {
                    Users.Add(text);
                }
                else if (s_userNames.Contains(name))
                {
                    UserNames.Add(text);
                }
                else if (name == "RoleId")
                {
                    Roles = true;
                }
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id))
            {
                var set = s_provinceIds.Contains(name) ? Provinces
                    : name == "RegionId" ? Regions
                    : name == "ProgrammePeriodId" ? Periods
                    : name == "ProjectId" ? Projects
                    : null;
                set?.Add(id);
            }
        }
    }

    private sealed record KnownUser(string Id, string? UserName, string? Email, string FullName, string? Role);

    private sealed class Names
    {
        private Dictionary<string, KnownUser> _users = new(StringComparer.Ordinal);
        private readonly Dictionary<string, KnownUser> _byName = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<int, string> Provinces { get; private set; } = [];

        public Dictionary<int, string> Regions { get; private set; } = [];

        public Dictionary<int, string> Periods { get; private set; } = [];

        public Dictionary<int, string> Projects { get; private set; } = [];

        public Dictionary<string, string> Roles { get; private set; } = new(StringComparer.Ordinal);

        public KnownUser? User(string? id) => id is not null && _users.TryGetValue(id, out var u) ? u : null;

        public KnownUser? UserByName(string name) => _byName.GetValueOrDefault(name);

        public static async Task<Names> LoadAsync(KhuyenCongDbContext db, Wanted wanted, CancellationToken ct)
        {
            var names = new Names();
            if (wanted.Users.Count > 0 || wanted.UserNames.Count > 0)
            {
                var ids = wanted.Users.ToList();
                var userNames = wanted.UserNames.ToList();
                var users = await db.Users.AsNoTracking()
                    .Where(u => ids.Contains(u.Id) || userNames.Contains(u.UserName!) || userNames.Contains(u.Email!))
                    .Select(u => new KnownUser(u.Id, u.UserName, u.Email, u.FullName,
                        db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault()))
                    .ToListAsync(ct);
                names._users = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
                foreach (var u in users)
                {
                    foreach (var key in new[] { u.UserName, u.Email })
                    {
                        if (!string.IsNullOrEmpty(key))
                        {
                            names._byName.TryAdd(key, u);
                        }
                    }
                }
            }

            if (wanted.Provinces.Count > 0)
            {
                var ids = wanted.Provinces.ToList();
                names.Provinces = await db.Provinces.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            }

            if (wanted.Regions.Count > 0)
            {
                var ids = wanted.Regions.ToList();
                names.Regions = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            }

            if (wanted.Periods.Count > 0)
            {
                var ids = wanted.Periods.ToList();
                names.Periods = await db.ProgrammePeriods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            }

            if (wanted.Projects.Count > 0)
            {
                var ids = wanted.Projects.ToList();
                names.Projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
            }

            if (wanted.Roles)
            {
                names.Roles = await db.Roles.AsNoTracking().Where(r => r.Name != null).ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
            }

            return names;
        }
    }
}
