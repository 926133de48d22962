using KhuyenCong.Domain.Identity;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>A KCQG project through the hands of the four people who move it, in a real browser.</summary>
public sealed class ProjectJourney
{
    [Fact]
    public async Task Officer_registers_province_forwards_ministry_appraises_another_leader_approves_officer_disburses()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("chuyenvien@bacninh.vn", Roles.ProvinceOfficer, "24");
        await session.Portal.CreateUserAsync("lanhdao@bacninh.vn", Roles.ProvinceApprover, "24");
        await session.Portal.CreateUserAsync("chuyenvien@cuc.vn", Roles.MinistryOfficer);
        await session.Portal.CreateUserAsync("lanhdao@cuc.vn", Roles.MinistryApprover);

        // The province officer registers and submits.
        var officer = await session.NewPageAsync();
        await session.SignInAsync(officer, "chuyenvien@bacninh.vn");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Đề án", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("empty")).ToBeVisibleAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Đăng ký đề án" }).ClickAsync();
        await officer.Locator("[name='Input.PlanYear']").FillAsync("2026");
        await officer.Locator("[name='Input.Source']").SelectOptionAsync("KCQG");
        await officer.Locator("[name='Input.Title']").FillAsync("Hỗ trợ máy sấy chè cho Hợp tác xã Chè Tân Cương");
        await officer.Locator("[name='Input.ImplementingUnit']").FillAsync("Trung tâm Khuyến công Bắc Ninh");
        await officer.Locator("[name='Input.StartDate']").FillAsync("01/03/2026");
        await officer.Locator("[name='Input.EndDate']").FillAsync("30/11/2026");
        await officer.Locator("[name='Input.CounterpartCommitted']").FillAsync("1.100.000.000");
        await officer.Locator("[name='Input.Contents[0].ContentCode']").SelectOptionAsync("ND03");
        await officer.Locator("[name='Input.Contents[0].TotalCost']").FillAsync("1.550.000.000");
        await officer.Locator("[name='Input.Contents[0].RequestedAmount']").FillAsync("450.000.000");
        await officer.Locator("[name='Input.Beneficiaries[0].Name']").FillAsync("Hợp tác xã Chè Tân Cương");
        await officer.Locator("[name='Input.Beneficiaries[0].TaxCode']").FillAsync("4600123459");
        await officer.Locator("[name='Input.Beneficiaries[0].Commune']").FillAsync("xã Tân Cương");
        await officer.Locator("[name='Input.Outcomes[0].IndicatorCode']").SelectOptionAsync("CO_SO_UNG_DUNG_MAY_MOC");
        await officer.Locator("[name='Input.Outcomes[0].Target']").FillAsync("1");
        await BrowserSession.ScreenshotAsync(officer, "project-register");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("state")).ToHaveTextAsync("Nháp");
        var code = await officer.GetByTestId("code").TextContentAsync();
        await Assertions.Expect(officer.GetByTestId("checklist")).ToContainTextAsync("Dự toán kinh phí (bắt buộc trước khi gửi Sở)");
        await officer.Locator("#category").SelectOptionAsync("Dự toán kinh phí");
        await officer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "Dự toán kinh phí.pdf", MimeType = "application/pdf", Buffer = KhuyenCong.Web.Projects.DocumentStore.SamplePdf() });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("documents")).ToContainTextAsync("Dự toán kinh phí.pdf");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi Sở thẩm định" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("state")).ToHaveTextAsync("Đã gửi Sở");

        // The province's leader finds it waiting, records the base appraisal and forwards it to the ministry.
        var province = await session.NewPageAsync();
        await session.SignInAsync(province, "lanhdao@bacninh.vn");
        await province.GetByRole(AriaRole.Link, new() { Name = "Việc chờ tôi", Exact = true }).ClickAsync();
        await province.GetByRole(AriaRole.Link, new() { Name = code! }).ClickAsync();
        var baseAppraisal = province.GetByTestId("act-AppraiseBase");
        await baseAppraisal.Locator("[name='Command.Amount']").FillAsync("450.000.000");
        await baseAppraisal.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(province.GetByTestId("timeline")).ToContainTextAsync("Thẩm định cơ sở");
        await province.GetByTestId("act-Forward").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(province.GetByTestId("state")).ToHaveTextAsync("Bộ đang thẩm định");

        // A ministry officer appraises.
        var ministry = await session.NewPageAsync();
        await session.SignInAsync(ministry, "chuyenvien@cuc.vn");
        await ministry.GetByRole(AriaRole.Link, new() { Name = "Việc chờ tôi", Exact = true }).ClickAsync();
        await ministry.GetByRole(AriaRole.Link, new() { Name = code! }).ClickAsync();
        await Assertions.Expect(ministry.GetByTestId("norm-ok")).ToBeVisibleAsync();
        var appraise = ministry.GetByTestId("act-AppraiseMinistry");
        await appraise.Locator("[name='Command.Amount']").FillAsync("400.000.000");
        await appraise.Locator("[name='Command.Comment']").FillAsync("Giảm chi phí lắp đặt");
        await appraise.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(ministry.Locator(".alert-success")).ToContainTextAsync("Đã thẩm định đề án.");
        await Assertions.Expect(ministry.GetByTestId("act-Approve")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(ministry, "project-appraised");

        // A different person, the ministry's leader, approves.
        var leader = await session.NewPageAsync();
        await session.SignInAsync(leader, "lanhdao@cuc.vn");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Việc chờ tôi", Exact = true }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = code! }).ClickAsync();
        var approve = leader.GetByTestId("act-Approve");
        await approve.Locator("[name='Command.Amount']").FillAsync("400.000.000");
        await approve.Locator("[name='Command.Date']").FillAsync("20/03/2026");
        await approve.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("state")).ToHaveTextAsync("Đã phê duyệt, giao kế hoạch");
        await Assertions.Expect(leader.GetByTestId("approved")).ToHaveTextAsync("400.000.000");

        // The officer records the contract and a disbursement.
        await officer.ReloadAsync();
        var contract = officer.GetByTestId("act-RecordContract");
        await contract.Locator("[name='Command.Reference']").FillAsync("15/2026/HĐ-KCQG");
        await contract.Locator("[name='Command.Date']").FillAsync("01/04/2026");
        await contract.Locator("[name='Command.Amount']").FillAsync("400.000.000");
        await contract.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("state")).ToHaveTextAsync("Đã ký hợp đồng");
        var pay = officer.GetByTestId("act-RecordDisbursement");
        await pay.Locator("[name='Command.Date']").FillAsync("15/04/2026");
        await pay.Locator("[name='Command.Amount']").FillAsync("200.000.000");
        await pay.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("state")).ToHaveTextAsync("Đang thực hiện");
        await Assertions.Expect(officer.GetByTestId("disbursed")).ToHaveTextAsync("200.000.000");
        await Assertions.Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Giải ngân (Ngân sách) ngày 15/04/2026");
        await BrowserSession.ScreenshotAsync(officer, "project-in-progress");
    }
}
