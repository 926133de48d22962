using Scalar.AspNetCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The interactive reference page of the API (Scalar) at <see cref="ApiDocument.ReferencePath"/>, for signed-in users
/// (the fallback policy: a stranger is sent to sign in). It reads <c>/openapi/v1.json</c> with the user's cookie and
/// sends the calls it "tries" with the token the user pastes (the bearer scheme is preselected). Everything it loads
/// comes from the portal: Scalar.AspNetCore 2.19 serves its bundle (scalar.js) from the assembly, not a CDN, and the
/// CDN fonts, telemetry, the AI agent and MCP are off; the page's CSP (<see cref="ContentSecurityPolicy"/>) only lets
/// it connect to the portal anyway.
/// </summary>
public static class ApiReference
{
    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(ApiDocument.ReferencePath, options =>
        {
            options.Title = ApiDocument.Title;
            options.OpenApiRoutePattern = "/openapi/{documentName}.json";
            options.AddDocument(ApiDocument.Name, ApiDocument.Title);
            options.AddPreferredSecuritySchemes(ApiDocument.SecurityScheme);
            options.DefaultFonts = false;
            options.DisableTelemetry();
            options.DisableAgent();
            options.DisableMcp();
            // Scalar's own toolbar (Generate SDK, Deploy, Share: links to scalar.com) is not the ministry's to offer.
            options.HideDeveloperTools();
            options.WithFavicon("/favicon.svg");
            // A fresh nonce per response on Scalar's inline start-up script, for the CSP below.
            options.WithNonce();
        });

    public static bool IsReference(PathString path) => path.StartsWithSegments(ApiDocument.ReferencePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The reference page's CSP: the site's policy plus (1) the nonce of Scalar's one inline module script, which
    /// passes the configuration to its bundle (Scalar writes it into the page; there is no option to load it from a
    /// file), and (2) inline styles, which Scalar's bundle injects at run time (its components carry their CSS in the
    /// JavaScript). Scripts stay 'self' + nonce, connections 'self': the page can run nothing and call nothing from
    /// outside the portal. docs/security.md states this exception.
    /// </summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        var script = nonce is null ? "script-src 'self'" : $"script-src 'self' 'nonce-{nonce}'";
        return $"default-src 'self'; {script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }
}
