using KhuyenCong.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Errors of the API as RFC 9457 problem details, with a Vietnamese <c>title</c> per status and a Vietnamese
/// <c>detail</c>; every answer carries the request's correlation id (<c>traceId</c>) that the logs hold.
/// </summary>
public static class ApiProblems
{
    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa xác thực",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        406 => "Không trả được định dạng yêu cầu",
        409 => "Xung đột dữ liệu",
        412 => "Bản ghi đã thay đổi",
        413 => "Nội dung quá lớn",
        415 => "Định dạng nội dung không được hỗ trợ",
        422 => "Dữ liệu không hợp lệ",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ tạm thời không sẵn sàng",
        >= 500 => "Lỗi máy chủ",
        _ => "Yêu cầu không thực hiện được",
    };

    private static string DefaultDetail(int status) => status switch
    {
        404 => "Không có tài nguyên này, hoặc nó nằm ngoài phạm vi của tài khoản.",
        405 => "Đường dẫn này không nhận phương thức HTTP đã gửi.",
        429 => "Mã truy cập đã gửi quá nhiều yêu cầu; hãy chờ số giây trong tiêu đề Retry-After rồi thử lại.",
        >= 500 => "Đã có lỗi khi xử lý yêu cầu; không có gì được ghi. Hãy báo quản trị viên kèm mã theo dõi (traceId).",
        _ => Title(status) + ".",
    };

    /// <summary>Fills title, detail and traceId of every problem the framework or the API writes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (DatabaseBusy.Is(context.Exception))
        {
            problem.Detail = DatabaseBusy.Message;
        }

        // The framework's own titles are English (ProblemDetailsDefaults, applied before this); ours are Vietnamese.
        problem.Title = Title(status);
        if (problem.Detail is null || context.Exception is not null && !DatabaseBusy.Is(context.Exception))
        {
            problem.Detail = DefaultDetail(status);
        }

        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>A problem result from an endpoint: <paramref name="detail"/> says in Vietnamese what was wrong.</summary>
    public static IResult Problem(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);

    public static IResult NotFound(string? detail = null) => Problem(StatusCodes.Status404NotFound, detail ?? DefaultDetail(404));

    /// <summary>Writes a problem outside an endpoint (authentication handler, rate limiter).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }

    /// <summary>Status of an exception that escaped an endpoint: a busy SQLite writer is a 409 (nothing written).</summary>
    public static int StatusOf(HttpContext context, Exception exception) =>
        DatabaseBusy.Is(exception) ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;

    public static Exception? ExceptionOf(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Error;
}
