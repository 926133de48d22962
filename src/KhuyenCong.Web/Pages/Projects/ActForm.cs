using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>What one action's form on the project page shows: which fields, with which labels.</summary>
public sealed record ActForm(
    ProjectAction Action,
    ProjectCommand Command,
    int ProjectId,
    string Button,
    string ButtonClass,
    string? AmountLabel = null,
    string? DateLabel = null,
    string? ReferenceLabel = null,
    string? CommentLabel = null,
    string? CounterpartLabel = null,
    string? Confirm = null,
    bool ShowMoneySource = false,
    bool ShowAdjustment = false,
    IReadOnlyList<(string Code, string Name)>? Outcomes = null,
    string? DefaultAmount = null,
    string? DefaultDate = null,
    ApprovalFacts? Approval = null,
    IReadOnlyDictionary<string, string>? KnownActuals = null)
{
    /// <summary>The user's input is shown again only on the form of the action they tried.</summary>
    public string? Value(string? value) => Command.Action == Action ? value : null;

    /// <summary>What the user tried, else what the portal already knows (the appraisal's amount, today's date).</summary>
    public string? Value(string? value, string? known) => Command.Action == Action ? value : known;

    /// <summary>The actual of one outcome as the user typed it, else as the portal counts it (the vote's certificates).</summary>
    public string? Actual(string code) => Value(Command.Actuals.GetValueOrDefault(code), KnownActuals?.GetValueOrDefault(code));
}

/// <summary>
/// What the approver reads before approving: the amount the appraisal recommended (who recommended it) and the
/// province's plan for the project's year and source as the Kế hoạch page shows it (<see cref="KhuyenCong.Web.Reports.PlanFigures"/>):
/// the allocation in force, the support already approved, and the headroom between them.
/// </summary>
public sealed record ApprovalFacts(decimal? Recommended, string RecommendedBy, string Province, int Year, string Source, KhuyenCong.Web.Reports.PlanFigures.Line? Plan)
{
    public decimal? Headroom => Plan?.Allocation is { } allocation ? allocation - Plan.Approved : null;
}
