using KhuyenCong.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// Every page a user works with, on a 390 × 844 phone with real data, does not scroll sideways: wide tables become
/// stacked cards or scroll inside their own box, long titles wrap. Each failure names the page and the element that
/// sticks out.
/// </summary>
public sealed class PhoneLayoutJourney
{
    private const int Width = 390;

    [Fact]
    public async Task Every_page_a_province_officer_works_with_fits_a_390_px_phone()
    {
        var data = await PortalWithData.StartAsync();
        await using var session = data.Session;
        var officerId = await session.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalWithData.ProvinceOfficer).Select(u => u.Id).SingleAsync());
        var jobId = await session.Portal.WithDbAsync(async db =>
        {
            var job = new ImportJob
            {
                OwnerId = officerId, FileName = "de-an-bac-ninh-nam-2026-ban-sua-lan-thu-hai.xlsx", Content = [1], TotalRows = 200, RowsChecked = 200,
                State = ImportJobState.Running, CreatedAtUtc = DateTime.UtcNow, StartedAtUtc = DateTime.UtcNow, ClaimedBy = "may-khac", HeartbeatAtUtc = DateTime.UtcNow.AddHours(1),
            };
            db.ImportJobs.Add(job);
            db.Notifications.Add(new Data.Notifications.Notification
            {
                UserId = officerId, Kind = "project.returned", Title = "Đề án bị trả lại để bổ sung: " + PortalWithData.LongTitle,
                Body = "Lý do: thiếu dự toán chi tiết của từng hạng mục máy móc thiết bị\nNgười thực hiện: Lãnh đạo Sở Công Thương",
                Link = "/Projects", CreatedAtUtc = DateTime.UtcNow, DedupeKey = "phone-journey",
            });
            await db.SaveChangesAsync();
            return job.Id;
        });

        // The registry entry the projects' beneficiary was linked to (EstablishmentLinker).
        var establishment = await session.Portal.WithDbAsync(db => db.Beneficiaries.Where(b => b.ProjectId == data.Contracted).Select(b => b.EstablishmentId!.Value).FirstAsync());

        var page = await session.NewPageAsync(Width, 844);
        var problems = new List<string>();
        async Task Check(string what) => problems.Add(await PageLayout.OverflowAsync(page, Width, what) ?? "");

        await page.GotoAsync("/Account/Login");
        await Check("Đăng nhập");
        await session.SignInAsync(page, PortalWithData.ProvinceOfficer);

        // An adjustment asked for on the phone: the project page then has every section, the adjustments too.
        await page.GotoAsync($"/Projects/Details/{data.Contracted}");
        var request = page.GetByTestId("act-RequestAdjustment");
        await request.Locator("[name='Command.AdjustmentKind']").SelectOptionAsync("Amount");
        await request.Locator("[name='Command.Amount']").FillAsync("350.000.000");
        await request.Locator("[name='Command.Comment']").FillAsync("Giá máy sấy và máy chẻ nan giảm sau khi đấu thầu rộng rãi trong nước");
        await request.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Đề nghị điều chỉnh: Kinh phí");
        await Assertions.Expect(page.GetByTestId("disbursements")).ToContainTextAsync("150.000.000");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("du-toan.pdf");
        await Check("Trang đề án (đang thực hiện)");
        await BrowserSession.ScreenshotAsync(page, "phone-project-page");

        foreach (var (path, what) in new[]
        {
            ("/", "Trang chủ"),
            ("/Projects", "Danh sách đề án"),
            ("/Projects?q=m%C3%A2y+tre&year=2026&state=Contracted", "Danh sách đề án có bộ lọc"),
            ("/Projects/Queue", "Việc chờ tôi"),
            ("/Projects/Edit", "Đề án mới"),
            ("/Plans", "Kế hoạch"),
            ("/Reports/Periodic", "Báo cáo định kỳ"),
            ($"/Reports/Periodic/Details/{data.PeriodicReport}", "Một báo cáo định kỳ"),
            ("/Reports/Conference?year=2025", "Báo cáo hội nghị"),
            ("/Reports/Programme", "Báo cáo giai đoạn"),
            ("/Exchange", "Excel"),
            ("/Notifications", "Thông báo"),
            ("/Account/ChangePassword", "Đổi mật khẩu"),
            ("/Account/Mfa", "Xác thực hai bước"),
            ("/Account/Mfa/Enrol", "Đăng ký xác thực hai bước"),
            ("/Account/Notifications", "Nhận thư thông báo"),
            ("/Account/Tokens", "Mã truy cập API"),
            ("/Establishments", "Danh bạ cơ sở"),
            ("/Establishments?q=phu+loc", "Danh bạ cơ sở có tìm kiếm"),
            ($"/Establishments/Details/{establishment}", "Trang một cơ sở"),
            ($"/Establishments/Edit/{establishment}", "Sửa cơ sở"),
            ("/Establishments/Edit", "Cơ sở mới"),
            ("/Votes", "Bình chọn sản phẩm"),
            ("/Votes/Create", "Tạo đợt bình chọn"),
        })
        {
            // A page that is not there (404, 403) would fit any phone: it counts as a failure.
            var status = (await page.GotoAsync(path))?.Status;
            if (status != 200)
            {
                problems.Add($"{what} ({path}): HTTP {status}");
            }

            await Check(what);
            if (path == "/Projects")
            {
                await BrowserSession.ScreenshotAsync(page, "phone-project-list");
            }
        }

        // The form of an existing draft, with a row added to each growing section.
        await page.GotoAsync($"/Projects/Edit/{data.Draft}");
        foreach (var add in new[] { "Thêm dòng nội dung", "Thêm cơ sở thụ hưởng", "Thêm chỉ tiêu" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-rows='Beneficiaries'] [data-row]")).ToHaveCountAsync(2);
        await Check("Sửa đề án, thêm dòng");

        // A running import's page reloads itself: it is the last page opened.
        await page.GotoAsync($"/Exchange/Job/{jobId}");
        await Check("Một lượt nhập Excel");

        problems.RemoveAll(p => p.Length == 0);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_approvers_ministry_organiser_and_admin_pages_fit_a_390_px_phone()
    {
        var data = await PortalWithData.StartAsync();
        await using var session = data.Session;
        var problems = new List<string>();
        foreach (var (user, pages) in new (string, (string Path, string What)[])[]
        {
            (PortalWithData.ProvinceApprover, [("/", "Trang chủ Lãnh đạo Sở"), ("/Projects/Queue", "Việc chờ Lãnh đạo Sở"), ($"/Projects/Details/{data.Submitted}", "Đề án chờ Sở thẩm định")]),
            (PortalWithData.MinistryOfficer, [("/", "Trang chủ Chuyên viên Cục"), ("/Projects", "Đề án cả nước"), ($"/Projects/Details/{data.UnderMinistryReview}", "Đề án chờ Cục thẩm định"),
                ("/Reports/Completeness", "Theo dõi nộp báo cáo"), ("/Reports/Periodic", "Báo cáo định kỳ cả nước"), ("/Reports/Programme?from=2023&to=2026", "Báo cáo giai đoạn cả nước")]),
            (PortalWithData.MinistryApprover, [("/Projects/Queue", "Việc chờ Lãnh đạo Cục"), ($"/Projects/Details/{data.UnderMinistryReview}", "Đề án chờ phê duyệt")]),
            (PortalWithData.Organiser, [("/", "Trang chủ Ban tổ chức"), ("/Reports/Conference?region=NAM&year=2025&cutoff=30%2F09%2F2025", "Báo cáo hội nghị phía Nam")]),
            (PortalWithData.Viewer, [("/", "Trang chủ Người xem"), ("/Projects", "Đề án (người xem)")]),
            (PortalWithData.Admin, [("/Admin/Users", "Người dùng"), ("/Admin/Users/Create", "Thêm người dùng"), ("/Admin/Audit", "Nhật ký thay đổi"), ("/Admin/Tokens", "Mã API"), ("/Admin/Mail", "Thư thông báo"),
                ("/Reference/Provinces", "Tỉnh, thành phố"), ("/Reference/Norms", "Định mức hỗ trợ"), ("/Reference/Contents", "Nội dung hoạt động"), ("/Reference/Targets", "Mục tiêu chương trình")]),
        })
        {
            var page = await session.NewPageAsync(Width, 844);
            await session.SignInAsync(page, user);
            foreach (var (path, what) in pages)
            {
                if ((await page.GotoAsync(path))?.Status is { } status && status != 200)
                {
                    problems.Add($"{what} ({path}): HTTP {status}");
                }

                if (await PageLayout.OverflowAsync(page, Width, what) is { } problem)
                {
                    problems.Add(problem);
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
