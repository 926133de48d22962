using System.Net;
using KhuyenCong.Domain.Reminders;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The reminder rules are reference data: listed to every user, edited by Admin only, validated and audited.</summary>
public sealed class ReminderRulePageSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task The_rules_are_listed_in_vietnamese_and_an_admin_moves_the_kcqg_date_with_an_audit_entry()
    {
        var portal = await fixture.GetAsync();
        var viewer = portal.Browser();
        await viewer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var list = HttpForms.Text(await viewer.GetPageAsync("/Reference/Reminders"));
        Assert.Contains("Đề xuất đề án KCQG năm sau", list);
        Assert.Contains("15/06 năm trước năm kế hoạch", list);
        Assert.Contains("7 ngày trước hạn; vào ngày hạn; mỗi 7 ngày khi quá hạn, trong 84 ngày", list);
        var id = await portal.WithDbAsync(db => db.ReminderRules.Where(r => r.Deadline == DeadlineKind.KcqgProposal).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/Reference/Reminders/Edit/{id}")).StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var url = $"/Reference/Reminders/Edit/{id}";
        var page = await admin.GetPageAsync(url);
        var bad = await admin.SubmitAsync(url, Fields(page, "30;7", "30"), page: page);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Nhập các số ngày từ 1 đến 120, cách nhau bằng dấu phẩy", HttpForms.Text(await bad.Content.ReadAsStringAsync()));

        var saved = await admin.SubmitAsync(url, Fields(page, "30, 7", "30"), page: page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rule = await portal.WithDbAsync(db => db.ReminderRules.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("30,7", 30, 6), (rule.DaysBefore, rule.DueDay, rule.DueMonth));
        var audit = HttpForms.Text(await admin.GetPageAsync("/Admin/Audit?type=ReminderRule"));
        Assert.Contains("Quy định nhắc hạn", audit);
        Assert.Contains("Ngày của hạn", audit);
    }

    private static Dictionary<string, string> Fields(string page, string daysBefore, string day) => new()
    {
        ["Version"] = HttpForms.Field(page, "Version"),
        ["Input.Deadline"] = nameof(DeadlineKind.KcqgProposal),
        ["Input.Enabled"] = "true",
        ["Input.DaysBefore"] = daysBefore,
        ["Input.OnDueDate"] = "true",
        ["Input.OverdueEveryDays"] = "7",
        ["Input.OverdueForDays"] = "28",
        ["Input.DueMonth"] = "6",
        ["Input.DueDay"] = day,
        ["Input.DaysAfterEvent"] = "",
        ["Input.LegalBasis"] = "TT 36/2013/TT-BCT, Điều 10 khoản 2 điểm b",
    };
}
