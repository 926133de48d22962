using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Provinces;

/// <summary>Tỉnh, thành phố as of a date: 63 before 01/07/2025, 34 after; with region and predecessors.</summary>
public sealed class IndexModel(KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The date the list is as of (dd/MM/yyyy or yyyy-MM-dd); empty means every period.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "region")]
    public string? RegionCode { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public DateOnly? Date { get; private set; }

    public string? DateError { get; private set; }

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public sealed record Row(int Id, string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo, string? Region, IReadOnlyList<string> Predecessors);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (AsOf is null)
        {
            Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
            AsOf = VietnameseCulture.Date(Date.Value);
        }
        else if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (VietnameseCulture.TryParseDate(AsOf, out var parsed))
            {
                Date = parsed;
            }
            else
            {
                DateError = "Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.";
            }
        }

        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new ValueTuple<string, string>(r.Code, r.Name)).ToListAsync(ct);
        var provinces = db.Provinces.AsNoTracking();
        if (Date is { } date)
        {
            provinces = provinces.Where(p => p.ValidFrom <= date && (p.ValidTo == null || p.ValidTo >= date));
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var key = SearchText.Key(Query);
            provinces = provinces.Where(p => p.SearchKey.Contains(key));
        }

        // Region at the list's date, or the province's latest membership when the list spans every period.
        var regionDate = Date;
        if (!string.IsNullOrWhiteSpace(RegionCode))
        {
            provinces = provinces.Where(p => p.RegionMemberships.Any(m => m.Region!.Code == RegionCode
                && (regionDate == null || (m.ValidFrom <= regionDate && (m.ValidTo == null || m.ValidTo >= regionDate)))));
        }

        var page = await provinces
            .OrderBy(p => p.Code).ThenBy(p => p.ValidFrom)
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Name,
                p.ValidFrom,
                p.ValidTo,
                Region = p.RegionMemberships
                    .Where(m => regionDate == null || (m.ValidFrom <= regionDate && (m.ValidTo == null || m.ValidTo >= regionDate)))
                    .OrderByDescending(m => m.ValidFrom).Select(m => m.Region!.Name).FirstOrDefault(),
                Predecessors = p.Predecessors.OrderBy(s => s.Predecessor!.Code).Select(s => s.Predecessor!.Name + " (" + s.Predecessor.Code + ")").ToList(),
            })
            .ToPagedAsync(PageNumber, PageSize, ct);
        Result = new Paged<Row>(
            [.. page.Items.Select(p => new Row(p.Id, p.Code, p.Name, p.ValidFrom, p.ValidTo, p.Region, p.Predecessors))],
            page.PageNumber, page.PageSize, page.Total);
    }
}
