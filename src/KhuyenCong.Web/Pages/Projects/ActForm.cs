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
    IReadOnlyList<(string Code, string Name)>? Outcomes = null)
{
    /// <summary>The user's input is shown again only on the form of the action they tried.</summary>
    public string? Value(string? value) => Command.Action == Action ? value : null;
}
