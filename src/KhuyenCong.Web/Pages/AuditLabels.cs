using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

/// <summary>Vietnamese names of audit actions and entity types, and the history of one entity.</summary>
public static class AuditLabels
{
    public static string Action(string action) => action switch
    {
        "Created" => "Tạo mới",
        "Updated" => "Sửa",
        "Deleted" => "Xóa",
        "SignInLockedOut" => "Tài khoản bị tạm khóa vì nhập sai mật khẩu nhiều lần",
        "SignInFailed" => "Đăng nhập không thành công",
        "SignedIn" => "Đăng nhập",
        "SignedOut" => "Đăng xuất",
        "PasswordChanged" => "Đổi mật khẩu",
        "PasswordReset" => "Đặt lại mật khẩu",
        "TwoFactorReset" => "Quản trị đặt lại xác thực hai bước",
        // A named act nobody labelled yet is an English identifier: say what it is rather than show the key.
        _ when action.Length > 0 && action.All(char.IsAsciiLetterOrDigit) => "Thao tác khác của hệ thống",
        _ => action,
    };

    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>
    {
        ["AppUser"] = "Người dùng",
        ["IdentityUserRole`1"] = "Vai trò người dùng",
        ["UserRegion"] = "Vùng của người dùng",
        ["ApiToken"] = "Mã truy cập API",
        ["Region"] = "Vùng",
        ["Province"] = "Tỉnh, thành phố",
        ["ProvinceRegionMembership"] = "Thuộc vùng",
        ["ProvinceSuccession"] = "Tỉnh tiền thân",
        ["Content"] = "Nội dung hoạt động",
        ["OutcomeIndicator"] = "Chỉ tiêu kết quả",
        ["SupportNorm"] = "Định mức hỗ trợ",
        ["ProgrammePeriod"] = "Giai đoạn chương trình",
        ["DepartmentName"] = "Tên Cục",
        ["AnnualPlan"] = "Kế hoạch kinh phí",
        ["PeriodicReport"] = "Báo cáo định kỳ",
        ["ReportDeadline"] = "Hạn nộp báo cáo",
        ["ReminderRule"] = "Quy định nhắc hạn",
        ["ProgrammeTarget"] = "Mục tiêu chương trình",
        ["Project"] = "Đề án",
        ["ProjectContent"] = "Nội dung của đề án",
        ["Beneficiary"] = "Cơ sở thụ hưởng",
        ["Establishment"] = "Cơ sở CNNT",
        ["DoubleSupportWindow"] = "Thời hạn không hỗ trợ trùng",
        ["ProjectOutcome"] = "Chỉ tiêu kết quả của đề án",
        ["Disbursement"] = "Giải ngân",
        ["ProjectDocument"] = "Tài liệu",
        ["Adjustment"] = "Điều chỉnh",
        ["ProgressNote"] = "Tiến độ",
        ["DossierItem"] = "Hồ sơ đề án",
        ["Vote"] = "Đợt bình chọn sản phẩm",
        ["VoteProvince"] = "Tỉnh tham gia bình chọn",
        ["VoteProduct"] = "Sản phẩm tham gia bình chọn",
        ["VoteProductFile"] = "Ảnh, hồ sơ sản phẩm bình chọn",
        ["VoteCouncilMember"] = "Thành viên hội đồng bình chọn",
        ["VoteScore"] = "Điểm bình chọn",
        ["VoteCriterion"] = "Tiêu chí bình chọn",
        ["VotePassMark"] = "Điểm đạt bình chọn",
    };

    public static string EntityType(string type) => EntityTypes.GetValueOrDefault(type, type);

    /// <summary>The last 100 changes of one entity, rendered for people (see <see cref="AuditView"/>).</summary>
    public static async Task<IReadOnlyList<AuditItem>> HistoryAsync(KhuyenCongDbContext db, string entityType, string key, CancellationToken ct = default) =>
        await AuditView.RenderAsync(db, await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(ct), ct);

    /// <summary>The last 200 changes of a project and its parts (contents, beneficiaries, outcomes, payments, documents, adjustments).</summary>
    public static async Task<IReadOnlyList<AuditItem>> ProjectHistoryAsync(KhuyenCongDbContext db, int projectId, CancellationToken ct = default) =>
        await AuditView.RenderAsync(db, await db.AuditEntries.AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(ct), ct);
}
