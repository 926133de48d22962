using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Domain.Projects;

/// <summary>Đề án khuyến công: from registration to settlement (docs/domain.md §5).</summary>
public sealed partial class Project : IVersioned, ISearchable, IAudited
{
    public int Id { get; private set; }

    /// <summary>Mã đề án, e.g. KCQG-2026-24-0001.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public int PlanYear { get; private set; }

    /// <summary>The province as it was in the plan year (an old province for projects before the merger).</summary>
    public int ProvinceId { get; private set; }

    public Province? Province { get; private set; }

    public FundingSource Source { get; private set; }

    public ProjectKind Kind { get; private set; }

    /// <summary>Đơn vị thực hiện.</summary>
    public string ImplementingUnit { get; private set; } = string.Empty;

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>Kinh phí đề nghị hỗ trợ (đồng).</summary>
    public decimal RequestedSupport { get; private set; }

    /// <summary>Kinh phí được duyệt (đồng), fixed at approval; changed only by an approved adjustment.</summary>
    public decimal? ApprovedSupport { get; private set; }

    /// <summary>Vốn đối ứng cam kết (đồng).</summary>
    public decimal CounterpartCommitted { get; private set; }

    public ProjectState State { get; private set; } = ProjectState.Draft;

    public DateOnly? ApprovalDate { get; private set; }

    /// <summary>Số quyết định phê duyệt, as the approver typed it (null before approval or when none was given).</summary>
    public string? ApprovalDecisionNumber { get; private set; }

    /// <summary>The reason given when the project was last returned, rejected or stopped.</summary>
    public string? LastReason { get; private set; }

    public decimal? BaseRecommendedSupport { get; private set; }

    public decimal? MinistryRecommendedSupport { get; private set; }

    /// <summary>The ministry officer who appraised a KCQG project; may not also approve it.</summary>
    public string? MinistryAppraiserId { get; private set; }

    /// <summary>The Sở leader who made the base appraisal; for KCĐP, may not also approve.</summary>
    public string? BaseAppraiserId { get; private set; }

    public string? ContractNumber { get; private set; }

    public DateOnly? ContractDate { get; private set; }

    public decimal? ContractValue { get; private set; }

    public DateOnly? AcceptanceDate { get; private set; }

    public string? AcceptanceMinutes { get; private set; }

    public decimal? AcceptedAmount { get; private set; }

    /// <summary>Vốn đối ứng thực hiện, recorded at acceptance.</summary>
    public decimal? RealisedCounterpart { get; private set; }

    public DateOnly? SettlementDate { get; private set; }

    public decimal? SettledAmount { get; private set; }

    /// <summary>Kinh phí không sử dụng, hoàn trả: approved support not settled.</summary>
    public decimal? ReturnedAmount { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public List<ProjectContent> Contents { get; private set; } = [];

    public List<Beneficiary> Beneficiaries { get; private set; } = [];

    public List<ProjectOutcome> Outcomes { get; private set; } = [];

    public List<Disbursement> Disbursements { get; private set; } = [];

    public List<ProjectEvent> Events { get; private set; } = [];

    public List<ProjectDocument> Documents { get; private set; } = [];

    public List<Adjustment> Adjustments { get; private set; } = [];

    public List<ProgressNote> ProgressNotes { get; private set; } = [];

    public string SearchSource() =>
        $"{Code} {Title} {ImplementingUnit} {string.Join(' ', Beneficiaries.Select(b => $"{b.Name} {b.TaxCode}"))}";
}

/// <summary>One content of a project, with what is asked for it and what it costs (for the support-norm check).</summary>
public sealed class ProjectContent : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    public string ContentCode { get; internal set; } = string.Empty;

    /// <summary>Tổng chi phí of this content (đồng).</summary>
    public decimal TotalCost { get; internal set; }

    /// <summary>Kinh phí đề nghị hỗ trợ for this content (đồng).</summary>
    public decimal RequestedAmount { get; internal set; }
}

/// <summary>Cơ sở thụ hưởng.</summary>
public sealed class Beneficiary : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    /// <summary>The registry's establishment this line is (docs/domain.md §12); the line keeps what the dossier said of it.</summary>
    public int? EstablishmentId { get; set; }

    public Establishments.Establishment? Establishment { get; set; }

    public string Name { get; internal set; } = string.Empty;

    /// <summary>Mã số thuế: 10 or 13 digits, or a 12-digit personal identification number.</summary>
    public string? TaxCode { get; internal set; }

    public BeneficiaryType Type { get; internal set; }

    /// <summary>Xã, phường.</summary>
    public string Commune { get; internal set; } = string.Empty;

    public bool WomenOwned { get; internal set; }

    public bool EthnicMinorityEmployer { get; internal set; }

    /// <summary>Located in a priority area (địa bàn ưu tiên): the norm multiplier applies.</summary>
    public bool PriorityArea { get; internal set; }
}

