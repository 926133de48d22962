using System.Globalization;
using System.Linq.Expressions;
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
/// Every project query, page, handler and download goes through <c>VisibleTo</c>.
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
        return new ProjectActor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, DisplayName(user, role), role, provinces, regions);
    }

    /// <summary>
    /// How an act's author is written on the record (timeline, payments, adjustments, documents, reports): full name
    /// and role, as people know each other, never the sign-in e-mail when the name is known.
    /// </summary>
    public static string DisplayName(ClaimsPrincipal user, string? role)
    {
        var name = user.FindFirstValue(PortalClaims.FullName);
        if (string.IsNullOrWhiteSpace(name))
        {
            return user.Identity?.Name ?? string.Empty;
        }

        var shown = role is null ? name.Trim() : $"{name.Trim()} ({Roles.Label(role)})";
        if (Api.ApiClaims.Via(user) is { } via)
        {
            shown += ", " + via;
        }

        return shown.Length <= 256 ? shown : shown[..256];
    }

    /// <summary>Annual plans of the provinces the actor's scope covers, by the same rule as projects.</summary>
    public static IQueryable<Domain.Plans.AnnualPlan> VisibleTo(this IQueryable<Domain.Plans.AnnualPlan> plans, ProjectActor actor, KhuyenCongDbContext db) =>
        plans.Where(Covers<Domain.Plans.AnnualPlan>(actor, db, p => p.ProvinceId));

    /// <summary>Periodic reports of the provinces the actor's scope covers, by the same rule as projects.</summary>
    public static IQueryable<Domain.Reports.PeriodicReport> VisibleTo(this IQueryable<Domain.Reports.PeriodicReport> reports, ProjectActor actor, KhuyenCongDbContext db) =>
        reports.Where(Covers<Domain.Reports.PeriodicReport>(actor, db, r => r.ProvinceId));

    /// <summary>Establishments registered in the provinces the actor's scope covers, by the same rule as projects.</summary>
    public static IQueryable<Domain.Establishments.Establishment> VisibleTo(this IQueryable<Domain.Establishments.Establishment> establishments, ProjectActor actor, KhuyenCongDbContext db) =>
        establishments.Where(Covers<Domain.Establishments.Establishment>(actor, db, e => e.ProvinceId));

    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, ProjectActor actor, KhuyenCongDbContext db) =>
        projects.Where(Covers<Project>(actor, db, p => p.ProvinceId));

    /// <summary>
    /// The scope rule as a predicate on any row that belongs to a province: province roles their province and its
    /// predecessors, organisers the provinces with a membership in their regions, ministry, viewers and
    /// administrators all, anyone else nothing.
    /// </summary>
    private static Expression<Func<T, bool>> Covers<T>(ProjectActor actor, KhuyenCongDbContext db, Expression<Func<T, int>> provinceOf)
    {
        Expression<Func<int, bool>> rule;
        switch (actor.Role)
        {
            case Roles.ProvinceOfficer or Roles.ProvinceApprover:
                var ids = actor.ProvinceIds.ToList();
                rule = id => ids.Contains(id);
                break;
            case Roles.ConferenceOrganiser:
                var regions = actor.Regions.ToList();
                rule = id => db.ProvinceRegionMemberships.Any(m => m.ProvinceId == id && regions.Contains(m.Region!.Code));
                break;
            case Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer or Roles.Admin:
                rule = _ => true;
                break;
            default:
                rule = _ => false;
                break;
        }

        // rule(provinceOf(row)), composed into one expression EF can translate.
        var row = provinceOf.Parameters[0];
        var body = new ReplaceParameter(rule.Parameters[0], provinceOf.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
