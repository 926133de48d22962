using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Báo cáo through the API: the periodic reports in the reader's scope (<see cref="PeriodicReportService.Visible"/>, as
/// the Báo cáo định kỳ page), the completeness board (national readers, as <c>/Reports/Completeness</c>) and the
/// regional conference report, produced by <see cref="ConferenceReportService"/> exactly as the page and the workbook
/// and within <see cref="ReportScope.AllowedRegions"/>.
/// </summary>
public static class ReportsApi
{
    private const string Tag = "Báo cáo";

    /// <summary>The sort key of a periodic report (year and period descending, then province code and id), held by the cursor.</summary>
    private sealed record Key(int Year, ReportPeriod Period, string Code, int Id);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/periodic-reports", Periodic)
            .WithName("ListPeriodicReports").WithTags(Tag)
            .WithSummary("Báo cáo định kỳ trong phạm vi")
            .WithDescription("Báo cáo định kỳ mà tài khoản xem được trên trang Báo cáo định kỳ (tỉnh: báo cáo của tỉnh mình và các tỉnh cũ hợp thành; Bộ, người xem, ban tổ chức theo phạm vi của trang), với tình trạng, người và thời điểm gửi, và các số liệu (đồng). Lọc theo year, period (Quarter1, HalfYear, NineMonths, Year), province (mã tỉnh). Sắp xếp: năm giảm dần, kỳ giảm dần, mã tỉnh; phân trang bằng cursor.")
            .Produces<ApiPage<PeriodicReportResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/periodic-reports/completeness", CompletenessBoard)
            .RequireAuthorization(Policies.NationalReader)
            .WithName("GetPeriodicReportCompleteness").WithTags(Tag)
            .WithSummary("Theo dõi nộp báo cáo định kỳ")
            .WithDescription("Như trang Theo dõi nộp báo cáo: các tỉnh phải nộp báo cáo của kỳ, tỉnh nào đã nộp đúng hạn, nộp muộn, đang soạn hay chưa có, và các tỷ lệ (số thập phân, ví dụ 0.5 là 50%). Mặc định là kỳ gần nhất đã kết thúc; region lọc theo khu vực. Chỉ cán bộ Bộ, người xem và quản trị viên.")
            .Produces<CompletenessResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/conference", Conference)
            .WithName("GetConferenceReport").WithTags(Tag)
            .WithSummary("Báo cáo hội nghị khuyến công vùng")
            .WithDescription("Số liệu của báo cáo hội nghị cho khu vực region (BAC, MTTN, NAM), năm year (mặc định năm nay), số liệu đến ngày cutoff (yyyy-MM-dd; mặc định như trang: 31/12 của năm đã qua, hôm nay với năm nay) và ranh giới boundaries (historical: như thời điểm báo cáo; current: quy về 34 tỉnh hiện nay) — đúng các số của trang và tệp Excel của báo cáo. Tiền là số đồng nguyên, tỷ lệ là số thập phân làm tròn 4 chữ số (0.2771 là 27,71%). Ban tổ chức chỉ khu vực của mình, người dùng tỉnh khu vực của tỉnh mình; Bộ và người xem mọi khu vực.")
            .Produces<ConferenceResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> Periodic(
        [FromQuery] string? year, [FromQuery] string? period, [FromQuery] string? province, [FromQuery] string? cursor, [FromQuery] int? limit,
        ClaimsPrincipal user, ProjectService projects, PeriodicReportService reports, Geography geography, CancellationToken ct)
    {
        if (!ApiParameters.TryYear(year, Domain.Common.Limits.EarliestDate.Year, Domain.Common.Limits.LatestYear, out var onlyYear, out var error)
            || !ApiParameters.TryPeriod(period, out var onlyPeriod, out error))
        {
            return ApiParameters.Bad(error!);
        }

        if (ApiCursor.Limit(limit) is not { } size)
        {
            return ApiParameters.Bad(ApiCursor.LimitMessage);
        }

        if (!ApiCursor.TryDecode<Key>(cursor, out var after) || after is { Code: null })
        {
            return ApiParameters.Bad(ApiCursor.InvalidMessage);
        }

        var code = province?.Trim();
        if (!string.IsNullOrEmpty(code) && !(await geography.DirectoryAsync(ct)).All.Any(p => p.Code == code))
        {
            return ApiParameters.Bad($"Tham số province «{province}» không phải mã tỉnh, thành phố nào (mã hai chữ số như trong tệp trao đổi, ví dụ 24).");
        }

        var query = reports.Visible(await projects.ActorAsync(user, ct)).AsNoTracking();
        if (onlyYear is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (onlyPeriod is { } p)
        {
            query = query.Where(r => r.Period == p);
        }

        if (!string.IsNullOrEmpty(code))
        {
            query = query.Where(r => r.Province!.Code == code);
        }

        if (after is not null)
        {
            // Translated to SQL (an ordinal overload is not); province codes are ASCII digits, ordered alike by every collation.
#pragma warning disable CA1309
            query = query.Where(r => r.Year < after.Year
                || (r.Year == after.Year && (r.Period < after.Period
                    || (r.Period == after.Period && (string.Compare(r.Province!.Code, after.Code) > 0
                        || (r.Province!.Code == after.Code && r.Id > after.Id))))));
#pragma warning restore CA1309
        }

        var rows = await query.OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).ThenBy(r => r.Province!.Code).ThenBy(r => r.Id)
            .Take(size + 1)
            .Select(r => new
            {
                r.Id, r.Year, r.Period, r.Province!.Code, r.Province.Name, r.Status, r.SubmittedAtUtc, r.SubmittedBy,
                r.PlanKcqg, r.PlanKcdp, r.ExecutedKcqg, r.ExecutedKcdp, r.CounterpartPaid, r.ProjectsApproved, r.ProjectsCompleted, r.FiguresAtUtc,
            })
            .ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var items = page.Select(r => new PeriodicReportResponse(r.Id, r.Code, r.Name, r.Year, r.Period, ReportPeriods.Title(r.Period, r.Year), r.Status,
            Utc(r.SubmittedAtUtc), r.SubmittedBy,
            ApiParameters.Dong(r.PlanKcqg), ApiParameters.Dong(r.PlanKcdp), ApiParameters.Dong(r.PlanKcqg + r.PlanKcdp),
            ApiParameters.Dong(r.ExecutedKcqg), ApiParameters.Dong(r.ExecutedKcdp), ApiParameters.Dong(r.ExecutedKcqg + r.ExecutedKcdp),
            ApiParameters.Dong(r.CounterpartPaid), r.ProjectsApproved, r.ProjectsCompleted, Utc(r.FiguresAtUtc)!.Value)).ToList();
        var next = rows.Count > size ? ApiCursor.Encode(new Key(page[^1].Year, page[^1].Period, page[^1].Code, page[^1].Id)) : null;
        return Results.Ok(new ApiPage<PeriodicReportResponse>(items, next));
    }

