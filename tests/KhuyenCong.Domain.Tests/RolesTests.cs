using KhuyenCong.Domain.Identity;

namespace KhuyenCong.Domain.Tests;

public sealed class RolesTests
{
    [Fact]
    public void Only_province_roles_are_bound_to_a_province() =>
        Assert.Equal([Roles.ProvinceOfficer, Roles.ProvinceApprover], Roles.All.Where(Roles.IsProvinceScoped));

    [Fact]
    public void Only_organisers_are_bound_to_regions() =>
        Assert.Equal([Roles.ConferenceOrganiser], Roles.All.Where(Roles.IsRegionScoped));

    [Fact]
    public void Every_role_has_a_vietnamese_label() =>
        Assert.All(Roles.All, r => Assert.NotEqual(r, Roles.Label(r)));
}
