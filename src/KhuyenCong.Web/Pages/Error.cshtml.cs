using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi xảy ra";

    public string Message { get; private set; } = "Hệ thống gặp sự cố khi xử lý yêu cầu. Xin thử lại sau.";

    public string CorrelationId => HttpContext.TraceIdentifier;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc đã bị xóa."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem nội dung này."),
            409 when HttpContext.Items.ContainsKey(Hosting.DatabaseBusy.ItemKey) => ("Cơ sở dữ liệu đang bận", Hosting.DatabaseBusy.Message),
            400 => ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Hãy tải lại trang và thử lại."),
            // Rate limits (Security/RateLimits): the Retry-After header says how long, in seconds.
            429 => ("Quá nhiều yêu cầu", int.TryParse(Response.Headers.RetryAfter, out var seconds)
                ? $"Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy thử lại sau {seconds} giây."
                : "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy đợi một lát rồi thử lại."),
            _ => (Title, Message),
        };
    }
}
