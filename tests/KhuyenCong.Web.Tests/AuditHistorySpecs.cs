using System.Net;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>What a user reads in a history or the audit log: Vietnamese labels and values, who did it, never JSON.</summary>
public sealed class AuditHistorySpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string AdminName = "Người thử Admin";

    /// <summary>Project entities become audited soon; their labels are written already.</summary>
    private static readonly Type[] s_soonAudited =
        [typeof(Project), typeof(ProjectContent), typeof(Beneficiary), typeof(ProjectOutcome), typeof(Disbursement),
         typeof(ProjectDocument), typeof(Adjustment), typeof(ProgressNote)];

    [Fact]
    public async Task Every_field_of_every_audited_entity_has_a_vietnamese_label()
    {
        var portal = await fixture.GetAsync();
        var missing = await portal.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(IdentityUserRole<string>) || s_soonAudited.Contains(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (Type: t.ClrType.Name, Property: p.Name)))
            .Where(x => !AuditView.IsHidden(x.Property) && AuditView.FindLabel(x.Type, x.Property) is null)
            .Select(x => $"{x.Type}.{x.Property}")
            .ToList()));
        Assert.Empty(missing);

        var unnamed = await portal.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(IdentityUserRole<string>) || s_soonAudited.Contains(t.ClrType))
            .Select(t => t.ClrType.Name)
            .Where(name => !AuditLabels.EntityTypes.ContainsKey(name))
            .ToList()));
        Assert.Empty(unnamed);
        Assert.Equal("Người thẩm định cơ sở", AuditView.FindLabel(nameof(Project), "BaseAppraiserId"));
    }

    [Fact]
    public async Task Editing_a_support_norm_shows_the_old_and_new_ceiling_in_vietnamese_with_the_admins_name()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.SupportNorms
            .Where(n => n.ContentCode == "ND03" && n.Activity == "Mô hình trình diễn kỹ thuật" && n.EffectiveTo == null).Select(n => n.Id).SingleAsync());
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var url = $"/Reference/Norms/Edit/{id}";
        var form = await admin.GetPageAsync(url);
        var saved = await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Version"] = HttpForms.Field(form, "Version"),
            ["Input.ContentCode"] = "ND03",
            ["Input.Activity"] = "Mô hình trình diễn kỹ thuật",
            ["Input.MaxSharePercent"] = "35,5",
            ["Input.CeilingDong"] = "1.200.000.000",
            ["Input.PriorityMultiplier"] = "1",
            ["Input.LegalBasis"] = "TT 28/2018/TT-BTC (sửa đổi bởi TT 64/2024/TT-BTC)",
            ["Input.ValidFrom"] = "14/05/2018",
            ["Input.ValidTo"] = "",
        }, page: form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var at = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(SupportNorm) && a.Action == "Updated")
            .OrderByDescending(a => a.Id).Select(a => a.OccurredAtUtc).FirstAsync());

        foreach (var page in new[] { await admin.GetPageAsync(url), await admin.GetPageAsync("/Admin/Audit?type=SupportNorm") })
        {
            var html = HttpForms.Text(page);
            Assert.Contains("Mức hỗ trợ tối đa (đồng):</span> <span class=\"audit-old\">1.000.000.000</span> <span aria-label=\"thành\">→</span> <span class=\"audit-new\">1.200.000.000</span>", html);
            Assert.Contains("Tỷ lệ hỗ trợ tối đa (%):</span> <span class=\"audit-old\">30</span> <span aria-label=\"thành\">→</span> <span class=\"audit-new\">35,5</span>", html);
            Assert.Contains($"<strong>{AdminName}</strong>", html);
            Assert.Contains("(Quản trị hệ thống)", html);
            Assert.Contains(VietnameseCulture.DateTime(at), html);
            AssertReadable(html, "CeilingDong", "MaxSharePercent", "PriorityMultiplier");
        }

        var byName = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?user=" + Uri.EscapeDataString(AdminName)));
        Assert.Contains("Mức hỗ trợ tối đa (đồng):", byName);
    }

    [Fact]
    public async Task A_changed_e_mail_setting_reads_in_vietnamese_in_the_audit_log()
    {
        var portal = await fixture.GetAsync();
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerHanoi);
        var saved = await officer.SubmitAsync("/Account/Notifications", new Dictionary<string, string> { ["Preference"] = "None" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var html = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=AppUser"));
        Assert.Contains("Nhận thư thông báo:", html);
        Assert.Contains("Không nhận thư", html);
        Assert.DoesNotContain(">None<", html);
    }

    [Fact]
    public async Task A_recorded_annual_plan_reads_with_province_source_amount_and_date_and_the_approver_by_name()
    {
        var portal = await fixture.GetAsync();
        var approver = portal.Browser();
        await approver.SignInOkAsync(PortalFixture.ApproverBacNinh);
        var recorded = await approver.SubmitAsync("/Plans", new Dictionary<string, string>
        {
            ["Input.Year"] = "2026",
            ["Input.ProvinceCode"] = "24",
            ["Input.Source"] = "KCDP",
            ["Input.Amount"] = "1.500.000.000",
            ["Input.DecisionNumber"] = "QĐ 77/QĐ-UBND",
            ["Input.DecisionDate"] = "15/03/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var html = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=AnnualPlan"));
        Assert.Contains("Người thử ProvinceApprover</strong><span class=\"text-muted\"> (Lãnh đạo Sở Công Thương)</span>", html);
        Assert.Contains("Tạo mới", html);
        Assert.Contains("Kinh phí (đồng):</span> <span>1.500.000.000</span>", html);
        Assert.Contains("<span>KCĐP</span>", html);
        Assert.Contains("<span>Bắc Ninh</span>", html);
        Assert.Contains("<span>15/03/2026</span>", html);
        Assert.Contains("Năm kế hoạch:", html);
        AssertReadable(html, "DecisionDate", "ProvinceId", PortalFixture.ApproverBacNinh);
    }

    [Fact]
    public async Task A_change_from_the_command_line_is_shown_under_its_writer_and_project_values_read_the_vietnamese_way()
    {
        var portal = await fixture.GetAsync();
        var appraiser = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFixture.MinistryOfficer).Select(u => u.Id).SingleAsync());
        var items = await portal.WithDbAsync(async db => await AuditView.RenderAsync(db,
        [
            new AuditEntry
            {
                Id = 1, OccurredAtUtc = new DateTime(2026, 3, 1, 17, 30, 0, DateTimeKind.Utc), UserName = "dòng lệnh", Action = "Updated",
                EntityType = nameof(Project), EntityKey = "999",
                Before = """{"State":2,"ApprovedSupport":null,"StartDate":"2026-01-15","BaseAppraiserId":null,"Kind":1}""",
                After = $$"""{"State":5,"ApprovedSupport":1500000.00,"StartDate":"2026-02-01","BaseAppraiserId":"{{appraiser}}","Kind":3}""",
            },
            new AuditEntry
            {
                Id = 2, OccurredAtUtc = new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc), UserName = "dòng lệnh", Action = "SignInLockedOut",
                EntityType = nameof(Beneficiary), EntityKey = "5",
                After = """{"Name":"HTX Mây tre","PriorityArea":true,"WomenOwned":false,"Type":2}""",
            },
        ]));

        var project = items[0];
        Assert.Equal("dòng lệnh", project.Actor);
        Assert.Null(project.ActorRole);
        Assert.Equal("02/03/2026 00:30", project.When);
        Assert.Equal("Sửa", project.Action);
        Assert.Equal("Đề án", project.EntityType);
        Assert.Contains(new AuditRow("Trạng thái", "Đã gửi Sở", "Đã phê duyệt, giao kế hoạch"), project.Rows);
        Assert.Contains(new AuditRow("Kinh phí được duyệt (đồng)", "—", "1.500.000"), project.Rows);
        Assert.Contains(new AuditRow("Ngày bắt đầu", "15/01/2026", "01/02/2026"), project.Rows);
        Assert.Contains(new AuditRow("Người thẩm định cơ sở", "—", "Người thử MinistryOfficer"), project.Rows);
        Assert.Contains(new AuditRow("Loại đề án", "Thường", "Điểm"), project.Rows);

        var beneficiary = items[1];
        Assert.Equal("Tài khoản bị tạm khóa vì nhập sai mật khẩu nhiều lần", beneficiary.Action);
        Assert.Equal("Thao tác khác của hệ thống", AuditLabels.Action("SomethingNew"));
        Assert.Equal("Cập nhật từ Excel", AuditLabels.Action("Cập nhật từ Excel"));
        Assert.Contains(new AuditRow("Thuộc địa bàn ưu tiên", "—", "Có"), beneficiary.Rows);
        Assert.Contains(new AuditRow("Do phụ nữ làm chủ", "—", "Không"), beneficiary.Rows);
        Assert.Contains(new AuditRow("Loại hình", "—", "Hợp tác xã"), beneficiary.Rows);
    }

    [Fact]
    public async Task A_users_history_names_the_role_and_region_instead_of_ids()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFixture.OrganiserSouth).Select(u => u.Id).SingleAsync());
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var html = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=UserRegion"));
        Assert.Contains("Vùng:</span>", html);
        Assert.Contains("<span>phía Nam</span>", html);
        var roles = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=IdentityUserRole%601"));
        Assert.Contains("<span>Ban tổ chức hội nghị vùng</span>", roles);
        Assert.DoesNotContain(id, roles);
        AssertReadable(roles, "RoleId", "UserId");
    }

    [Fact]
    public async Task An_approved_adjustment_shows_the_amount_it_replaced_and_the_history_reads_old_to_new()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        await ProjectAccessSpecs.PostActAsync(portal, officer, id, ProjectAction.RequestAdjustment,
            new() { ["Command.AdjustmentKind"] = "Amount", ["Command.Amount"] = "350.000.000", ["Command.Comment"] = "Giá máy giảm" });
        var adjustmentId = await portal.WithDbAsync(db => db.Adjustments.Where(a => a.ProjectId == id).Select(a => a.Id).SingleAsync());
        var leader = portal.Browser();
        await leader.SignInOkAsync(PortalFixture.MinistryApprover);
        await ProjectAccessSpecs.PostActAsync(portal, leader, id, ProjectAction.DecideAdjustment,
            new() { ["Command.AdjustmentId"] = $"{adjustmentId}", ["Command.Accept"] = "true", ["Command.Comment"] = "Đồng ý" });

        var reader = portal.Browser();
        await reader.SignInOkAsync(PortalFixture.MinistryOfficer);
        var html = HttpForms.Text(await reader.GetPageAsync($"/Projects/Details/{id}"));
        Assert.Contains("data-testid=\"adjustment-replaces\">400.000.000 đồng<", html);
        Assert.Contains("Chấp thuận điều chỉnh kinh phí: 400.000.000 → 350.000.000 đồng", html);
        Assert.Contains("Kinh phí được duyệt (đồng)", html);
        Assert.DoesNotContain("{\"", html);
        Assert.DoesNotContain("\\u", html);
    }

    /// <summary>No JSON or escape anywhere on the page; no English key or unlabelled field in the history itself.</summary>
    private static void AssertReadable(string html, params string[] englishOrTechnical)
    {
        Assert.DoesNotContain("{\"", html);
        Assert.DoesNotContain("\\u", html);
        var start = html.IndexOf("data-testid=\"audit-list\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no history");
        var history = html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain(AuditView.UnlabelledField, history);
        foreach (var word in englishOrTechnical)
        {
            Assert.DoesNotContain(word, history);
        }
    }
}
