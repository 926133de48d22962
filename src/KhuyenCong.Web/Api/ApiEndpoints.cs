using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KhuyenCong.Domain.Identity;
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
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Vietnamese as it is, not \u escapes; codes and states as their names.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi("v1");
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

        // An unknown path under /api is a 404 problem, not the HTML error page.
        app.Map("/api/{**rest}", () => ApiProblems.NotFound("Không có điểm cuối API này; xem danh sách ở /openapi/v1.json.")).ExcludeFromDescription().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.ApiDocs);
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

/// <summary>Who a token acts as.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Email">The sign-in e-mail.</param>
/// <param name="FullName">Full name.</param>
/// <param name="Role">Role code (ProvinceOfficer, MinistryApprover, …).</param>
/// <param name="ProvinceCode">Code of the province of a province-scoped user (as in the exchange format, e.g. 24).</param>
/// <param name="Regions">Region codes of a conference organiser (BAC, MTTN, NAM).</param>
/// <param name="TokenName">Name of the token used for this call.</param>
public sealed record MeResponse(string Id, string Email, string FullName, string? Role, string? ProvinceCode, IReadOnlyList<string> Regions, string TokenName);
