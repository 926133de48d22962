using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Which regions, and whether the whole country, a user may report on. One rule for every report page: ministry
/// staff, viewers and administrators everything; conference organisers their regions; province users the region
/// of their province today; nobody else anything.
/// </summary>
public static class ReportScope
{
    public static IReadOnlySet<string> AllowedRegions(ProjectActor actor, ProvinceDirectory directory, DateOnly today) =>
        actor.Role switch
        {
            Roles.ConferenceOrganiser => actor.Regions,
            Roles.ProvinceOfficer or Roles.ProvinceApprover =>
                actor.ProvinceIds.Select(id => directory.RegionOn(id, today)).OfType<string>().ToHashSet(),
            _ when MaySeeNation(actor) => Region.Codes.ToHashSet(),
            _ => new HashSet<string>(),
        };

    /// <summary>Figures of the whole country: only those who see every region.</summary>
    public static bool MaySeeNation(ProjectActor actor) =>
        Roles.IsNationalReader(actor.Role);
}
