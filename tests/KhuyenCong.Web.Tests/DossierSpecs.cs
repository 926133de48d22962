using System.Net;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The dossier checklist as reference data: what the administrator requires, every submission then needs.</summary>
public sealed class DossierSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task An_item_the_administrator_makes_required_stops_submissions_that_lack_it_and_is_in_the_history()
    {
        var portal = await fixture.GetAsync();
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var list = HttpForms.Text(await admin.GetPageAsync("/Reference/Dossier"));
        Assert.Contains("Dự toán kinh phí</td><td>Có</td>", list);
        var saved = await admin.SubmitAsync("/Reference/Dossier/Edit", new Dictionary<string, string>
        {
            ["Version"] = Guid.Empty.ToString(),
            ["Input.ContentCode"] = "ND03",
            ["Input.Name"] = "Giấy chứng nhận an toàn máy",
            ["Input.Required"] = "true",
            ["Input.LegalBasis"] = "Công văn 45/CTS-KC",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Giấy chứng nhận an toàn máy", HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=DossierItem")));

        var id = await new ProjectBuilder(portal).In("24", 2026).WithCostEstimate().SaveAsync();
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var refused = await ProjectAccessSpecs.PostActAsync(portal, officer, id, Domain.Projects.ProjectAction.Submit);
        Assert.Contains("Hồ sơ còn thiếu: Giấy chứng nhận an toàn máy.", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
    }
}
