using KhuyenCong.Data;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Establishments;

/// <summary>A double-support finding as a page shows it: the earlier projects with whether the reader may open them.</summary>
public sealed record DoubleSupportWarning(int EstablishmentId, string EstablishmentName, string ContentCode, DoubleSupportWindow Window, IReadOnlyList<(SupportRecord Project, string Province, bool Visible)> Earlier);

/// <summary>
/// Reads what <see cref="DoubleSupport.Find"/> compares from the database: every project, of any province, that names
/// the same establishments, and the windows (docs/domain.md §12.3). The earlier projects are named to every appraiser;
/// only those in the reader's scope are links.
/// </summary>
public sealed class DoubleSupportCheck(KhuyenCongDbContext db)
{
    /// <summary>The projects naming any of <paramref name="establishmentIds"/>, as support records.</summary>
    public async Task<IReadOnlyList<SupportRecord>> HistoryAsync(IReadOnlyCollection<int> establishmentIds, CancellationToken ct)
    {
        var ids = establishmentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.Beneficiaries.Any(b => b.EstablishmentId != null && ids.Contains(b.EstablishmentId.Value)))
            .Select(p => new
            {
                p.Id, p.Code, p.Title, p.PlanYear, p.ProvinceId, p.State,
                Establishments = p.Beneficiaries.Where(b => b.EstablishmentId != null).Select(b => b.EstablishmentId!.Value).ToList(),
                Contents = p.Contents.Select(c => c.ContentCode).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new SupportRecord(r.Id, r.Code, r.Title, r.PlanYear, r.ProvinceId, r.State, r.Establishments, r.Contents))];
    }

    /// <summary>The double supports of one project, named for <paramref name="actor"/>.</summary>
    public async Task<IReadOnlyList<DoubleSupportWarning>> ForProjectAsync(Project project, ProjectActor actor, CancellationToken ct)
    {
        var subject = new SupportRecord(project.Id, project.Code, project.Title, project.PlanYear, project.ProvinceId, project.State,
            [.. project.Beneficiaries.Where(b => b.EstablishmentId != null).Select(b => b.EstablishmentId!.Value)], [.. project.Contents.Select(c => c.ContentCode)]);
        var history = await HistoryAsync(subject.EstablishmentIds, ct);
        return await NameAsync(DoubleSupport.Find(subject, history, await WindowsAsync(ct)), actor, ct);
    }

    /// <summary>The double supports among the projects of one establishment: each project against the others.</summary>
    public async Task<IReadOnlyList<(SupportRecord Project, DoubleSupportWarning Warning)>> ForEstablishmentAsync(int establishmentId, ProjectActor actor, CancellationToken ct)
    {
        var history = await HistoryAsync([establishmentId], ct);
        var windows = await WindowsAsync(ct);
        var found = new List<(SupportRecord, DoubleSupportFinding)>();
        foreach (var project in history.Where(h => DoubleSupport.Counts(h.State)))
        {
            var subject = project with { EstablishmentIds = [establishmentId] };
            found.AddRange(DoubleSupport.Find(subject, history.Where(h => h.PlanYear < project.PlanYear || (h.PlanYear == project.PlanYear && h.ProjectId < project.ProjectId)), windows)
                .Select(f => (project, f)));
        }

        var named = await NameAsync([.. found.Select(f => f.Item2)], actor, ct);
        return [.. found.Select((f, i) => (f.Item1, named[i]))];
    }

    private async Task<IReadOnlyList<DoubleSupportWindow>> WindowsAsync(CancellationToken ct) =>
        await db.DoubleSupportWindows.AsNoTracking().ToListAsync(ct);

    private async Task<IReadOnlyList<DoubleSupportWarning>> NameAsync(IReadOnlyList<DoubleSupportFinding> findings, ProjectActor actor, CancellationToken ct)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        var projectIds = findings.SelectMany(f => f.Earlier).Select(e => e.ProjectId).Distinct().ToList();
        var visible = (await db.Projects.VisibleTo(actor, db).Where(p => projectIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var provinceIds = findings.SelectMany(f => f.Earlier).Select(e => e.ProvinceId).Distinct().ToList();
        var provinces = await db.Provinces.AsNoTracking().Where(p => provinceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var establishmentIds = findings.Select(f => f.EstablishmentId).Distinct().ToList();
        var names = await db.Establishments.AsNoTracking().Where(e => establishmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. findings.Select(f => new DoubleSupportWarning(f.EstablishmentId, names.GetValueOrDefault(f.EstablishmentId, string.Empty), f.ContentCode, f.Window,
            [.. f.Earlier.Select(e => (e, provinces.GetValueOrDefault(e.ProvinceId, string.Empty), visible.Contains(e.ProjectId)))]))];
    }
}
