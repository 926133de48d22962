using KhuyenCong.Data;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Web.Notifications;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Mail;

/// <summary>Thư đã gửi: every mail of the outbox, for an administrator: to whom, when, what failed and why; a resend after confirmation.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(KhuyenCongDbContext db, MailDispatcher dispatcher, Microsoft.Extensions.Options.IOptions<MailOptions> mail) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(long Id, string Recipient, string Subject, OutboxMailState State, int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc,
        DateTime NextAttemptAtUtc, string? LastError, long? DigestId);

    /// <summary>Part of the recipient's address or of the subject.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public OutboxMailState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>The mail whose resend waits for confirmation.</summary>
    [BindProperty(SupportsGet = true, Name = "resend")]
    public long? ResendId { get; set; }

    public Row? ToResend { get; private set; }

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public bool MailEnabled => mail.Value.Enabled;

    public static string Label(OutboxMailState state) => state switch
    {
        OutboxMailState.Pending => "Chờ gửi",
        OutboxMailState.Sending => "Đang gửi",
        OutboxMailState.Sent => "Đã gửi",
        OutboxMailState.Failed => "Gửi lỗi",
        OutboxMailState.Held => "Chờ thư tổng hợp",
        _ => "Đã gộp vào thư tổng hợp",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = db.OutboxMails.AsNoTracking();
        if (State is { } state && Enum.IsDefined(state))
        {
            list = list.Where(m => m.State == state);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            list = list.Where(m => m.Recipient.Contains(text) || m.Subject.Contains(text));
        }

        Result = await Rows(list.OrderByDescending(m => m.Id)).ToPagedAsync(PageNumber, PageSize, ct);
        if (ResendId is { } id)
        {
            ToResend = await Rows(db.OutboxMails.AsNoTracking().Where(m => m.Id == id && (m.State == OutboxMailState.Failed || m.State == OutboxMailState.Sent)))
                .SingleOrDefaultAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        TempData["Message"] = await dispatcher.ResendAsync(id, ct)
            ? $"Đã đưa thư số {id} vào hàng đợi để gửi lại."
            : "Chỉ gửi lại được thư đã gửi hoặc gửi lỗi.";
        return RedirectToPage();
    }

    private static IQueryable<Row> Rows(IQueryable<OutboxMail> mails) =>
        mails.Select(m => new Row(m.Id, m.Recipient, m.Subject, m.State, m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError, m.DigestId));
}