    private static async Task<IResult> CompletenessBoard(
        [FromQuery] string? year, [FromQuery] string? period, [FromQuery] string? region, PeriodicReportService reports, CancellationToken ct)
    {
        if (!ApiParameters.TryYear(year, 2014, Domain.Common.Limits.LatestYear, out var askedYear, out var error)
            || !ApiParameters.TryPeriod(period, out var askedPeriod, out error))
        {
            return ApiParameters.Bad(error!);
        }

        var regionCode = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant();
        if (regionCode is not null && !Region.Codes.Contains(regionCode))
        {
            return ApiParameters.Bad($"Tham số region «{region}» không hợp lệ: khu vực là BAC, MTTN hoặc NAM.");
        }

        // The page's default: the latest period that has ended.
        if (askedYear is null || askedPeriod is null)
        {
            var latest = ReportPeriods.EndedBefore(reports.Today)[0];
            askedYear ??= latest.Year;
            askedPeriod ??= latest.Period;
        }

        var b = await reports.CompletenessAsync(askedYear.Value, askedPeriod.Value, regionCode, ct);
        return Results.Ok(new CompletenessResponse(b.Year, b.Period, ReportPeriods.Title(b.Period, b.Year), regionCode, b.Due,
            b.Expected, b.Submitted, b.OnTime, b.Late, b.Missing, Ratio(b.Submitted, b.Expected), Ratio(b.OnTime, b.Expected),
            [.. b.Lines.Select(l => new SubmissionResponse(l.ProvinceCode, l.ProvinceName, l.State, Completeness.Label(l.State), l.FirstSubmitted))]));
    }

