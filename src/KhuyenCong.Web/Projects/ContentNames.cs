using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// The names of the contents (nội dung hoạt động, ND01…ND10), so that a page never shows a bare code: «ND04 – Sản phẩm
/// CNNT tiêu biểu; hội chợ…». Read once per data version (<see cref="Reports.FigureCache"/>); a code the reference data
/// no longer lists is shown as it is.
/// </summary>
public sealed class ContentNames
{
    private readonly IReadOnlyDictionary<string, string> _names;

    private ContentNames(IReadOnlyDictionary<string, string> names) => _names = names;

    /// <summary>The longest name a list or a picker shows in full; a longer one is cut with «…» (the whole name stays in the tooltip).</summary>
    public const int ShortLength = 60;

    public static readonly ContentNames None = new(new Dictionary<string, string>());

    public static async Task<ContentNames> LoadAsync(Reports.FigureCache figures, KhuyenCongDbContext db, CancellationToken ct) =>
        new(await figures.LocalAsync("content-names", async c => (IReadOnlyDictionary<string, string>)(await db.Contents.AsNoTracking()
            .Select(x => new { x.Code, x.Name, x.ValidFrom }).ToListAsync(c))
            .GroupBy(x => x.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.ValidFrom).Last().Name, StringComparer.Ordinal), ct));

    /// <summary>The content's name, or null for a code the reference data does not list.</summary>
    public string? Name(string code) => _names.GetValueOrDefault(code);

    /// <summary>«ND04 – Sản phẩm CNNT tiêu biểu; hội chợ…»: the code and the whole name.</summary>
    public string Label(string code) => Name(code) is { Length: > 0 } name ? $"{code} – {name}" : code;

    /// <summary>The code and the name cut to <see cref="ShortLength"/> characters, for a picker or a narrow column.</summary>
    public string Brief(string code)
    {
        var label = Label(code);
        return label.Length <= ShortLength ? label : label[..(ShortLength - 1)].TrimEnd() + "…";
    }
}
