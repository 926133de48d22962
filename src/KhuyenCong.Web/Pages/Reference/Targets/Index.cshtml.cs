using KhuyenCong.Data;
using KhuyenCong.Domain.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Targets;

/// <summary>Mục tiêu của các chương trình khuyến công, by period: everyone signed in reads, Admin edits.</summary>
public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public sealed record Row(int Id, string Period, string Measure, string Name, string Unit, decimal? Target, string Note, string LegalBasis, bool Confirmed);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var indicators = await db.OutcomeIndicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.Name, i.Unit, i.SortOrder), ct);
        var rows = await (from t in db.ProgrammeTargets.AsNoTracking()
                          join p in db.ProgrammePeriods.AsNoTracking() on t.ProgrammePeriodId equals p.Id
                          select new { t.Id, p.FromYear, p.ToYear, t.Measure, t.Target, t.Note, t.LegalBasis, t.Confirmed })
            .ToListAsync(ct);
        Items = [.. rows
            .OrderBy(r => r.FromYear)
            .ThenBy(r => ProgrammeMeasures.IsMoney(r.Measure) ? -1 : indicators.GetValueOrDefault(r.Measure).SortOrder)
            .ThenBy(r => r.Measure, StringComparer.Ordinal)
            .Select(r =>
            {
                var (name, unit) = r.Measure switch
                {
                    ProgrammeMeasures.Kcqg => ("Kinh phí khuyến công quốc gia", "đồng"),
                    ProgrammeMeasures.Kcdp => ("Kinh phí khuyến công địa phương", "đồng"),
                    _ => indicators.TryGetValue(r.Measure, out var i) ? (i.Name, i.Unit) : (r.Measure, string.Empty),
                };
                return new Row(r.Id, $"{r.FromYear}–{r.ToYear}", r.Measure, name, unit, r.Target, r.Note, r.LegalBasis, r.Confirmed);
            })];
    }
}