    private static async Task<IResult> Conference(
        [FromQuery] string? region, [FromQuery] string? year, [FromQuery] string? cutoff, [FromQuery] string? boundaries,
        ClaimsPrincipal user, ProjectService projects, ConferenceReportService conference, FigureCache figures, Geography geography, TimeProvider clock,
        CancellationToken ct)
    {
        var today = ApiParameters.Today(clock);
        var code = region?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !Region.Codes.Contains(code))
        {
            return ApiParameters.Bad($"Tham số region «{region}» không hợp lệ: khu vực là BAC, MTTN hoặc NAM.");
        }

        if (!ApiParameters.TryYear(year, 2012, 2035, out var askedYear, out var error))
        {
            return ApiParameters.Bad(error!);
        }

        var reportYear = askedYear ?? today.Year;
        if (!ApiParameters.TryDate(cutoff, PlanFigures.DefaultDate(reportYear, today), out var cut, out error, "cutoff"))
        {
            return ApiParameters.Bad(error!);
        }

        if (cut.Year < reportYear)
        {
            return ApiParameters.Bad($"Tham số cutoff {cut:yyyy-MM-dd} không hợp lệ: ngày số liệu phải trong năm báo cáo {reportYear} hoặc sau đó.");
        }

        Boundaries mode;
        switch (boundaries?.Trim().ToUpperInvariant())
        {
            case null or "" or "HISTORICAL":
                mode = Boundaries.Historical;
                break;
            case "CURRENT":
                mode = Boundaries.Current;
                break;
            default:
                return ApiParameters.Bad($"Tham số boundaries «{boundaries}» không hợp lệ: historical (như thời điểm báo cáo) hoặc current (quy về 34 tỉnh hiện nay).");
        }

