using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Domain.Reports;

/// <summary>
/// Kỳ báo cáo định kỳ: each report is cumulative from 1 January of its year to the period's end
/// (báo cáo quý I, 6 tháng, 9 tháng và năm).
/// </summary>
public enum ReportPeriod
{
    Quarter1 = 1,
    HalfYear = 2,
    NineMonths = 3,
    Year = 4,
}

public enum PeriodicReportStatus
{
    /// <summary>Đang soạn: the province may change it.</summary>
    Draft = 0,

    /// <summary>Đã gửi Bộ: locked; only a ministry approver can reopen it.</summary>
    Submitted = 1,
}

/// <summary>
/// Báo cáo định kỳ of one province for one period: figures taken from the data as of the period end (refreshed
/// while it is a draft, frozen when submitted) and the province's narrative (docs/domain.md §8). Audited: every change,
/// submission and reopening is in the audit log.
/// </summary>
public sealed class PeriodicReport : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>The province that answers for the period: one valid at the period's end.</summary>
    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    public int Year { get; set; }

    public ReportPeriod Period { get; set; }

    public PeriodicReportStatus Status { get; set; }

    /// <summary>Kế hoạch kinh phí in force at the period end (đồng).</summary>
    public decimal PlanKcqg { get; set; }

    public decimal PlanKcdp { get; set; }

    /// <summary>State support paid for the year's projects up to the period end (đồng).</summary>
    public decimal ExecutedKcqg { get; set; }

    public decimal ExecutedKcdp { get; set; }

    /// <summary>Counterpart capital paid up to the period end (đồng).</summary>
    public decimal CounterpartPaid { get; set; }

    /// <summary>The year's projects with an approved support (not rejected).</summary>
    public int ProjectsApproved { get; set; }

    /// <summary>Of those, accepted or settled by the period end.</summary>
    public int ProjectsCompleted { get; set; }

    /// <summary>When the figures were last taken from the data (UTC).</summary>
    public DateTime FiguresAtUtc { get; set; }

    /// <summary>Kết quả đạt được.</summary>
    public string Results { get; set; } = string.Empty;

    /// <summary>Khó khăn, vướng mắc.</summary>
    public string Difficulties { get; set; } = string.Empty;

    /// <summary>Kiến nghị, đề xuất.</summary>
    public string Proposals { get; set; } = string.Empty;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The first submission decides whether the report was on time, even if it was reopened later.</summary>
    public DateTime? FirstSubmittedAtUtc { get; set; }

    public string? ReopenedBy { get; set; }

    public DateTime? ReopenedAtUtc { get; set; }

    public string? ReopenReason { get; set; }

    public Guid Version { get; set; }

    public decimal PlanTotal => PlanKcqg + PlanKcdp;

    public decimal ExecutedTotal => ExecutedKcqg + ExecutedKcdp;
}

/// <summary>
/// Hạn nộp báo cáo định kỳ: the number of days after the period end by which a report is due, in force from a year
/// on (reference data, editable by Admin; the shipped values are to confirm).
/// </summary>
public sealed class ReportDeadline : IVersioned, IAudited
{
    public int Id { get; set; }

    public ReportPeriod Period { get; set; }

    public int FromYear { get; set; }

    public int DaysAfterPeriodEnd { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    public Guid Version { get; set; }
}

/// <summary>
/// Mục tiêu của chương trình khuyến công giai đoạn: a target of a programme period for a money measure
/// (<see cref="ProgrammeMeasures"/>) or an outcome indicator code (reference data).
/// </summary>
public sealed class ProgrammeTarget : IVersioned, IAudited
{
    public int Id { get; set; }

    public int ProgrammePeriodId { get; set; }

    /// <summary>KCQG or KCDP (money in đồng) or an outcome indicator code.</summary>
    public string Measure { get; set; } = string.Empty;

    public decimal Target { get; set; }

    /// <summary>Where the figure comes from, e.g. "QĐ 1288/QĐ-TTg".</summary>
    public string Note { get; set; } = string.Empty;

    public Guid Version { get; set; }
}

/// <summary>The money measures a programme target may name besides the outcome indicators.</summary>
public static class ProgrammeMeasures
{
    public const string Kcqg = "KCQG";
    public const string Kcdp = "KCDP";

    public static bool IsMoney(string measure) => measure is Kcqg or Kcdp;
}
