using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Kế hoạch kinh phí through the API: the lines of the Kế hoạch page (<c>/Plans</c>), computed by the same
/// <see cref="PlanFigures"/> within the same scope (<see cref="ProjectScope.VisibleTo(IQueryable{Domain.Plans.AnnualPlan}, ProjectActor, KhuyenCongDbContext)"/>),
/// for one year or every year, sorted by year, province code and source, in keyset pages.
/// </summary>
public static class PlansApi
{
    private const string Tag = "Kế hoạch kinh phí";

    /// <summary>The sort key of a line, held by the cursor (ProvinceId parts the two provinces one code named in 2025).</summary>
    private sealed record Key(int Year, string Code, FundingSource Source, int ProvinceId);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans", List)
            .WithName("ListPlans").WithTags(Tag)
            .WithSummary("Kế hoạch kinh phí đang có hiệu lực")
            .WithDescription("Theo tỉnh, nguồn và năm kế hoạch: kế hoạch giao có hiệu lực tại ngày date (mặc định như trang Kế hoạch: ngày 31/12 của năm đã qua, hôm nay với năm nay), số lần điều chỉnh đến ngày đó, số đề án được duyệt và tổng kinh phí duyệt (đồng) — đúng các số của trang Kế hoạch, trong phạm vi của tài khoản (tỉnh mình và các tỉnh cũ hợp thành; Bộ và người xem: cả nước). Lọc theo year, province (mã tỉnh), source (KCQG, KCĐP). Sắp xếp theo năm, mã tỉnh, nguồn; phân trang bằng cursor.")
            .Produces<ApiPage<PlanResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> List(
        [FromQuery] string? year, [FromQuery] string? province, [FromQuery] string? source, [FromQuery] string? date,
        [FromQuery] string? cursor, [FromQuery] int? limit,
        System.Security.Claims.ClaimsPrincipal user, ProjectService projects, PlanFigures planFigures, FigureCache figures, Geography geography, KhuyenCongDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var today = ApiParameters.Today(clock);
        if (!ApiParameters.TryYear(year, Domain.Common.Limits.EarliestDate.Year, Domain.Common.Limits.LatestYear, out var onlyYear, out var error)
            || !ApiParameters.TrySource(source, out var onlySource, out error)
            || !ApiParameters.TryDate(date, default, out var asked, out error))
        {
            return ApiParameters.Bad(error!);
        }

        if (ApiCursor.Limit(limit) is not { } size)
        {
            return ApiParameters.Bad(ApiCursor.LimitMessage);
        }

        if (!ApiCursor.TryDecode<Key>(cursor, out var after))
        {
            return ApiParameters.Bad(ApiCursor.InvalidMessage);
        }

        var directory = await geography.DirectoryAsync(ct);
        var code = province?.Trim();
        if (!string.IsNullOrEmpty(code) && !directory.All.Any(p => p.Code == code))
        {
            return ApiParameters.Bad($"Tham số province «{province}» không phải mã tỉnh, thành phố nào (mã hai chữ số như trong tệp trao đổi, ví dụ 24).");
        }

        var actor = await projects.ActorAsync(user, ct);
        IReadOnlyList<int> years = onlyYear is { } y ? [y] : await YearsAsync(actor, projects, db, ct);
        var items = new List<PlanResponse>();
        Key? last = null;
        var more = false;
        foreach (var planYear in years.Where(y => after is null || y >= after.Year))
        {
            var at = date is null ? PlanFigures.DefaultDate(planYear, today) : asked;
            var lines = (await planFigures.CachedAsync(figures, actor, planYear, at, ct))
                .Select(l => (Line: l, Province: directory.Find(l.ProvinceId)))
                .Select(x => (x.Line, x.Province, Key: new Key(planYear, x.Province?.Code ?? string.Empty, x.Line.Source, x.Line.ProvinceId)))
                .Where(x => (string.IsNullOrEmpty(code) || x.Key.Code == code) && (onlySource is null || x.Line.Source == onlySource))
                .Where(x => after is null || Compare(x.Key, after) > 0)
                .OrderBy(x => x.Key.Code, StringComparer.Ordinal).ThenBy(x => x.Key.Source).ThenBy(x => x.Key.ProvinceId);
            foreach (var (line, fact, key) in lines)
            {
                if (items.Count == size)
                {
                    more = true;
                    break;
                }

                items.Add(new PlanResponse(planYear, key.Code, fact?.Name ?? string.Empty, ProjectLabels.Of(line.Source), at,
                    ApiParameters.Dong(line.Allocation), line.DecisionNumber, line.DecisionDate, line.Adjustments,
                    line.Projects, ApiParameters.Dong(line.Approved), line.Differs, ApiParameters.Dong(line.Disbursed)));
                last = key;
            }

            if (more)
            {
                break;
            }
        }

        return Results.Ok(new ApiPage<PlanResponse>(items, more && last is not null ? ApiCursor.Encode(last) : null));
    }

    private static int Compare(Key a, Key b)
    {
        var c = a.Year.CompareTo(b.Year);
        c = c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        c = c != 0 ? c : a.Source.CompareTo(b.Source);
        return c != 0 ? c : a.ProvinceId.CompareTo(b.ProvinceId);
    }

    /// <summary>The plan years with a line for the actor: a plan version or a counted project in scope, as <see cref="PlanFigures"/> has them.</summary>
    private static async Task<IReadOnlyList<int>> YearsAsync(ProjectActor actor, ProjectService projects, KhuyenCongDbContext db, CancellationToken ct)
    {
        var planYears = await db.AnnualPlans.VisibleTo(actor, db).Select(p => p.Year).Distinct().ToListAsync(ct);
        var projectYears = await projects.Visible(actor).Counted().Select(p => p.PlanYear).Distinct().ToListAsync(ct);
        return [.. planYears.Union(projectYears).Order()];
    }
}

/// <summary>Một dòng kế hoạch kinh phí: một tỉnh, một nguồn, một năm kế hoạch, như trang Kế hoạch.</summary>
/// <param name="Year">Năm kế hoạch.</param>
/// <param name="ProvinceCode">Mã tỉnh như trong tệp trao đổi Excel.</param>
/// <param name="ProvinceName">Tên tỉnh, thành phố của năm kế hoạch.</param>
/// <param name="Source">Nguồn kinh phí: KCQG hoặc KCĐP.</param>
/// <param name="Date">Ngày đọc kế hoạch (kế hoạch có hiệu lực tại ngày này).</param>
/// <param name="Allocation">Kế hoạch giao có hiệu lực (đồng); null khi chưa có kế hoạch.</param>
/// <param name="DecisionNumber">Số quyết định của kế hoạch có hiệu lực.</param>
/// <param name="DecisionDate">Ngày quyết định của kế hoạch có hiệu lực.</param>
/// <param name="Adjustments">Số lần điều chỉnh đến ngày đọc.</param>
/// <param name="ApprovedProjects">Số đề án được duyệt của năm, tỉnh và nguồn.</param>
/// <param name="Approved">Tổng kinh phí hỗ trợ được duyệt của các đề án đó (đồng).</param>
/// <param name="Differs">Kế hoạch giao khác tổng kinh phí duyệt.</param>
/// <param name="Disbursed">Kinh phí ngân sách đã giải ngân cho các đề án đó đến ngày đọc (đồng; không gồm vốn đối ứng).</param>
public sealed record PlanResponse(int Year, string ProvinceCode, string ProvinceName, string Source, DateOnly Date, long? Allocation, string? DecisionNumber,
    DateOnly? DecisionDate, int Adjustments, int ApprovedProjects, long Approved, bool Differs, long Disbursed);