/// <summary>An outcome indicator of a project: target at approval, actual at acceptance.</summary>
public sealed class ProjectOutcome : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    public string IndicatorCode { get; internal set; } = string.Empty;

    public decimal Target { get; internal set; }

    public decimal? Actual { get; internal set; }
}

/// <summary>Giải ngân: dated money paid on a project, state support or counterpart.</summary>
public sealed class Disbursement : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    public DateOnly Date { get; internal set; }

    public decimal Amount { get; internal set; }

    public MoneySource Source { get; internal set; }

    public string? Note { get; internal set; }

    public string RecordedBy { get; internal set; } = string.Empty;

    public DateTime RecordedAtUtc { get; internal set; }
}

/// <summary>Ghi nhận tiến độ hằng tháng.</summary>
public sealed class ProgressNote : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    /// <summary>The month reported, as its first day.</summary>
    public DateOnly Month { get; internal set; }

    public string Text { get; internal set; } = string.Empty;

    public string RecordedBy { get; internal set; } = string.Empty;

    public DateTime RecordedAtUtc { get; internal set; }
}

/// <summary>A line of the project's timeline: a transition, an adjustment, a money movement, a document.</summary>
public sealed class ProjectEvent
{
    public long Id { get; internal set; }

    public int ProjectId { get; internal set; }

    public DateTime OccurredAtUtc { get; internal set; }

    public string? UserId { get; internal set; }

    public string UserName { get; internal set; } = string.Empty;

    /// <summary>What happened, in Vietnamese, e.g. "Gửi Sở thẩm định".</summary>
    public string Action { get; internal set; } = string.Empty;

    public ProjectState? FromState { get; internal set; }

    public ProjectState? ToState { get; internal set; }

    public decimal? Amount { get; internal set; }

    public string? Comment { get; internal set; }
}

/// <summary>A file of the project's dossier, stored outside the web root under a random name.</summary>
public sealed class ProjectDocument : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    /// <summary>The checklist item this file answers, e.g. "Dự toán kinh phí".</summary>
    public string Category { get; internal set; } = string.Empty;

    /// <summary>The name shown and offered on download, cleaned of path characters.</summary>
    public string FileName { get; internal set; } = string.Empty;

    public string ContentType { get; internal set; } = string.Empty;

    public long Size { get; internal set; }

    public string StorageName { get; internal set; } = string.Empty;

    public string Sha256 { get; internal set; } = string.Empty;

    public string UploadedBy { get; internal set; } = string.Empty;

    public DateTime UploadedAtUtc { get; internal set; }
}

/// <summary>Điều chỉnh: a change asked by the province and decided by the project's approving authority.</summary>
public sealed class Adjustment : IAudited
{
    public int Id { get; internal set; }

    public int ProjectId { get; internal set; }

    public AdjustmentKind Kind { get; internal set; }

    public string Reason { get; internal set; } = string.Empty;

    /// <summary>New approved support (Amount).</summary>
    public decimal? NewAmount { get; internal set; }

    /// <summary>New dates (Schedule).</summary>
    public DateOnly? NewStartDate { get; internal set; }

    public DateOnly? NewEndDate { get; internal set; }

    /// <summary>What else changes (contents, beneficiary, location), in words.</summary>
    public string? Details { get; internal set; }

    public AdjustmentStatus Status { get; internal set; } = AdjustmentStatus.Pending;

    /// <summary>The approved support this adjustment replaced (Amount), kept to show beside the new one.</summary>
    public decimal? PreviousAmount { get; internal set; }

    /// <summary>The dates this adjustment replaced (Schedule).</summary>
    public DateOnly? PreviousStartDate { get; internal set; }

    public DateOnly? PreviousEndDate { get; internal set; }

    public string RequestedById { get; internal set; } = string.Empty;

    public string RequestedBy { get; internal set; } = string.Empty;

    public DateTime RequestedAtUtc { get; internal set; }

    public string? DecidedBy { get; internal set; }

    public DateTime? DecidedAtUtc { get; internal set; }

    public string? DecisionComment { get; internal set; }
}
