using KhuyenCong.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Danh mục (reference data) through the API: regions, provinces at a date across the 2025 merger, contents and
/// outcome indicators. Every role may read them, as every signed-in user may open the reference pages. The lists are
/// short (at most 63 provinces), so they are whole arrays, not pages.
/// </summary>
public static class ReferenceApi
{
    private const string Tag = "Danh mục";

    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regions", Regions)
            .WithName("ListRegions").WithTags(Tag)
            .WithSummary("Các khu vực khuyến công")
            .WithDescription("Ba khu vực (BAC, MTTN, NAM) theo thứ tự của danh mục. Mọi vai trò đều đọc được.")
            .Produces<IReadOnlyList<RegionResponse>>();

        api.MapGet("/provinces", Provinces)
            .WithName("ListProvinces").WithTags(Tag)
            .WithSummary("Các tỉnh, thành phố có hiệu lực tại một ngày")
            .WithDescription("Tỉnh, thành phố có hiệu lực tại ngày date (yyyy-MM-dd, mặc định hôm nay theo giờ Việt Nam): 63 tỉnh đến 30/06/2025, 34 tỉnh từ 01/07/2025; kèm khu vực tại ngày đó và các tỉnh hợp thành (sáp nhập năm 2025). Sắp xếp theo mã tỉnh. Mọi vai trò đều đọc được.")
            .Produces<IReadOnlyList<ProvinceResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/contents", Contents)
            .WithName("ListContents").WithTags(Tag)
            .WithSummary("Nội dung hoạt động khuyến công")
            .WithDescription("Các nội dung (ND01 … ND10) với thời gian hiệu lực, sắp xếp theo mã. Mỗi nội dung dùng được cho cả hai nguồn kinh phí (KCQG, KCĐP): danh mục không gắn nội dung với nguồn. Mọi vai trò đều đọc được.")
            .Produces<IReadOnlyList<ContentResponse>>();

        api.MapGet("/indicators", Indicators)
            .WithName("ListIndicators").WithTags(Tag)
            .WithSummary("Chỉ tiêu kết quả")
            .WithDescription("Các chỉ tiêu kết quả với đơn vị tính, theo thứ tự của danh mục. Mọi vai trò đều đọc được.")
            .Produces<IReadOnlyList<IndicatorResponse>>();
        return api;
    }

    private static async Task<IResult> Regions(KhuyenCongDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new RegionResponse(r.Code, r.Name)).ToListAsync(ct));

    private static async Task<IResult> Provinces([FromQuery] string? date, Geography geography, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiParameters.TryDate(date, ApiParameters.Today(clock), out var asOf, out var error))
        {
            return ApiParameters.Bad(error!);
        }

        var directory = await geography.DirectoryAsync(ct);
        return Results.Ok(directory.ValidOn(asOf).Select(p => new ProvinceResponse(
            p.Code, p.Name, p.ValidFrom, p.ValidTo, directory.RegionOn(p.Id, asOf),
            [.. p.PredecessorIds.Select(directory.Find).OfType<Domain.Geography.ProvinceFact>()
                .OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new PredecessorResponse(s.Code, s.Name, s.ValidFrom, s.ValidTo))])).ToList());
    }

    private static async Task<IResult> Contents(KhuyenCongDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => new ContentResponse(c.Code, c.Name, c.ValidFrom, c.ValidTo)).ToListAsync(ct));

    private static async Task<IResult> Indicators(KhuyenCongDbContext db, CancellationToken ct) =>
        Results.Ok(await db.OutcomeIndicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new IndicatorResponse(i.Code, i.Name, i.Unit, i.IsActive)).ToListAsync(ct));
}

/// <summary>Một khu vực khuyến công.</summary>
/// <param name="Code">Mã khu vực: BAC, MTTN hoặc NAM.</param>
/// <param name="Name">Tên khu vực, ví dụ «phía Bắc».</param>
public sealed record RegionResponse(string Code, string Name);

/// <summary>Một tỉnh, thành phố có hiệu lực tại ngày hỏi.</summary>
/// <param name="Code">Mã tỉnh như trong tệp trao đổi Excel, ví dụ «24».</param>
/// <param name="Name">Tên tỉnh, thành phố.</param>
/// <param name="ValidFrom">Ngày bắt đầu hiệu lực.</param>
/// <param name="ValidTo">Ngày hết hiệu lực; null khi còn hiệu lực.</param>
/// <param name="RegionCode">Mã khu vực của tỉnh tại ngày hỏi.</param>
/// <param name="Predecessors">Các tỉnh hợp thành tỉnh này (sáp nhập ngày 01/07/2025), theo mã; rỗng với tỉnh trước sáp nhập.</param>
public sealed record ProvinceResponse(string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo, string? RegionCode, IReadOnlyList<PredecessorResponse> Predecessors);

/// <summary>Một tỉnh cũ đã hợp thành tỉnh hiện tại.</summary>
/// <param name="Code">Mã tỉnh cũ.</param>
/// <param name="Name">Tên tỉnh cũ.</param>
/// <param name="ValidFrom">Ngày bắt đầu hiệu lực của tỉnh cũ.</param>
/// <param name="ValidTo">Ngày hết hiệu lực của tỉnh cũ.</param>
public sealed record PredecessorResponse(string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>Một nội dung hoạt động khuyến công.</summary>
/// <param name="Code">Mã nội dung, ví dụ «ND03».</param>
/// <param name="Name">Tên nội dung.</param>
/// <param name="ValidFrom">Ngày bắt đầu hiệu lực.</param>
/// <param name="ValidTo">Ngày hết hiệu lực; null khi còn hiệu lực.</param>
public sealed record ContentResponse(string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>Một chỉ tiêu kết quả.</summary>
/// <param name="Code">Mã chỉ tiêu, ví dụ «LAO_DONG_DAO_TAO».</param>
/// <param name="Name">Tên chỉ tiêu.</param>
/// <param name="Unit">Đơn vị tính, ví dụ «người».</param>
/// <param name="IsActive">Còn dùng cho đề án mới hay không.</param>
public sealed record IndicatorResponse(string Code, string Name, string Unit, bool IsActive);
