using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports.Documents;

/// <summary>What the pages and the command line share to start an official document: the names of the day and the form's view.</summary>
public static class DocumentForms
{
    /// <summary>The ministry's department (name and abbreviation) valid on a date, from the dated reference data.</summary>
    public static async Task<(string Name, string Abbreviation)> DepartmentAsync(KhuyenCongDbContext db, DateOnly date, CancellationToken ct = default) =>
        Department(await db.DepartmentNames.AsNoTracking().ToListAsync(ct), date);

    /// <summary>The dated names, kept under the data version (for a page that shows them on every view).</summary>
    public static Task<List<Domain.Reference.DepartmentName>> NamesAsync(FigureCache figures, KhuyenCongDbContext db, CancellationToken ct) =>
        figures.LocalAsync("department-names", c => db.DepartmentNames.AsNoTracking().ToListAsync(c), ct);

    /// <summary>The name valid on <paramref name="date"/> among <paramref name="names"/>.</summary>
    public static (string Name, string Abbreviation) Department(IReadOnlyList<Domain.Reference.DepartmentName> names, DateOnly date)
    {
        var valid = names.Where(n => n.ValidFrom <= date && (n.ValidTo is null || n.ValidTo >= date)).OrderByDescending(n => n.ValidFrom).FirstOrDefault()
            ?? names.OrderByDescending(n => n.ValidFrom).FirstOrDefault();
        return valid is null ? ("Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công", "Cục ĐCK") : (valid.Name, valid.Abbreviation);
    }

    /// <summary>
    /// The details of a download: the defaults when the user did not open the form, else what they typed, checked
    /// (<see cref="DocumentDetails.Read"/>).
    /// </summary>
    public static (DocumentDetails? Details, string? Error) Details(DocumentForm form, DocumentDetails defaults) =>
        form.Filled ? DocumentDetails.Read(form) : (defaults, null);
}

/// <summary>The partial _DocumentForm's model: the form, the fields that say which report, where it goes, and a mistake to show.</summary>
public sealed record DocumentFormView(DocumentForm Form, string Action, IReadOnlyList<(string Name, string? Value)> Hidden, string? Error);