        // The page's rule (Pages/Reports/Conference): a region outside the reader's answers 403.
        var actor = await projects.ActorAsync(user, ct);
        if (!ReportScope.AllowedRegions(actor, await geography.DirectoryAsync(ct), today).Contains(code))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, $"Tài khoản không được xem báo cáo hội nghị của khu vực {code}.");
        }

        var r = await conference.CachedAsync(figures, code, reportYear, cut, mode, ct);
        return Results.Ok(new ConferenceResponse(
            r.Region, r.RegionName, r.Year, r.Cutoff, r.Boundaries == Boundaries.Current ? "current" : "historical", r.ProvinceCount,
            Summary(r.Kcqg, r.NationalKcqg), Summary(r.Kcdp, r.NationalKcdp), Summary(r.Total, r.NationalTotal),
            Money(r.NationalKcqg), Money(r.NationalKcdp), Money(r.NationalTotal),
            [.. r.Provinces.Select(p => new ConferenceProvinceResponse(p.Code, p.Name, Money(p.Kcqg), Money(p.Kcdp), Money(p.Total),
                Ratio(p.Total.Executed, p.Total.Plan), p.Projects))],
            [.. r.ProjectsByState.OrderBy(s => s.Key).Select(s => new StateCountResponse(ProjectLabels.Of(s.Key), s.Value))],
            [.. r.Contents.Select(c => new ConferenceContentResponse(c.Code, c.Name, c.Projects, ApiParameters.Dong(c.Requested), ApiParameters.Dong(c.Approved)))],
            [.. r.Outcomes.Select(o => new ConferenceOutcomeResponse(o.Code, o.Name, o.Unit, o.Target, o.Actual))],
            [.. r.Trend.Select(t => new ConferenceTrendResponse(t.Year, t.Cutoff, ApiParameters.Dong(t.PlanKcqg), ApiParameters.Dong(t.PlanKcdp), ApiParameters.Dong(t.Plan),
                ApiParameters.Dong(t.ExecutedKcqg), ApiParameters.Dong(t.ExecutedKcdp), ApiParameters.Dong(t.Executed), Ratio(t.Executed, t.Plan)))],
            r.Gaps, r.Narrative)
        {
            Establishments = Establishments(r.Establishments),
        });
    }

    private static EstablishmentsResponse Establishments(EstablishmentFigures e) =>
        new(e.Supported, e.WomenOwned, e.EthnicMinorityEmployer, e.PriorityArea,
            Ratio(e.WomenOwned, e.Supported), Ratio(e.EthnicMinorityEmployer, e.Supported), Ratio(e.PriorityArea, e.Supported));

    private static ConferenceSummaryResponse Summary(Figures f, Figures national) =>
        new(Money(f), Ratio(f.Plan - f.PlanPrevious, f.PlanPrevious), Ratio(f.Plan, national.Plan), Ratio(f.Executed, f.Plan));

    private static ConferenceFiguresResponse Money(Figures f) =>
        new(ApiParameters.Dong(f.Plan), ApiParameters.Dong(f.PlanPrevious), ApiParameters.Dong(f.Executed), ApiParameters.Dong(f.ExecutedPrevious),
            ApiParameters.Dong(f.Counterpart), ApiParameters.Dong(f.Support));

    /// <summary>A ratio as the report's workbook writes it (<see cref="ReportFormat.Ratio"/>, 4 decimals); null over zero.</summary>
    private static decimal? Ratio(decimal numerator, decimal denominator) =>
        ReportFormat.Ratio(numerator, denominator) is { } ratio ? Math.Round(ratio, 4, MidpointRounding.AwayFromZero) : null;

    private static DateTime? Utc(DateTime? at) => at is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
}

/// <summary>Một báo cáo định kỳ của một tỉnh, như trang Báo cáo định kỳ.</summary>
/// <param name="Id">Mã số báo cáo (trang /Reports/Periodic/Details?id=…).</param>
/// <param name="ProvinceCode">Mã tỉnh như trong tệp trao đổi Excel.</param>
/// <param name="ProvinceName">Tên tỉnh, thành phố báo cáo.</param>
/// <param name="Year">Năm báo cáo.</param>
/// <param name="Period">Kỳ báo cáo: Quarter1, HalfYear, NineMonths hoặc Year.</param>
/// <param name="Title">Tên kỳ báo cáo bằng tiếng Việt, ví dụ «Báo cáo 6 tháng năm 2026».</param>
/// <param name="Status">Tình trạng: Draft (đang soạn) hoặc Submitted (đã gửi Bộ).</param>
/// <param name="SubmittedAt">Thời điểm gửi Bộ (UTC); null khi chưa gửi.</param>
/// <param name="SubmittedBy">Người gửi Bộ.</param>
/// <param name="PlanKcqg">Kế hoạch KCQG có hiệu lực cuối kỳ (đồng).</param>
/// <param name="PlanKcdp">Kế hoạch KCĐP có hiệu lực cuối kỳ (đồng).</param>
/// <param name="PlanTotal">Tổng kế hoạch (đồng).</param>
/// <param name="ExecutedKcqg">Kinh phí KCQG đã thực hiện đến cuối kỳ (đồng).</param>
/// <param name="ExecutedKcdp">Kinh phí KCĐP đã thực hiện đến cuối kỳ (đồng).</param>
/// <param name="ExecutedTotal">Tổng kinh phí đã thực hiện (đồng).</param>
/// <param name="CounterpartPaid">Vốn đối ứng đã thực hiện đến cuối kỳ (đồng).</param>
/// <param name="ProjectsApproved">Số đề án của năm được duyệt.</param>
/// <param name="ProjectsCompleted">Số đề án đã nghiệm thu hoặc quyết toán đến cuối kỳ.</param>
/// <param name="FiguresAt">Thời điểm lấy số liệu lần cuối (UTC).</param>
public sealed record PeriodicReportResponse(int Id, string ProvinceCode, string ProvinceName, int Year, ReportPeriod Period, string Title, PeriodicReportStatus Status,
    DateTime? SubmittedAt, string? SubmittedBy, long PlanKcqg, long PlanKcdp, long PlanTotal, long ExecutedKcqg, long ExecutedKcdp, long ExecutedTotal,
    long CounterpartPaid, int ProjectsApproved, int ProjectsCompleted, DateTime FiguresAt);

