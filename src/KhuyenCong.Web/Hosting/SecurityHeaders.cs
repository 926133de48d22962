namespace KhuyenCong.Web.Hosting;

/// <summary>Security headers on every response; everything the pages load is served by the portal itself.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (Api.ApiReference.IsReference(context.Request.Path))
            {
                // The API reference page (Scalar) only: its nonce is known once the page is written (Api/ApiReference.cs).
                context.Response.OnStarting(() =>
                {
                    headers.ContentSecurityPolicy = Api.ApiReference.ContentSecurityPolicy(context);
                    return Task.CompletedTask;
                });
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
}
