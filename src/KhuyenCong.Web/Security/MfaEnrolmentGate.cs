using System.Security.Claims;
using KhuyenCong.Domain.Identity;

namespace KhuyenCong.Web.Security;

/// <summary>
/// A signed-in user whose role requires a second factor (<see cref="Roles.RequiresTwoFactor"/>) and who has not
/// enrolled an authenticator app reaches nothing but the enrolment page and sign-out: every other request, of any
/// method, is sent to enrolment. Server-side, so no link or form can go around it.
/// </summary>
public sealed class MfaEnrolmentGate(RequestDelegate next)
{
    public const string EnrolPath = "/Account/Mfa/Enrol";

    private static readonly string[] s_open = [EnrolPath, "/Account/Logout", "/Error", "/health", Api.ApiEndpoints.Prefix];

    public static bool MustEnrol(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && !user.HasClaim(c => c.Type == PortalClaims.TwoFactor)
        && user.FindAll(ClaimTypes.Role).Any(r => Roles.RequiresTwoFactor(r.Value));

    public Task InvokeAsync(HttpContext context)
    {
        if (MustEnrol(context.User) && !s_open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
