using System.Globalization;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Domain.Reminders;

/// <summary>A user who may be reminded: an active account, its role and the province it works for.</summary>
public sealed record ReminderUser(string Id, string Role, int? ProvinceId);

/// <summary>What the reminders need to know of one project.</summary>
public sealed record ReminderProject(int Id, string Code, string Title, int ProvinceId, FundingSource Source, int PlanYear, ProjectState State, DateOnly? ApprovalDate, DateOnly EndDate);

/// <summary>What the reminders need to know of one stored periodic report.</summary>
public sealed record ReminderReport(int Id, int ProvinceId, int Year, ReportPeriod Period, PeriodicReportStatus Status);

/// <summary>Everything "which reminders are due on <see cref="Date"/>" depends on, read from the database beforehand.</summary>
public sealed record ReminderFacts(
    DateOnly Date,
    IReadOnlyList<ReminderRule> Rules,
    IReadOnlyList<ReportDeadline> ReportDeadlines,
    ProvinceDirectory Directory,
    IReadOnlyList<ReminderUser> Users,
    IReadOnlyList<ReminderProject> Projects,
    IReadOnlyList<ReminderReport> Reports);

/// <summary>A record a reminder names: a project or a periodic report (Id 0: a report not yet opened).</summary>
public sealed record ReminderRecord(string Kind, int Id, string Label)
{
    public const string Project = "Project";
    public const string PeriodicReport = "PeriodicReport";
}

/// <summary>
/// One reminder to one person: the deadline, its occurrence (which period, year, province or project), the step
/// (days from the due date: −7 before, 0 on the day, +7, +14 … overdue), and the records concerned.
/// </summary>
public sealed record DueReminder(DeadlineKind Deadline, string Occurrence, int Step, DateOnly DueDate, string UserId, string Subject, IReadOnlyList<ReminderRecord> Records)
{
    /// <summary>The rule is mandatory (<see cref="ReminderRule.Mandatory"/>): mailed whatever the user's e-mail setting.</summary>
    public bool Mandatory { get; init; }

    /// <summary>
    /// What makes a reminder unique: one step of one occurrence for one person. The ledger's unique index is on it,
    /// so it is queued once whatever the number of runs or instances.
    /// </summary>
    public string DedupeKey => string.Create(CultureInfo.InvariantCulture, $"{DeadlineKinds.Key(Deadline)}|{Occurrence}|{Step}|{UserId}");
}

