using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The holes a tester found around the pages (issue "one record, one set of rules"), each tried again through the
/// path that opened it: the Excel import, a plain form post, parallel writers. Every refusal is the domain's.
/// They run on SQLite and PostgreSQL alike, since the parallel writers and the unique code meet each database's
/// own locking.
/// </summary>
public abstract class IntegritySpecs(PortalFixture fixture)
{
    private static readonly ProjectActor s_ministry = new("test-ministry", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());

    private static ProjectActor OfficerOf(int provinceId) =>
        new("test-officer", "Chuyên viên", Roles.ProvinceOfficer, new HashSet<int> { provinceId }, new HashSet<string>());

    [Fact]
    public async Task An_approved_project_is_not_rewritten_by_a_DeAn_row_and_its_accepted_outcomes_not_by_a_KetQua_row()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Accepted, 400_000_000).SaveAsync();
        var stored0 = await portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == id));
        var (code, province) = (stored0.Code, stored0.ProvinceId);

        // Source KCQG→KCĐP, another title and request: the row differs from the stored project.
        var rewrite = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
                [code, 2026, "24", "KCĐP", "Thường", "ND03", "Tên khác", "Trung tâm Khuyến công", 5_000_000_000, 400_000_000, 1_200_000_000, "Đã nghiệm thu", "01/02/2026"])
            .Sheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders, [code, "LAO_DONG_DAO_TAO", 30, 99]).Bytes();
        foreach (var actor in new[] { OfficerOf(province), s_ministry })
        {
            var result = await ImportSpecs.ImportAsync(portal, rewrite, actor);
            Assert.False(result.Succeeded);
            Assert.Contains("DeAn!2: Trạng thái: Đề án đã phê duyệt: chỉ thay đổi được qua điều chỉnh.", result.Errors.Select(e => e.ToString()));
        }

        var outcomeOnly = ImportSpecs.Book().Sheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders, [code, "LAO_DONG_DAO_TAO", 30, 99]);
        var refused = await ImportSpecs.ImportAsync(portal, outcomeOnly.Bytes(), s_ministry);
        Assert.Contains("KetQua!2: Thực hiện: Kết quả thực hiện đã cố định khi nghiệm thu; chỉ sửa được bằng sửa chữa dữ liệu có lý do.", refused.Errors.Select(e => e.ToString()));

        var stored = await portal.WithDbAsync(db => db.Projects.Include(p => p.Outcomes).SingleAsync(p => p.Id == id));
        Assert.Equal((FundingSource.KCQG, "Hỗ trợ ứng dụng máy móc sản xuất mây tre đan", 500_000_000m, (decimal?)null),
            (stored.Source, stored.Title, stored.RequestedSupport, stored.Outcomes.Single().Actual));
    }

    [Fact]
    public async Task Payments_are_refused_on_settled_uncontracted_and_draft_projects_in_the_future_and_beyond_the_accepted_amount()
    {
        var portal = await fixture.GetAsync();
        var settled = await CodeOf(portal, await new ProjectBuilder(portal).In("24", 2025).State(ProjectState.Settled, 400_000_000).SaveAsync());
        var approved = await CodeOf(portal, await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Approved, 400_000_000).SaveAsync());
        var draft = await CodeOf(portal, await new ProjectBuilder(portal).In("24", 2026).SaveAsync());
        var running = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders,
            [settled, "01/02/2026", 1_000_000, "Ngân sách", null],
            [approved, "01/05/2026", 1_000_000, "Ngân sách", null],
            [draft, "01/05/2026", 1_000_000, "Đối ứng", null],
            [await CodeOf(portal, running), "01/01/2099", 1_000_000, "Ngân sách", null],
            [await CodeOf(portal, running), "01/01/2020", 1_000_000, "Ngân sách", null]);
        var result = await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("GiaiNgan!2: Mã đề án: Không thể ghi nhận giải ngân: đề án đang ở trạng thái «Đã quyết toán».", errors);
        Assert.Contains("GiaiNgan!3: Mã đề án: Không thể ghi nhận giải ngân: đề án đang ở trạng thái «Đã phê duyệt, giao kế hoạch».", errors);
        Assert.Contains("GiaiNgan!4: Mã đề án: Không thể ghi nhận giải ngân: đề án đang ở trạng thái «Nháp».", errors);
        Assert.Contains("GiaiNgan!5: Ngày: Ngày giải ngân không được ở tương lai.", errors);
        Assert.Contains("GiaiNgan!6: Ngày: Ngày giải ngân không được trước ngày 01/01/2025 (năm kế hoạch 2026 trừ một năm).", errors);

        // After acceptance at 380 triệu, state money paid may reach 380 triệu, not the 400 approved.
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, running, ProjectAction.RecordDisbursement, new() { ["Command.Date"] = "15/04/2026", ["Command.Amount"] = "280.000.000", ["Command.MoneySource"] = "State" });
        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, running, ProjectAction.RecordAcceptance, new() { ["Command.Date"] = "15/09/2026", ["Command.Amount"] = "380.000.000", ["Command.Counterpart"] = "0" });
        var over = await ProjectAccessSpecs.PostActAsync(portal, officer, running, ProjectAction.RecordDisbursement, new() { ["Command.Date"] = "20/09/2026", ["Command.Amount"] = "120.000.000", ["Command.MoneySource"] = "State" });
        Assert.Contains("Tổng giải ngân ngân sách (400.000.000 đồng) vượt kinh phí nghiệm thu (380.000.000 đồng).", HttpForms.Text(await over.Content.ReadAsStringAsync()));
        Assert.Equal(280_000_000m, await StatePaidAsync(portal, running));
    }

    [Fact]
    public async Task A_return_by_the_ministry_clears_its_appraisal_so_the_project_cannot_be_approved_without_a_new_one()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var id = await ProjectLifecycleSpecs.RegisterAsync(portal, officer, "KCQG", "Ứng dụng máy sấy chè");
        var approver = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        var ministry = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryOfficer);
        var leader = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryApprover);

        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.Submit);
        var unappraised = await ProjectAccessSpecs.PostActAsync(portal, approver, id, ProjectAction.Forward);
        Assert.Contains("Sở chưa thẩm định cơ sở", HttpForms.Text(await unappraised.Content.ReadAsStringAsync()));
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, new() { ["Command.Amount"] = "450.000.000" });
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.Forward);
        await ProjectLifecycleSpecs.ActOkAsync(portal, ministry, id, ProjectAction.AppraiseMinistry, new() { ["Command.Amount"] = "50.000.000" });
        await ProjectLifecycleSpecs.ActOkAsync(portal, ministry, id, ProjectAction.ReturnByMinistry, new() { ["Command.Comment"] = "Bổ sung báo giá" });
        var returned = await portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal(((decimal?)null, (decimal?)null, (string?)null), (returned.MinistryRecommendedSupport, returned.BaseRecommendedSupport, returned.MinistryAppraiserId));

        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.Submit);
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, new() { ["Command.Amount"] = "450.000.000" });
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.Forward);
        var approve = await ProjectAccessSpecs.PostActAsync(portal, leader, id, ProjectAction.Approve, new() { ["Command.Amount"] = "400.000.000" });
        Assert.Contains("đề án chưa được Cục thẩm định", HttpForms.Text(await approve.Content.ReadAsStringAsync()));
        Assert.Equal(ProjectState.UnderMinistryReview, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task An_imported_code_ahead_of_the_series_and_parallel_registrations_never_make_registration_fail()
    {
        var portal = await fixture.GetAsync();
        var bacNinh = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "24" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var imported = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
            ["KCQG-2026-24-0907", 2026, "24", "KCQG", "Thường", "ND03", "Nhập từ Excel", "Trung tâm Khuyến công", 300_000_000, null, 0, "Nháp", null]);
        var result = await ImportSpecs.ImportAsync(portal, imported.Bytes(), OfficerOf(bacNinh));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var officers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh)));
        var ids = await Task.WhenAll(officers.Select((o, i) => ProjectLifecycleSpecs.RegisterAsync(portal, o, "KCQG", $"Đăng ký song song {i}")));
        var codes = await portal.WithDbAsync(db => db.Projects.Where(p => ids.Contains(p.Id)).Select(p => p.Code).ToListAsync());
        Assert.Equal(6, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(string.CompareOrdinal(c, "KCQG-2026-24-0907") > 0, c));
    }

    [Fact]
    public async Task Amounts_beyond_ten_to_the_fifteen_and_implausible_dates_are_refused_on_every_path()
    {
        var portal = await fixture.GetAsync();
        var huge = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
            ["T-HUGE-1", 2026, "24", "KCQG", "Thường", "ND03", "Đề án", "Trung tâm", 1e28, null, 0, "Nháp", null]);
        var result = await ImportSpecs.ImportAsync(portal, huge.Bytes(), s_ministry);
        Assert.Contains("DeAn!2: Kinh phí đề nghị (đồng): Số tiền không được vượt 1.000.000.000.000.000 đồng (10^15).", result.Errors.Select(e => e.ToString()));

        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        var fields = new Dictionary<string, string>
        {
            ["Version"] = HttpForms.Field(page, "Version"),
            ["Input.PlanYear"] = "2026",
            ["Input.ProvinceId"] = HttpForms.SelectedOption(page, "Input.ProvinceId"),
            ["Input.Source"] = "KCQG",
            ["Input.Kind"] = "Thuong",
            ["Input.Title"] = "Ngày không hợp lý",
            ["Input.ImplementingUnit"] = "Trung tâm",
            ["Input.StartDate"] = "01/01/0001",
            ["Input.EndDate"] = "31/12/9999",
            ["Input.Contents[0].ContentCode"] = "ND03",
            ["Input.Contents[0].TotalCost"] = "1.000.000.000",
            ["Input.Contents[0].RequestedAmount"] = "400.000.000",
        };
        var response = await officer.SubmitAsync("/Projects/Edit", fields, page: page);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ngày bắt đầu (01/01/0001) phải từ 01/01/2000 trở đi.", html);
        Assert.Contains("Ngày kết thúc (31/12/9999) phải trước năm 2101.", html);
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Title == "Ngày không hợp lý")));
    }

    [Fact]
    public async Task A_web_payment_and_an_import_at_the_same_moment_never_exceed_the_advance_limit()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 100_000_000).SaveAsync();
        var code = await CodeOf(portal, id);
        var province = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.ProvinceId).SingleAsync());
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders, [code, "10/04/2026", 40_000_000, "Ngân sách", "Từ Excel"]);

        // Each alone is within 70 triệu; both together would be 80 triệu.
        var web = ProjectAccessSpecs.PostActAsync(portal, officer, id, ProjectAction.RecordDisbursement,
            new() { ["Command.Date"] = "10/04/2026", ["Command.Amount"] = "40.000.000", ["Command.MoneySource"] = "State" });
        var import = ImportSpecs.ImportAsync(portal, book.Bytes(), OfficerOf(province));
        await Task.WhenAll(web, import);

        Assert.Equal(40_000_000m, await StatePaidAsync(portal, id));
        var refusals = HttpForms.Text(await (await web).Content.ReadAsStringAsync()) + string.Join("\n", (await import).Errors);
        Assert.True(refusals.Contains("70%", StringComparison.Ordinal) || refusals.Contains("vừa được người khác thay đổi", StringComparison.Ordinal), refusals);
    }

    [Fact]
    public async Task An_operator_correction_needs_a_reason_and_is_recorded_field_by_field()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Approved, 400_000_000).SaveAsync();
        var code = await CodeOf(portal, id);
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
            [code, 2026, "24", "KCQG", "Thường", "ND03", "Tên đã sửa", "Trung tâm Khuyến công", 500_000_000, 400_000_000, 1_200_000_000, "Đã phê duyệt, giao kế hoạch", "01/02/2026"]).Bytes();
        await using var scope = portal.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ExchangeImporter>();
        var noReason = await importer.ImportAsync(new MemoryStream(book), ProjectBuilder.Operator, false, new ImportLimits(), correctionReason: " ");
        Assert.Contains("phải nêu lý do", string.Join("\n", noReason.Errors));
        var province = await importer.ImportAsync(new MemoryStream(book), OfficerOf(1), false, new ImportLimits(), correctionReason: "Sửa tên");
        Assert.False(province.Succeeded);

        var corrected = await importer.ImportAsync(new MemoryStream(book), ProjectBuilder.Operator, false, new ImportLimits(), correctionReason: "Sửa tên theo công văn 12/CTS");
        Assert.True(corrected.Succeeded, string.Join("\n", corrected.Errors));
        var project = await portal.WithDbAsync(db => db.Projects.Include(p => p.Events).SingleAsync(p => p.Id == id));
        Assert.Equal("Tên đã sửa", project.Title);
        var correction = project.Events.Single(e => e.Action.StartsWith("Sửa chữa dữ liệu", StringComparison.Ordinal));
        Assert.Equal(("Sửa chữa dữ liệu: tên đề án", "Sửa tên theo công văn 12/CTS"), (correction.Action, correction.Comment));

        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryOfficer);
        var page = HttpForms.Text(await officer.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("Hỗ trợ ứng dụng máy móc sản xuất mây tre đan", page[page.IndexOf("data-testid=\"project-history\"", StringComparison.Ordinal)..]);
        Assert.Contains("Tên đã sửa", page);
    }

    private static Task<string> CodeOf(PortalFactory portal, int id) => portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

    private static Task<decimal> StatePaidAsync(PortalFactory portal, int id) => portal.WithDbAsync(async db =>
        (await db.Disbursements.Where(d => d.ProjectId == id && d.Source == MoneySource.State).Select(d => d.Amount).ToListAsync()).Sum());
}

public sealed class IntegrityOnSqlite(SqlitePortalFixture fixture) : IntegritySpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class IntegrityOnPostgreSql(PostgresPortalFixture fixture) : IntegritySpecs(fixture), IClassFixture<PostgresPortalFixture>;
