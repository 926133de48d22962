namespace KhuyenCong.Domain.Projects;

/// <summary>Nguồn kinh phí.</summary>
public enum FundingSource
{
    /// <summary>Khuyến công quốc gia: the ministry approves.</summary>
    KCQG = 1,

    /// <summary>Khuyến công địa phương: the province approves.</summary>
    KCDP = 2,
}

/// <summary>Loại đề án.</summary>
public enum ProjectKind
{
    /// <summary>Thường.</summary>
    Thuong = 1,

    /// <summary>Nhóm: beneficiaries named after assignment.</summary>
    Nhom = 2,

    /// <summary>Điểm (pilot): at least two contents, over more than one year.</summary>
    Diem = 3,
}

/// <summary>Trạng thái đề án (docs/domain.md §5).</summary>
public enum ProjectState
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    UnderMinistryReview = 4,
    Approved = 5,
    Rejected = 6,
    Contracted = 7,
    InProgress = 8,
    Accepted = 9,
    Settled = 10,
    Stopped = 11,
}

/// <summary>Loại vốn of a disbursement.</summary>
public enum MoneySource
{
    /// <summary>Ngân sách: state support.</summary>
    State = 1,

    /// <summary>Đối ứng: the beneficiary's counterpart capital.</summary>
    Counterpart = 2,
}

/// <summary>What an adjustment request changes.</summary>
public enum AdjustmentKind
{
    Amount = 1,
    Contents = 2,
    Schedule = 3,
    Beneficiary = 4,
    Location = 5,

    /// <summary>Dừng thực hiện: approved like any adjustment, then the project is stopped.</summary>
    Stop = 6,
}

public enum AdjustmentStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>Loại hình cơ sở thụ hưởng.</summary>
public enum BeneficiaryType
{
    SmallEnterprise = 1,
    Cooperative = 2,
    CooperativeGroup = 3,
    HouseholdBusiness = 4,
    Other = 5,

    /// <summary>Cơ sở áp dụng sản xuất sạch hơn.</summary>
    CleanerProduction = 6,
}

/// <summary>Vietnamese labels of the project enums.</summary>
public static class ProjectLabels
{
    public static string Of(FundingSource source) => source == FundingSource.KCQG ? "KCQG" : "KCĐP";

    public static string Of(ProjectKind kind) => kind switch
    {
        ProjectKind.Thuong => "Thường",
        ProjectKind.Nhom => "Nhóm",
        _ => "Điểm",
    };

    public static string Of(ProjectState state) => state switch
    {
        ProjectState.Draft => "Nháp",
        ProjectState.Submitted => "Đã gửi Sở",
        ProjectState.Returned => "Trả lại bổ sung",
        ProjectState.UnderMinistryReview => "Bộ đang thẩm định",
        ProjectState.Approved => "Đã phê duyệt, giao kế hoạch",
        ProjectState.Rejected => "Không phê duyệt",
        ProjectState.Contracted => "Đã ký hợp đồng",
        ProjectState.InProgress => "Đang thực hiện",
        ProjectState.Accepted => "Đã nghiệm thu",
        ProjectState.Settled => "Đã quyết toán",
        _ => "Dừng thực hiện",
    };

    public static string Of(MoneySource source) => source == MoneySource.State ? "Ngân sách" : "Đối ứng";

    public static string Of(AdjustmentKind kind) => kind switch
    {
        AdjustmentKind.Amount => "Kinh phí",
        AdjustmentKind.Contents => "Nội dung",
        AdjustmentKind.Schedule => "Thời gian thực hiện",
        AdjustmentKind.Beneficiary => "Đơn vị thụ hưởng",
        AdjustmentKind.Location => "Địa điểm",
        _ => "Dừng thực hiện",
    };

    public static string Of(AdjustmentStatus status) => status switch
    {
        AdjustmentStatus.Pending => "Chờ phê duyệt",
        AdjustmentStatus.Approved => "Đã chấp thuận",
        _ => "Không chấp thuận",
    };

    public static string Of(BeneficiaryType type) => type switch
    {
        BeneficiaryType.SmallEnterprise => "Doanh nghiệp nhỏ và vừa",
        BeneficiaryType.Cooperative => "Hợp tác xã",
        BeneficiaryType.CooperativeGroup => "Tổ hợp tác",
        BeneficiaryType.HouseholdBusiness => "Hộ kinh doanh",
        BeneficiaryType.CleanerProduction => "Cơ sở áp dụng sản xuất sạch hơn",
        _ => "Khác",
    };

    public static bool TryParseState(string? label, out ProjectState state)
    {
        foreach (var s in Enum.GetValues<ProjectState>())
        {
            if (string.Equals(Of(s), label?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }
}
