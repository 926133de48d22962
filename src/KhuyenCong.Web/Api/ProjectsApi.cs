using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Projects and disbursements under <c>/api/v1</c> (issue 12, docs/api-projects.md): the list with the projects
/// page's filters (<see cref="ProjectFilter"/>), one project as its page shows it with an ETag, the disbursements of
/// the visible projects, and recording a disbursement through the page's own command (<see cref="ProjectService.ActAsync"/>).
/// </summary>
public static class ProjectsApi
{
    /// <summary>412 in the API's words: the page's message speaks of reloading a page.</summary>
    public const string StaleMessage = "Đề án đã thay đổi sau lần bạn đọc nó (ETag trong If-Match đã cũ). Không có gì được ghi; hãy đọc lại GET /api/v1/projects/{id} để lấy ETag mới rồi gửi lại.";

    private const string Tag = "Đề án";

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", ListAsync)
            .WithName("ListProjects")
            .WithTags(Tag)
            .WithSummary("Danh sách đề án trong phạm vi của tài khoản")
            .WithDescription("Cùng bộ lọc với trang Danh sách đề án (year, province, region, source, kind, content, state, q). "
                + "Sắp xếp theo sort=id (mặc định, tăng dần) hoặc sort=code (mã đề án, tăng dần); phân trang bằng cursor (nextCursor của trang trước), "
                + "limit từ 1 đến 1000 (mặc định 100). Tiền là số đồng nguyên; mã tỉnh, nguồn kinh phí, loại và trạng thái viết như tệp trao đổi Excel.")
            .Produces<ApiPage<ProjectItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/projects/{id:int}", GetAsync)
            .WithName("GetProject")
            .WithTags(Tag)
            .WithSummary("Một đề án với nội dung, cơ sở thụ hưởng, tiến trình, giải ngân và kết quả")
            .WithDescription("Như trang chi tiết đề án. Tiêu đề ETag là phiên bản của đề án; gửi lại trong If-None-Match để nhận 304 khi đề án chưa đổi, "
                + "và trong If-Match khi ghi giải ngân. Đề án ngoài phạm vi của tài khoản trả về 404.")
            .Produces<ProjectDetail>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/disbursements", ListDisbursementsAsync)
            .WithName("ListDisbursements")
            .WithTags(Tag)
            .WithSummary("Các khoản giải ngân của những đề án trong phạm vi")
            .WithDescription("Lọc theo năm kế hoạch (year), mã tỉnh (province) và nguồn kinh phí (source) của đề án, và theo ngày giải ngân từ from đến to (yyyy-MM-dd, kể cả hai đầu). "
                + "Sắp xếp theo mã khoản giải ngân (id) tăng dần, phân trang bằng cursor.")
            .Produces<ApiPage<DisbursementItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/projects/{id:int}/disbursements", DisburseAsync)
            .WithName("RecordDisbursement")
            .WithTags(Tag)
            .WithSummary("Ghi nhận một khoản giải ngân")
            .WithDescription("Cùng thao tác «Ghi nhận giải ngân» của trang đề án, với mọi quy tắc (trạng thái, vai trò, hạn mức tạm ứng). "
                + "Bắt buộc tiêu đề If-Match bằng ETag của đề án (428 nếu thiếu, 412 nếu đề án đã đổi). "
                + "Trả về 201 với khoản giải ngân mới và ETag mới của đề án; tiến trình ghi người thực hiện kèm «qua API, mã «tên mã»».")
            .Accepts<DisbursementRequest>("application/json")
            .Produces<DisbursementCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        return api;
    }

    /// <summary>The strong ETag of a project version.</summary>
    public static string ETag(Guid version) => "\"" + version.ToString("N", CultureInfo.InvariantCulture) + "\"";

    private sealed record ListCursor(string Sort, int Id, string? Code);

    private static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, ProjectService projects, ProjectListCounts counts, KhuyenCongDbContext db, Geography geography, TimeProvider clock,
        int? year, string? province, string? region, string? source, string? kind, string? content, string? state, string? q,
        string? sort, string? cursor, int? limit, CancellationToken ct)
    {
        if (ApiCursor.Limit(limit) is not { } take)
        {
            return ApiProblems.Problem(400, ApiCursor.LimitMessage);
        }

        sort = string.IsNullOrEmpty(sort) ? "id" : sort;
        if (sort is not ("id" or "code"))
        {
            return ApiProblems.Problem(400, "Tham số sort chỉ nhận id hoặc code.");
        }

        if (!ApiCursor.TryDecode<ListCursor>(cursor, out var after) || (after is not null && (after.Sort != sort || (sort == "code" && after.Code is null))))
        {
            return ApiProblems.Problem(400, ApiCursor.InvalidMessage);
        }

        if (ParseFilter(year, province, region, source, kind, content, state) is not { } filter)
        {
            return FilterProblem;
        }

        var actor = await projects.ActorAsync(user, ct);
        var directory = await geography.DirectoryAsync(ct);
        var query = filter.Apply(projects.Visible(actor).AsNoTracking(), db, directory, Today(clock));
        if (ProjectFilter.SearchKey(q) is { } key)
        {
            query = query.Matching(db, key, ProjectSearch.ProvincesNamed(directory, key));
        }

        // Keyset paging on a unique column: the next page starts after the last row's key, so a project inserted
        // (or removed) meanwhile neither repeats nor shifts a row. The primary key and the unique code index answer it.
        if (sort == "code")
        {
            if (after is not null)
            {
                var last = after.Code!;
                query = query.Where(p => p.Code.CompareTo(last) > 0);
            }

            query = query.OrderBy(p => p.Code);
        }
        else
        {
            if (after is not null)
            {
                var last = after.Id;
                query = query.Where(p => p.Id > last);
            }

            query = query.OrderBy(p => p.Id);
        }

        // The page is kept under the data version like the list page's (ProjectListCounts.PageAsync): the same request
        // again, by any client of the same scope, reads nothing until a write (issue 14).
        var view = string.Join('|', "api-projects", ProjectFilter.SearchKey(q), filter.Key, sort, cursor ?? string.Empty,
            take.ToString(System.Globalization.CultureInfo.InvariantCulture), Today(clock).DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await counts.PageAsync(actor, view, async token =>
        {
            var rows = await query.Take(take + 1)
                .Select(p => new
                {
                    p.Id, p.Code, p.PlanYear, Province = p.Province!.Code, p.Source, p.Kind, p.Title, p.ImplementingUnit,
                    p.RequestedSupport, p.ApprovedSupport, p.CounterpartCommitted, p.State, p.ApprovalDate, p.UpdatedAtUtc,
                })
                .ToListAsync(token);
            var more = rows.Count > take;
            if (more)
            {
                rows.RemoveAt(take);
            }

            // The page's contents and money, by the page's ids: two indexed reads, whatever the size of the table.
            var ids = rows.Select(r => r.Id).ToList();
            var contents = (await db.ProjectContents.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).Select(c => new { c.ProjectId, c.ContentCode }).ToListAsync(token))
                .ToLookup(c => c.ProjectId, c => c.ContentCode);
            var paid = (await db.Disbursements.AsNoTracking().Where(d => ids.Contains(d.ProjectId)).Select(d => new { d.ProjectId, d.Source, d.Amount }).ToListAsync(token))
                .ToLookup(d => d.ProjectId);
            var items = rows.Select(p => new ProjectItem(p.Id, p.Code, p.PlanYear, p.Province, ProjectLabels.Of(p.Source), ProjectLabels.Of(p.Kind),
                [.. contents[p.Id].Order(StringComparer.Ordinal)], p.Title, p.ImplementingUnit, ApiParameters.Dong(p.RequestedSupport), ApiParameters.Dong(p.ApprovedSupport), ApiParameters.Dong(p.CounterpartCommitted),
                ApiParameters.Dong(paid[p.Id].Where(d => d.Source == MoneySource.State).Sum(d => d.Amount)),
                ApiParameters.Dong(paid[p.Id].Where(d => d.Source == MoneySource.Counterpart).Sum(d => d.Amount)),
                ProjectLabels.Of(p.State), p.ApprovalDate, Utc(p.UpdatedAtUtc))).ToList();
            var next = more ? ApiCursor.Encode(new ListCursor(sort, rows[^1].Id, sort == "code" ? rows[^1].Code : null)) : null;
            return new ApiPage<ProjectItem>(items, next);
        }, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, ClaimsPrincipal user, ProjectService projects, FigureCache figures, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(user, ct);
        var project = await projects.ViewAsync(id, actor, figures, ct);
        if (project is null)
        {
            return ApiProblems.NotFound("Không có đề án này, hoặc nó nằm ngoài phạm vi của tài khoản.");
        }

        var etag = ETag(project.Version);
        http.Response.Headers.ETag = etag;
        if (Matches(http.Request.Headers.IfNoneMatch, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(ProjectDetail.From(project));
    }

    private sealed record DisbursementCursor(long Id);

    /// <summary>Today in Vietnam, the date a province filter is read on (<see cref="ProjectFilter.Apply"/>).</summary>
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    private static async Task<IResult> ListDisbursementsAsync(ClaimsPrincipal user, ProjectService projects, ProjectListCounts counts, KhuyenCongDbContext db, Geography geography, TimeProvider clock,
        int? year, string? province, string? source, DateOnly? from, DateOnly? to, string? cursor, int? limit, CancellationToken ct)
    {
        if (ApiCursor.Limit(limit) is not { } take)
        {
            return ApiProblems.Problem(400, ApiCursor.LimitMessage);
        }

        if (!ApiCursor.TryDecode<DisbursementCursor>(cursor, out var after))
        {
            return ApiProblems.Problem(400, ApiCursor.InvalidMessage);
        }

        if (ParseFilter(year, province, null, source, null, null, null) is not { } filter)
        {
            return FilterProblem;
        }

        var actor = await projects.ActorAsync(user, ct);
        var visible = filter.Apply(projects.Visible(actor).AsNoTracking(), db, await geography.DirectoryAsync(ct), Today(clock));
        var query = visible.SelectMany(p => p.Disbursements, (p, d) => new { p.Code, d });
        if (from is { } f)
        {
            query = query.Where(x => x.d.Date >= f);
        }

        if (to is { } t)
        {
            query = query.Where(x => x.d.Date <= t);
        }

        if (after is not null)
        {
            var last = after.Id;
            query = query.Where(x => x.d.Id > last);
        }

        // Kept under the data version like the project list's pages (ProjectListCounts.PageAsync): the same request
        // again reads nothing until a write.
        var view = string.Join('|', "api-disbursements", filter.Key, from?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), to?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cursor ?? string.Empty, take.ToString(System.Globalization.CultureInfo.InvariantCulture), Today(clock).DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await counts.PageAsync(actor, view, async token =>
        {
            var rows = await query.OrderBy(x => x.d.Id).Take(take + 1)
                .Select(x => new { x.d.Id, x.d.ProjectId, x.Code, x.d.Date, x.d.Amount, x.d.Source, x.d.Note, x.d.RecordedBy, x.d.RecordedAtUtc })
                .ToListAsync(token);
            var more = rows.Count > take;
            if (more)
            {
                rows.RemoveAt(take);
            }

            var items = rows.Select(d => new DisbursementItem(d.Id, d.ProjectId, d.Code, d.Date, ApiParameters.Dong(d.Amount), ProjectLabels.Of(d.Source), d.Note, d.RecordedBy, Utc(d.RecordedAtUtc))).ToList();
            return new ApiPage<DisbursementItem>(items, more ? ApiCursor.Encode(new DisbursementCursor(rows[^1].Id)) : null);
        }, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> DisburseAsync(int id, DisbursementRequest? body, HttpContext http, ClaimsPrincipal user, ProjectService projects,
        KhuyenCongDbContext db, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(user, ct);
        if (!await projects.Visible(actor).AnyAsync(p => p.Id == id, ct))
        {
            return ApiProblems.NotFound("Không có đề án này, hoặc nó nằm ngoài phạm vi của tài khoản.");
        }

        // The page refuses an edit made on a stale view; the API asks for the version the caller read.
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired,
                "Thiếu tiêu đề If-Match: hãy gửi ETag của đề án (từ GET /api/v1/projects/{id}) để không ghi đè thay đổi của người khác.");
        }

        if (!TryVersion(ifMatch, out var version))
        {
            return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, StaleMessage);
        }

        if (body is null)
        {
            return ApiProblems.Problem(400, "Thiếu nội dung yêu cầu: gửi JSON có date, amount và có thể có source, note.");
        }

        if (!TryMoneySource(body.Source, out var moneySource))
        {
            return ApiProblems.Problem(422, "Loại vốn (source) chỉ nhận «Ngân sách» hoặc «Đối ứng».");
        }

        var command = new ProjectCommand
        {
            Action = ProjectAction.RecordDisbursement,
            Version = version,
            Date = body.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Amount = body.Amount?.ToString(CultureInfo.InvariantCulture),
            MoneySource = moneySource,
            Comment = body.Note,
        };
        var before = await db.Disbursements.Where(d => d.ProjectId == id).MaxAsync(d => (int?)d.Id, ct) ?? 0;
        var result = await projects.ActAsync(actor, id, command, ct);
        if (result.NotFound)
        {
            return ApiProblems.NotFound("Không có đề án này, hoặc nó nằm ngoài phạm vi của tài khoản.");
        }

        if (!result.Succeeded)
        {
            var status = result.Refusal switch
            {
                ProjectRefusal.Stale => StatusCodes.Status412PreconditionFailed,
                ProjectRefusal.NotPermitted => StatusCodes.Status403Forbidden,
                ProjectRefusal.State => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            if (status == StatusCodes.Status412PreconditionFailed)
            {
                return ApiProblems.Problem(status, StaleMessage);
            }

            return ApiProblems.Problem(status, string.Join(" ", result.Errors.Select(e => e.Message)),
                new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new FieldError(FieldName(e.Field), e.Message)).ToList() });
        }

        var created = await db.Disbursements.AsNoTracking().Where(d => d.ProjectId == id && d.Id > before).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ProjectId, d.Date, d.Amount, d.Source, d.Note, d.RecordedBy, d.RecordedAtUtc }).FirstAsync(ct);
        var now = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Code, p.Version }).FirstAsync(ct);
        var etag = ETag(now.Version);
        http.Response.Headers.ETag = etag;
        var item = new DisbursementItem(created.Id, created.ProjectId, now.Code, created.Date, ApiParameters.Dong(created.Amount), ProjectLabels.Of(created.Source),
            created.Note, created.RecordedBy, Utc(created.RecordedAtUtc));
        return TypedResults.Created($"/api/v1/projects/{id}", new DisbursementCreated(item, etag));
    }

    private static string FieldName(string field) => field switch
    {
        nameof(ProjectCommand.Amount) => "amount",
        nameof(ProjectCommand.Date) => "date",
        nameof(ProjectCommand.Comment) => "note",
        _ => field.Length == 0 ? string.Empty : char.ToLowerInvariant(field[0]) + field[1..],
    };

    private static readonly IResult FilterProblem = ApiProblems.Problem(400,
        "Bộ lọc không hợp lệ: source là KCQG hoặc KCĐP, kind là Thường, Nhóm hoặc Điểm, state là một trạng thái như trong tệp trao đổi (ví dụ «Đang thực hiện»); "
        + "cũng nhận tên tiếng Anh như trang danh sách (KCDP, Thuong, InProgress…).");

    /// <summary>
    /// The list's filters from the query string: codes as the exchange writes them (KCĐP, Thường, Đang thực hiện)
    /// or as the projects page's links carry them (KCDP, Thuong, InProgress). Null when one is not a code.
    /// </summary>
    private static ProjectFilter? ParseFilter(int? year, string? province, string? region, string? source, string? kind, string? content, string? state)
    {
        FundingSource? s = null;
        ProjectKind? k = null;
        ProjectState? st = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (!TryCode(source, ProjectLabels.Of, out FundingSource parsed))
            {
                return null;
            }

            s = parsed;
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!TryCode(kind, ProjectLabels.Of, out ProjectKind parsed))
            {
                return null;
            }

            k = parsed;
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!TryCode(state, ProjectLabels.Of, out ProjectState parsed))
            {
                return null;
            }

            st = parsed;
        }

        return new ProjectFilter(year, province, string.IsNullOrWhiteSpace(region) ? null : region.Trim(), s, k, string.IsNullOrWhiteSpace(content) ? null : content.Trim(), st);
    }

    private static bool TryCode<T>(string text, Func<T, string> label, out T value)
        where T : struct, Enum
    {
        text = text.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(label(candidate), text, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryMoneySource(string? text, out MoneySource source)
    {
        source = MoneySource.State;
        return string.IsNullOrWhiteSpace(text) || TryCode(text, ProjectLabels.Of, out source);
    }

    /// <summary>Whether an If-None-Match list names this ETag (or is <c>*</c>); weak comparison, as RFC 9110 asks for it.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag) =>
        header.SelectMany(h => (h ?? string.Empty).Split(',')).Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);

    /// <summary>The version an If-Match names; false for anything that is not one of this API's ETags (then 412).</summary>
    private static bool TryVersion(string header, out Guid version)
    {
        version = Guid.Empty;
        var tag = header.Trim();
        return tag.Length == 34 && tag[0] == '"' && tag[^1] == '"' && Guid.TryParseExact(tag[1..^1], "N", out version);
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>One project of the list.</summary>
/// <param name="Id">Mã số (id) của đề án.</param>
/// <param name="Code">Mã đề án, e.g. KCQG-2026-24-0001.</param>
/// <param name="Year">Năm kế hoạch.</param>
/// <param name="ProvinceCode">Mã tỉnh of the province in the plan year, as in the exchange format (e.g. 24).</param>
/// <param name="Source">Nguồn kinh phí: KCQG or KCĐP.</param>
/// <param name="Kind">Loại đề án: Thường, Nhóm or Điểm.</param>
/// <param name="Contents">Mã nội dung of the project's contents (ND01…).</param>
/// <param name="Title">Tên đề án.</param>
/// <param name="ImplementingUnit">Đơn vị thực hiện.</param>
/// <param name="Requested">Kinh phí đề nghị hỗ trợ, in đồng.</param>
/// <param name="Approved">Kinh phí được duyệt, in đồng; null before approval.</param>
/// <param name="Counterpart">Vốn đối ứng cam kết, in đồng.</param>
/// <param name="Disbursed">Đã giải ngân from the state budget (Ngân sách), in đồng.</param>
/// <param name="CounterpartDisbursed">Đối ứng đã giải ngân, in đồng.</param>
/// <param name="State">Trạng thái as the exchange writes it (e.g. «Đang thực hiện»).</param>
/// <param name="ApprovalDate">Ngày phê duyệt.</param>
/// <param name="UpdatedAt">Thời điểm thay đổi gần nhất (UTC).</param>
public sealed record ProjectItem(int Id, string Code, int Year, string ProvinceCode, string Source, string Kind, IReadOnlyList<string> Contents,
    string Title, string ImplementingUnit, long Requested, long? Approved, long Counterpart, long Disbursed, long CounterpartDisbursed,
    string State, DateOnly? ApprovalDate, DateTime UpdatedAt);

/// <summary>One project as its page shows it.</summary>
/// <param name="Id">Mã số (id) của đề án.</param>
/// <param name="Code">Mã đề án.</param>
/// <param name="Year">Năm kế hoạch.</param>
/// <param name="ProvinceCode">Mã tỉnh in the plan year.</param>
/// <param name="Source">KCQG or KCĐP.</param>
/// <param name="Kind">Thường, Nhóm or Điểm.</param>
/// <param name="Title">Tên đề án.</param>
/// <param name="ImplementingUnit">Đơn vị thực hiện.</param>
/// <param name="StartDate">Ngày bắt đầu.</param>
/// <param name="EndDate">Ngày kết thúc.</param>
/// <param name="Requested">Kinh phí đề nghị hỗ trợ (đồng).</param>
/// <param name="Approved">Kinh phí được duyệt (đồng).</param>
/// <param name="Counterpart">Vốn đối ứng cam kết (đồng).</param>
/// <param name="Disbursed">Đã giải ngân, ngân sách (đồng).</param>
/// <param name="CounterpartDisbursed">Đối ứng đã giải ngân (đồng).</param>
/// <param name="State">Trạng thái as the exchange writes it.</param>
/// <param name="ApprovalDate">Ngày phê duyệt.</param>
/// <param name="LastReason">Lý do của lần trả lại hoặc từ chối gần nhất, nếu có.</param>
/// <param name="ContractNumber">Số hợp đồng.</param>
/// <param name="ContractDate">Ngày hợp đồng.</param>
/// <param name="AcceptedAmount">Kinh phí nghiệm thu (đồng).</param>
/// <param name="AcceptanceDate">Ngày nghiệm thu.</param>
/// <param name="SettledAmount">Kinh phí quyết toán (đồng).</param>
/// <param name="SettlementDate">Ngày quyết toán.</param>
/// <param name="UpdatedAt">Thời điểm thay đổi gần nhất (UTC).</param>
/// <param name="Version">Phiên bản của bản ghi (cũng là ETag, không có dấu ngoặc kép).</param>
/// <param name="Contents">Nội dung hỗ trợ.</param>
/// <param name="Beneficiaries">Cơ sở thụ hưởng.</param>
/// <param name="Outcomes">Chỉ tiêu kết quả.</param>
/// <param name="Disbursements">Giải ngân, by date.</param>
/// <param name="Timeline">Tiến trình, oldest first.</param>
public sealed record ProjectDetail(int Id, string Code, int Year, string ProvinceCode, string Source, string Kind, string Title, string ImplementingUnit,
    DateOnly StartDate, DateOnly EndDate, long Requested, long? Approved, long Counterpart, long Disbursed, long CounterpartDisbursed, string State,
    DateOnly? ApprovalDate, string? LastReason, string? ContractNumber, DateOnly? ContractDate, long? AcceptedAmount, DateOnly? AcceptanceDate,
    long? SettledAmount, DateOnly? SettlementDate, DateTime UpdatedAt, Guid Version,
    IReadOnlyList<ProjectContentItem> Contents, IReadOnlyList<BeneficiaryItem> Beneficiaries, IReadOnlyList<OutcomeItem> Outcomes,
    IReadOnlyList<DisbursementItem> Disbursements, IReadOnlyList<TimelineItem> Timeline)
{
    internal static ProjectDetail From(Project p) => new(p.Id, p.Code, p.PlanYear, p.Province?.Code ?? string.Empty, ProjectLabels.Of(p.Source), ProjectLabels.Of(p.Kind),
        p.Title, p.ImplementingUnit, p.StartDate, p.EndDate, ApiParameters.Dong(p.RequestedSupport), ApiParameters.Dong(p.ApprovedSupport), ApiParameters.Dong(p.CounterpartCommitted),
        ApiParameters.Dong(ProjectRules.StateDisbursed(p)), ApiParameters.Dong(ProjectRules.CounterpartDisbursed(p)), ProjectLabels.Of(p.State), p.ApprovalDate, p.LastReason,
        p.ContractNumber, p.ContractDate, ApiParameters.Dong(p.AcceptedAmount), p.AcceptanceDate, ApiParameters.Dong(p.SettledAmount), p.SettlementDate,
        ProjectsApi.Utc(p.UpdatedAtUtc), p.Version,
        [.. p.Contents.OrderBy(c => c.ContentCode, StringComparer.Ordinal).Select(c => new ProjectContentItem(c.ContentCode, ApiParameters.Dong(c.TotalCost), ApiParameters.Dong(c.RequestedAmount)))],
        [.. p.Beneficiaries.OrderBy(b => b.Id).Select(b => new BeneficiaryItem(b.Name, b.TaxCode, ProjectLabels.Of(b.Type), b.Commune, b.WomenOwned, b.EthnicMinorityEmployer, b.PriorityArea))],
        [.. p.Outcomes.OrderBy(o => o.IndicatorCode, StringComparer.Ordinal).Select(o => new OutcomeItem(o.IndicatorCode, o.Target, o.Actual))],
        [.. p.Disbursements.OrderBy(d => d.Date).ThenBy(d => d.Id).Select(d => new DisbursementItem(d.Id, p.Id, p.Code, d.Date, ApiParameters.Dong(d.Amount),
            ProjectLabels.Of(d.Source), d.Note, d.RecordedBy, ProjectsApi.Utc(d.RecordedAtUtc)))],
        [.. p.Events.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => new TimelineItem(ProjectsApi.Utc(e.OccurredAtUtc), e.UserName, e.Action,
            e.FromState is { } f ? ProjectLabels.Of(f) : null, e.ToState is { } t ? ProjectLabels.Of(t) : null, ApiParameters.Dong(e.Amount), e.Comment))]);
}

/// <summary>One content of a project.</summary>
/// <param name="Code">Mã nội dung.</param>
/// <param name="TotalCost">Tổng chi phí (đồng).</param>
/// <param name="Requested">Kinh phí đề nghị hỗ trợ for this content (đồng).</param>
public sealed record ProjectContentItem(string Code, long TotalCost, long Requested);

/// <summary>Cơ sở thụ hưởng.</summary>
/// <param name="Name">Tên cơ sở.</param>
/// <param name="TaxCode">Mã số thuế.</param>
/// <param name="Type">Loại hình, in Vietnamese.</param>
/// <param name="Commune">Xã, phường.</param>
/// <param name="WomenOwned">Do phụ nữ làm chủ.</param>
/// <param name="EthnicMinorityEmployer">Sử dụng lao động dân tộc thiểu số.</param>
/// <param name="PriorityArea">Ở địa bàn ưu tiên.</param>
public sealed record BeneficiaryItem(string Name, string? TaxCode, string Type, string Commune, bool WomenOwned, bool EthnicMinorityEmployer, bool PriorityArea);

/// <summary>An outcome indicator of a project.</summary>
/// <param name="Indicator">Mã chỉ tiêu.</param>
/// <param name="Target">Kế hoạch.</param>
/// <param name="Actual">Thực hiện, once accepted.</param>
public sealed record OutcomeItem(string Indicator, decimal Target, decimal? Actual);

/// <summary>A line of the project's timeline.</summary>
/// <param name="At">Thời điểm (UTC).</param>
/// <param name="By">Who, as recorded (a token's act names it: «… qua API, mã «tên»»).</param>
/// <param name="Action">Thao tác (mã như trên trang đề án).</param>
/// <param name="FromState">Trạng thái trước thao tác.</param>
/// <param name="ToState">Trạng thái sau thao tác.</param>
/// <param name="Amount">Amount of the act, in đồng.</param>
/// <param name="Comment">Lý do hoặc ghi chú.</param>
public sealed record TimelineItem(DateTime At, string By, string Action, string? FromState, string? ToState, long? Amount, string? Comment);

/// <summary>One disbursement.</summary>
/// <param name="Id">Mã số của lần giải ngân (khóa sắp xếp của danh sách).</param>
/// <param name="ProjectId">Mã số (id) của đề án.</param>
/// <param name="ProjectCode">Mã đề án.</param>
/// <param name="Date">Ngày giải ngân.</param>
/// <param name="Amount">Số tiền (đồng).</param>
/// <param name="Source">Loại vốn: Ngân sách hoặc Đối ứng.</param>
/// <param name="Note">Ghi chú.</param>
/// <param name="RecordedBy">Người ghi.</param>
/// <param name="RecordedAt">Thời điểm ghi (UTC).</param>
public sealed record DisbursementItem(long Id, int ProjectId, string ProjectCode, DateOnly Date, long Amount, string Source, string? Note, string RecordedBy, DateTime RecordedAt);

/// <summary>A disbursement to record, as the project page's form takes it.</summary>
/// <param name="Date">Ngày giải ngân (yyyy-MM-dd).</param>
/// <param name="Amount">Số tiền, số nguyên đồng.</param>
/// <param name="Source">Loại vốn: «Ngân sách» (mặc định) hoặc «Đối ứng».</param>
/// <param name="Note">Ghi chú (số chứng từ, lệnh chi…).</param>
public sealed record DisbursementRequest(DateOnly? Date, long? Amount, string? Source, string? Note);

/// <summary>The disbursement recorded and the project's new ETag.</summary>
/// <param name="Disbursement">Lần giải ngân vừa ghi.</param>
/// <param name="ETag">ETag mới của đề án, dùng cho If-Match lần sau.</param>
public sealed record DisbursementCreated(DisbursementItem Disbursement, string ETag);

/// <summary>One refused field.</summary>
/// <param name="Field">Trường bị từ chối (amount, date, note); rỗng khi là cả yêu cầu.</param>
/// <param name="Message">Lý do, bằng tiếng Việt.</param>
public sealed record FieldError(string Field, string Message);
