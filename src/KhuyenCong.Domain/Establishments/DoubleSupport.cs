using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Establishments;

/// <summary>One project's support of the establishments it names: what <see cref="DoubleSupport.Find"/> compares.</summary>
public sealed record SupportRecord(
    int ProjectId,
    string ProjectCode,
    string Title,
    int PlanYear,
    int ProvinceId,
    ProjectState State,
    IReadOnlyCollection<int> EstablishmentIds,
    IReadOnlyCollection<string> ContentCodes);

/// <summary>An establishment supported again with a content within its window: the rule and the earlier projects.</summary>
public sealed record DoubleSupportFinding(int EstablishmentId, string ContentCode, DoubleSupportWindow Window, IReadOnlyList<SupportRecord> Earlier);

/// <summary>
/// Hỗ trợ trùng (docs/domain.md §12.3): an establishment should not be supported twice for the same content within the
/// content's window (TT 46/2012/TT-BCT Art. 4 for fairs abroad; the other windows are the portal's, to confirm). The
/// check looks at every project of the establishment whatever its province, so that a project of an old province and
/// one of the province it merged into are compared like any two. It flags, it does not refuse: the appraiser decides.
/// </summary>
public static class DoubleSupport
{
    /// <summary>States whose support does not count: never sent, or refused.</summary>
    public static bool Counts(ProjectState state) => state is not (ProjectState.Draft or ProjectState.Returned or ProjectState.Rejected);

    /// <summary>The window that applies to a content: its own row, else the default row (no content); null when neither exists.</summary>
    public static DoubleSupportWindow? WindowOf(string contentCode, IEnumerable<DoubleSupportWindow> windows)
    {
        var list = windows as IReadOnlyCollection<DoubleSupportWindow> ?? [.. windows];
        return list.FirstOrDefault(w => string.Equals(w.ContentCode, contentCode, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(w => w.ContentCode is null);
    }

    /// <summary>
    /// For each establishment of <paramref name="project"/> and each of its contents, the other projects of
    /// <paramref name="history"/> that supported the same establishment with the same content in a plan year of the
    /// window (from <c>PlanYear − Years + 1</c> to the project's year), when with the project itself they are more than the
    /// window allows. Projects that do not count (<see cref="Counts"/>) are left out, and so is the project itself.
    /// </summary>
    public static IReadOnlyList<DoubleSupportFinding> Find(SupportRecord project, IEnumerable<SupportRecord> history, IEnumerable<DoubleSupportWindow> windows)
    {
        var rules = windows.ToList();
        var others = history.Where(h => h.ProjectId != project.ProjectId && Counts(h.State)).ToList();
        var findings = new List<DoubleSupportFinding>();
        foreach (var establishment in project.EstablishmentIds.Distinct())
        {
            foreach (var content in project.ContentCodes.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (WindowOf(content, rules) is not { Years: > 0 } window)
                {
                    continue;
                }

                var from = project.PlanYear - window.Years + 1;
                var earlier = others
                    .Where(h => h.PlanYear >= from && h.PlanYear <= project.PlanYear
                        && h.EstablishmentIds.Contains(establishment)
                        && h.ContentCodes.Contains(content, StringComparer.OrdinalIgnoreCase))
                    .OrderByDescending(h => h.PlanYear).ThenBy(h => h.ProjectCode, StringComparer.Ordinal)
                    .ToList();
                if (earlier.Count + 1 > window.Allowed)
                {
                    findings.Add(new DoubleSupportFinding(establishment, content, window, earlier));
                }
            }
        }

        return findings;
    }
}
