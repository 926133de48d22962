using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c> (issue 12, docs/api.md). Only personal access tokens authenticate here, never the
/// sign-in cookie, so no browser page can be made to call it on a user's behalf (no CSRF) and anti-forgery is off.
/// Each endpoint file maps its own routes on the group and reads through the same services as the pages.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddPolicyScheme(DocsScheme, null, o => o.ForwardDefaultSelector = DocsSchemeOf);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Vietnamese as it is, not \u escapes; codes and states as their names.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers both ways (money is an integer of đồng), so the document says "integer", not
            // "integer or a string of digits" as the web defaults (AllowReadingFromString) would.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
    }

    /// <summary>
    /// The scheme of the OpenAPI document (<see cref="Policies.ApiDocs"/>): ONE scheme that forwards to the token or the
    /// cookie, so a refusal is either a 401 problem or a redirect to sign-in, never both at once (a 401 with a Location).
    /// </summary>
    public const string DocsScheme = "ApiDocs";

    /// <summary>
    /// A request with an Authorization header is an API client: the token decides. One with the sign-in cookie, or a
    /// browser asking for a page (Accept: text/html), is a person: the cookie decides and a stranger is sent to sign in.
    /// Anything else (curl, a client with no credentials) is an API client and gets the 401 problem.
    /// </summary>
    public static string DocsSchemeOf(HttpContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return ApiTokenAuthentication.SchemeName;
        }

        var person = context.Request.Cookies.ContainsKey(PortalApp.AuthCookieName)
            || context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return person ? Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme : ApiTokenAuthentication.SchemeName;
    }

    /// <summary>Inside the HTML error pages: an API error is problem details, never a page.</summary>
    public static void UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => Hosting.DatabaseBusy.Is(ex) ? 409 : 500 });
            api.UseStatusCodePages();
        });

    /// <summary>
    /// Under /api the request's principal is the token's, or nobody: the sign-in cookie authenticated by
    /// UseAuthentication is dropped, so that nothing after it (the per-token rate limits, an endpoint) can see it. The
    /// token handler keeps its result for the request, so the authorization that follows does not look the token up again.
    /// </summary>
    public static void UseApiPrincipal(this IApplicationBuilder app) =>
        app.UseWhen(c => IsApi(c.Request.Path), api => api.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(ApiTokenAuthentication.SchemeName);
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        }));

    public static void MapPortalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Api)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/me", Me)
            .WithName("GetMe")
            .WithTags("Tài khoản")
            .WithSummary("Tài khoản gắn với mã truy cập")
            .WithDescription("Người dùng, vai trò và phạm vi (tỉnh, vùng) mà mã truy cập hành động thay mặt; mọi điểm cuối khác đọc theo đúng phạm vi này.");

        api.MapReferenceApi().MapPlansApi().MapReportsApi();
        api.MapProjectsApi();
        api.MapImportsApi();

        // An unknown path under /api is a 404 problem, not the HTML error page.
        app.Map("/api/{**rest}", () => ApiProblems.NotFound("Không có điểm cuối API này; xem danh sách ở /openapi/v1.json.")).ExcludeFromDescription().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.ApiDocs);
        app.MapApiReference();
    }

    private static async Task<MeResponse> Me(ClaimsPrincipal user, Data.KhuyenCongDbContext db, CancellationToken ct)
    {
        string? province = null;
        if (int.TryParse(user.FindFirstValue(PortalClaims.ProvinceId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            province = await db.Provinces.Where(p => p.Id == id).Select(p => p.Code).FirstOrDefaultAsync(ct);
        }

        return new(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            user.Identity?.Name ?? string.Empty,
            user.FindFirstValue(PortalClaims.FullName) ?? string.Empty,
            Roles.All.FirstOrDefault(user.IsInRole),
            province,
            [.. user.FindAll(PortalClaims.Region).Select(c => c.Value)],
            user.FindFirstValue(ApiClaims.TokenName) ?? string.Empty);
    }
}

/// <summary>Tài khoản mà mã truy cập hành động thay mặt: người dùng, vai trò và phạm vi.</summary>
/// <param name="Id">Mã định danh của người dùng.</param>
/// <param name="Email">Thư điện tử dùng để đăng nhập.</param>
/// <param name="FullName">Họ và tên.</param>
/// <param name="Role">Mã vai trò (ProvinceOfficer, ProvinceApprover, ConferenceOrganiser, MinistryOfficer, MinistryApprover, Viewer, Admin, Reviewer).</param>
/// <param name="ProvinceCode">Mã tỉnh của người dùng cấp tỉnh, như trong sổ trao đổi Excel (ví dụ 24); null với người dùng khác.</param>
/// <param name="Regions">Mã các vùng khuyến công của ban tổ chức hội nghị (BAC, MTTN, NAM); rỗng với người dùng khác.</param>
/// <param name="TokenName">Tên của mã truy cập đã dùng cho lời gọi này.</param>
public sealed record MeResponse(string Id, string Email, string FullName, string? Role, string? ProvinceCode, IReadOnlyList<string> Regions, string TokenName);
