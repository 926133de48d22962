using System.Security.Claims;
using KhuyenCong.Data.Imports;
using KhuyenCong.Excel;
using KhuyenCong.Web.Pages.Exchange;
using KhuyenCong.Web.Projects;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Importing an exchange workbook under <c>/api/v1</c> (docs/api-projects.md): the Excel page's preview and
/// confirmation in one call, with the same all-or-nothing <see cref="ExchangeImporter"/>, limits, gate and roles
/// (<see cref="ImportJobs.MayImport"/>). As on the page, the workbook is checked first (a dry run); a confirmed
/// import of more rows than <c>Import:BackgroundRows</c> is queued as the page's background job and followed at
/// <c>GET /api/v1/imports/{jobId}</c>.
/// </summary>
public static class ImportsApi
{
    private const string Tag = "Nhập dữ liệu";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", ImportAsync)
            .WithName("ImportWorkbook")
            .WithTags(Tag)
            .WithSummary("Nhập một sổ tính Excel theo mẫu trao đổi")
            .WithDescription("multipart/form-data với một trường file (.xlsx). Như trang Trao đổi dữ liệu Excel: cả sổ tính được nhập hoặc không gì được ghi. "
                + "dryRun=true chỉ kiểm tra và trả về số dòng theo từng trang tính. Có lỗi: 422 với mảng errors gồm sheet, row, column, message. "
                + "Lượt nhập lớn hơn Import:BackgroundRows dòng chạy nền: 202 với đường dẫn theo dõi trong tiêu đề Location.")
            .Accepts<ImportForm>("multipart/form-data")
            .DisableAntiforgery()
            .Produces<ImportResponse>()
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/imports/{jobId:int}", JobAsync)
            .WithName("GetImportJob")
            .WithTags(Tag)
            .WithSummary("Tiến độ và kết quả của một lượt nhập chạy nền")
            .WithDescription("Chỉ người đã gửi lượt nhập xem được; lượt nhập của người khác trả về 404.")
            .Produces<ImportJobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, bool? dryRun, ProjectService projects, ExchangeImporter importer,
        IOptions<ImportLimits> limits, ImportJobs jobs, IOptions<ImportJobOptions> jobOptions, ImportGate gate, CancellationToken ct)
    {
        if (!ImportJobs.MayImport(user))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Tài khoản của bạn không được nhập dữ liệu.");
        }

        if (!request.HasFormContentType)
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Hãy gửi multipart/form-data với một trường file chứa tệp .xlsx.");
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn hoặc nội dung multipart không đọc được.");
        }

        if (file is null || file.Length == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Thiếu trường file: hãy gửi tệp Excel (.xlsx) cần nhập.");
        }

        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Chỉ nhận tệp Excel .xlsx theo mẫu trao đổi.");
        }

        // The request-body limit of the server bounds the upload, as on the page.
        byte[] content;
        using (var copy = new MemoryStream())
        {
            await file.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }

        var actor = await projects.ActorAsync(user, ct);
        ImportResult checkedResult;
        using (var stream = new MemoryStream(content, writable: false))
        {
            checkedResult = await importer.ImportAsync(stream, actor, dryRun: true, limits.Value, ct: ct);
        }

        if (!checkedResult.Succeeded)
        {
            return Refused(checkedResult, gate);
        }

        if (dryRun ?? false)
        {
            return TypedResults.Ok(ImportResponse.From(checkedResult, dryRun: true));
        }

        var rows = checkedResult.Counts.Sum(c => c.Created + c.Changed + c.Unchanged);
        if (rows > jobOptions.Value.BackgroundRows)
        {
            var ownerId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
            var id = await jobs.QueueAsync(new PendingImport { OwnerId = ownerId, FileName = DocumentStore.SafeName(file.FileName), Content = content, Size = content.Length, Rows = rows }, ct,
                ApiClaims.TokenIdOf(user));
            var job = await jobs.FindAsync(id, ownerId, ct);
            return TypedResults.Accepted($"/api/v1/imports/{id}", ImportJobResponse.From(job!, job!.RowsChecked));
        }

        ImportResult imported;
        using (var stream = new MemoryStream(content, writable: false))
        {
            imported = await importer.ImportAsync(stream, actor, dryRun: false, limits.Value, ct: ct);
        }

        return imported.Succeeded ? TypedResults.Ok(ImportResponse.From(imported, dryRun: false)) : Refused(imported, gate);
    }

    private static IResult Refused(ImportResult result, ImportGate gate)
    {
        // Every import slot of this process is taken: nothing is wrong with the workbook, try again later.
        if (result.Errors is [{ Row: 0 } only] && only.Message == gate.BusyMessage)
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, only.Message);
        }

        var errors = result.Errors.Select(e => new ImportErrorItem(e.Sheet, e.Row, e.Column, e.Message)).ToList();
        var detail = errors.Count == 1
            ? "Sổ tính có 1 lỗi; không có gì được ghi. " + errors[0].Message
            : $"Sổ tính có {errors.Count} lỗi; không có gì được ghi. Xem từng lỗi trong errors.";
        return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, detail, new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static async Task<IResult> JobAsync(int jobId, ClaimsPrincipal user, ImportJobs jobs, ImportJobProgress progress, CancellationToken ct)
    {
        var job = await jobs.FindAsync(jobId, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
        if (job is null)
        {
            return ApiProblems.NotFound("Không có lượt nhập này, hoặc nó không phải của bạn.");
        }

        var rows = Math.Min(job.TotalRows, Math.Max(job.RowsChecked, job.State == ImportJobState.Running ? progress.RowsChecked(jobId) ?? 0 : 0));
        return TypedResults.Ok(ImportJobResponse.From(job, rows));
    }
}

