using System.Globalization;
using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Periodic reports over HTTP, with the portal's clock set by the test: a province drafts and submits, figures come
/// from the data as of the period end, a submitted report is locked, only a ministry approver reopens it (audited), and
/// the completeness board counts expected, on-time, late and missing reports. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class PeriodicReportSpecs : IAsyncLifetime
{
    private const string OfficerBacNinh = "cv.bacninh@test.vn";
    private const string ApproverBacNinh = "ld.bacninh@test.vn";
    private const string OfficerHanoi = "cv.hanoi@test.vn";
    private const string ApproverHanoi = "ld.hanoi@test.vn";
    private const string MinistryOfficer = "cv.cuc@test.vn";
    private const string MinistryApprover = "ld.cuc@test.vn";
    private const string OrganiserSouth = "btc.nam@test.vn";
    private const string Viewer = "xem@test.vn";

    private readonly TestClock _clock = new(new DateTimeOffset(2026, 4, 10, 2, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    protected abstract void RequireDatabase();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        RequireDatabase();
        _portal = new PortalFactory(await CreateDatabaseAsync(), clock: _clock);
        await _portal.StartAsync();
        await _portal.CreateUserAsync(OfficerBacNinh, Roles.ProvinceOfficer, "24");
        await _portal.CreateUserAsync(ApproverBacNinh, Roles.ProvinceApprover, "24");
        await _portal.CreateUserAsync(OfficerHanoi, Roles.ProvinceOfficer, "01");
        await _portal.CreateUserAsync(ApproverHanoi, Roles.ProvinceApprover, "01");
        await _portal.CreateUserAsync(MinistryOfficer, Roles.MinistryOfficer);
        await _portal.CreateUserAsync(MinistryApprover, Roles.MinistryApprover);
        await _portal.CreateUserAsync(OrganiserSouth, Roles.ConferenceOrganiser, null, "NAM");
        await _portal.CreateUserAsync(Viewer, Roles.Viewer);

        // Bắc Ninh (new, 24) in 2026: KCQG 5 tỷ; KCĐP 3 tỷ raised to 4 tỷ after the first quarter; a project paid
        // 1 tỷ in March and 0,5 tỷ in April, with 2 tỷ of counterpart in March.
        var project = await new ProjectBuilder(_portal).In("24", 2026).State(ProjectState.InProgress, 2_200_000_000).SaveAsync();
        await _portal.WithDbAsync(async db =>
        {
            var bacNinh = await db.Projects.Where(p => p.Id == project).Select(p => p.ProvinceId).SingleAsync();
            void Plan(FundingSource source, decimal amount, DateOnly decided) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = 2026, ProvinceId = bacNinh, Source = source, Amount = amount, DecisionNumber = "QĐ", DecisionDate = decided });
            Plan(FundingSource.KCQG, 5_000_000_000, new DateOnly(2026, 1, 10));
            Plan(FundingSource.KCDP, 3_000_000_000, new DateOnly(2026, 2, 15));
            Plan(FundingSource.KCDP, 4_000_000_000, new DateOnly(2026, 5, 1));
            return await db.SaveChangesAsync();
        });
        await ProjectBuilder.PayAsync(_portal, project,
            (new DateOnly(2026, 3, 20), 1_000_000_000, MoneySource.State),
            (new DateOnly(2026, 3, 25), 2_000_000_000, MoneySource.Counterpart),
            (new DateOnly(2026, 4, 5), 500_000_000, MoneySource.State));
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            await _portal.Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_province_drafts_and_submits_its_quarterly_report_with_figures_as_of_the_period_end()
    {
        var id = await CreateAsync(OfficerBacNinh, 2026, ReportPeriod.Quarter1);
        var report = await ReportAsync(id);
        Assert.Equal((5_000_000_000m, 3_000_000_000m, 1_000_000_000m, 0m, 2_000_000_000m, 1),
            (report.PlanKcqg, report.PlanKcdp, report.ExecutedKcqg, report.ExecutedKcdp, report.CounterpartPaid, report.ProjectsApproved));

        var officer = await SignedInAsync(OfficerBacNinh);
        var page = HttpForms.Text(await officer.GetPageAsync($"/Reports/Periodic/Details/{id}"));
        Assert.Contains("Báo cáo Quý I năm 2026 – Bắc Ninh", page);
        Assert.Contains("hạn nộp: <strong>15/04/2026</strong>", page);
        Assert.Contains("<td class=\"num\">5,000</td><td class=\"num\">1,000</td><td class=\"num\">20,00%</td>", page);

        // The officer may not submit; the approver may not submit an empty report.
        var refused = await PostAsync(officer, id, "Submit");
        Assert.Contains("Chỉ lãnh đạo Sở Công Thương của tỉnh mới duyệt và gửi báo cáo định kỳ.", refused);
        var approver = await SignedInAsync(ApproverBacNinh);
        await SaveNarrativeAsync(officer, id, string.Empty);
        Assert.Contains("Hãy nhập phần kết quả đạt được", await PostAsync(approver, id, "Submit"));

        await SaveNarrativeAsync(officer, id, "Đã giải ngân 1 tỷ đồng cho đề án máy sấy chè.");
        Assert.Contains("Đã duyệt và gửi báo cáo lên Bộ.", await PostAsync(approver, id, "Submit", follow: true));

        report = await ReportAsync(id);
        Assert.Equal(PeriodicReportStatus.Submitted, report.Status);
        Assert.Equal(new DateTime(2026, 4, 10, 2, 0, 0), report.FirstSubmittedAtUtc);
        Assert.Equal("Người thử ProvinceApprover (Lãnh đạo Sở Công Thương)", report.SubmittedBy);
    }

    [Fact]
    public async Task A_new_report_has_its_figures_and_a_draft_naming_a_late_project_and_an_indicator_behind_without_pressing_anything()
    {
        // A 2025 project of old Bắc Giang (a predecessor of the new Bắc Ninh): ended 31/10/2025, not accepted, its 30
        // trained workers not reached (none recorded).
        var late = await new ProjectBuilder(_portal).In("24", 2025).Titled("Hỗ trợ máy sấy chè Bắc Giang").State(ProjectState.InProgress, 300_000_000).SaveAsync();
        var code = await _portal.WithDbAsync(db => db.Projects.Where(p => p.Id == late).Select(p => p.Code).SingleAsync());

        var id = await CreateAsync(OfficerBacNinh, 2025, ReportPeriod.Year);
        var report = await ReportAsync(id);
        Assert.Equal(1, report.ProjectsApproved);
        Assert.StartsWith("Tính đến ngày 31/12/2025, tổng kế hoạch kinh phí khuyến công năm 2025 của tỉnh là 0,000 tỷ đồng", report.Results);
        Assert.Contains($"{code} «Hỗ trợ máy sấy chè Bắc Giang» (kết thúc ngày 31/10/2025)", report.Difficulties);
        Assert.Contains("Lao động được đào tạo mới đạt 0/30 người (0,00%)", report.Difficulties);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(("Lao động được đào tạo", "người", 30m, 0m, true), (outcome.Name, outcome.Unit, outcome.Target, outcome.Actual, outcome.Behind));

        var officer = await SignedInAsync(OfficerBacNinh);
        var page = HttpForms.Text(await officer.GetPageAsync($"/Reports/Periodic/Details/{id}"));
        Assert.Contains("<td>Lao động được đào tạo</td><td>người</td><td class=\"num\">30</td><td class=\"num\">0</td>", page);
        Assert.Contains("Soạn lại từ số liệu", page);

        // The officer's own text survives "Cập nhật số liệu"; "Soạn lại từ số liệu" writes the draft again.
        await SaveNarrativeAsync(officer, id, "Bản của chuyên viên.");
        Assert.Contains("Đã cập nhật số liệu", await PostAsync(officer, id, "Refresh", follow: true));
        Assert.Equal(("Bản của chuyên viên.", "Thiếu cán bộ."), ((await ReportAsync(id)).Results, (await ReportAsync(id)).Difficulties));
        Assert.Contains("Đã soạn lại nội dung từ số liệu", await PostAsync(officer, id, "Redraft", follow: true));
        Assert.Contains(code, (await ReportAsync(id)).Difficulties);

        // The workbook and the Word document show the indicators too.
        var excel = await officer.GetAsync($"/Reports/Periodic/Details/{id}?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using (var book = new ClosedXML.Excel.XLWorkbook(await excel.Content.ReadAsStreamAsync()))
        {
            var sheet = book.Worksheet("KetQua");
            Assert.Equal(("Lao động được đào tạo", "người", 30, "Chưa đạt"), (sheet.Cell(3, 2).GetString(), sheet.Cell(3, 3).GetString(), sheet.Cell(3, 4).GetValue<int>(), sheet.Cell(3, 9).GetString()));
            Assert.Contains("đơn vị: tỷ đồng", book.Worksheet("SoLieu").Cell(2, 1).GetString());
            Assert.Contains(code, string.Join("\n", book.Worksheet("NhanXet").CellsUsed().Select(c => c.GetString())));
        }

        var word = await officer.GetAsync($"/Reports/Periodic/Details/{id}?handler=Word");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await word.Content.ReadAsStreamAsync());
        using var xml = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var text = await xml.ReadToEndAsync();
        Assert.Contains("Lao động được đào tạo", text);
        Assert.Contains("Chỉ tiêu kết quả của các đề án được duyệt", text);
    }

    [Fact]
    public async Task A_submitted_report_is_locked_and_only_a_ministry_approver_reopens_it_with_a_reason_in_the_audit_log()
    {
        var id = await SubmittedAsync(OfficerBacNinh, ApproverBacNinh, 2026, ReportPeriod.Quarter1);

        var officer = await SignedInAsync(OfficerBacNinh);
        var page = await officer.GetPageAsync($"/Reports/Periodic/Details/{id}");
        var response = await officer.PostAsync($"/Reports/Periodic/Details/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = (await ReportAsync(id)).Version.ToString(),
            ["Input.Results"] = "Sửa sau khi gửi",
            ["__RequestVerificationToken"] = HttpForms.Token(page),
        }));
        Assert.Contains("Báo cáo đã gửi Bộ nên không sửa được", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Báo cáo số liệu quý I.", (await ReportAsync(id)).Results);

        foreach (var email in new[] { ApproverBacNinh, MinistryOfficer })
        {
            Assert.Contains("Chỉ lãnh đạo Cục mới mở lại báo cáo đã gửi.", await PostAsync(await SignedInAsync(email), id, "Reopen", new() { ["Reason"] = "Sai số liệu" }));
        }

        var leader = await SignedInAsync(MinistryApprover);
        Assert.Contains("Hãy nêu lý do mở lại báo cáo", await PostAsync(leader, id, "Reopen"));
        Assert.Contains("Đã mở lại báo cáo để tỉnh sửa.", await PostAsync(leader, id, "Reopen", new() { ["Reason"] = "Thiếu số liệu vốn đối ứng" }, follow: true));

        var reopened = await ReportAsync(id);
        Assert.Equal((PeriodicReportStatus.Draft, "Người thử MinistryApprover (Lãnh đạo Cục)", "Thiếu số liệu vốn đối ứng"), (reopened.Status, reopened.ReopenedBy, reopened.ReopenReason));
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PeriodicReport) && a.EntityKey == id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync());
        var last = audit[^1];
        Assert.Equal(MinistryApprover, last.UserName);
        Assert.Contains("\"Status\":0", last.After);
        Assert.Contains("Thiếu số liệu vốn đối ứng", last.After);
        Assert.Contains("\"Status\":1", last.Before);

        // Reopened, the province can correct it again.
        await SaveNarrativeAsync(officer, id, "Báo cáo đã bổ sung vốn đối ứng.");
        Assert.Equal("Báo cáo đã bổ sung vốn đối ứng.", (await ReportAsync(id)).Results);
    }

    [Fact]
    public async Task The_completeness_board_counts_expected_submitted_on_time_late_and_missing()
    {
        await SubmittedAsync(OfficerBacNinh, ApproverBacNinh, 2026, ReportPeriod.Quarter1);
        _clock.SetVietnamTime(2026, 4, 20);
        await SubmittedAsync(OfficerHanoi, ApproverHanoi, 2026, ReportPeriod.Quarter1);

        var ministry = await SignedInAsync(MinistryOfficer);
        var board = HttpForms.Text(await ministry.GetPageAsync("/Reports/Completeness?year=2026&period=Quarter1"));
        Assert.Contains("data-testid=\"expected\">34<", board);
        Assert.Contains("data-testid=\"submitted\">2<", board);
        Assert.Contains("5,88%", board);
        Assert.Contains("data-testid=\"on-time\">1<", board);
        Assert.Contains("2,94%", board);
        Assert.Contains("data-testid=\"late\">1<", board);
        Assert.Contains("data-testid=\"missing\">32<", board);
        Assert.Contains("<td>Bắc Ninh</td><td>Đã nộp đúng hạn</td><td>10/04/2026</td>", board);
        Assert.Contains("<td>TP Hà Nội</td><td>Nộp muộn</td><td>20/04/2026</td>", board);

        // Before the merger 63 provinces were expected; the South region alone in 2026 has 8.
        Assert.Contains("data-testid=\"expected\">63<", HttpForms.Text(await ministry.GetPageAsync("/Reports/Completeness?year=2025&period=Quarter1")));
        Assert.Contains("data-testid=\"expected\">8<", HttpForms.Text(await ministry.GetPageAsync("/Reports/Completeness?year=2026&period=Quarter1&region=NAM")));

        // The home page of ministry staff shows the latest ended period; a province is told what it still owes.
        var home = HttpForms.Text(await ministry.GetPageAsync("/"));
        Assert.Contains("Báo cáo Quý I năm 2026 (hạn nộp 15/04/2026)", home);
        Assert.Contains("Đã nộp 2/34 tỉnh, thành phố (5,88%)", home);
        _clock.SetVietnamTime(2026, 7, 20);
        var owed = HttpForms.Text(await (await SignedInAsync(OfficerBacNinh)).GetPageAsync("/"));
        Assert.Contains("Báo cáo 6 tháng năm 2026 – Bắc Ninh:", owed);
        Assert.Contains("hạn 15/07/2026, quá hạn 5 ngày", owed);
        Assert.DoesNotContain("Báo cáo Quý I năm 2026 – Bắc Ninh", owed);
    }

    [Fact]
    public async Task Reports_and_the_board_are_refused_outside_the_users_scope()
    {
        var id = await CreateAsync(OfficerBacNinh, 2026, ReportPeriod.Quarter1);
        foreach (var email in new[] { OfficerHanoi, OrganiserSouth })
        {
            var client = await SignedInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/Periodic/Details/{id}")).StatusCode);
            Assert.DoesNotContain("Bắc Ninh", HttpForms.Text(await client.GetPageAsync("/Reports/Periodic")));
        }

        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(Viewer)).GetAsync($"/Reports/Periodic/Details/{id}")).StatusCode);
        foreach (var (email, expected) in new[] { (OfficerBacNinh, HttpStatusCode.Forbidden), (OrganiserSouth, HttpStatusCode.Forbidden), (Viewer, HttpStatusCode.OK), (MinistryApprover, HttpStatusCode.OK) })
        {
            Assert.Equal(expected, (await (await SignedInAsync(email)).GetAsync("/Reports/Completeness")).StatusCode);
        }

        // Hà Nội cannot open a report for Bắc Ninh by posting its id; nor can anyone open one twice.
        var hanoi = await SignedInAsync(OfficerHanoi);
        var bacNinh = await _portal.WithDbAsync(db => db.PeriodicReports.Where(r => r.Id == id).Select(r => r.ProvinceId).SingleAsync());
        Assert.Contains("Chỉ chuyên viên hoặc lãnh đạo Sở Công Thương của tỉnh", HttpForms.Text(await (await hanoi.SubmitAsync("/Reports/Periodic",
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Period"] = "HalfYear", ["Input.ProvinceId"] = bacNinh.ToString(CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync()));
        var again = await (await SignedInAsync(OfficerBacNinh)).SubmitAsync("/Reports/Periodic",
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Period"] = "Quarter1", ["Input.ProvinceId"] = bacNinh.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Báo cáo Quý I năm 2026 của Bắc Ninh đã được lập.", HttpForms.Text(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PeriodicReports.CountAsync()));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_input_kept()
    {
        var id = await CreateAsync(OfficerBacNinh, 2026, ReportPeriod.Quarter1);
        var officer = await SignedInAsync(OfficerBacNinh);
        var page = await officer.GetPageAsync($"/Reports/Periodic/Details/{id}");
        var staleVersion = HttpForms.Field(page, "Version");
        await SaveNarrativeAsync(await SignedInAsync(ApproverBacNinh), id, "Bản của lãnh đạo Sở.");

        var response = await officer.PostAsync($"/Reports/Periodic/Details/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = staleVersion,
            ["Input.Results"] = "Bản của chuyên viên.",
            ["__RequestVerificationToken"] = HttpForms.Token(page),
        }));
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Báo cáo vừa được người khác thay đổi", html);
        Assert.Contains("Bản của chuyên viên.", html);
        Assert.Equal("Bản của lãnh đạo Sở.", (await ReportAsync(id)).Results);
    }

    [Fact]
    public async Task A_new_provinces_annual_report_of_the_merger_year_holds_its_predecessors_records()
    {
        _clock.SetVietnamTime(2026, 1, 10);
        await _portal.WithDbAsync(async db =>
        {
            var oldBacGiang = await db.Provinces.SingleAsync(p => p.Code == "24" && p.ValidTo != null);
            var oldBacNinh = await db.Provinces.SingleAsync(p => p.Code == "27" && p.ValidTo != null);
            db.AnnualPlans.AddRange(
                new AnnualPlan { Year = 2025, ProvinceId = oldBacGiang.Id, Source = FundingSource.KCDP, Amount = 1_500_000_000, DecisionNumber = "QĐ", DecisionDate = new DateOnly(2025, 1, 5) },
                new AnnualPlan { Year = 2025, ProvinceId = oldBacNinh.Id, Source = FundingSource.KCDP, Amount = 2_500_000_000, DecisionNumber = "QĐ", DecisionDate = new DateOnly(2025, 1, 5) });
            return await db.SaveChangesAsync();
        });
        var id = await CreateAsync(OfficerBacNinh, 2025, ReportPeriod.Year);
        var report = await _portal.WithDbAsync(db => db.PeriodicReports.Include(r => r.Province).SingleAsync(r => r.Id == id));
        Assert.Equal(("24", "Bắc Ninh", (DateOnly?)null), (report.Province!.Code, report.Province.Name, report.Province.ValidTo));
        Assert.Equal(4_000_000_000m, report.PlanKcdp);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        return client;
    }

    private Task<PeriodicReport> ReportAsync(int id) =>
        _portal.WithDbAsync(db => db.PeriodicReports.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>Opens a report as a province user, for their own province (the first offered).</summary>
    private async Task<int> CreateAsync(string email, int year, ReportPeriod period)
    {
        var client = await SignedInAsync(email);
        var page = await client.GetPageAsync("/Reports/Periodic");
        var response = await client.SubmitAsync("/Reports/Periodic", new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture),
            ["Input.Period"] = period.ToString(),
            ["Input.ProvinceId"] = HttpForms.SelectedOption(page, "Input.ProvinceId"),
        }, page: page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private async Task<int> SubmittedAsync(string officer, string approver, int year, ReportPeriod period)
    {
        var id = await CreateAsync(officer, year, period);
        await SaveNarrativeAsync(await SignedInAsync(officer), id, "Báo cáo số liệu quý I.");
        Assert.Contains("Đã duyệt và gửi báo cáo lên Bộ.", await PostAsync(await SignedInAsync(approver), id, "Submit", follow: true));
        return id;
    }

    private async Task SaveNarrativeAsync(HttpClient client, int id, string results)
    {
        var response = await client.SubmitAsync($"/Reports/Periodic/Details/{id}", new Dictionary<string, string>
        {
            ["Version"] = (await ReportAsync(id)).Version.ToString(),
            ["Input.Results"] = results,
            ["Input.Difficulties"] = "Thiếu cán bộ.",
            ["Input.Proposals"] = "Tăng kinh phí.",
        }, postUrl: $"/Reports/Periodic/Details/{id}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a handler of the report page with the current version; answers the page the user then sees.</summary>
    private async Task<string> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string>? fields = null, bool follow = false)
    {
        fields ??= [];
        fields["Version"] = (await ReportAsync(id)).Version.ToString();
        var response = await client.SubmitAsync($"/Reports/Periodic/Details/{id}", fields, postUrl: $"/Reports/Periodic/Details/{id}?handler={handler}");
        if (follow)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return HttpForms.Text(await client.GetPageAsync(response.Headers.Location!.OriginalString));
        }

        return HttpForms.Text(await response.Content.ReadAsStringAsync());
    }
}

public sealed class PeriodicReportsOnSqlite : PeriodicReportSpecs
{
    protected override void RequireDatabase()
    {
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PeriodicReportsOnPostgreSql : PeriodicReportSpecs
{
    protected override void RequireDatabase() => TestDatabase.RequirePostgres();

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