/// <summary>Tình hình nộp báo cáo của một kỳ, như trang Theo dõi nộp báo cáo.</summary>
/// <param name="Year">Năm báo cáo.</param>
/// <param name="Period">Kỳ báo cáo.</param>
/// <param name="Title">Tên kỳ báo cáo bằng tiếng Việt.</param>
/// <param name="Region">Khu vực đã lọc; null là cả nước.</param>
/// <param name="Due">Hạn nộp; null khi chưa có hạn.</param>
/// <param name="Expected">Số tỉnh phải nộp (có hiệu lực tại cuối kỳ).</param>
/// <param name="Submitted">Số tỉnh đã nộp.</param>
/// <param name="OnTime">Số tỉnh nộp đúng hạn.</param>
/// <param name="Late">Số tỉnh nộp muộn.</param>
/// <param name="Missing">Số tỉnh chưa nộp.</param>
/// <param name="SubmittedRate">Tỷ lệ đã nộp (số thập phân); null khi không tỉnh nào phải nộp.</param>
/// <param name="OnTimeRate">Tỷ lệ nộp đúng hạn (số thập phân).</param>
/// <param name="Provinces">Từng tỉnh phải nộp, theo mã tỉnh.</param>
public sealed record CompletenessResponse(int Year, ReportPeriod Period, string Title, string? Region, DateOnly? Due, int Expected, int Submitted, int OnTime,
    int Late, int Missing, decimal? SubmittedRate, decimal? OnTimeRate, IReadOnlyList<SubmissionResponse> Provinces);

/// <summary>Tình trạng nộp của một tỉnh.</summary>
/// <param name="ProvinceCode">Mã tỉnh.</param>
/// <param name="ProvinceName">Tên tỉnh, thành phố.</param>
/// <param name="State">Missing, Drafting, Reopened, OnTime hoặc Late.</param>
/// <param name="StateLabel">Tình trạng bằng tiếng Việt, như trên trang.</param>
/// <param name="FirstSubmitted">Ngày nộp lần đầu (giờ Việt Nam).</param>
public sealed record SubmissionResponse(string ProvinceCode, string ProvinceName, SubmissionState State, string StateLabel, DateOnly? FirstSubmitted);

