using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Projects;

/// <summary>
/// Hồ sơ đề án: one item a dossier is expected to hold, for every project (no content) or for projects with a given
/// content; the required ones must be attached before the project is sent to the Sở (docs/domain.md §5). Reference
/// data, edited by the administrator.
/// </summary>
public sealed class DossierItem : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>The content whose projects need this item; null for every project.</summary>
    public string? ContentCode { get; set; }

    /// <summary>The item's name, which is also the category a document is filed under.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Must be attached before submission (otherwise only listed as expected).</summary>
    public bool Required { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    public Guid Version { get; set; }
}

/// <summary>The items a project's dossier should hold, by its contents, and which of them are still missing.</summary>
public static class DocumentChecklist
{
    public static IReadOnlyList<DossierItem> For(IEnumerable<string> contentCodes, IEnumerable<DossierItem> items)
    {
        var codes = contentCodes.ToHashSet(StringComparer.Ordinal);
        return [.. items.Where(i => i.ContentCode is null || codes.Contains(i.ContentCode))
            .OrderBy(i => i.ContentCode is not null).ThenBy(i => i.ContentCode, StringComparer.Ordinal).ThenBy(i => i.Id)
            .DistinctBy(i => i.Name)];
    }

    /// <summary>The required items of the project's checklist that no attached document answers.</summary>
    public static IReadOnlyList<string> Missing(Project project, IEnumerable<DossierItem> items) =>
        [.. For(project.Contents.Select(c => c.ContentCode), items).Where(i => i.Required)
            .Select(i => i.Name).Where(name => project.Documents.All(d => d.Category != name))];
}
