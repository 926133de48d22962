using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Data.ReferenceData;

/// <summary>
/// Loads <see cref="ReferenceCatalog"/> into the database: adds every missing row (matched on its natural
/// key) and leaves existing rows alone, so running it again is harmless and an administrator's edits stay.
/// </summary>
public sealed class ReferenceDataLoader(KhuyenCongDbContext db)
{
    public async Task<int> LoadAsync(CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = 0;
        added += await LoadRolesAsync(ct);
        added += await LoadRegionsAsync(ct);
        added += await LoadProvincesAsync(ct);
        added += await LoadCatalogueAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    private async Task<int> LoadRolesAsync(CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name ?? string.Empty).ToListAsync(ct);
        var missing = Roles.All.Except(existing).ToList();
        foreach (var role in missing)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> LoadRegionsAsync(CancellationToken ct)
    {
        var existing = await db.Regions.Select(r => r.Code).ToListAsync(ct);
        var missing = ReferenceCatalog.Regions.Where(r => !existing.Contains(r.Code)).ToList();
        foreach (var (code, name, order) in missing)
        {
            db.Regions.Add(new Region { Code = code, Name = name, SortOrder = order });
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> LoadProvincesAsync(CancellationToken ct)
    {
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        var provinces = await db.Provinces.ToListAsync(ct);
        var added = 0;

        Province Ensure(string code, string name, string region, DateOnly from, DateOnly? to)
        {
            var province = provinces.FirstOrDefault(p => p.Code == code && p.ValidFrom == from);
            if (province is not null)
            {
                return province;
            }

            province = new Province { Code = code, Name = name, ValidFrom = from, ValidTo = to };
            province.RegionMemberships.Add(new ProvinceRegionMembership { Region = regions[region], ValidFrom = from, ValidTo = to });
            db.Provinces.Add(province);
            provinces.Add(province);
            added++;
            return province;
        }

        var old = ReferenceCatalog.OldProvinces.ToDictionary(
            p => p.Code,
            p => Ensure(p.Code, p.Name, p.Region, ReferenceCatalog.OldMapFrom, ReferenceCatalog.OldMapTo));
        var links = await db.ProvinceSuccessions.Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        foreach (var (code, name, region, predecessors) in ReferenceCatalog.NewProvinces)
        {
            var province = Ensure(code, name, region, ReferenceCatalog.MergerDate, null);
            foreach (var predecessor in predecessors.Select(p => old[p]))
            {
                var linked = province.Id != 0 && predecessor.Id != 0
                    && links.Any(l => l.PredecessorId == predecessor.Id && l.SuccessorId == province.Id);
                if (!linked)
                {
                    db.ProvinceSuccessions.Add(new ProvinceSuccession
                    {
                        Predecessor = predecessor,
                        Successor = province,
                        EffectiveDate = ReferenceCatalog.MergerDate,
                    });
                    added++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private async Task<int> LoadCatalogueAsync(CancellationToken ct)
    {
        var added = 0;
        var contents = await db.Contents.Select(c => c.Code).ToListAsync(ct);
        foreach (var (code, name, from) in ReferenceCatalog.Contents.Where(c => !contents.Contains(c.Code)))
        {
            db.Contents.Add(new Content { Code = code, Name = name, ValidFrom = from });
            added++;
        }

        var indicators = await db.OutcomeIndicators.Select(c => c.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, name, unit) in ReferenceCatalog.OutcomeIndicators)
        {
            order++;
            if (!indicators.Contains(code))
            {
                db.OutcomeIndicators.Add(new OutcomeIndicator { Code = code, Name = name, Unit = unit, SortOrder = order });
                added++;
            }
        }

        var norms = await db.SupportNorms.Select(n => new { n.ContentCode, n.Activity, n.EffectiveFrom }).ToListAsync(ct);
        foreach (var n in ReferenceCatalog.SupportNorms.Where(n =>
                     !norms.Any(e => e.ContentCode == n.ContentCode && e.Activity == n.Activity && e.EffectiveFrom == n.From)))
        {
            db.SupportNorms.Add(new SupportNorm
            {
                ContentCode = n.ContentCode,
                Activity = n.Activity,
                MaxSharePercent = n.SharePercent,
                CeilingDong = n.CeilingDong,
                LegalBasis = n.LegalBasis,
                EffectiveFrom = n.From,
                EffectiveTo = n.To,
                PriorityMultiplier = 1.5m,
            });
            added++;
        }

        var periods = await db.ProgrammePeriods.Select(p => p.FromYear).ToListAsync(ct);
        foreach (var p in ReferenceCatalog.ProgrammePeriods.Where(p => !periods.Contains(p.From)))
        {
            db.ProgrammePeriods.Add(new ProgrammePeriod { FromYear = p.From, ToYear = p.To, Name = p.Name, Decision = p.Decision });
            added++;
        }

        var departments = await db.DepartmentNames.Select(d => d.ValidFrom).ToListAsync(ct);
        foreach (var d in ReferenceCatalog.DepartmentNames.Where(d => !departments.Contains(d.From)))
        {
            db.DepartmentNames.Add(new DepartmentName { Name = d.Name, Abbreviation = d.Abbreviation, ValidFrom = d.From, ValidTo = d.To });
            added++;
        }

        var criteria = await db.VoteCriteria.Select(c => new { c.Code, c.ValidFrom }).ToListAsync(ct);
        foreach (var c in ReferenceCatalog.VoteCriteria.Where(c => !criteria.Any(e => e.Code == c.Code && e.ValidFrom == c.From)))
        {
            db.VoteCriteria.Add(new Domain.Votes.VoteCriterion { Code = c.Code, Name = c.Name, MaxPoints = c.MaxPoints, SortOrder = c.Order, ValidFrom = c.From });
            added++;
        }

        var marks = await db.VotePassMarks.Select(m => new { m.Level, m.ValidFrom }).ToListAsync(ct);
        foreach (var m in ReferenceCatalog.VotePassMarks.Where(m => !marks.Any(e => e.Level == m.Level && e.ValidFrom == m.From)))
        {
            db.VotePassMarks.Add(new Domain.Votes.VotePassMark { Level = m.Level, MinPoints = m.MinPoints, CertificateYears = m.Years, ValidFrom = m.From, LegalBasis = m.Basis });
            added++;
        }

        var deadlines = await db.ReportDeadlines.Select(d => new { d.Period, d.FromYear }).ToListAsync(ct);
        foreach (var d in ReferenceCatalog.ReportDeadlines.Where(d => !deadlines.Any(e => e.Period == d.Period && e.FromYear == d.FromYear)))
        {
            db.ReportDeadlines.Add(new ReportDeadline { Period = d.Period, FromYear = d.FromYear, DaysAfterPeriodEnd = d.Days, LegalBasis = d.LegalBasis });
            added++;
        }

        var reminders = await db.ReminderRules.Select(r => r.Deadline).ToListAsync(ct);
        foreach (var r in ReferenceCatalog.ReminderRules.Where(r => !reminders.Contains(r.Deadline)))
        {
            db.ReminderRules.Add(new Domain.Reminders.ReminderRule
            {
                Deadline = r.Deadline,
                DaysBefore = r.DaysBefore,
                OnDueDate = r.OnDueDate,
                OverdueEveryDays = r.OverdueEvery,
                OverdueForDays = r.OverdueFor,
                DueMonth = r.Month,
                DueDay = r.Day,
                DaysAfterEvent = r.DaysAfter,
                LegalBasis = r.LegalBasis,
            });
            added++;
        }

        var windows = await db.DoubleSupportWindows.Select(w => w.ContentCode).ToListAsync(ct);
        foreach (var w in ReferenceCatalog.DoubleSupportWindows.Where(w => !windows.Contains(w.ContentCode)))
        {
            db.DoubleSupportWindows.Add(new Domain.Establishments.DoubleSupportWindow
            {
                ContentCode = w.ContentCode, Activity = w.Activity, Years = w.Years, Allowed = w.Allowed, LegalBasis = w.LegalBasis,
            });
            added++;
        }

        var dossier = await db.DossierItems.Select(d => new { d.ContentCode, d.Name }).ToListAsync(ct);
        foreach (var d in ReferenceCatalog.DossierItems.Where(d => !dossier.Any(e => e.ContentCode == d.ContentCode && e.Name == d.Name)))
        {
            db.DossierItems.Add(new Domain.Projects.DossierItem { ContentCode = d.ContentCode, Name = d.Name, Required = d.Required, LegalBasis = "TT 36/2013/TT-BCT (cần xác nhận)" });
            added++;
        }

        await db.SaveChangesAsync(ct);

        // Targets name their period by id, so they come once the periods are stored.
        var periodIds = await db.ProgrammePeriods.ToDictionaryAsync(p => p.FromYear, p => p.Id, ct);
        var targets = await db.ProgrammeTargets.Select(t => new { t.ProgrammePeriodId, t.Measure }).ToListAsync(ct);
        foreach (var t in ReferenceCatalog.ProgrammeTargets)
        {
            if (periodIds.TryGetValue(t.PeriodFrom, out var periodId) && !targets.Any(e => e.ProgrammePeriodId == periodId && e.Measure == t.Measure))
            {
                db.ProgrammeTargets.Add(new ProgrammeTarget { ProgrammePeriodId = periodId, Measure = t.Measure, Target = t.Target, Note = t.Note, LegalBasis = t.LegalBasis, Confirmed = t.Confirmed });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
