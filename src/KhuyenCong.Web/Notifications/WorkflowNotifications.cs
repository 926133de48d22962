using System.Globalization;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Notifications;

/// <summary>
/// Who is told what when a project, a periodic report or an import moves on. Recipients are the people whose turn
/// it now is, asked of the rules themselves: for a project, the enabled users for whom <see cref="ProjectWorkflow.Check"/>
/// allows the next step (the same role and scope rule as the work queue, /Projects/Queue); for an outcome (returned,
/// approved, rejected, an adjustment decided) the Sở's officers of the project's province. Never the actor
/// themself, never anyone whose scope does not hold the record.
/// </summary>
public static class WorkflowNotifications
{
    /// <summary>Queues the notifications of an act just done on <paramref name="project"/> (in its new state), in the caller's unit of work.</summary>
    public static async Task<int> ProjectActedAsync(this Notifier notifier, ProjectActor actor, Project project, ProjectAction action, CancellationToken ct = default)
    {
        var kcqg = project.Source == FundingSource.KCQG;
        var name = $"{project.Code} «{project.Title}»";
        var reason = string.IsNullOrWhiteSpace(project.LastReason) ? string.Empty : "Lý do: " + project.LastReason;
        var by = $"Người thực hiện: {actor.UserName}.";
        (string Kind, string Title, string Body, ProjectAction[] Next, bool Owners)? what = action switch
        {
            ProjectAction.Submit => ("project.submitted", $"Đề án {name} đã được gửi Sở, chờ thẩm định", by, [ProjectAction.AppraiseBase], false),
            ProjectAction.AppraiseBase => ("project.appraised", kcqg ? $"Đề án {name} đã được thẩm định cơ sở, chờ gửi Bộ" : $"Đề án {name} đã được thẩm định, chờ phê duyệt",
                by, kcqg ? [ProjectAction.Forward] : [ProjectAction.Approve], false),
            ProjectAction.Forward => ("project.forwarded", $"Đề án {name} đã được gửi Bộ, chờ Cục thẩm định", by, [ProjectAction.AppraiseMinistry], false),
            ProjectAction.AppraiseMinistry => ("project.appraised", $"Đề án {name} đã được Cục thẩm định, chờ phê duyệt", by, [ProjectAction.Approve], false),
            ProjectAction.ReturnByProvince or ProjectAction.ReturnByMinistry => ("project.returned", $"Đề án {name} bị trả lại để bổ sung", Join(reason, by), [ProjectAction.Submit], false),
            ProjectAction.Approve => ("project.approved", $"Đề án {name} đã được phê duyệt",
                Join(project.ApprovedSupport is { } amount ? $"Kinh phí hỗ trợ được duyệt: {amount.ToString("#,##0", Domain.Common.VietnameseCulture.Instance)} đồng." : string.Empty, by), [], true),
            ProjectAction.Reject => ("project.rejected", $"Đề án {name} không được phê duyệt", Join(reason, by), [], true),
            ProjectAction.RequestAdjustment => ("adjustment.requested", $"Đề án {name} có đề nghị điều chỉnh chờ quyết định", by, [ProjectAction.DecideAdjustment], false),
            ProjectAction.DecideAdjustment => ("adjustment.decided", $"Đề nghị điều chỉnh đề án {name} đã có quyết định",
                Join(Decision(project.Events.LastOrDefault()), by), [], true),
            _ => null,
        };
        if (what is not { } w)
        {
            return 0;
        }

        IEnumerable<ProjectActor> recipients;
        if (w.Owners)
        {
            // The Sở's officers who carry the project; for a KCQG decision also the Sở's leaders who sent it to the Bộ.
            var roles = kcqg ? new[] { Roles.ProvinceOfficer, Roles.ProvinceApprover } : [Roles.ProvinceOfficer];
            recipients = (await notifier.ActorsAsync(roles, ct)).Where(a => a.HoldsProvince(project.ProvinceId));
        }
        else
        {
            recipients = (await notifier.ActorsAsync([Roles.ProvinceOfficer, Roles.ProvinceApprover, Roles.MinistryOfficer, Roles.MinistryApprover], ct))
                .Where(a => w.Next.Any(next => ProjectWorkflow.Check(next, a, project).Allowed));
        }

        // The event just written is the last of the timeline: its number makes the key of this one act.
        var key = string.Create(CultureInfo.InvariantCulture, $"project:{project.Id}:{action}:{project.Events.Count}");
        return await notifier.QueueAsync(recipients.Where(a => a.UserId != actor.UserId).Select(a => a.UserId),
            new NotificationMessage(w.Kind, w.Title, w.Body, $"/Projects/Details/{project.Id}", key), ct);
    }

    /// <summary>A periodic report submitted (to the Cục: its officers and leaders) or reopened (to the province's Sở).</summary>
    public static async Task<int> ReportChangedAsync(this Notifier notifier, ProjectActor actor, PeriodicReport report, string provinceName, PeriodicReportAction action, CancellationToken ct = default)
    {
        var title = ReportPeriods.Title(report.Period, report.Year) + " của " + provinceName;
        // The act's own time makes the key: a report submitted, reopened and submitted again notifies each time.
        var stamp = ((action == PeriodicReportAction.Submit ? report.SubmittedAtUtc : report.ReopenedAtUtc) ?? DateTime.MinValue).Ticks.ToString(CultureInfo.InvariantCulture);
        NotificationMessage message;
        IEnumerable<ProjectActor> recipients;
        switch (action)
        {
            case PeriodicReportAction.Submit:
                message = new("report.submitted", $"{title} đã được gửi Bộ", $"Người gửi: {actor.UserName}.", $"/Reports/Periodic/Details/{report.Id}",
                    $"report:{report.Id}:submit:{stamp}");
                recipients = await notifier.ActorsAsync([Roles.MinistryOfficer, Roles.MinistryApprover], ct);
                break;
            case PeriodicReportAction.Reopen:
                message = new("report.reopened", $"{title} đã được mở lại để sửa",
                    Join(string.IsNullOrWhiteSpace(report.ReopenReason) ? string.Empty : "Lý do: " + report.ReopenReason, $"Người mở lại: {actor.UserName}."),
                    $"/Reports/Periodic/Details/{report.Id}", $"report:{report.Id}:reopen:{stamp}");
                recipients = (await notifier.ActorsAsync([Roles.ProvinceOfficer, Roles.ProvinceApprover], ct)).Where(a => a.HoldsProvince(report.ProvinceId));
                break;
            default:
                return 0;
        }

        return await notifier.QueueAsync(recipients.Where(a => a.UserId != actor.UserId).Select(a => a.UserId), message, ct);
    }

    /// <summary>An import job ended: its owner, who started it, is told how.</summary>
    public static Task<int> ImportEndedAsync(this Notifier notifier, string ownerId, int jobId, string fileName, bool written, string? failure, CancellationToken ct = default) =>
        notifier.QueueAsync([ownerId], new NotificationMessage(
            written ? "import.succeeded" : "import.failed",
            written ? $"Đã nhập xong tệp {fileName}" : $"Nhập tệp {fileName} không thành công",
            written ? "Dữ liệu đã được ghi." : failure ?? "Có lỗi trong tệp; không có gì được ghi. Xem danh sách lỗi ở trang việc nhập.",
            $"/Exchange/Job/{jobId}", string.Create(CultureInfo.InvariantCulture, $"import:{jobId}:end")), ct);

    /// <summary>The decision as the timeline writes it: "Chấp thuận điều chỉnh: …", with the comment.</summary>
    private static string Decision(ProjectEvent? last) =>
        last is null ? string.Empty : string.IsNullOrWhiteSpace(last.Comment) ? last.Action + "." : $"{last.Action}. {last.Comment}";

    private static string Join(string first, string second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : first + "\n" + second;
}
