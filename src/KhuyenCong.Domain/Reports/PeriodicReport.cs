using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

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
    public int Id { get; private set; }

    /// <summary>The province that answers for the period: one valid at the period's end.</summary>
    public int ProvinceId { get; private set; }

    public Province? Province { get; private set; }

    public int Year { get; private set; }

    public ReportPeriod Period { get; private set; }

    public PeriodicReportStatus Status { get; private set; }

    /// <summary>Kế hoạch kinh phí in force at the period end (đồng).</summary>
    public decimal PlanKcqg { get; private set; }

    public decimal PlanKcdp { get; private set; }

    /// <summary>State support paid for the year's projects up to the period end (đồng).</summary>
    public decimal ExecutedKcqg { get; private set; }

    public decimal ExecutedKcdp { get; private set; }

    /// <summary>Counterpart capital paid up to the period end (đồng).</summary>
    public decimal CounterpartPaid { get; private set; }

    /// <summary>The year's projects with an approved support (not rejected).</summary>
    public int ProjectsApproved { get; private set; }

    /// <summary>Of those, accepted or settled by the period end.</summary>
    public int ProjectsCompleted { get; private set; }

    /// <summary>When the figures were last taken from the data (UTC).</summary>
    public DateTime FiguresAtUtc { get; private set; }

    /// <summary>Kết quả đạt được.</summary>
    public string Results { get; private set; } = string.Empty;

    /// <summary>Khó khăn, vướng mắc.</summary>
    public string Difficulties { get; private set; } = string.Empty;

    /// <summary>Kiến nghị, đề xuất.</summary>
    public string Proposals { get; private set; } = string.Empty;

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The first submission decides whether the report was on time, even if it was reopened later.</summary>
    public DateTime? FirstSubmittedAtUtc { get; private set; }

    public string? ReopenedBy { get; private set; }

    public DateTime? ReopenedAtUtc { get; private set; }

    public string? ReopenReason { get; private set; }

    public Guid Version { get; set; }

    public decimal PlanTotal => PlanKcqg + PlanKcdp;

    public decimal ExecutedTotal => ExecutedKcqg + ExecutedKcdp;

    /// <summary>For EF Core; reports are opened by <see cref="Open"/>.</summary>
    private PeriodicReport()
    {
    }

    /// <summary>Lập báo cáo: a province user opens the draft of their province's report, with the figures as of the period end.</summary>
    public static (PeriodicReport? Report, string? Refusal) Open(int provinceId, int year, ReportPeriod period, PeriodicFigures figures, ProjectActor actor, DateTime nowUtc)
    {
        if (PeriodicReportRules.Refuse(PeriodicReportAction.Create, actor, provinceId, PeriodicReportStatus.Draft) is { } refusal)
        {
            return (null, refusal);
        }

        var report = new PeriodicReport { ProvinceId = provinceId, Year = year, Period = period, CreatedBy = actor.UserName, CreatedAtUtc = nowUtc };
        report.Take(figures, nowUtc);
        return (report, null);
    }

    /// <summary>Sửa nội dung: the three narrative parts of a draft.</summary>
    public string? EditNarrative(string? results, string? difficulties, string? proposals, ProjectActor actor)
    {
        if (PeriodicReportRules.Refuse(PeriodicReportAction.Edit, actor, ProvinceId, Status) is { } refusal)
        {
            return refusal;
        }

        if (new[] { results, difficulties, proposals }.Any(t => t?.Trim().Length > 8000))
        {
            return "Mỗi phần nội dung tối đa 8.000 ký tự.";
        }

        (Results, Difficulties, Proposals) = ((results ?? string.Empty).Trim(), (difficulties ?? string.Empty).Trim(), (proposals ?? string.Empty).Trim());
        return null;
    }

    /// <summary>Cập nhật số liệu: the figures of a draft taken from the data again.</summary>
    public string? Refresh(PeriodicFigures figures, ProjectActor actor, DateTime nowUtc)
    {
        if (PeriodicReportRules.Refuse(PeriodicReportAction.Edit, actor, ProvinceId, Status) is { } refusal)
        {
            return refusal;
        }

        Take(figures, nowUtc);
        return null;
    }

    /// <summary>Duyệt và gửi Bộ: the figures taken a last time and frozen, the report locked.</summary>
    public string? Submit(PeriodicFigures figures, ProjectActor actor, DateTime nowUtc)
    {
        var refusal = PeriodicReportRules.Refuse(PeriodicReportAction.Submit, actor, ProvinceId, Status)
            ?? (string.IsNullOrWhiteSpace(Results) ? "Hãy nhập phần kết quả đạt được và lưu trước khi gửi báo cáo." : null);
        if (refusal is not null)
        {
            return refusal;
        }

        Take(figures, nowUtc);
        (Status, SubmittedBy, SubmittedAtUtc) = (PeriodicReportStatus.Submitted, actor.UserName, nowUtc);
        FirstSubmittedAtUtc ??= nowUtc;
        return null;
    }

    /// <summary>Mở lại: back to draft for correction, with the reason; the audit log keeps who, when and why.</summary>
    public string? Reopen(string? reason, ProjectActor actor, DateTime nowUtc)
    {
        var refusal = PeriodicReportRules.Refuse(PeriodicReportAction.Reopen, actor, ProvinceId, Status)
            ?? (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000 ? "Hãy nêu lý do mở lại báo cáo (tối đa 1.000 ký tự)." : null);
        if (refusal is not null)
        {
            return refusal;
        }

        (Status, ReopenedBy, ReopenedAtUtc, ReopenReason) = (PeriodicReportStatus.Draft, actor.UserName, nowUtc, reason!.Trim());
        return null;
    }

    private void Take(PeriodicFigures f, DateTime nowUtc) =>
        (PlanKcqg, PlanKcdp, ExecutedKcqg, ExecutedKcdp, CounterpartPaid, ProjectsApproved, ProjectsCompleted, FiguresAtUtc) =
        (f.PlanKcqg, f.PlanKcdp, f.ExecutedKcqg, f.ExecutedKcdp, f.CounterpartPaid, f.ProjectsApproved, f.ProjectsCompleted, nowUtc);
}

/// <summary>A periodic report's figures as of its period end, computed from the data (never typed).</summary>
public sealed record PeriodicFigures(decimal PlanKcqg, decimal PlanKcdp, decimal ExecutedKcqg, decimal ExecutedKcdp, decimal CounterpartPaid, int ProjectsApproved, int ProjectsCompleted);

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
