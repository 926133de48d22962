using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Báo cáo định kỳ: drafting, figures from the data as of the period end, submission, reopening, and the completeness
/// board. Every change goes through <see cref="PeriodicReportRules"/> and is one save (with its audit entries).
/// </summary>
public sealed class PeriodicReportService(KhuyenCongDbContext db, Geography geography, TimeProvider clock, Notifications.Notifier notifier)
{
    public const string NotFound = "Không tìm thấy báo cáo.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    public IQueryable<PeriodicReport> Visible(ProjectActor actor) => db.PeriodicReports.VisibleTo(actor, db);

    /// <summary>The provinces of the actor's scope that answer for a period: those valid at its end.</summary>
    public async Task<IReadOnlyList<ProvinceFact>> ReportingProvincesAsync(ProjectActor actor, int year, ReportPeriod period, CancellationToken ct = default)
    {
        var directory = await geography.DirectoryAsync(ct);
        var end = ReportPeriods.End(period, year);
        return [.. directory.ValidOn(end).Where(p => actor.ProvinceIds.Contains(p.Id)).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>Opens a new draft with the figures as of the period end; refused when one exists or the period has not begun.</summary>
    public async Task<(PeriodicReport? Report, string? Refusal)> CreateAsync(ProjectActor actor, int provinceId, int year, ReportPeriod period, CancellationToken ct = default)
    {
        if (PeriodicReportRules.Refuse(PeriodicReportAction.Create, actor, provinceId, PeriodicReportStatus.Draft) is { } refusal)
        {
            return (null, refusal);
        }

        if (year < 2014 || year > Today.Year || ReportPeriods.Start(year) > Today || !ReportPeriods.All.Contains(period))
        {
            return (null, "Kỳ báo cáo không hợp lệ: chọn một kỳ đã bắt đầu, từ năm 2014.");
        }

        var directory = await geography.DirectoryAsync(ct);
        var end = ReportPeriods.End(period, year);
        var province = directory.Find(provinceId);
        if (province is null || !directory.ValidOn(end).Any(p => p.Id == provinceId))
        {
            return (null, "Tỉnh này không tồn tại vào cuối kỳ báo cáo; báo cáo do tỉnh có hiệu lực vào cuối kỳ lập.");
        }

        if (await db.PeriodicReports.AnyAsync(r => r.ProvinceId == provinceId && r.Year == year && r.Period == period, ct))
        {
            return (null, $"{ReportPeriods.Title(period, year)} của {province.Name} đã được lập.");
        }

        var (report, notAllowed) = PeriodicReport.Open(provinceId, year, period, await FiguresAsync(provinceId, year, period, directory, ct), actor, clock.GetUtcNow().UtcDateTime);
        if (report is null)
        {
            return (null, notAllowed);
        }

        db.PeriodicReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people opened the same report at once: the unique index keeps one.
            return (null, $"{ReportPeriods.Title(period, year)} của {province.Name} đã được lập.");
        }

        return (report, null);
    }

    public async Task<PeriodicReport?> FindAsync(ProjectActor actor, int id, CancellationToken ct = default) =>
        await Visible(actor).Include(r => r.Province).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The report to show (untracked), within the actor's scope; null outside it.</summary>
    public async Task<PeriodicReport?> FindViewAsync(ProjectActor actor, int id, CancellationToken ct = default) =>
        await Visible(actor).AsNoTracking().Include(r => r.Province).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Saves the narrative of a draft; a stale version is refused.</summary>
    public Task<string?> SaveDraftAsync(ProjectActor actor, PeriodicReport report, Guid version, string? results, string? difficulties, string? proposals, CancellationToken ct = default) =>
        ChangeAsync(report, version, _ => Task.FromResult(report.EditNarrative(results, difficulties, proposals, actor)), ct);

    /// <summary>Takes the figures from the data again (a draft only).</summary>
    public Task<string?> RefreshAsync(ProjectActor actor, PeriodicReport report, Guid version, CancellationToken ct = default) =>
        ChangeAsync(report, version, async directory => report.Refresh(await FiguresAsync(report, directory, ct), actor, Now), ct);

    /// <summary>Soạn lại từ số liệu: the figures taken again and the narrative replaced by a new draft (a draft only; the page confirms first).</summary>
    public Task<string?> RedraftAsync(ProjectActor actor, PeriodicReport report, Guid version, CancellationToken ct = default) =>
        ChangeAsync(report, version, async directory => report.Redraft(await FiguresAsync(report, directory, ct), actor, Now), ct);

    /// <summary>Duyệt và gửi Bộ: figures taken once more and frozen, the report locked.</summary>
    public Task<string?> SubmitAsync(ProjectActor actor, PeriodicReport report, Guid version, CancellationToken ct = default) =>
        ChangeAsync(report, version, async directory => report.Submit(await FiguresAsync(report, directory, ct), actor, Now)
            ?? await NotifyAsync(actor, report, directory, PeriodicReportAction.Submit, ct), ct);

    /// <summary>Mở lại: back to draft for correction, with the reason; the audit log keeps who, when and why.</summary>
    public Task<string?> ReopenAsync(ProjectActor actor, PeriodicReport report, Guid version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(report, version, async directory => report.Reopen(reason, actor, Now)
            ?? await NotifyAsync(actor, report, directory, PeriodicReportAction.Reopen, ct), ct);

    /// <summary>Queues the notifications of a submission or reopening, saved with it; never refuses (null).</summary>
    private async Task<string?> NotifyAsync(ProjectActor actor, PeriodicReport report, ProvinceDirectory directory, PeriodicReportAction action, CancellationToken ct)
    {
        await notifier.ReportChangedAsync(actor, report, directory.Find(report.ProvinceId)?.Name ?? string.Empty, action, ct);
        return null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The completeness board of a period, for the whole country or one region (as at the period end).</summary>
    public async Task<Completeness> CompletenessAsync(int year, ReportPeriod period, string? region, CancellationToken ct = default)
    {
        var directory = await geography.DirectoryAsync(ct);
        var end = ReportPeriods.End(period, year);
        var expected = directory.ValidOn(end)
            .Where(p => region is null || directory.RegionOn(p.Id, end) == region)
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => (p.Id, p.Code, p.Name))
            .ToList();
        var reports = await db.PeriodicReports.AsNoTracking().Where(r => r.Year == year && r.Period == period)
            .Select(r => new { r.Id, r.ProvinceId, r.Status, r.FirstSubmittedAtUtc })
            .ToListAsync(ct);
        var deadlines = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        return Completeness.Of(year, period, ReportPeriods.Due(period, year, deadlines), expected,
            reports.Select(r => (r.Id, r.ProvinceId, r.Status, r.FirstSubmittedAtUtc is { } at ? (DateOnly?)DateOnly.FromDateTime(at.AddHours(7)) : null)));
    }

    public async Task<DateOnly?> DueAsync(int year, ReportPeriod period, CancellationToken ct = default) =>
        ReportPeriods.Due(period, year, await db.ReportDeadlines.AsNoTracking().ToListAsync(ct));

    /// <summary>
    /// Demo data: for the periods that ended in the last twelve months, most provinces' reports with figures from the
    /// data, most submitted on time, some late, some still drafts, some missing (demo databases only).
    /// </summary>
    public async Task<int> SeedDemoAsync(int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var directory = await geography.DirectoryAsync(ct);
        var deadlines = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        var written = 0;
        foreach (var (year, period) in ReportPeriods.EndedBefore(Today))
        {
            var existing = await db.PeriodicReports.Where(r => r.Year == year && r.Period == period).Select(r => r.ProvinceId).ToListAsync(ct);
            var due = ReportPeriods.Due(period, year, deadlines) ?? ReportPeriods.End(period, year);
            foreach (var province in directory.ValidOn(ReportPeriods.End(period, year)).Where(p => !existing.Contains(p.Id)))
            {
                var roll = random.Next(100);
                if (roll < 10)
                {
                    continue;
                }

                // Each demo report is drafted by the province's officer and, for most, sent by its leader: the same acts.
                var officer = DemoActor(Domain.Identity.Roles.ProvinceOfficer, province.Id);
                var figures = await FiguresAsync(province.Id, year, period, directory, ct);
                var (report, refusal) = PeriodicReport.Open(province.Id, year, period, figures, officer, due.AddDays(-10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
                refusal ??= report!.EditNarrative(
                    $"Sở Công Thương {province.Name} đã triển khai các đề án khuyến công theo kế hoạch được giao; các đề án đào tạo nghề và mô hình trình diễn kỹ thuật đạt tiến độ.",
                    "Một số cơ sở công nghiệp nông thôn chậm hoàn thiện hồ sơ thanh toán; vốn đối ứng còn hạn chế.",
                    "Đề nghị Bộ Công Thương sớm giao kế hoạch kinh phí khuyến công quốc gia và hướng dẫn thủ tục quyết toán.", officer);
                if (roll >= 20)
                {
                    var submitted = roll < 35 ? due.AddDays(1 + random.Next(20)) : due.AddDays(-random.Next(10));
                    refusal ??= report!.Submit(figures, DemoActor(Domain.Identity.Roles.ProvinceApprover, province.Id), submitted.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
                }

                if (refusal is not null)
                {
                    throw new InvalidOperationException($"Dữ liệu mẫu vi phạm quy tắc báo cáo định kỳ: {refusal}");
                }

                db.PeriodicReports.Add(report!);
                written++;
            }
        }

        await db.SaveChangesAsync(ct);
        return written;
    }

    private static ProjectActor DemoActor(string role, int provinceId) => new($"seed-{role}", DemoProjects.Author, role, new HashSet<int> { provinceId }, new HashSet<string>());

    /// <summary>A report a province still owes: a period that ended in the last twelve months, not yet submitted.</summary>
    public sealed record Owed(int Year, ReportPeriod Period, string Province, DateOnly? Due, int? ReportId);

    /// <summary>Báo cáo đến hạn of a province user: for each ended period, the provinces of their scope valid at its end without a submitted report.</summary>
    public async Task<IReadOnlyList<Owed>> OwedByAsync(ProjectActor actor, CancellationToken ct = default)
    {
        if (actor.ProvinceIds.Count == 0)
        {
            return [];
        }

        var directory = await geography.DirectoryAsync(ct);
        var periods = ReportPeriods.EndedBefore(Today);
        var years = periods.Select(p => p.Year).Distinct().ToList();
        var ids = actor.ProvinceIds.ToList();
        var stored = await db.PeriodicReports.AsNoTracking().Where(r => years.Contains(r.Year) && ids.Contains(r.ProvinceId))
            .Select(r => new { r.Id, r.ProvinceId, r.Year, r.Period, r.Status }).ToListAsync(ct);
        var deadlines = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        return [.. from period in periods
                   from province in directory.ValidOn(ReportPeriods.End(period.Period, period.Year)).Where(p => actor.ProvinceIds.Contains(p.Id))
                   let report = stored.FirstOrDefault(r => r.ProvinceId == province.Id && r.Year == period.Year && r.Period == period.Period)
                   where report is null || report.Status != PeriodicReportStatus.Submitted
                   select new Owed(period.Year, period.Period, province.Name, ReportPeriods.Due(period.Period, period.Year, deadlines), report?.Id)];
    }

    /// <summary>
    /// The figures of a province's report, as of the period end: the province and the predecessors whose records it
    /// holds; plan versions decided by the end, money dated by the end, projects approved and accepted by the end.
    /// </summary>
    private Task<PeriodicFigures> FiguresAsync(PeriodicReport report, ProvinceDirectory directory, CancellationToken ct) =>
        FiguresAsync(report.ProvinceId, report.Year, report.Period, directory, ct);

    private async Task<PeriodicFigures> FiguresAsync(int provinceId, int year, ReportPeriod period, ProvinceDirectory directory, CancellationToken ct)
    {
        var ids = directory.SelfAndPredecessorIds(provinceId).ToList();
        var end = ReportPeriods.End(period, year);
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => p.Year == year && ids.Contains(p.ProvinceId)).InForceAt(end)
            .GroupBy(p => p.Source).Select(g => new { Source = g.Key, Amount = g.Sum(p => (double)p.Amount) })
            .ToListAsync(ct);
        var money = await (from d in db.Disbursements
                           join p in db.Projects on d.ProjectId equals p.Id
                           where p.PlanYear == year && ids.Contains(p.ProvinceId) && d.Date <= end
                           group d by new { p.Source, MoneySource = d.Source } into g
                           select new { g.Key.Source, g.Key.MoneySource, Amount = g.Sum(x => (double)x.Amount) })
            .ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.PlanYear == year && ids.Contains(p.ProvinceId)).Counted()
            .Where(p => p.ApprovalDate == null || p.ApprovalDate <= end)
            .GroupBy(p => 1)
            .Select(g => new { Approved = g.Count(), Completed = g.Count(p => p.AcceptanceDate != null && p.AcceptanceDate <= end) })
            .FirstOrDefaultAsync(ct);

        // Outcome indicators of the year's approved projects: all of them, and those due (end date by the period end).
        var outcomeRows = await (from o in db.ProjectOutcomes
                                 join p in db.Projects on o.ProjectId equals p.Id
                                 where p.PlanYear == year && ids.Contains(p.ProvinceId) && p.ApprovedSupport != null && p.State != ProjectState.Rejected
                                       && (p.ApprovalDate == null || p.ApprovalDate <= end)
                                 group new { o, p } by o.IndicatorCode into g
                                 select new
                                 {
                                     Code = g.Key,
                                     Target = g.Sum(x => (double)x.o.Target),
                                     Actual = g.Sum(x => (double)(x.o.Actual ?? 0)),
                                     DueTarget = g.Sum(x => x.p.EndDate <= end ? (double)x.o.Target : 0),
                                     DueActual = g.Sum(x => x.p.EndDate <= end ? (double)(x.o.Actual ?? 0) : 0),
                                 })
            .ToListAsync(ct);
        var indicators = await db.OutcomeIndicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.Name, i.Unit, i.SortOrder), ct);
        var outcomes = outcomeRows
            .Select(r =>
            {
                var (name, unit, _) = indicators.GetValueOrDefault(r.Code, (r.Code, string.Empty, int.MaxValue));
                return new PeriodicOutcome(r.Code, name, unit, (decimal)r.Target, (decimal)r.Actual, (decimal)r.DueTarget, (decimal)r.DueActual);
            })
            .OrderBy(o => indicators.TryGetValue(o.Code, out var i) ? i.SortOrder : int.MaxValue).ThenBy(o => o.Code, StringComparer.Ordinal)
            .ToList();

        // Late: approved, not stopped or rejected, of this year or the one before, end date before the period end and
        // no acceptance by then (settlement comes after acceptance).
        var late = await db.Projects.AsNoTracking()
            .Where(p => (p.PlanYear == year || p.PlanYear == year - 1) && ids.Contains(p.ProvinceId) && p.ApprovedSupport != null
                        && p.State != ProjectState.Rejected && p.State != ProjectState.Stopped
                        && p.EndDate < end && (p.AcceptanceDate == null || p.AcceptanceDate > end))
            .OrderBy(p => p.EndDate).ThenBy(p => p.Code)
            .Select(p => new LateProject(p.Code, p.Title, p.EndDate))
            .ToListAsync(ct);

        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        decimal Paid(FundingSource? source, MoneySource kind) =>
            (decimal)money.Where(m => (source is null || m.Source == source) && m.MoneySource == kind).Sum(m => m.Amount);
        return new PeriodicFigures(
            (decimal)plans.Where(p => p.Source == FundingSource.KCQG).Sum(p => p.Amount),
            (decimal)plans.Where(p => p.Source == FundingSource.KCDP).Sum(p => p.Amount),
            Paid(FundingSource.KCQG, MoneySource.State),
            Paid(FundingSource.KCDP, MoneySource.State),
            Paid(null, MoneySource.Counterpart),
            projects?.Approved ?? 0,
            projects?.Completed ?? 0,
            outcomes,
            late);
    }

    /// <summary>Does the act (which checks the rule and the input) and saves it against the version the user saw.</summary>
    private async Task<string?> ChangeAsync(PeriodicReport report, Guid version, Func<ProvinceDirectory, Task<string?>> act, CancellationToken ct)
    {
        if (await act(await geography.DirectoryAsync(ct)) is { } refusal)
        {
            return refusal;
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Báo cáo vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; hãy tải lại trang để xem bản mới nhất.";
        }
    }
}
