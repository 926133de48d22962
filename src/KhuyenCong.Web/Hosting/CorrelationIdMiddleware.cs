using Serilog.Context;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// Gives every request a short correlation id (mã tra cứu), echoed in a response header, written with every
/// log line of the request and shown on the error page so that support can find the log.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 6));
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }
}
