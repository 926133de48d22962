using System.Net;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// With <c>Portal:RequireHttps</c> the sign-in and anti-forgery cookies are Secure-only, so a form page reached over
/// plain HTTP (the sign-in page, even the error page) failed in anti-forgery with a 500. A plain-HTTP request is
/// instead redirected to HTTPS when the HTTPS port is known (<c>HTTPS_PORT</c> / <c>https_port</c>, or the one HTTPS
/// address Kestrel listens on), otherwise answered 400 with a Vietnamese page telling the user to use https:// and the
/// operator how to turn on forwarded headers behind a TLS proxy. <c>/health</c> stays reachable over HTTP for probes.
/// </summary>
public static class HttpsOnly
{
    /// <summary>Whether the portal insists on HTTPS: <c>Portal:RequireHttps</c>, by default everywhere but Development.</summary>
    public static bool Required(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Portal:RequireHttps", !environment.IsDevelopment());

    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app) =>
        app.UseWhen(
            context => !context.Request.IsHttps && !context.Request.Path.StartsWithSegments("/health"),
            plain => plain.UseHttpsRedirection().Run(RefuseAsync));

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><title>Cần kết nối an toàn (HTTPS) – Cổng khuyến công</title></head>
            <body>
            <h1>Cần kết nối an toàn (HTTPS)</h1>
            <p>Cổng thông tin khuyến công chỉ mở qua kết nối an toàn HTTPS. Hãy mở địa chỉ của cổng bắt đầu bằng <strong>https://</strong> thay cho http://.</p>
            <h2>Dành cho người quản trị</h2>
            <p>Yêu cầu này đến cổng bằng HTTP thường. Nếu cổng chạy sau một proxy hoặc bộ cân bằng tải đã kết thúc TLS,
            hãy bật <code>Portal__TrustForwardedHeaders=true</code> (hoặc <code>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</code>)
            và để proxy gửi tiêu đề <code>X-Forwarded-Proto: https</code>, để cổng biết yêu cầu gốc là HTTPS.
            Nếu cổng tự phục vụ HTTPS, đặt <code>HTTPS_PORT</code> (ví dụ 443) để yêu cầu HTTP được chuyển sang HTTPS.
            Chỉ thử nghiệm trên máy riêng mới đặt <code>Portal__RequireHttps=false</code>. Xem tài liệu vận hành (docs/operations.md).</p>
            <p>Mã tra cứu: {{WebUtility.HtmlEncode(context.TraceIdentifier)}}</p>
            </body>
            </html>
            """);
    }
}
