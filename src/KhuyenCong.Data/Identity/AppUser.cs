using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Data.Identity;

/// <summary>A portal user: one role, and the scope that role is bound to (a province, or regions).</summary>
public sealed class AppUser : IdentityUser, IAudited, ISearchable
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The province a province-scoped user works for (a province valid today).</summary>
    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    public List<UserRegion> Regions { get; set; } = [];

    /// <summary>A disabled user cannot sign in, and their open sessions end.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>What e-mail the user wants for their notifications: each one, a daily digest, or none.</summary>
    public Notifications.MailPreference MailPreference { get; set; }

    public string SearchKey { get; set; } = string.Empty;

    public string SearchSource() => $"{FullName} {Email}";
}
