using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Data.Establishments;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Establishments;

/// <summary>The outcome of saving an establishment: its id, or the errors by field, or the near duplicates to confirm first.</summary>
public sealed record EstablishmentResult(int? Id, IReadOnlyList<(string Field, string Message)> Errors, IReadOnlyList<Establishment> NearDuplicates, bool NotFound = false, bool Forbidden = false, bool Stale = false)
{
    public bool Succeeded => Id is not null;
}

/// <summary>
/// The registry's pages and picker (docs/domain.md §12): who sees an establishment (<see cref="ProjectScope"/>, the
/// province it was registered in), who may change it (the province officers of that province, ministry staff), and the
/// one save path with its checks, near-duplicate warning and stale-edit refusal.
/// </summary>
public sealed class EstablishmentService(KhuyenCongDbContext db, Geography geography, TimeProvider clock)
{
    public async Task<ProjectActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ProjectScope.Actor(user, await geography.DirectoryAsync(ct));

    public IQueryable<Establishment> Visible(ProjectActor actor) => db.Establishments.VisibleTo(actor, db);

    /// <summary>Whether the actor may register or change an establishment of <paramref name="provinceId"/> (null: of some province).</summary>
    public static bool CanEdit(ProjectActor actor, int? provinceId) => actor.Role switch
    {
        Roles.MinistryOfficer or Roles.MinistryApprover => true,
        Roles.ProvinceOfficer => provinceId is not { } id || actor.HoldsProvince(id),
        _ => false,
    };

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    /// <summary>The establishments of the same commune, in the province and those merged with it, whose names are near (<see cref="EstablishmentRules.NearDuplicate"/>).</summary>
    public async Task<IReadOnlyList<Establishment>> NearDuplicatesAsync(int? id, string name, string commune, int provinceId, CancellationToken ct)
    {
        var directory = await geography.DirectoryAsync(ct);
        var now = directory.SuccessorOn(provinceId, Today)?.Id ?? provinceId;
        var family = directory.SelfAndPredecessorIds(now).Append(provinceId).Distinct().ToList();
        var suffix = "|" + SearchText.Key(commune);
        var candidates = await db.Establishments.AsNoTracking()
            .Where(e => family.Contains(e.ProvinceId) && e.MatchKey.EndsWith(suffix) && (id == null || e.Id != id))
            .Include(e => e.Province)
            .Take(500)
            .ToListAsync(ct);
        return [.. candidates.Where(e => EstablishmentRules.NearDuplicate(e.Name, name)).OrderBy(e => e.Name, StringComparer.Ordinal).Take(10)];
    }

    /// <summary>
    /// Registers (<paramref name="id"/> null) or changes an establishment in one save. Near duplicates stop the save until
    /// <paramref name="confirmed"/>; a version older than the stored one is refused (<see cref="Pages.StaleEdit"/>).
    /// </summary>
    public async Task<EstablishmentResult> SaveAsync(ProjectActor actor, int? id, Guid version, EstablishmentInput input, bool confirmed, CancellationToken ct)
    {
        var existing = id is null ? null : await Visible(actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (id is not null && existing is null)
        {
            return new(null, [], [], NotFound: true);
        }

        if (!CanEdit(actor, existing?.ProvinceId))
        {
            return new(null, [], [], Forbidden: true);
        }

        var errors = (await new EstablishmentInputValidator().ValidateAsync(input, ct)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var directory = await geography.DirectoryAsync(ct);
        if (input.ProvinceId is { } provinceId)
        {
            var province = directory.Find(provinceId);
            if (province is null || !CanEdit(actor, provinceId))
            {
                errors.Add((nameof(EstablishmentInput.ProvinceId), "Bạn chỉ được ghi cơ sở của tỉnh, thành phố mình."));
            }
        }

        var draft = input.ToDraft();
        if (errors.Count == 0 && EstablishmentLinker.TaxKey(draft.TaxCode) is { } tax
            && await db.Establishments.AsNoTracking().Where(e => e.TaxCode == tax && e.Id != (id ?? 0)).Select(e => new { e.Name, e.PortalCode }).FirstOrDefaultAsync(ct) is { } taken)
        {
            errors.Add((nameof(EstablishmentInput.TaxCode), $"Mã số thuế {tax} đã có trong sổ: {taken.Name} ({taken.PortalCode})."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        if (!confirmed)
        {
            var near = await NearDuplicatesAsync(id, draft.Name, draft.Commune, draft.ProvinceId, ct);
            if (near.Count > 0)
            {
                return new(null, [], near);
            }
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            var created = Establishment.Register(draft, nowUtc);
            db.Establishments.Add(created);
            await db.SaveChangesAsync(ct);
            return new(created.Id, [], []);
        }

        existing.Update(draft, nowUtc);
        db.Entry(existing).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return new(existing.Id, [], []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, [(string.Empty, Pages.StaleEdit.Message)], [], Stale: true);
        }
    }
}
