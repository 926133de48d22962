using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reference;

/// <summary>
/// The name of the ministry's department in charge of khuyến công over a period; records keep the name valid
/// at their date.
/// </summary>
public sealed class DepartmentName : IVersioned, IAudited
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Abbreviation { get; set; } = string.Empty;

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public Guid Version { get; set; }
}
