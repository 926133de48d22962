using System.Globalization;
using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference;

/// <summary>
/// The create/edit page of one reference-data row (Admin only): validates the input, refuses a stale edit,
/// saves in one transaction with its audit entries, and shows the row's history.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public abstract class ReferenceEditPage<TEntity, TInput>(KhuyenCongDbContext db) : PageModel
    where TEntity : class, IVersioned, new()
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public bool IsNew { get; private set; }

    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    protected KhuyenCongDbContext Db => db;

    /// <summary>What the page says after a save, e.g. "Đã lưu định mức hỗ trợ."</summary>
    protected abstract string SavedMessage { get; }

    protected abstract IValidator<TInput> Validator { get; }

    protected abstract TInput ToInput(TEntity entity);

    protected abstract void Apply(TInput input, TEntity entity);

    /// <summary>Checks that need the database (uniqueness); add errors under "Input.Field".</summary>
    protected virtual Task ValidateInDatabaseAsync(TEntity entity, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Loads what the form offers to choose from (lists of other reference data), before the page is shown.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var entity = await FindOrNewAsync(id, ct);
        if (entity is null)
        {
            return NotFound();
        }

        Input = ToInput(entity);
        Version = entity.Version;
        await LoadHistoryAsync(id, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var entity = await FindOrNewAsync(id, ct);
        if (entity is null)
        {
            return NotFound();
        }

        (await Validator.ValidateAsync(Input, ct)).AddToModelState(ModelState, nameof(Input));
        if (ModelState.IsValid)
        {
            Apply(Input, entity);
            await ValidateInDatabaseAsync(entity, ct);
        }

        if (ModelState.IsValid)
        {
            if (IsNew)
            {
                db.Add(entity);
            }

            if (IsNew ? await SaveNewAsync(ct) : await StaleEdit.TrySaveAsync(db, entity, Version, ModelState, ct))
            {
                TempData["Message"] = SavedMessage;
                return RedirectToPage("Index");
            }
        }

        await LoadHistoryAsync(id, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<bool> SaveNewAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<TEntity?> FindOrNewAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        return id is { } key ? await db.Set<TEntity>().FindAsync([key], ct) : new TEntity();
    }

    private async Task LoadHistoryAsync(int? id, CancellationToken ct) =>
        History = id is { } key
            ? await AuditLabels.HistoryAsync(db, typeof(TEntity).Name, key.ToString(CultureInfo.InvariantCulture), ct)
            : [];

    /// <summary>True when another row of the same type already uses this value (case-insensitive).</summary>
    protected async Task<bool> TakenAsync(System.Linq.Expressions.Expression<Func<TEntity, bool>> sameKey, CancellationToken ct) =>
        await db.Set<TEntity>().AsNoTracking().AnyAsync(sameKey, ct);
}
