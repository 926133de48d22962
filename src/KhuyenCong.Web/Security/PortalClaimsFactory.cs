using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>Adds the user's name, scope (province, regions) and whether a second factor is on to the sign-in cookie.</summary>
public sealed class PortalClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    KhuyenCongDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, "true"));
        }

        if (user.ProvinceId is { } provinceId)
        {
            identity.AddClaim(new Claim(PortalClaims.ProvinceId, provinceId.ToString(CultureInfo.InvariantCulture)));
        }

        var regions = await db.UserRegions.Where(r => r.UserId == user.Id).Select(r => r.Region!.Code).ToListAsync();
        foreach (var region in regions)
        {
            identity.AddClaim(new Claim(PortalClaims.Region, region));
        }

        return identity;
    }
}
