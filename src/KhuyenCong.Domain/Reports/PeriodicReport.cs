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

    /// <summary>
    /// The outcome indicators of the year's approved projects as of the period end (target against actual), stored as
    /// JSON so that they are frozen with the other figures when the report is sent (<see cref="Outcomes"/>).
    /// </summary>
    public string OutcomesJson { get; private set; } = "[]";

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

    /// <summary>Chỉ tiêu kết quả: per indicator, in the catalogue's order, as stored with the figures.</summary>
    public IReadOnlyList<PeriodicOutcome> Outcomes => PeriodicOutcome.Parse(OutcomesJson);

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
        report.WriteDraft(figures);
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

    /// <summary>
    /// Soạn lại từ số liệu: the figures taken again and the three narrative parts replaced by a new draft written from
    /// them (a draft only; the page asks for confirmation, since what the officer typed is replaced).
    /// </summary>
    public string? Redraft(PeriodicFigures figures, ProjectActor actor, DateTime nowUtc)
    {
        if (PeriodicReportRules.Refuse(PeriodicReportAction.Edit, actor, ProvinceId, Status) is { } refusal)
        {
            return refusal;
        }

        Take(figures, nowUtc);
        WriteDraft(figures);
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

    private void Take(PeriodicFigures f, DateTime nowUtc)
    {
        (PlanKcqg, PlanKcdp, ExecutedKcqg, ExecutedKcdp, CounterpartPaid, ProjectsApproved, ProjectsCompleted, FiguresAtUtc) =
            (f.PlanKcqg, f.PlanKcdp, f.ExecutedKcqg, f.ExecutedKcdp, f.CounterpartPaid, f.ProjectsApproved, f.ProjectsCompleted, nowUtc);
        OutcomesJson = PeriodicOutcome.Serialize(f.Outcomes ?? []);
    }

    /// <summary>The draft of the three parts, written from the figures just taken (<see cref="PeriodicNarrative"/>).</summary>
    private void WriteDraft(PeriodicFigures f)
    {
        var draft = PeriodicNarrative.Draft(this, f.Late ?? []);
        (Results, Difficulties, Proposals) = (Limit(draft.Results), Limit(draft.Difficulties), Limit(draft.Proposals));

        // A draft never exceeds what the officer may type (8.000 characters a part).
        static string Limit(string text) => text.Length <= 8000 ? text : text[..7999] + "…";
    }
}

/// <summary>
/// A periodic report's figures as of its period end, computed from the data (never typed): the money, the counts, the
/// outcome indicators, and the projects that are late (what the draft narrative names).
/// </summary>
public sealed record PeriodicFigures(decimal PlanKcqg, decimal PlanKcdp, decimal ExecutedKcqg, decimal ExecutedKcdp, decimal CounterpartPaid, int ProjectsApproved, int ProjectsCompleted,
    IReadOnlyList<PeriodicOutcome>? Outcomes = null, IReadOnlyList<LateProject>? Late = null);

/// <summary>
/// Đề án chậm tiến độ: a project of the province whose end date passed before the period end and that was not accepted
/// (nor settled, which comes after acceptance) by then; stopped and rejected projects are not late.
/// </summary>
public sealed record LateProject(string Code, string Title, DateOnly EndDate);

/// <summary>
/// One outcome indicator of the year's approved projects of a province as of the period end: the targets set and the
/// actuals recorded, over all of them and over those whose end date is on or before the period end (the ones due, by
/// which an indicator is judged behind its target).
/// </summary>
public sealed record PeriodicOutcome(string Code, string Name, string Unit, decimal Target, decimal Actual, decimal DueTarget, decimal DueActual)
{
    private static readonly System.Text.Json.JsonSerializerOptions s_json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Chậm so với mục tiêu: the projects due by the period end reached less than they set out to.</summary>
    public bool Behind => DueTarget > 0 && DueActual < DueTarget;

    public static string Serialize(IReadOnlyList<PeriodicOutcome> outcomes) => System.Text.Json.JsonSerializer.Serialize(outcomes, s_json);

    /// <summary>The stored list; an empty or unreadable value is no indicator (never an exception on a page).</summary>
    public static IReadOnlyList<PeriodicOutcome> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<PeriodicOutcome>>(json, s_json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
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

    /// <summary>The figure (đồng for money, the indicator's unit otherwise); null when the programme sets a target for the measure whose figure is not at hand.</summary>
    public decimal? Target { get; set; }

    /// <summary>Where the figure comes from, e.g. "Suy ra từ báo cáo sơ kết 2014–2018".</summary>
    public string Note { get; set; } = string.Empty;

    /// <summary>The text the target was read from, with its article: "QĐ 1881/QĐ-TTg ngày 20/11/2020, Điều 1 khoản 2".</summary>
    public string LegalBasis { get; set; } = string.Empty;

    /// <summary>
    /// False while the figure has not been checked against the decision's own text (shown as «chưa đối chiếu được văn
    /// bản»): derived from a review, read in a summary, or not found.
    /// </summary>
    public bool Confirmed { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The money measures a programme target may name besides the outcome indicators.</summary>
public static class ProgrammeMeasures
{
    public const string Kcqg = "KCQG";
    public const string Kcdp = "KCDP";

    public static bool IsMoney(string measure) => measure is Kcqg or Kcdp;
}