/// <summary>
/// Which reminders are due on a date: a pure computation over <see cref="ReminderFacts"/> (docs/domain.md §5.7).
/// For each open occurrence of a deadline it takes the latest step whose date has come, within the rule's window
/// (from the first step before the due date to <see cref="ReminderRule.OverdueForDays"/> after it). A step missed
/// because nothing ran that day is therefore caught up by the next run; the ledger keeps each step to once.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>States in which a project is still at the province, for the KCQG proposals.</summary>
    private static readonly ProjectState[] s_atProvince = [ProjectState.Draft, ProjectState.Submitted, ProjectState.Returned];

    /// <summary>States in which a project's year is still to settle.</summary>
    private static readonly ProjectState[] s_toSettle = [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress, ProjectState.Accepted];

    public static IReadOnlyList<DueReminder> Due(ReminderFacts facts)
    {
        var result = new List<DueReminder>();
        foreach (var rule in facts.Rules.Where(r => r.Enabled))
        {
            var occurrences = rule.Deadline switch
            {
                DeadlineKind.PeriodicReport => PeriodicReports(facts),
                DeadlineKind.KcqgProposal => KcqgProposals(facts, rule),
                DeadlineKind.PlanSettlement => PlanSettlements(facts, rule),
                DeadlineKind.ContractSigning => ContractSignings(facts, rule),
                DeadlineKind.Acceptance => Acceptances(facts, rule),
                _ => [],
            };
            foreach (var o in occurrences)
            {
                if (CurrentStep(rule, o.Due, facts.Date, o.OpenAfterDue) is not { } step)
                {
                    continue;
                }

                var subject = Subject(rule.Deadline, o.Title, o.Due, step);
                result.AddRange(o.Recipients.Distinct().Order(StringComparer.Ordinal)
                    .Select(user => new DueReminder(rule.Deadline, o.Key, step, o.Due, user, subject, o.Records) { Mandatory = rule.Mandatory }));
            }
        }

        return result;
    }

    /// <summary>The step current on <paramref name="date"/>, or null outside the rule's window.</summary>
    public static int? CurrentStep(ReminderRule rule, DateOnly due, DateOnly date, bool openAfterDue = true)
    {
        var offset = date.DayNumber - due.DayNumber;
        var steps = rule.Steps().Where(s => openAfterDue || s <= 0).ToList();
        if (steps.Count == 0 || offset < steps[0])
        {
            return null;
        }

        // After the due date the window lasts as long as overdue reminders go on; without them, the due date's
        // step (or the last one before it) is caught up only until the due date.
        var windowEnd = steps[^1] > 0 ? rule.OverdueForDays : 0;
        if (offset > windowEnd)
        {
            return null;
        }

        return steps.Last(s => s <= offset);
    }

    /// <summary>"Nhắc hạn: Báo cáo quý I năm 2026 của Bắc Ninh — hạn 15/04/2026, còn 7 ngày".</summary>
    public static string Subject(DeadlineKind deadline, string title, DateOnly due, int step)
    {
        var when = step switch
        {
            < 0 => $"còn {-step} ngày",
            0 => "hôm nay là hạn cuối",
            _ => $"đã quá hạn {step} ngày",
        };
        return $"Nhắc hạn {DeadlineKinds.Phrase(deadline)}: {title} — hạn {VietnameseCulture.Date(due)}, {when}";
    }

    private sealed record Occurrence(string Key, string Title, DateOnly Due, bool OpenAfterDue, IReadOnlyList<string> Recipients, IReadOnlyList<ReminderRecord> Records);

    /// <summary>Province users whose scope holds the province (itself or a predecessor of theirs).</summary>
    private static List<string> ProvinceUsers(ReminderFacts facts, int provinceId, params string[] roles) =>
        [.. facts.Users.Where(u => u.ProvinceId is { } p && roles.Contains(u.Role) && facts.Directory.SelfAndPredecessorIds(p).Contains(provinceId)).Select(u => u.Id)];

    private static IEnumerable<Occurrence> PeriodicReports(ReminderFacts facts)
    {
        // Two years back: an annual report stays overdue into the year after next when a rule reminds for long enough.
        foreach (var year in new[] { facts.Date.Year - 2, facts.Date.Year - 1, facts.Date.Year })
        {
            foreach (var period in ReportPeriods.All)
            {
                if (ReportPeriods.Due(period, year, facts.ReportDeadlines) is not { } due)
                {
                    continue;
                }

                foreach (var province in facts.Directory.ValidOn(ReportPeriods.End(period, year)))
                {
                    var report = facts.Reports.FirstOrDefault(r => r.ProvinceId == province.Id && r.Year == year && r.Period == period);
                    if (report?.Status == PeriodicReportStatus.Submitted)
                    {
                        continue;
                    }

                    var title = $"{ReportPeriods.Title(period, year)} của {province.Name}";
                    var record = new ReminderRecord(ReminderRecord.PeriodicReport, report?.Id ?? 0, report is null ? $"{title} (chưa lập)" : $"{title} (đang soạn)");
                    yield return new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{year}-{period}-p{province.Id}"), title, due, true,
                        ProvinceUsers(facts, province.Id, Roles.ProvinceOfficer, Roles.ProvinceApprover), [record]);
                }
            }
        }
    }

    private static IEnumerable<Occurrence> KcqgProposals(ReminderFacts facts, ReminderRule rule)
    {
        foreach (var year in new[] { facts.Date.Year - 1, facts.Date.Year, facts.Date.Year + 1 })
        {
            if (rule.FixedDue(year) is not { } due)
            {
                continue;
            }

            foreach (var province in facts.Directory.ValidOn(due))
            {
                var ids = facts.Directory.SelfAndPredecessorIds(province.Id);
                var pending = facts.Projects
                    .Where(p => p.Source == FundingSource.KCQG && p.PlanYear == year + 1 && ids.Contains(p.ProvinceId) && s_atProvince.Contains(p.State))
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .Select(ProjectRecord).ToList();
                // Before the due date every province is reminded; after it, those whose proposals are still at the Sở.
                yield return new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{year + 1}-p{province.Id}"),
                    $"đề án KCQG năm {year + 1} của {province.Name}", due, pending.Count > 0,
                    ProvinceUsers(facts, province.Id, Roles.ProvinceOfficer, Roles.ProvinceApprover), pending);
            }
        }
    }

    private static IEnumerable<Occurrence> PlanSettlements(ReminderFacts facts, ReminderRule rule)
    {
        foreach (var year in new[] { facts.Date.Year - 2, facts.Date.Year - 1, facts.Date.Year })
        {
            if (rule.FixedDue(year + 1) is not { } due)
            {
                continue;
            }

            // Grouped by the province that holds the projects' territory on the due date (after the 2025 merger, one
            // reminder per province of today, naming its predecessors' projects too).
            var open = facts.Projects.Where(p => p.PlanYear == year && s_toSettle.Contains(p.State))
                .GroupBy(p => facts.Directory.SuccessorOn(p.ProvinceId, due)?.Id ?? p.ProvinceId);
            foreach (var group in open)
            {
                var province = facts.Directory.Find(group.Key);
                yield return new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{year}-p{group.Key}"),
                    $"đề án năm kế hoạch {year} của {province?.Name ?? "tỉnh"}", due, true,
                    ProvinceUsers(facts, group.Key, Roles.ProvinceOfficer),
                    [.. group.OrderBy(p => p.Code, StringComparer.Ordinal).Select(ProjectRecord)]);
            }
        }
    }

    private static IEnumerable<Occurrence> ContractSignings(ReminderFacts facts, ReminderRule rule) =>
        from p in facts.Projects
        where p.State == ProjectState.Approved && p.ApprovalDate is not null && rule.DaysAfterEvent is not null
        select new Occurrence(string.Create(CultureInfo.InvariantCulture, $"project-{p.Id}"), $"đề án {p.Code}",
            p.ApprovalDate!.Value.AddDays(rule.DaysAfterEvent!.Value), true, ProvinceUsers(facts, p.ProvinceId, Roles.ProvinceOfficer), [ProjectRecord(p)]);

    private static IEnumerable<Occurrence> Acceptances(ReminderFacts facts, ReminderRule rule) =>
        from p in facts.Projects
        where p.State is ProjectState.Contracted or ProjectState.InProgress && rule.DaysAfterEvent is not null
        select new Occurrence(string.Create(CultureInfo.InvariantCulture, $"project-{p.Id}"), $"đề án {p.Code}",
            p.EndDate.AddDays(rule.DaysAfterEvent!.Value), true, ProvinceUsers(facts, p.ProvinceId, Roles.ProvinceOfficer), [ProjectRecord(p)]);

    private static ReminderRecord ProjectRecord(ReminderProject p) => new(ReminderRecord.Project, p.Id, $"{p.Code} — {p.Title}");
}
