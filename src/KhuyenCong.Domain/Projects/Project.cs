using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Domain.Projects;

/// <summary>Đề án khuyến công: from registration to settlement (DOMAIN.md §5).</summary>
public sealed class Project : IVersioned, ISearchable
{
    public int Id { get; set; }

    /// <summary>Mã đề án, e.g. KCQG-2026-24-0001.</summary>
    public string Code { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public int PlanYear { get; set; }

    /// <summary>The province as it was in the plan year (an old province for projects before the merger).</summary>
    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    public FundingSource Source { get; set; }

    public ProjectKind Kind { get; set; }

    /// <summary>Đơn vị thực hiện.</summary>
    public string ImplementingUnit { get; set; } = string.Empty;

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>Kinh phí đề nghị hỗ trợ (đồng).</summary>
    public decimal RequestedSupport { get; set; }

    /// <summary>Kinh phí được duyệt (đồng), fixed at approval; changed only by an approved adjustment.</summary>
    public decimal? ApprovedSupport { get; set; }

    /// <summary>Vốn đối ứng cam kết (đồng).</summary>
    public decimal CounterpartCommitted { get; set; }

    public ProjectState State { get; set; } = ProjectState.Draft;

    public DateOnly? ApprovalDate { get; set; }

    /// <summary>The reason given when the project was last returned, rejected or stopped.</summary>
    public string? LastReason { get; set; }

    public decimal? BaseRecommendedSupport { get; set; }

    public decimal? MinistryRecommendedSupport { get; set; }

    /// <summary>The ministry officer who appraised a KCQG project; may not also approve it.</summary>
    public string? MinistryAppraiserId { get; set; }

    public string? ContractNumber { get; set; }

    public DateOnly? ContractDate { get; set; }

    public decimal? ContractValue { get; set; }

    public DateOnly? AcceptanceDate { get; set; }

    public string? AcceptanceMinutes { get; set; }

    public decimal? AcceptedAmount { get; set; }

    /// <summary>Vốn đối ứng thực hiện, recorded at acceptance.</summary>
    public decimal? RealisedCounterpart { get; set; }

    public DateOnly? SettlementDate { get; set; }

    public decimal? SettledAmount { get; set; }

    /// <summary>Kinh phí không sử dụng, hoàn trả: approved support not settled.</summary>
    public decimal? ReturnedAmount { get; set; }

    public string CreatedById { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public List<ProjectContent> Contents { get; set; } = [];

    public List<Beneficiary> Beneficiaries { get; set; } = [];

    public List<ProjectOutcome> Outcomes { get; set; } = [];

    public List<Disbursement> Disbursements { get; set; } = [];

    public List<ProjectEvent> Events { get; set; } = [];

    public List<ProjectDocument> Documents { get; set; } = [];

    public List<Adjustment> Adjustments { get; set; } = [];

    public List<ProgressNote> ProgressNotes { get; set; } = [];

    public string SearchSource() =>
        $"{Code} {Title} {ImplementingUnit} {string.Join(' ', Beneficiaries.Select(b => $"{b.Name} {b.TaxCode}"))}";
}

/// <summary>One content of a project, with what is asked for it and what it costs (for the support-norm check).</summary>
public sealed class ProjectContent
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public string ContentCode { get; set; } = string.Empty;

    /// <summary>Tổng chi phí of this content (đồng).</summary>
    public decimal TotalCost { get; set; }

    /// <summary>Kinh phí đề nghị hỗ trợ for this content (đồng).</summary>
    public decimal RequestedAmount { get; set; }
}

/// <summary>Cơ sở thụ hưởng.</summary>
public sealed class Beneficiary
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Mã số thuế: 10 or 13 digits.</summary>
    public string? TaxCode { get; set; }

    public BeneficiaryType Type { get; set; }

    /// <summary>Xã, phường.</summary>
    public string Commune { get; set; } = string.Empty;

    public bool WomenOwned { get; set; }

    public bool EthnicMinorityEmployer { get; set; }

    /// <summary>Located in a priority area (địa bàn ưu tiên): the norm multiplier applies.</summary>
    public bool PriorityArea { get; set; }
}

/// <summary>An outcome indicator of a project: target at approval, actual at acceptance.</summary>
public sealed class ProjectOutcome
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public string IndicatorCode { get; set; } = string.Empty;

    public decimal Target { get; set; }

    public decimal? Actual { get; set; }
}

/// <summary>Giải ngân: dated money paid on a project, state support or counterpart.</summary>
public sealed class Disbursement
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public MoneySource Source { get; set; }

    public string? Note { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>Ghi nhận tiến độ hằng tháng.</summary>
public sealed class ProgressNote
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    /// <summary>The month reported, as its first day.</summary>
    public DateOnly Month { get; set; }

    public string Text { get; set; } = string.Empty;

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A line of the project's timeline: a transition, an adjustment, a money movement, a document.</summary>
public sealed class ProjectEvent
{
    public long Id { get; set; }

    public int ProjectId { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>What happened, in Vietnamese, e.g. "Gửi Sở thẩm định".</summary>
    public string Action { get; set; } = string.Empty;

    public ProjectState? FromState { get; set; }

    public ProjectState? ToState { get; set; }

    public decimal? Amount { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A file of the project's dossier, stored outside the web root under a random name.</summary>
public sealed class ProjectDocument
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    /// <summary>The checklist item this file answers, e.g. "Dự toán kinh phí".</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>The name shown and offered on download, cleaned of path characters.</summary>
    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string StorageName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public string UploadedBy { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>Điều chỉnh: a change asked by the province and decided by the project's approving authority.</summary>
public sealed class Adjustment
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public AdjustmentKind Kind { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>New approved support (Amount).</summary>
    public decimal? NewAmount { get; set; }

    /// <summary>New dates (Schedule).</summary>
    public DateOnly? NewStartDate { get; set; }

    public DateOnly? NewEndDate { get; set; }

    /// <summary>What else changes (contents, beneficiary, location), in words.</summary>
    public string? Details { get; set; }

    public AdjustmentStatus Status { get; set; } = AdjustmentStatus.Pending;

    /// <summary>The values before the change, kept for history.</summary>
    public string? PreviousValues { get; set; }

    public string RequestedById { get; set; } = string.Empty;

    public string RequestedBy { get; set; } = string.Empty;

    public DateTime RequestedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionComment { get; set; }
}
