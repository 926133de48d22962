using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The project form as an officer uses it without JavaScript: rows added with "Thêm dòng" and removed with "Xóa" are
/// posted back and shown again (nothing saved until "Lưu nháp"), an empty date asks for it, the province picker offers
/// only the provinces of the officer valid today, and the approval form starts from the appraisal's amount and shows
/// the plan's headroom as the Kế hoạch page computes it.
/// </summary>
public abstract partial class ProjectFormSpecs(PortalFixture fixture)
{
    private static readonly string[] Codes = ["ND01", "ND02", "ND03", "ND04", "ND05"];

    [GeneratedRegex("<option[^>]*value=\"([^\"]+)\"[^>]*>([^<]*)</option>")]
    private static partial Regex OptionPattern();

    private static Dictionary<string, string> Draft(string page, string title, int contents)
    {
        var fields = ProjectLifecycleSpecs.DraftFields(page, "KCDP", title);
        for (var i = 0; i < contents; i++)
        {
            fields[$"Input.Contents[{i}].ContentCode"] = Codes[i];
            fields[$"Input.Contents[{i}].TotalCost"] = "200.000.000";
            fields[$"Input.Contents[{i}].RequestedAmount"] = $"{i + 1}0.000.000";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient officer, string page, Dictionary<string, string> fields, string url = "/Projects/Edit") =>
        await officer.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", HttpForms.Token(page)))));

    private static string Select(string html, string name)
    {
        var start = html.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no field {name}");
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_new_form_has_one_row_per_section_and_thêm_dòng_adds_one_until_five_contents_are_saved()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        Assert.Contains("name=\"Input.Contents[0].ContentCode\"", page);
        Assert.DoesNotContain("name=\"Input.Contents[1].ContentCode\"", page);
        Assert.DoesNotContain("name=\"Input.Beneficiaries[1].Name\"", page);
        // The content picker names each content, not only its code.
        Assert.Contains("ND03 – Mô hình trình diễn kỹ thuật", HttpForms.Text(Select(page, "Input.Contents[0].ContentCode")));

        var title = "Năm nội dung " + Guid.NewGuid().ToString("N")[..6];
        for (var rows = 1; rows < 5; rows++)
        {
            var fields = Draft(page, title, rows);
            fields["addRow"] = "Contents";
            var response = await PostAsync(officer, page, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var again = await response.Content.ReadAsStringAsync();
            // What was typed is kept, the new row is empty, and nothing is saved yet.
            Assert.Equal(Codes[rows - 1], HttpForms.SelectedOption(again, $"Input.Contents[{rows - 1}].ContentCode"));
            Assert.Contains($"name=\"Input.Contents[{rows}].ContentCode\"", again);
            Assert.DoesNotContain("<option selected=\"selected\"", Select(again, $"Input.Contents[{rows}].ContentCode"));
            Assert.DoesNotContain($"name=\"Input.Contents[{rows + 1}].ContentCode\"", again);
            page = again;
        }

        Assert.Equal(0, await portal.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == title)));
        var saved = await PostAsync(officer, page, Draft(page, title, 5));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contents = await portal.WithDbAsync(db => db.Projects.Where(p => p.Title == title).SelectMany(p => p.Contents).Select(c => c.ContentCode).ToListAsync());
        Assert.Equal(Codes, contents.Order(StringComparer.Ordinal));

        // Editing it shows the five rows and no padding of blank ones.
        var id = await portal.WithDbAsync(db => db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var edit = await officer.GetPageAsync($"/Projects/Edit/{id}");
        Assert.Contains("name=\"Input.Contents[4].ContentCode\"", edit);
        Assert.DoesNotContain("name=\"Input.Contents[5].ContentCode\"", edit);
    }

    [Fact]
    public async Task Xóa_removes_that_row_and_the_others_move_up_then_the_rest_is_saved()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        var title = "Bỏ một nội dung " + Guid.NewGuid().ToString("N")[..6];
        var fields = Draft(page, title, 3);
        fields["removeRow"] = "Contents:1";
        var response = await PostAsync(officer, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.Content.ReadAsStringAsync();
        Assert.Equal("ND01", HttpForms.SelectedOption(again, "Input.Contents[0].ContentCode"));
        Assert.Equal("ND03", HttpForms.SelectedOption(again, "Input.Contents[1].ContentCode"));
        Assert.Contains("name=\"Input.Contents[1].RequestedAmount\" value=\"30.000.000\"", again);
        Assert.DoesNotContain("name=\"Input.Contents[2].ContentCode\"", again);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == title)));

        var saved = await PostAsync(officer, again, new Dictionary<string, string>(Draft(again, title, 0))
        {
            ["Input.Contents[0].ContentCode"] = "ND01",
            ["Input.Contents[0].TotalCost"] = "200.000.000",
            ["Input.Contents[0].RequestedAmount"] = "10.000.000",
            ["Input.Contents[1].ContentCode"] = "ND03",
            ["Input.Contents[1].TotalCost"] = "200.000.000",
            ["Input.Contents[1].RequestedAmount"] = "30.000.000",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contents = await portal.WithDbAsync(db => db.Projects.Where(p => p.Title == title).SelectMany(p => p.Contents).Select(c => c.ContentCode).ToListAsync());
        Assert.Equal(["ND01", "ND03"], contents.Order(StringComparer.Ordinal));
        // The only beneficiary row removed still leaves one empty row to fill in.
        var none = Draft(again, title, 1);
        none["removeRow"] = "Beneficiaries:0";
        var emptied = await (await PostAsync(officer, again, none)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Beneficiaries[0].Name\" value=\"\"", emptied);

        // The row buttons are behind the form's own gate: a viewer may not register, not even a row.
        var viewer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.Viewer);
        var home = await viewer.GetPageAsync("/");
        var refused = await PostAsync(viewer, home, new Dictionary<string, string>(Draft(page, title, 1)) { ["addRow"] = "Contents" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_empty_date_asks_for_it_on_the_server_and_in_the_browser_rules()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        // The rules the browser applies come from the same validator (FluentValidation.AspNetCore's client adapters).
        Assert.Contains("data-val-required=\"Hãy nhập ngày bắt đầu.\"", page);
        Assert.Contains("data-val-required=\"Hãy nhập tên đề án.\"", page);
        Assert.Contains("data-val-range-min=\"2012\"", page);
        Assert.Contains("/lib/jquery-validation-unobtrusive/jquery.validate.unobtrusive.min.js", page);

        var fields = Draft(page, "Thiếu ngày", 1);
        fields["Input.StartDate"] = "";
        var response = await PostAsync(officer, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hãy nhập ngày bắt đầu.", html);
        Assert.DoesNotContain("Ngày bắt đầu không hợp lệ", html);

        fields["Input.StartDate"] = "31/02/2026";
        var wrong = HttpForms.Text(await (await PostAsync(officer, page, fields)).Content.ReadAsStringAsync());
        Assert.Contains("Ngày bắt đầu không hợp lệ; nhập theo dạng ngày/tháng/năm.", wrong);

        // Pages without such a form do not load the validation scripts.
        Assert.DoesNotContain("jquery.validate", await officer.GetPageAsync("/Projects"));
    }

    [Fact]
    public async Task A_province_officer_is_offered_only_their_provinces_valid_today()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Projects/Edit");
        var offered = OptionPattern().Matches(Select(page, "Input.ProvinceId")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(offered);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var provinceId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFixture.OfficerBacNinh).Select(u => u.ProvinceId!.Value).SingleAsync());
        var directory = await portal.Services.GetRequiredService<Data.Geography>().DirectoryAsync(CancellationToken.None);
        // The officer's scope: today's Bắc Ninh and the two provinces merged into it on 01/07/2025.
        var scope = directory.SelfAndPredecessorIds(provinceId);
        var valid = scope.Where(id => directory.Find(id)!.IsValidOn(today)).ToList();
        Assert.True(scope.Count > valid.Count, "the officer's scope holds provinces merged away, else this test means nothing");
        Assert.Equal(valid.Order(), offered.Order());
    }

    [Fact]
    public async Task The_approval_form_starts_from_the_appraisal_and_shows_the_headroom_of_the_plans_page()
    {
        var portal = await fixture.GetAsync();
        await portal.WithDbAsync(async db =>
        {
            var bacNinh = await db.Provinces.SingleAsync(p => p.Code == "24" && p.ValidTo == null);
            if (!await db.AnnualPlans.AnyAsync(p => p.Year == 2026 && p.ProvinceId == bacNinh.Id && p.Source == FundingSource.KCQG))
            {
                db.AnnualPlans.Add(new AnnualPlan
                {
                    Year = 2026, ProvinceId = bacNinh.Id, Source = FundingSource.KCQG, Amount = 2_000_000_000m,
                    DecisionNumber = "12/QĐ-BCT", DecisionDate = new DateOnly(2026, 1, 15),
                });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var first = await ThroughMinistryAppraisalAsync(portal, officer, "Đề án thứ nhất", "400.000.000");
        var leader = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryApprover);
        await ProjectLifecycleSpecs.ActOkAsync(portal, leader, first, ProjectAction.Approve,
            new() { ["Command.Amount"] = "400.000.000", ["Command.Date"] = "20/03/2026", ["Command.Reference"] = "155/QĐ-BCT" });
        var approved = HttpForms.Text(await leader.GetPageAsync($"/Projects/Details/{first}"));
        Assert.Contains("quyết định số 155/QĐ-BCT ngày 20/03/2026", approved);

        var second = await ThroughMinistryAppraisalAsync(portal, officer, "Đề án thứ hai", "350.000.000");
        var html = await leader.GetPageAsync($"/Projects/Details/{second}");
        var form = html[html.IndexOf("data-testid=\"act-Approve\"", StringComparison.Ordinal)..];
        form = HttpForms.Text(form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        Assert.Contains("name=\"Command.Amount\" value=\"350.000.000\"", form);
        Assert.Contains("Kinh phí Cục đề xuất", form);
        Assert.Contains("name=\"Command.Reference\"", form);
        Assert.Contains("Số quyết định phê duyệt", form);
        Assert.Matches("name=\"Command.Date\" value=\"\\d\\d/\\d\\d/\\d{4}\"", form);
        var headroom = Regex.Match(form, "data-testid=\"headroom\"[^>]*>([^<]+) đồng<").Groups[1].Value;

        var plans = HttpForms.Cells(await leader.GetPageAsync("/Plans?year=2026"));
        var row = Regex.Matches(plans, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Single(r => r.Contains("<td>24</td>", StringComparison.Ordinal) && r.Contains(">KCQG<", StringComparison.Ordinal));
        var difference = Regex.Match(row, "Chênh lệch ([0-9.]+)").Groups[1].Value;
        Assert.Equal(difference, headroom);
        Assert.Equal("1.600.000.000", headroom);
    }

    private static async Task<int> ThroughMinistryAppraisalAsync(PortalFactory portal, HttpClient officer, string title, string recommended)
    {
        var id = await ProjectLifecycleSpecs.RegisterAsync(portal, officer, "KCQG", title + " " + Guid.NewGuid().ToString("N")[..6]);
        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.Submit);
        var approver = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, new() { ["Command.Amount"] = "450.000.000", ["Command.Comment"] = "Đủ hồ sơ" });
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.Forward);
        var ministry = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryOfficer);
        await ProjectLifecycleSpecs.ActOkAsync(portal, ministry, id, ProjectAction.AppraiseMinistry, new() { ["Command.Amount"] = recommended, ["Command.Comment"] = "Đạt" });
        return id;
    }
}

public sealed class ProjectFormSqlite(SqlitePortalFixture fixture) : ProjectFormSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ProjectFormPostgreSql(PostgresPortalFixture fixture) : ProjectFormSpecs(fixture), IClassFixture<PostgresPortalFixture>;
