using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reminders;

/// <summary>How many reminders of one deadline were due on the date, and how many of them this run queued.</summary>
public sealed record DeadlineCount(DeadlineKind Deadline, int Due, int Queued);

public sealed record ReminderRun(DateOnly Date, IReadOnlyList<DeadlineCount> Counts)
{
    public int Queued => Counts.Sum(c => c.Queued);

    public int Due => Counts.Sum(c => c.Due);
}

/// <summary>
/// Nhắc hạn: reads what the reminders depend on, asks <see cref="ReminderSchedule"/> which are due on a date and queues
/// them through <see cref="IReminderSink"/>. The <c>reminders run</c> verb and the scheduler's daily job both call it;
/// running it again for the same date queues nothing new.
/// </summary>
public sealed class ReminderService(KhuyenCongDbContext db, Data.Geography geography, IReminderSink sink, TimeProvider clock)
{
    /// <summary>Vietnam is UTC+7 all year (no daylight saving).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    public async Task<ReminderFacts> FactsAsync(DateOnly date, CancellationToken ct = default)
    {
        var rules = await db.ReminderRules.AsNoTracking().ToListAsync(ct);
        var deadlines = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        var directory = await geography.DirectoryAsync(ct);
        var users = await (from u in db.Users
                           where !u.IsDisabled && u.ProvinceId != null
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.ProvinceOfficer || r.Name == Roles.ProvinceApprover
                           select new ReminderUser(u.Id, r.Name!, u.ProvinceId)).ToListAsync(ct);
        ProjectState[] open = [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress, ProjectState.Accepted];
        ProjectState[] atProvince = [ProjectState.Draft, ProjectState.Submitted, ProjectState.Returned];
        var projects = await db.Projects.AsNoTracking()
            .Where(p => open.Contains(p.State)
                || (p.Source == FundingSource.KCQG && atProvince.Contains(p.State) && p.PlanYear >= date.Year && p.PlanYear <= date.Year + 2))
            .Select(p => new ReminderProject(p.Id, p.Code, p.Title, p.ProvinceId, p.Source, p.PlanYear, p.State, p.ApprovalDate, p.EndDate))
            .ToListAsync(ct);
        var reports = await db.PeriodicReports.AsNoTracking().Where(r => r.Year >= date.Year - 2)
            .Select(r => new ReminderReport(r.Id, r.ProvinceId, r.Year, r.Period, r.Status)).ToListAsync(ct);
        return new ReminderFacts(date, rules, deadlines, directory, users, projects, reports);
    }

    /// <summary>Computes the reminders due on <paramref name="date"/> and queues those not queued before.</summary>
    public async Task<ReminderRun> RunAsync(DateOnly date, CancellationToken ct = default)
    {
        var due = ReminderSchedule.Due(await FactsAsync(date, ct));
        var queued = await sink.QueueAsync(due, date, ct);
        return new ReminderRun(date, [.. DeadlineKinds.All.Select(d => new DeadlineCount(d, due.Count(r => r.Deadline == d), queued.Count(r => r.Deadline == d)))]);
    }
}