/// <summary>Báo cáo hội nghị khuyến công vùng: số liệu của trang và tệp Excel.</summary>
/// <param name="Region">Mã khu vực.</param>
/// <param name="RegionName">Tên khu vực.</param>
/// <param name="Year">Năm báo cáo.</param>
/// <param name="Cutoff">Số liệu đến ngày.</param>
/// <param name="Boundaries">historical (như thời điểm báo cáo) hoặc current (quy về 34 tỉnh hiện nay).</param>
/// <param name="ProvinceCount">Số tỉnh, thành phố của khu vực.</param>
/// <param name="Kcqg">Khuyến công quốc gia của khu vực.</param>
/// <param name="Kcdp">Khuyến công địa phương của khu vực.</param>
/// <param name="Total">Tổng hai nguồn của khu vực.</param>
/// <param name="NationalKcqg">Khuyến công quốc gia cả nước.</param>
/// <param name="NationalKcdp">Khuyến công địa phương cả nước.</param>
/// <param name="NationalTotal">Tổng hai nguồn cả nước.</param>
/// <param name="Provinces">Theo tỉnh, thành phố.</param>
/// <param name="ProjectsByState">Số đề án theo trạng thái (trạng thái như trong tệp trao đổi).</param>
/// <param name="Contents">Theo nội dung hoạt động.</param>
/// <param name="Outcomes">Chỉ tiêu kết quả.</param>
/// <param name="Trend">Xu hướng 5 năm, mỗi năm đến cùng ngày.</param>
/// <param name="Gaps">Các chỗ thiếu số liệu.</param>
/// <param name="Narrative">Dự thảo nội dung báo cáo, từng đoạn.</param>
public sealed record ConferenceResponse(string Region, string RegionName, int Year, DateOnly Cutoff, string Boundaries, int ProvinceCount,
    ConferenceSummaryResponse Kcqg, ConferenceSummaryResponse Kcdp, ConferenceSummaryResponse Total,
    ConferenceFiguresResponse NationalKcqg, ConferenceFiguresResponse NationalKcdp, ConferenceFiguresResponse NationalTotal,
    IReadOnlyList<ConferenceProvinceResponse> Provinces, IReadOnlyList<StateCountResponse> ProjectsByState, IReadOnlyList<ConferenceContentResponse> Contents,
    IReadOnlyList<ConferenceOutcomeResponse> Outcomes, IReadOnlyList<ConferenceTrendResponse> Trend, IReadOnlyList<string> Gaps, IReadOnlyList<string> Narrative)
{
    /// <summary>Cơ sở công nghiệp nông thôn được các đề án được duyệt của năm hỗ trợ, mỗi cơ sở tính một lần.</summary>
    public EstablishmentsResponse Establishments { get; init; } = new(0, 0, 0, 0, null, null, null);
}

/// <summary>Các cơ sở được hỗ trợ (mỗi cơ sở tính một lần dù thụ hưởng nhiều đề án) và tỷ lệ theo từng tiêu chí ưu tiên.</summary>
/// <param name="Supported">Số cơ sở được hỗ trợ.</param>
/// <param name="WomenOwned">Số cơ sở do phụ nữ làm chủ.</param>
/// <param name="EthnicMinorityEmployer">Số cơ sở sử dụng lao động là người dân tộc thiểu số.</param>
/// <param name="PriorityArea">Số cơ sở ở địa bàn ưu tiên.</param>
/// <param name="WomenOwnedShare">Tỷ lệ cơ sở do phụ nữ làm chủ (số thập phân); null khi không có cơ sở nào.</param>
/// <param name="EthnicMinorityEmployerShare">Tỷ lệ cơ sở sử dụng lao động là người dân tộc thiểu số (số thập phân).</param>
/// <param name="PriorityAreaShare">Tỷ lệ cơ sở ở địa bàn ưu tiên (số thập phân).</param>
public sealed record EstablishmentsResponse(int Supported, int WomenOwned, int EthnicMinorityEmployer, int PriorityArea,
    decimal? WomenOwnedShare, decimal? EthnicMinorityEmployerShare, decimal? PriorityAreaShare);

/// <summary>Các số tiền của một nguồn (hoặc hai nguồn), đồng.</summary>
/// <param name="Plan">Kế hoạch năm báo cáo có hiệu lực tại ngày số liệu.</param>
/// <param name="PlanPrevious">Kế hoạch năm trước.</param>
/// <param name="Executed">Kinh phí đã thực hiện đến ngày số liệu.</param>
/// <param name="ExecutedPrevious">Kinh phí đã thực hiện cùng kỳ năm trước.</param>
/// <param name="Counterpart">Vốn đối ứng.</param>
/// <param name="Support">Kinh phí hỗ trợ được duyệt.</param>
public sealed record ConferenceFiguresResponse(long Plan, long PlanPrevious, long Executed, long ExecutedPrevious, long Counterpart, long Support);

