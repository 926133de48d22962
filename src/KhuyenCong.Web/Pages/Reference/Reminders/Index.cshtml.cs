using KhuyenCong.Data;
using KhuyenCong.Domain.Reminders;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Reminders;

/// <summary>Quy định nhắc hạn: when each deadline is reminded (reference data; Admin edits).</summary>
public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<ReminderRule> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = [.. (await db.ReminderRules.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Deadline)];

    /// <summary>"7 ngày trước; vào ngày hạn; mỗi 7 ngày khi quá hạn, trong 84 ngày".</summary>
    public static string When(ReminderRule r)
    {
        var parts = new List<string>();
        if (ReminderRule.ParseDaysBefore(r.DaysBefore) is { Count: > 0 } before)
        {
            parts.Add($"{string.Join(", ", before)} ngày trước hạn");
        }

        if (r.OnDueDate)
        {
            parts.Add("vào ngày hạn");
        }

        if (r.OverdueEveryDays > 0)
        {
            parts.Add($"mỗi {r.OverdueEveryDays} ngày khi quá hạn, trong {r.OverdueForDays} ngày");
        }

        return parts.Count == 0 ? "không nhắc" : string.Join("; ", parts) + (r.Mandatory ? " (bắt buộc gửi thư)" : string.Empty);
    }

    /// <summary>"15/06 năm trước năm kế hoạch", "30 ngày sau ngày phê duyệt", "theo hạn nộp báo cáo định kỳ".</summary>
    public static string Due(ReminderRule r) => r.Deadline switch
    {
        DeadlineKind.KcqgProposal => $"{r.DueDay:00}/{r.DueMonth:00} năm trước năm kế hoạch",
        DeadlineKind.PlanSettlement => $"{r.DueDay:00}/{r.DueMonth:00} năm sau năm kế hoạch",
        DeadlineKind.ContractSigning => $"{r.DaysAfterEvent} ngày sau ngày phê duyệt",
        DeadlineKind.Acceptance => $"{r.DaysAfterEvent} ngày sau ngày kết thúc đề án",
        _ => "theo hạn nộp báo cáo định kỳ của từng kỳ",
    };
}
