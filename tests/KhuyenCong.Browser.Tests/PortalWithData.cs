using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// A portal with real data for journeys that walk every page: the demo projects, plans and periodic reports, one user
/// per role, and Bắc Ninh (24) projects with a long title in the states whose pages carry the most: a contracted one
/// with a document, payments and a timeline, one waiting for the province's appraisal and one for the ministry's
/// approval, and a draft to edit.
/// </summary>
public sealed record PortalWithData(BrowserSession Session, int Contracted, int Submitted, int UnderMinistryReview, int Draft, int PeriodicReport)
{
    public const string ProvinceOfficer = "chuyenvien@bacninh.vn";
    public const string ProvinceApprover = "lanhdao@bacninh.vn";
    public const string MinistryOfficer = "chuyenvien@cuc.vn";
    public const string MinistryApprover = "lanhdao@cuc.vn";
    public const string Organiser = "btc@nam.vn";
    public const string Viewer = "nguoixem@cuc.vn";
    public const string Admin = "quantri@cuc.vn";

    public const string LongTitle = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất, chế biến sản phẩm mây tre đan xuất khẩu của Hợp tác xã Mây tre đan Phú Lộc";

    public static async Task<PortalWithData> StartAsync()
    {
        var session = await BrowserSession.StartAsync();
        var portal = session.Portal;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Projects.DemoProjects>().SeedAsync(300, 2023, 2026, 2026);
            await scope.ServiceProvider.GetRequiredService<Web.Reports.PeriodicReportService>().SeedDemoAsync(2026);
        }

        await portal.CreateUserAsync(ProvinceOfficer, Roles.ProvinceOfficer, "24");
        await portal.CreateUserAsync(ProvinceApprover, Roles.ProvinceApprover, "24");
        await portal.CreateUserAsync(MinistryOfficer, Roles.MinistryOfficer);
        await portal.CreateUserAsync(MinistryApprover, Roles.MinistryApprover);
        await portal.CreateUserAsync(Organiser, Roles.ConferenceOrganiser, null, "NAM");
        await portal.CreateUserAsync(Viewer, Roles.Viewer);
        await portal.CreateUserAsync(Admin, Roles.Admin);

        var contracted = await new ProjectBuilder(portal).In("24", 2026).Titled(LongTitle).State(ProjectState.Contracted, 400_000_000).WithCostEstimate().SaveAsync();
        await ProjectBuilder.PayAsync(portal, contracted,
            (new DateOnly(2026, 4, 15), 150_000_000, MoneySource.State), (new DateOnly(2026, 5, 20), 120_000_000, MoneySource.Counterpart));
        var submitted = await new ProjectBuilder(portal).In("24", 2026).Titled(LongTitle).State(ProjectState.Submitted).WithCostEstimate().SaveAsync();
        var review = await new ProjectBuilder(portal).In("24", 2026).Titled(LongTitle).State(ProjectState.UnderMinistryReview).WithCostEstimate().SaveAsync();
        var draft = await new ProjectBuilder(portal).In("24", 2026).Titled(LongTitle).SaveAsync();
        var report = await portal.WithDbAsync(db => db.PeriodicReports.Where(r => r.Province!.Code == "24").OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).Select(r => r.Id).FirstAsync());
        return new PortalWithData(session, contracted, submitted, review, draft, report);
    }
}