/// <summary>The form of an import.</summary>
/// <param name="File">Sổ tính .xlsx theo định dạng trao đổi dữ liệu.</param>
public sealed record ImportForm(IFormFile File);

/// <summary>An import that was checked (dry run) or written.</summary>
/// <param name="DryRun">True khi chỉ kiểm tra: không có gì được ghi.</param>
/// <param name="Written">True khi sổ tính đã được ghi vào cơ sở dữ liệu.</param>
/// <param name="Counts">Số dòng theo từng trang: thêm mới, thay đổi, không đổi.</param>
public sealed record ImportResponse(bool DryRun, bool Written, IReadOnlyList<ImportSheetCounts> Counts)
{
    internal static ImportResponse From(ImportResult result, bool dryRun) =>
        new(dryRun, result.Written, [.. result.Counts.Select(c => new ImportSheetCounts(c.Sheet, c.Created, c.Changed, c.Unchanged))]);
}

/// <summary>What an import does, or would do, to one sheet.</summary>
/// <param name="Sheet">Tên trang (CoSo, KeHoach, DeAn, GiaiNgan, KetQua), theo thứ tự được đọc.</param>
/// <param name="Created">Số dòng thêm mới.</param>
/// <param name="Changed">Số dòng thay đổi một bản ghi đã lưu.</param>
/// <param name="Unchanged">Số dòng giống hệt dữ liệu đã lưu.</param>
public sealed record ImportSheetCounts(string Sheet, int Created, int Changed, int Unchanged);

/// <summary>One problem of a workbook, exactly as the importer reports it.</summary>
/// <param name="Sheet">Tên trang («Tệp» khi lỗi của cả tệp).</param>
/// <param name="Row">Số dòng như Excel đánh số (0 khi lỗi của cả tệp).</param>
/// <param name="Column">Tiêu đề cột.</param>
/// <param name="Message">Chỗ sai, bằng tiếng Việt, đúng như trình nhập báo.</param>
public sealed record ImportErrorItem(string Sheet, int Row, string Column, string Message);

/// <summary>A background import.</summary>
/// <param name="Id">Mã số của lượt nhập chạy nền.</param>
/// <param name="FileName">Tên tệp như khi tải lên.</param>
/// <param name="State">Trạng thái: Queued (chờ), Running (đang chạy), Succeeded (xong), Failed (không nhập được).</param>
/// <param name="RowsChecked">Số dòng đã kiểm tra đến lúc này.</param>
/// <param name="TotalRows">Tổng số dòng dữ liệu của sổ tính.</param>
/// <param name="Counts">Số dòng theo từng trang, khi đã xong.</param>
/// <param name="ErrorCount">Số lỗi dòng của lượt nhập không thành công.</param>
/// <param name="Errors">Các lỗi dòng đầu tiên (tối đa 1.000) của lượt nhập không thành công.</param>
/// <param name="FailureMessage">Lý do lượt nhập kết thúc mà không có kết quả (máy chủ dừng…).</param>
/// <param name="CreatedAt">Thời điểm xếp hàng (UTC).</param>
/// <param name="StartedAt">Thời điểm bắt đầu chạy (UTC).</param>
/// <param name="FinishedAt">Thời điểm kết thúc (UTC).</param>
public sealed record ImportJobResponse(int Id, string FileName, ImportJobState State, int RowsChecked, int TotalRows, IReadOnlyList<ImportSheetCounts> Counts,
    int ErrorCount, IReadOnlyList<ImportErrorItem> Errors, string? FailureMessage, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    internal static ImportJobResponse From(ImportJobView job, int rowsChecked)
    {
        var result = job.ImportResult;
        return new(job.Id, job.FileName, job.State, rowsChecked, job.TotalRows,
            [.. (result?.Counts ?? []).Select(c => new ImportSheetCounts(c.Sheet, c.Created, c.Changed, c.Unchanged))],
            job.ErrorCount, [.. (result?.Errors ?? []).Select(e => new ImportErrorItem(e.Sheet, e.Row, e.Column, e.Message))], job.FailureMessage,
            ProjectsApi.Utc(job.CreatedAtUtc), job.StartedAtUtc is { } s ? ProjectsApi.Utc(s) : null, job.FinishedAtUtc is { } f ? ProjectsApi.Utc(f) : null);
    }
}
