using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Plans;

/// <summary>
/// Kế hoạch kinh phí of a year: per province and source, the allocation in force at a date beside the sum of the
/// approved projects, with differences flagged; and the form to record a new plan version.
/// </summary>
public sealed class IndexModel(ProjectService projects, KhuyenCongDbContext db, Geography geography, KhuyenCong.Web.Reports.PlanFigures planFigures,
    KhuyenCong.Web.Reports.FigureCache figures, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    /// <summary>«asc» or «desc»; empty for the order's usual direction (province by code, money largest first).</summary>
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Direction { get; set; }

    /// <summary>The orders a header sorts by; any other value is the province's code.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["province", "allocation", "approved", "disbursed"];

    public string SortShown => Sort is { } s && Sorts.Contains(s) ? s : "province";

    public bool Descending => Direction switch
    {
        "asc" => false,
        "desc" => true,
        _ => SortShown != "province",
    };

    [BindProperty] public PlanInput Input { get; set; } = new();

    public DateOnly Date { get; private set; }

    /// <summary>
    /// What the rendered table depends on: the data version, the actor's scope and the address (year, date, order),
    /// so the page's <c>&lt;cache&gt;</c> renders it once for them all.
    /// </summary>
    public string TableKey { get; private set; } = string.Empty;

    public sealed record Row(string ProvinceCode, string Province, FundingSource Source, decimal? Allocation, string? Decision, int Adjustments, decimal Approved, int Projects, bool Differs,
        decimal Disbursed, IReadOnlyList<VersionRow> Versions);

    /// <summary>
    /// One decision of a plan: in force at the date, superseded, or decided after it ("có hiệu lực từ …", which the
    /// figures do not count yet); with who recorded it, by name and role.
    /// </summary>
    public sealed record VersionRow(string Decision, DateOnly DecisionDate, decimal Amount, string? RecordedBy, bool InForce, bool Future);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed class PlanInput
    {
        public int? Year { get; set; }

        public string? ProvinceCode { get; set; }

        public FundingSource? Source { get; set; }

        public string? Amount { get; set; }

        public string? DecisionNumber { get; set; }

        public string? DecisionDate { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var directory = await geography.DirectoryAsync(ct);
        if (Input.Year is not (>= 2012 and <= 2035))
        {
            ModelState.AddModelError("Input.Year", "Năm kế hoạch từ 2012 đến 2035.");
        }

        if (!VietnameseCulture.TryParseDate(Input.DecisionDate, out var decided))
        {
            ModelState.AddModelError("Input.DecisionDate", "Ngày quyết định không hợp lệ; nhập theo dạng ngày/tháng/năm.");
        }

        // The one rule for a code in a plan (also the importer's): the province of the plan year, so that a plan of
        // an old province may be adjusted after the merger, as the Excel exchange reads it back.
        var year = Input.Year is >= 2012 and <= 2035 ? Input.Year.Value : 2012;
        var province = directory.ResolveInPlanYear(Input.ProvinceCode, year, decided == default ? new DateOnly(year, 1, 1) : decided);
        if (province is null)
        {
            ModelState.AddModelError("Input.ProvinceCode", "Mã tỉnh không ứng với tỉnh, thành phố nào có trong năm kế hoạch.");
        }

        if (Input.Source is null)
        {
            ModelState.AddModelError("Input.Source", "Hãy chọn nguồn kinh phí.");
        }

        if (!VietnameseCulture.TryParseDong(Input.Amount, out var amount))
        {
            ModelState.AddModelError("Input.Amount", "Kinh phí là số đồng nguyên không âm, ví dụ 1.500.000.000.");
        }

        if (string.IsNullOrWhiteSpace(Input.DecisionNumber) || Input.DecisionNumber.Length > 100)
        {
            ModelState.AddModelError("Input.DecisionNumber", "Hãy nhập số quyết định (tối đa 100 ký tự).");
        }

        AnnualPlan? plan = null;
        if (ModelState.IsValid)
        {
            (plan, var refusal) = AnnualPlan.Record(actor, Input.Year!.Value, province!.Id, Input.Source!.Value, amount, Input.DecisionNumber, decided);
            if (refusal is not null)
            {
                ModelState.AddModelError(string.Empty, refusal);
            }
        }

        if (!ModelState.IsValid)
        {
            Year = Input.Year;
            await LoadAsync(ct);
            return Page();
        }

        db.AnnualPlans.Add(plan!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi kế hoạch {ProjectLabels.Of(Input.Source!.Value)} năm {Input.Year} của {province!.Name}: {VietnameseCulture.Dong(amount)} đồng.";
        return RedirectToPage(new { year = Input.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        if (Year is { } asked && (asked < Domain.Common.Limits.EarliestDate.Year || asked > Domain.Common.Limits.LatestYear))
        {
            ModelState.AddModelError(string.Empty, $"Năm kế hoạch phải từ {Domain.Common.Limits.EarliestDate.Year} đến {Domain.Common.Limits.LatestYear}; đang hiển thị năm nay.");
            Year = null;
        }

        Year ??= today.Year;
        Date = VietnameseCulture.TryParseDate(AsOf, out var asOf) ? asOf : KhuyenCong.Web.Reports.PlanFigures.DefaultDate(Year.Value, today);
        AsOf = VietnameseCulture.Date(Date);
        Input.Year ??= Year;
        var actor = await projects.ActorAsync(User, ct);
        var year = Year.Value;
        // The lines as the page shows them, built once per scope, year and date under the data version; each view
        // only orders them.
        var date = Date;
        var built = await figures.LocalAsync(FormattableString.Invariant($"plan-rows|{KhuyenCong.Web.Reports.ReportScope.CacheKey(actor)}|{year}|{date:yyyy-MM-dd}"), async token =>
        {
            var lines = await planFigures.CachedAsync(figures, actor, year, date, token);
            var directory = await geography.DirectoryAsync(token);
            // The versions and who recorded them change only with a plan write (which renews the data version); a renamed
            // recorder shows within FigureCache.OutsideWriteBound.
            var (versions, recorders) = await figures.LocalAsync($"plan-versions|{KhuyenCong.Web.Reports.ReportScope.CacheKey(actor)}|{year}", async c =>
            {
                var read = await planFigures.VersionsAsync(actor, year, c);
                return (read, await RecordersAsync(read.Select(v => v.Id), c));
            }, token);
            var byLine = versions.ToLookup(v => (v.ProvinceId, v.Source));
            // A plan whose decisions all come after the date has its line too (PlanFigures groups every version), with no
            // allocation in force and its versions listed as "có hiệu lực từ …".
            var rows = lines.Select(l =>
                {
                    var province = directory.Find(l.ProvinceId);
                    var inForce = byLine[(l.ProvinceId, l.Source)].Where(v => v.DecisionDate <= date).LastOrDefault();
                    return new Row(province?.Code ?? "", province?.Name ?? "", l.Source, l.Allocation,
                        l.DecisionDate is { } decided ? $"{l.DecisionNumber} ngày {VietnameseCulture.Date(decided)}" : null,
                        l.Adjustments, l.Approved, l.Projects, l.Differs, l.Disbursed,
                        [.. byLine[(l.ProvinceId, l.Source)].Select(v => new VersionRow(v.DecisionNumber, v.DecisionDate, v.Amount, recorders.GetValueOrDefault(v.Id),
                            v == inForce, v.DecisionDate > date))]);
                });
            return rows.ToList();
        }, ct);
        Rows = [.. Ordered(built)];
        TableKey = string.Join('|', (await figures.VersionAsync(ct)).ToString("N"), KhuyenCong.Web.Reports.ReportScope.CacheKey(actor), year,
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), SortShown, Descending, Request.QueryString.Value);
    }

    /// <summary>The lines in the order asked; ties by province code and source, so that the order is the same at each view.</summary>
    private IEnumerable<Row> Ordered(IEnumerable<Row> rows)
    {
        Func<Row, decimal> money = SortShown switch
        {
            "allocation" => r => r.Allocation ?? 0,
            "approved" => r => r.Approved,
            "disbursed" => r => r.Disbursed,
            _ => _ => 0,
        };
        var byMoney = Descending ? rows.OrderByDescending(money) : rows.OrderBy(money);
        return SortShown == "province" && Descending
            ? byMoney.ThenByDescending(r => r.ProvinceCode, StringComparer.Ordinal).ThenByDescending(r => r.Source)
            : byMoney.ThenBy(r => r.ProvinceCode, StringComparer.Ordinal).ThenBy(r => r.Source);
    }

    /// <summary>Who recorded each plan version, by full name and role, from the audit log's creation entries.</summary>
    private async Task<Dictionary<int, string>> RecordersAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var keys = ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(AnnualPlan) && a.Action == "Created" && keys.Contains(a.EntityKey))
            .ToListAsync(ct);
        var items = await AuditView.RenderAsync(db, entries, ct);
        return entries.Zip(items).ToDictionary(
            x => int.Parse(x.First.EntityKey, System.Globalization.CultureInfo.InvariantCulture),
            x => x.Second.ActorRole is { } role ? $"{x.Second.Actor} ({role})" : x.Second.Actor);
    }
}
