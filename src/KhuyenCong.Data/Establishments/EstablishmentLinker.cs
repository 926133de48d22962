using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Data.Establishments;

/// <summary>
/// Links every beneficiary line to the registry (docs/domain.md §12), whichever path wrote it (page, Excel, API,
/// command line, demo seed): a line the writer did not link is matched by its tax code nationwide, else by name and
/// commune within its province and the provinces merged with it, else registered as a new establishment from what
/// the line says. Runs inside <see cref="KhuyenCongDbContext.SaveChangesAsync(bool, CancellationToken)"/>, so no
/// writer can forget it, and as a one-off over the lines stored before the registry existed.
/// </summary>
public static class EstablishmentLinker
{
    /// <summary>Links the beneficiary lines added in this save; true when it changed anything.</summary>
    public static async Task<bool> LinkAsync(KhuyenCongDbContext db, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<Beneficiary>()
            .Where(e => e.State == EntityState.Added && e.Entity.EstablishmentId is null && e.Entity.Establishment is null)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0)
        {
            return false;
        }

        var provinceOf = new Dictionary<Beneficiary, int>(ReferenceEqualityComparer.Instance);
        foreach (var project in db.ChangeTracker.Entries<Project>().Select(e => e.Entity))
        {
            foreach (var line in project.Beneficiaries)
            {
                provinceOf[line] = project.ProvinceId;
            }
        }

        var orphans = pending.Where(b => !provinceOf.ContainsKey(b)).Select(b => b.ProjectId).Distinct().ToList();
        if (orphans.Count > 0)
        {
            var provinces = await db.Projects.AsNoTracking().Where(p => orphans.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ProvinceId, ct);
            foreach (var b in pending.Where(b => !provinceOf.ContainsKey(b) && provinces.ContainsKey(b.ProjectId)))
            {
                provinceOf[b] = provinces[b.ProjectId];
            }
        }

        await ResolveAsync(db, [.. pending.Where(provinceOf.ContainsKey).Select(b => (b, provinceOf[b]))], DateTime.UtcNow, ct);
        return true;
    }

    /// <summary>
    /// Links the lines stored before the registry existed, a batch at a time, each batch one save (count of lines
    /// before = after; only the link is added). Returns how many lines it linked.
    /// </summary>
    public static async Task<int> BackfillAsync(KhuyenCongDbContext db, int batchSize = 500, CancellationToken ct = default)
    {
        var linked = 0;
        while (true)
        {
            var batch = await db.Beneficiaries.Where(b => b.EstablishmentId == null).OrderBy(b => b.Id).Take(batchSize)
                .Join(db.Projects, b => b.ProjectId, p => p.Id, (b, p) => new { Line = b, p.ProvinceId })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return linked;
            }

            await ResolveAsync(db, [.. batch.Select(x => (x.Line, x.ProvinceId))], DateTime.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            linked += batch.Count;
        }
    }

    /// <summary>The key a line's tax code is matched by: its normal form, or what was typed when it is not a valid code (old records).</summary>
    public static string? TaxKey(string? taxCode) =>
        string.IsNullOrWhiteSpace(taxCode) ? null : TaxCode.Check(taxCode).Normalized ?? taxCode.Trim();

    /// <summary>The provinces whose establishments one without a tax code may be matched among: those joined to <paramref name="provinceId"/> by the mergers.</summary>
    private static async Task<Func<int, IReadOnlySet<int>>> FamiliesAsync(KhuyenCongDbContext db, CancellationToken ct)
    {
        var edges = await db.ProvinceSuccessions.AsNoTracking().Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        var neighbours = edges.SelectMany(e => new[] { (e.PredecessorId, e.SuccessorId), (e.SuccessorId, e.PredecessorId) })
            .ToLookup(e => e.Item1, e => e.Item2);
        return id =>
        {
            var family = new HashSet<int>();
            var pending = new Stack<int>([id]);
            while (pending.TryPop(out var next))
            {
                if (family.Add(next))
                {
                    foreach (var n in neighbours[next])
                    {
                        pending.Push(n);
                    }
                }
            }

            return family;
        };
    }

    private static async Task ResolveAsync(KhuyenCongDbContext db, IReadOnlyList<(Beneficiary Line, int ProvinceId)> lines, DateTime nowUtc, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var family = await FamiliesAsync(db, ct);
        var added = db.ChangeTracker.Entries<Establishment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

        var taxKeys = lines.Select(l => TaxKey(l.Line.TaxCode)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var byTax = (await db.Establishments.Where(e => e.TaxCode != null && taxKeys.Contains(e.TaxCode)).ToListAsync(ct))
            .Concat(added.Where(e => e.TaxCode is not null))
            .GroupBy(e => e.TaxCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var untaxed = lines.Where(l => TaxKey(l.Line.TaxCode) is null).ToList();
        var matchKeys = untaxed.Select(l => Establishment.MatchKeyOf(l.Line.Name, l.Line.Commune)).Distinct(StringComparer.Ordinal).ToList();
        var provinces = untaxed.SelectMany(l => family(l.ProvinceId)).Distinct().ToList();
        var byMatch = matchKeys.Count == 0
            ? []
            : (await db.Establishments.Where(e => e.TaxCode == null && provinces.Contains(e.ProvinceId) && matchKeys.Contains(e.MatchKey)).ToListAsync(ct))
                .Concat(added.Where(e => e.TaxCode is null))
                .ToList();

        foreach (var (line, provinceId) in lines)
        {
            Establishment? found;
            if (TaxKey(line.TaxCode) is { } tax)
            {
                if (!byTax.TryGetValue(tax, out found))
                {
                    found = Register(db, line, provinceId, nowUtc);
                    byTax[tax] = found;
                }
            }
            else
            {
                var key = Establishment.MatchKeyOf(line.Name, line.Commune);
                var near = family(provinceId);
                found = byMatch.FirstOrDefault(e => e.MatchKey == key && near.Contains(e.ProvinceId));
                if (found is null)
                {
                    found = Register(db, line, provinceId, nowUtc);
                    byMatch.Add(found);
                }
            }

            if (found.Id != 0)
            {
                line.EstablishmentId = found.Id;
            }
            else
            {
                line.Establishment = found;
            }
        }
    }

    private static Establishment Register(KhuyenCongDbContext db, Beneficiary line, int provinceId, DateTime nowUtc)
    {
        var e = Establishment.Register(new EstablishmentDraft(line.Name, line.TaxCode, line.Type, provinceId, line.Commune,
            WomenOwned: line.WomenOwned, EthnicMinorityEmployer: line.EthnicMinorityEmployer, PriorityArea: line.PriorityArea), nowUtc);
        db.Establishments.Add(e);
        return e;
    }
}
