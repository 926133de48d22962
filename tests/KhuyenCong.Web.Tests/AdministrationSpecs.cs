using System.Net;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>What an administrator does in the portal: accounts and reference data, each change audited.</summary>
public sealed class AdministrationSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task A_province_account_without_a_province_is_refused_then_created_with_one()
    {
        var portal = await fixture.GetAsync();
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "lanhdao.hanoi@test.vn",
            ["Input.FullName"] = "Đặng Văn Hà",
            ["Password"] = "mot-cum-tu-that-dai-2026",
            ["Input.Role"] = "ProvinceApprover",
        };
        var refused = await admin.SubmitAsync("/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vai trò cấp tỉnh phải gắn với một tỉnh, thành phố.", HttpForms.Text(await refused.Content.ReadAsStringAsync()));

        fields["Input.ProvinceCode"] = "01";
        var created = await admin.SubmitAsync("/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var list = HttpForms.Text(await admin.GetPageAsync("/Admin/Users?q=dang van ha"));
        Assert.Contains("lanhdao.hanoi@test.vn", list);
        Assert.Contains("TP Hà Nội", list);
        Assert.Contains("Lãnh đạo Sở Công Thương", list);
        var audit = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=AppUser"));
        Assert.Contains("lanhdao.hanoi@test.vn", audit);
    }

    [Fact]
    public async Task Moving_a_province_to_another_region_closes_the_old_membership_the_day_before()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "68" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var url = $"/Reference/Provinces/Details/{id}";
        var moved = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Move.RegionCode"] = "NAM", ["Move.From"] = "01/01/2027" }, postUrl: url + "?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var memberships = await portal.WithDbAsync(db => db.ProvinceRegionMemberships.Where(m => m.ProvinceId == id)
            .OrderBy(m => m.ValidFrom).Select(m => new { m.Region!.Code, m.ValidFrom, m.ValidTo }).ToListAsync());
        Assert.Equal(2, memberships.Count);
        Assert.Equal(("MTTN", new DateOnly(2025, 7, 1), (DateOnly?)new DateOnly(2026, 12, 31)), (memberships[0].Code, memberships[0].ValidFrom, memberships[0].ValidTo));
        Assert.Equal(("NAM", new DateOnly(2027, 1, 1), (DateOnly?)null), (memberships[1].Code, memberships[1].ValidFrom, memberships[1].ValidTo));

        var page = HttpForms.Text(await admin.GetPageAsync("/Reference/Provinces?asOf=15/06/2027&region=NAM"));
        Assert.Contains(">Lâm Đồng</a>", page);
    }

    [Fact]
    public async Task A_norm_with_a_fractional_dong_ceiling_is_refused_in_vietnamese()
    {
        var portal = await fixture.GetAsync();
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var response = await admin.SubmitAsync("/Reference/Norms/Edit", new Dictionary<string, string>
        {
            ["Version"] = Guid.Empty.ToString(),
            ["Input.ContentCode"] = "ND01",
            ["Input.Activity"] = "Đào tạo nghề",
            ["Input.CeilingDong"] = "1.234,5",
            ["Input.PriorityMultiplier"] = "1",
            ["Input.LegalBasis"] = "TT 28/2018/TT-BTC",
            ["Input.ValidFrom"] = "14/05/2018",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mức trần là số đồng nguyên", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await portal.WithDbAsync(db => db.SupportNorms.AnyAsync(n => n.Activity == "Đào tạo nghề")));
    }
}

/// <summary>/health reports an unreachable database as 503.</summary>
public sealed class HealthSpecs
{
    [Fact]
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kc-missing-{Guid.NewGuid():N}", "none.db");
        await using var portal = new UnreachablePortal(missing);
        var response = await portal.Browser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private sealed class UnreachablePortal(string file) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("ConnectionStrings:KhuyenCong", $"Data Source={file};Mode=ReadWrite");
        }

        public HttpClient Browser() => CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }
}