/// <summary>Một dòng của bảng tổng hợp: số tiền và các tỷ lệ (số thập phân, 4 chữ số; null khi mẫu số bằng 0).</summary>
/// <param name="Figures">Các số tiền (đồng).</param>
/// <param name="Change">Tăng/giảm kế hoạch so với năm trước.</param>
/// <param name="ShareOfNation">Tỷ trọng kế hoạch so với cả nước.</param>
/// <param name="ExecutionRate">Tỷ lệ thực hiện so với kế hoạch.</param>
public sealed record ConferenceSummaryResponse(ConferenceFiguresResponse Figures, decimal? Change, decimal? ShareOfNation, decimal? ExecutionRate);

/// <summary>Một tỉnh, thành phố của báo cáo.</summary>
/// <param name="Code">Mã tỉnh.</param>
/// <param name="Name">Tên tỉnh, thành phố.</param>
/// <param name="Kcqg">Khuyến công quốc gia (đồng).</param>
/// <param name="Kcdp">Khuyến công địa phương (đồng).</param>
/// <param name="Total">Tổng hai nguồn (đồng).</param>
/// <param name="ExecutionRate">Tỷ lệ thực hiện (số thập phân).</param>
/// <param name="Projects">Số đề án.</param>
public sealed record ConferenceProvinceResponse(string Code, string Name, ConferenceFiguresResponse Kcqg, ConferenceFiguresResponse Kcdp, ConferenceFiguresResponse Total,
    decimal? ExecutionRate, int Projects);

/// <summary>Số đề án của một trạng thái.</summary>
/// <param name="State">Trạng thái như trong tệp trao đổi, ví dụ «Đang thực hiện».</param>
/// <param name="Count">Số đề án.</param>
public sealed record StateCountResponse(string State, int Count);

/// <summary>Một nội dung của báo cáo.</summary>
/// <param name="Code">Mã nội dung.</param>
/// <param name="Name">Tên nội dung.</param>
/// <param name="Projects">Số đề án được duyệt có nội dung này.</param>
/// <param name="Requested">Kinh phí đề nghị (đồng).</param>
/// <param name="Approved">Kinh phí được duyệt (đồng).</param>
public sealed record ConferenceContentResponse(string Code, string Name, int Projects, long Requested, long Approved);

/// <summary>Một chỉ tiêu kết quả của báo cáo.</summary>
/// <param name="Code">Mã chỉ tiêu.</param>
/// <param name="Name">Tên chỉ tiêu.</param>
/// <param name="Unit">Đơn vị tính.</param>
/// <param name="Target">Kế hoạch.</param>
/// <param name="Actual">Thực hiện.</param>
public sealed record ConferenceOutcomeResponse(string Code, string Name, string Unit, decimal Target, decimal Actual);

/// <summary>Một năm của xu hướng 5 năm (đồng).</summary>
/// <param name="Year">Năm.</param>
/// <param name="Cutoff">Số liệu đến ngày của năm đó.</param>
/// <param name="PlanKcqg">Kế hoạch KCQG.</param>
/// <param name="PlanKcdp">Kế hoạch KCĐP.</param>
/// <param name="Plan">Tổng kế hoạch.</param>
/// <param name="ExecutedKcqg">Thực hiện KCQG.</param>
/// <param name="ExecutedKcdp">Thực hiện KCĐP.</param>
/// <param name="Executed">Tổng thực hiện.</param>
/// <param name="ExecutionRate">Tỷ lệ thực hiện (số thập phân).</param>
public sealed record ConferenceTrendResponse(int Year, DateOnly Cutoff, long PlanKcqg, long PlanKcdp, long Plan, long ExecutedKcqg, long ExecutedKcdp, long Executed,
    decimal? ExecutionRate);
