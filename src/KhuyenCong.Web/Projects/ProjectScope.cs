using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Security;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// The one place that decides which projects a user may see: province roles their province and its
/// predecessors, organisers their regions, ministry staff, viewers and administrators everything.
/// Every project query, page, handler and download goes through <see cref="VisibleTo"/>.
/// </summary>
public static class ProjectScope
{
    public static ProjectActor Actor(ClaimsPrincipal user, ProvinceDirectory directory)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        var provinces = new HashSet<int>();
        if (int.TryParse(user.FindFirstValue(PortalClaims.ProvinceId), NumberStyles.None, CultureInfo.InvariantCulture, out var provinceId))
        {
            provinces.UnionWith(directory.SelfAndPredecessorIds(provinceId));
        }

        var regions = user.FindAll(PortalClaims.Region).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new ProjectActor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, user.Identity?.Name ?? string.Empty, role, provinces, regions);
    }

    /// <summary>Annual plans of the provinces the actor's scope covers, by the same rule as projects.</summary>
    public static IQueryable<Domain.Plans.AnnualPlan> VisibleTo(this IQueryable<Domain.Plans.AnnualPlan> plans, ProjectActor actor, KhuyenCongDbContext db)
    {
        switch (actor.Role)
        {
            case Roles.ProvinceOfficer or Roles.ProvinceApprover:
                var ids = actor.ProvinceIds.ToList();
                return plans.Where(p => ids.Contains(p.ProvinceId));
            case Roles.ConferenceOrganiser:
                var regions = actor.Regions.ToList();
                return plans.Where(p => db.ProvinceRegionMemberships.Any(m => m.ProvinceId == p.ProvinceId && regions.Contains(m.Region!.Code)));
            case Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer or Roles.Admin:
                return plans;
            default:
                return plans.Where(_ => false);
        }
    }

    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, ProjectActor actor, KhuyenCongDbContext db)
    {
        switch (actor.Role)
        {
            case Roles.ProvinceOfficer or Roles.ProvinceApprover:
                var ids = actor.ProvinceIds.ToList();
                return projects.Where(p => ids.Contains(p.ProvinceId));
            case Roles.ConferenceOrganiser:
                var regions = actor.Regions.ToList();
                return projects.Where(p => db.ProvinceRegionMemberships.Any(m => m.ProvinceId == p.ProvinceId && regions.Contains(m.Region!.Code)));
            case Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer or Roles.Admin:
                return projects;
            default:
                return projects.Where(_ => false);
        }
    }
}
