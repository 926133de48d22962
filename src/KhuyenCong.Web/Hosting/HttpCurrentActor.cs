using System.Security.Claims;
using KhuyenCong.Data;

namespace KhuyenCong.Web.Hosting;

/// <summary>The signed-in user as the author of changes (audit log); the system when there is none.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? "hệ thống";
}
