using System.Net;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>A project from registration to settlement, driven over HTTP by the people who do each step.</summary>
public sealed class ProjectLifecycleSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task A_kcqg_project_goes_from_registration_to_settlement()
    {
        var portal = await fixture.GetAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);

        var id = await RegisterAsync(portal, officer, "KCQG", "Hỗ trợ máy sấy chè cho Hợp tác xã Chè Tân Cương");
        var project = await portal.WithDbAsync(db => db.Projects.Include(p => p.Province).SingleAsync(p => p.Id == id));
        Assert.StartsWith("KCQG-2026-24-", project.Code);
        Assert.Equal(ProjectState.Draft, project.State);
        Assert.Equal(450_000_000m, project.RequestedSupport);

        await ActOkAsync(portal, officer, id, ProjectAction.Submit);
        var approver = await SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        await ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, new() { ["Command.Amount"] = "450.000.000", ["Command.Comment"] = "Đủ hồ sơ" });
        await ActOkAsync(portal, approver, id, ProjectAction.Forward);
        var ministry = await SignedInAsync(portal, PortalFixture.MinistryOfficer);
        await ActOkAsync(portal, ministry, id, ProjectAction.AppraiseMinistry, new() { ["Command.Amount"] = "400.000.000", ["Command.Comment"] = "Giảm phần chi phí lắp đặt" });

        var queue = HttpForms.Text(await (await SignedInAsync(portal, PortalFixture.MinistryApprover)).GetPageAsync("/Projects/Queue"));
        Assert.Contains(project.Code, queue);

        var leader = await SignedInAsync(portal, PortalFixture.MinistryApprover);
        var tooMuch = await ProjectAccessSpecs.PostActAsync(portal, leader, id, ProjectAction.Approve, new() { ["Command.Amount"] = "500.000.000" });
        Assert.Contains("không vượt kinh phí đề nghị (450.000.000 đồng)", HttpForms.Text(await tooMuch.Content.ReadAsStringAsync()));
        await ActOkAsync(portal, leader, id, ProjectAction.Approve, new() { ["Command.Amount"] = "400.000.000", ["Command.Date"] = "20/03/2026" });

        await ActOkAsync(portal, officer, id, ProjectAction.RecordContract, new() { ["Command.Reference"] = "15/2026/HĐ-KCQG", ["Command.Date"] = "01/04/2026", ["Command.Amount"] = "400.000.000" });
        var overAdvance = await ProjectAccessSpecs.PostActAsync(portal, officer, id, ProjectAction.RecordDisbursement,
            new() { ["Command.Date"] = "15/04/2026", ["Command.Amount"] = "300.000.000", ["Command.MoneySource"] = "State" });
        Assert.Contains("Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng)", HttpForms.Text(await overAdvance.Content.ReadAsStringAsync()));
        await ActOkAsync(portal, officer, id, ProjectAction.RecordDisbursement, new() { ["Command.Date"] = "15/04/2026", ["Command.Amount"] = "280.000.000", ["Command.MoneySource"] = "State" });
        await ActOkAsync(portal, officer, id, ProjectAction.RecordDisbursement, new() { ["Command.Date"] = "20/04/2026", ["Command.Amount"] = "600.000.000", ["Command.MoneySource"] = "Counterpart" });
        await ActOkAsync(portal, officer, id, ProjectAction.RecordProgress, new() { ["Command.Date"] = "30/05/2026", ["Command.Comment"] = "Đã lắp đặt 2/3 máy sấy" });
        await ActOkAsync(portal, officer, id, ProjectAction.RecordAcceptance, new()
        {
            ["Command.Date"] = "15/09/2026",
            ["Command.Reference"] = "12/BB-NT",
            ["Command.Amount"] = "390.000.000",
            ["Command.Counterpart"] = "1.250.000.000",
            ["Command.Actuals[LAO_DONG_DAO_TAO]"] = "32",
        });
        await ActOkAsync(portal, officer, id, ProjectAction.RecordDisbursement, new() { ["Command.Date"] = "25/09/2026", ["Command.Amount"] = "110.000.000", ["Command.MoneySource"] = "State" });
        await ActOkAsync(portal, officer, id, ProjectAction.Settle, new() { ["Command.Date"] = "20/11/2026", ["Command.Amount"] = "390.000.000" });

        var done = await portal.WithDbAsync(db => db.Projects.Include(p => p.Events).Include(p => p.Outcomes).SingleAsync(p => p.Id == id));
        Assert.Equal(ProjectState.Settled, done.State);
        Assert.Equal((400_000_000m, 390_000_000m, 390_000_000m, 10_000_000m), (done.ApprovedSupport!.Value, done.AcceptedAmount!.Value, done.SettledAmount!.Value, done.ReturnedAmount!.Value));
        Assert.Equal(32m, done.Outcomes.Single().Actual);
        Assert.Equal(14, done.Events.Count);

        var page = HttpForms.Text(await officer.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("Đã quyết toán", page);
        Assert.Contains("Phê duyệt, giao kế hoạch", page);
        Assert.Contains("Bộ đang thẩm định → Đã phê duyệt, giao kế hoạch", page);
        // People on the record by full name and role, not by the e-mail they sign in with.
        Assert.Contains("Người thử MinistryApprover (Lãnh đạo Cục)", page);
        Assert.DoesNotContain(PortalFixture.MinistryApprover, page);
        Assert.Contains(">3,13<", page);
    }

    [Fact]
    public async Task A_draft_without_its_required_dossier_is_not_sent_and_the_page_says_what_is_missing()
    {
        var portal = await fixture.GetAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var id = await RegisterAsync(portal, officer, "KCDP", "Đào tạo nghề đan lát", withCostEstimate: false);
        var page = HttpForms.Text(await officer.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("Dự toán kinh phí<span class=\"text-danger\"> (bắt buộc trước khi gửi Sở)</span>", page);

        var refused = await ProjectAccessSpecs.PostActAsync(portal, officer, id, ProjectAction.Submit);
        Assert.Contains("Hồ sơ còn thiếu: Dự toán kinh phí. Hãy đính kèm trước khi gửi Sở.", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(ProjectState.Draft, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await ProjectUploadSpecs.UploadAsync(officer, "/Projects", id, "du-toan.pdf", HostileUploadSpecs.Pdf())).StatusCode);
        await ActOkAsync(portal, officer, id, ProjectAction.Submit);
    }

    [Fact]
    public async Task A_kcdp_project_is_approved_by_the_province_and_never_forwarded()
    {
        var portal = await fixture.GetAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var id = await RegisterAsync(portal, officer, "KCDP", "Đào tạo nghề mây tre đan");
        await ActOkAsync(portal, officer, id, ProjectAction.Submit);
        var approver = await SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        var forward = await ProjectAccessSpecs.PostActAsync(portal, approver, id, ProjectAction.Forward);
        Assert.Contains("đề án KCĐP do Sở phê duyệt", HttpForms.Text(await forward.Content.ReadAsStringAsync()));
        var unappraised = await ProjectAccessSpecs.PostActAsync(portal, approver, id, ProjectAction.Approve, new() { ["Command.Amount"] = "450.000.000" });
        Assert.Contains("Sở chưa ghi kết quả thẩm định cơ sở", HttpForms.Text(await unappraised.Content.ReadAsStringAsync()));
        await ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, new() { ["Command.Amount"] = "450.000.000" });
        var samePerson = await ProjectAccessSpecs.PostActAsync(portal, approver, id, ProjectAction.Approve, new() { ["Command.Amount"] = "450.000.000" });
        Assert.Contains("bạn đã thẩm định đề án này; người phê duyệt phải là người khác", HttpForms.Text(await samePerson.Content.ReadAsStringAsync()));
        var leader = await SignedInAsync(portal, PortalFixture.AppraiserBacNinh);
        await ActOkAsync(portal, leader, id, ProjectAction.Approve, new() { ["Command.Amount"] = "450.000.000" });
        Assert.Equal(ProjectState.Approved, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task A_returned_project_shows_the_reason_and_can_be_fixed_and_resubmitted()
    {
        var portal = await fixture.GetAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var id = await RegisterAsync(portal, officer, "KCQG", "Ứng dụng máy cắt laser cho cơ sở cơ khí");
        await ActOkAsync(portal, officer, id, ProjectAction.Submit);
        var approver = await SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        var noReason = await ProjectAccessSpecs.PostActAsync(portal, approver, id, ProjectAction.ReturnByProvince);
        Assert.Contains("Hãy nêu lý do.", HttpForms.Text(await noReason.Content.ReadAsStringAsync()));
        await ActOkAsync(portal, approver, id, ProjectAction.ReturnByProvince, new() { ["Command.Comment"] = "Thiếu báo giá máy móc" });

        var page = HttpForms.Text(await officer.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("Thiếu báo giá máy móc", page);
        Assert.Contains(await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Code).SingleAsync()), HttpForms.Text(await officer.GetPageAsync("/Projects/Queue")));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Projects/Edit/{id}")).StatusCode);
        await ActOkAsync(portal, officer, id, ProjectAction.Submit);
    }

    [Fact]
    public async Task An_approved_amount_adjustment_keeps_the_old_value_in_history()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        await ActOkAsync(portal, officer, id, ProjectAction.RequestAdjustment, new() { ["Command.AdjustmentKind"] = "Amount", ["Command.Amount"] = "350.000.000", ["Command.Comment"] = "Giá máy giảm" });
        var adjustmentId = await portal.WithDbAsync(db => db.Adjustments.Where(a => a.ProjectId == id).Select(a => a.Id).SingleAsync());

        var provinceApprover = await SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        var wrongAuthority = await ProjectAccessSpecs.PostActAsync(portal, provinceApprover, id, ProjectAction.DecideAdjustment, new() { ["Command.AdjustmentId"] = $"{adjustmentId}", ["Command.Accept"] = "true" });
        Assert.Contains("Bạn không có quyền quyết định điều chỉnh này.", HttpForms.Text(await wrongAuthority.Content.ReadAsStringAsync()));

        var leader = await SignedInAsync(portal, PortalFixture.MinistryApprover);
        await ActOkAsync(portal, leader, id, ProjectAction.DecideAdjustment, new() { ["Command.AdjustmentId"] = $"{adjustmentId}", ["Command.Accept"] = "true", ["Command.Comment"] = "Đồng ý" });
        var (approved, previous) = await portal.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == id).Select(p => p.ApprovedSupport).SingleAsync(),
            await db.Adjustments.Where(a => a.Id == adjustmentId).Select(a => a.PreviousAmount).SingleAsync()));
        Assert.Equal(350_000_000m, approved);
        Assert.Equal(400_000_000m, previous);
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_draft_is_refused_and_keeps_their_input()
    {
        var portal = await fixture.GetAsync();
        var first = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var id = await RegisterAsync(portal, first, "KCQG", "Tiêu đề ban đầu");
        var second = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var firstPage = await first.GetPageAsync($"/Projects/Edit/{id}");
        var secondPage = await second.GetPageAsync($"/Projects/Edit/{id}");

        var saved = await first.SubmitAsync($"/Projects/Edit/{id}", DraftFields(secondPage: firstPage, "KCQG", "Tiêu đề của người thứ nhất"), page: firstPage);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.SubmitAsync($"/Projects/Edit/{id}", DraftFields(secondPage, "KCQG", "Tiêu đề của người thứ hai"), page: secondPage);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = HttpForms.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Đề án vừa được người khác thay đổi", html);
        Assert.Contains("value=\"Tiêu đề của người thứ hai\"", html);
        Assert.Equal("Tiêu đề của người thứ nhất", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Registration_refuses_bad_input_with_vietnamese_messages()
    {
        var portal = await fixture.GetAsync();
        var officer = await SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        var fields = DraftFields(page, "KCQG", "");
        fields["Input.Beneficiaries[0].TaxCode"] = "12345";
        fields["Input.Contents[0].RequestedAmount"] = "1.234,5";
        fields["Input.EndDate"] = "01/01/2026";
        var response = await officer.SubmitAsync("/Projects/Edit", fields, page: page);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hãy nhập tên đề án.", html);
        Assert.Contains("Mã số thuế «12345» phải có 10 chữ số, 13 chữ số (đơn vị phụ thuộc) hoặc 12 chữ số (số định danh cá nhân).", html);
        Assert.Contains("Kinh phí đề nghị là số đồng nguyên lớn hơn 0.", html);
        Assert.Contains("Ngày kết thúc phải sau ngày bắt đầu.", html);
    }

    internal static async Task<HttpClient> SignedInAsync(PortalFactory portal, string email)
    {
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        return client;
    }

    internal static async Task ActOkAsync(PortalFactory portal, HttpClient client, int id, ProjectAction action, Dictionary<string, string>? fields = null)
    {
        var response = await ProjectAccessSpecs.PostActAsync(portal, client, id, action, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{action}: {response.StatusCode} {HttpForms.Text(await response.Content.ReadAsStringAsync()).Split("data-testid=\"errors\"").Skip(1).FirstOrDefault()?[..400]}");
    }

    internal static async Task<int> RegisterAsync(PortalFactory portal, HttpClient officer, string source, string title, bool withCostEstimate = true)
    {
        var page = await officer.GetPageAsync("/Projects/Edit");
        var response = await officer.SubmitAsync("/Projects/Edit", DraftFields(page, source, title), page: page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        if (withCostEstimate)
        {
            // The dossier's required item, filed as the officer does before sending the draft.
            var upload = await ProjectUploadSpecs.UploadAsync(officer, "/Projects", id, "du-toan.pdf", HostileUploadSpecs.Pdf());
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        return id;
    }

    internal static Dictionary<string, string> DraftFields(string secondPage, string source, string title) => new()
    {
        ["Version"] = HttpForms.Field(secondPage, "Version"),
        ["Input.PlanYear"] = "2026",
        ["Input.ProvinceId"] = HttpForms.SelectedOption(secondPage, "Input.ProvinceId"),
        ["Input.Source"] = source,
        ["Input.Kind"] = "Thuong",
        ["Input.Title"] = title,
        ["Input.ImplementingUnit"] = "Trung tâm Khuyến công Bắc Ninh",
        ["Input.StartDate"] = "01/03/2026",
        ["Input.EndDate"] = "30/11/2026",
        ["Input.CounterpartCommitted"] = "1.100.000.000",
        ["Input.Contents[0].ContentCode"] = "ND03",
        ["Input.Contents[0].TotalCost"] = "1.550.000.000",
        ["Input.Contents[0].RequestedAmount"] = "450.000.000",
        ["Input.Beneficiaries[0].Name"] = "Hợp tác xã Chè Tân Cương",
        ["Input.Beneficiaries[0].TaxCode"] = "4600123459",
        ["Input.Beneficiaries[0].Type"] = "Cooperative",
        ["Input.Beneficiaries[0].Commune"] = "xã Tân Cương",
        ["Input.Outcomes[0].IndicatorCode"] = "LAO_DONG_DAO_TAO",
        ["Input.Outcomes[0].Target"] = "30",
    };
}
