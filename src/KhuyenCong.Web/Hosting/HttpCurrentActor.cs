using System.Security.Claims;
using KhuyenCong.Data;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// The signed-in user as the author of changes (audit log); the system when there is none. A background import
/// job sets <see cref="RunAs"/> to its owner, so that its changes are recorded under the owner as on the page.
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    /// <summary>The user a background job acts for, in place of the request's (there is none).</summary>
    public ClaimsPrincipal? RunAs { get; set; }

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The sign-in name; a call through the API adds the token's name (<see cref="Api.ApiClaims.Via"/>).</summary>
    public string UserName => User?.Identity?.Name is { } name
        ? Api.ApiClaims.Via(User) is { } via ? $"{name} ({via})" : name
        : "hệ thống";

    private ClaimsPrincipal? User => RunAs ?? accessor.HttpContext?.User;
}
