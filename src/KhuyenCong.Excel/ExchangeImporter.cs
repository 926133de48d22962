using System.Globalization;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Excel.ExchangeFormat;

namespace KhuyenCong.Excel;

/// <summary>
/// Imports an exchange workbook (docs/domain.md §9) all or nothing: every row of every sheet is checked first, and the
/// whole workbook is written in one transaction only when no row has an error. Province users may import only
/// their province's rows; KCQG plans are the ministry's, KCĐP plans the province approver's.
/// A dry run (the preview) goes through the same checks and acts but writes nothing and opens no transaction, so
/// that on SQLite it never holds the one write lock other users' saves need: what a later row depends on (a
/// project created or paid by an earlier row) stays in memory instead of in the database.
/// </summary>
/// <param name="gate">The process's bound on imports at once; every entry (preview, confirmation, command line) passes it.</param>
public sealed partial class ExchangeImporter(KhuyenCongDbContext db, TimeProvider clock, ProjectLimits? projectLimits = null, ImportGate? gate = null)
{
    public const string ConcurrentChangeMessage =
        "Một đề án trong tệp vừa được người khác thay đổi trong lúc nhập (ví dụ một khoản giải ngân ghi trên cổng); không có gì được ghi. Hãy xem trước và nhập lại.";

    private sealed record KnownProject(int Id, int ProvinceId, FundingSource Source, decimal? Approved, decimal StateDisbursed, Project? New, ProjectState State);

    /// <summary>The exchange columns of a project, to tell an unchanged row from a changed one.</summary>
    private static string Signature(int year, int provinceId, FundingSource source, ProjectKind kind, string title, string unit,
        decimal requested, decimal? approved, decimal counterpart, ProjectState state, DateOnly? approvalDate, IEnumerable<string> contents) =>
        string.Join('|', year, provinceId, source, kind, title, unit, Canonical(requested), approved is { } a ? (decimal?)Canonical(a) : null, Canonical(counterpart), state,
            approvalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(',', contents.Order(StringComparer.Ordinal)));

    /// <param name="correctionReason">
    /// Only for the command line's operator (<c>import FILE --correct --reason "…"</c>): stored projects are corrected
    /// to the workbook's values, field by field, with this reason.
    /// </param>
    public async Task<ImportResult> ImportAsync(Stream file, ProjectActor actor, bool dryRun, ImportLimits limits,
        IProgress<int>? progress = null, string? correctionReason = null, CancellationToken ct = default)
    {
        if (correctionReason is not null && (actor.Role != Roles.Admin || actor.UserId.Length != 0 || string.IsNullOrWhiteSpace(correctionReason)))
        {
            return ImportResult.Refused("Chế độ sửa chữa dữ liệu chỉ dùng trên dòng lệnh của máy chủ và phải nêu lý do (--reason \"…\").");
        }

        using var slot = gate?.TryEnter();
        if (gate is not null && slot is null)
        {
            return ImportResult.Refused(gate.BusyMessage);
        }

        try
        {
            return await ImportCheckedAsync(file, actor, dryRun, limits, progress, correctionReason, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Refused(ConcurrentChangeMessage);
        }
        catch (InvalidWorkbookException ex)
        {
            // A part that does not parse, found on opening or while its rows stream: the transaction is rolled back.
            db.ChangeTracker.Clear();
            return ImportResult.Refused(ex.Message);
        }
        catch (WorkbookRefusedException ex)
        {
            // A limit of ImportLimits reached while reading (strings, cells): refused before the excess is held.
            db.ChangeTracker.Clear();
            return ImportResult.Refused(ex.Message);
        }
    }

    private async Task<ImportResult> ImportCheckedAsync(Stream file, ProjectActor actor, bool dryRun, ImportLimits limits,
        IProgress<int>? progress, string? correctionReason, CancellationToken ct)
    {
        // The command line acts as Admin: an operator loading data on the server, with every right.
        var ministry = actor.Role is Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Admin;
        if (!ministry && actor.Role is not (Roles.ProvinceOfficer or Roles.ProvinceApprover))
        {
            return ImportResult.Refused("Vai trò của bạn không được nhập dữ liệu.");
        }

        try
        {
            WorkbookGuard.Check(file, limits);
        }
        catch (WorkbookRefusedException ex)
        {
            return ImportResult.Refused(ex.Message);
        }

        // Throws InvalidWorkbookException (naming the part) or WorkbookRefusedException (naming the limit).
        using var reader = new SheetReader(file, limits);

        var errors = new List<ImportError>();
        var known = ExchangeFormat.Sheets.Select(s => s.Name).Append(ExchangeFormat.Codes).ToHashSet(StringComparer.Ordinal);
        foreach (var name in reader.SheetNames.Where(n => !known.Contains(n)))
        {
            errors.Add(new ImportError(name, 1, "—", $"Trang tính «{name}» không thuộc mẫu trao đổi (CoSo, KeHoach, DeAn, GiaiNgan, KetQua); hãy xóa hoặc đổi tên."));
        }

        foreach (var name in reader.HiddenSheetNames.Where(n => known.Contains(n) && n != ExchangeFormat.Codes))
        {
            errors.Add(new ImportError(name, 1, "—", $"Trang tính «{name}» đang bị ẩn; hãy hiện trang tính (Unhide) để kiểm tra nội dung, hoặc xóa nó, rồi nhập lại."));
        }

        if (!reader.SheetNames.Any(n => ExchangeFormat.Sheets.Any(s => s.Name == n)))
        {
            return new ImportResult([.. errors, new ImportError("Tệp", 0, "—", "Sổ tính không có trang CoSo, KeHoach, DeAn, GiaiNgan hoặc KetQua.")], [], false);
        }

        var directory = await Geography.LoadAsync(db, ct);
        var contents = (await db.Contents.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var indicators = (await db.OutcomeIndicators.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var act = new ActContext(actor, clock.GetUtcNow().UtcDateTime, projectLimits ?? ProjectLimits.Default);
        var context = new Context(actor, ministry, directory, contents, indicators, errors, reader, limits, progress, act, correctionReason, dryRun);
        await LoadProjectsAsync(context, ProjectCodesIn(reader), ct);
        await LoadEstablishmentsAsync(context, BeneficiaryTaxCodesIn(reader), ct);

        // All or nothing: rows are written as they are checked, in batches to bound memory, inside one transaction
        // that is committed only when no row of any sheet had an error. A dry run writes nothing and so needs no
        // transaction: on SQLite, beginning one takes the database's write lock at once (BEGIN IMMEDIATE).
        var counts = new List<SheetCounts>();
        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
        foreach (var (name, headers, required) in ExchangeFormat.Sheets)
        {
            if (!reader.SheetNames.Contains(name))
            {
                continue;
            }

            var rows = ReadSheet(context, name, headers, required);
            counts.Add(name switch
            {
                ExchangeFormat.Establishments => await EstablishmentsAsync(context, rows, ct),
                ExchangeFormat.Plans => await PlansAsync(context, rows, ct),
                ExchangeFormat.Projects => await ProjectsAsync(context, rows, ct),
                ExchangeFormat.Disbursements => await DisbursementsAsync(context, rows, ct),
                _ => await OutcomesAsync(context, rows, ct),
            });
            await FlushAsync(context, ct);
        }

        if (errors.Count > 0 || transaction is null)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
            return new ImportResult(errors, counts, false);
        }

        await transaction.CommitAsync(ct);
        return new ImportResult(errors, counts, true);
    }

    private const int BatchSize = 1000;

    /// <summary>
    /// Writes what the rows so far did and forgets it, to bound memory; later rows read it back from the database.
    /// A dry run writes nothing: it keeps the projects it touched in memory (<see cref="Context.Held"/>) instead,
    /// bounded by <see cref="ImportLimits.MaxRows"/> per sheet.
    /// </summary>
    private async Task FlushAsync(Context context, CancellationToken ct)
    {
        if (context.DryRun)
        {
            return;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Held.Clear();
    }

    /// <summary>A new plan or project to be written; a dry run only keeps it in memory.</summary>
    private void Stage<T>(Context context, T entity)
        where T : class
    {
        if (!context.DryRun)
        {
            db.Add(entity);
        }
    }

    private sealed record Context(
        ProjectActor Actor, bool Ministry, ProvinceDirectory Directory, HashSet<string> Contents, HashSet<string> Indicators,
        List<ImportError> Errors, SheetReader Reader, ImportLimits Limits, IProgress<int>? Progress, ActContext Act, string? CorrectionReason, bool DryRun)
    {
        public Dictionary<string, KnownProject> Projects { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// The projects rows have acted on since the last write, by code: between writes of an import, and for the
        /// whole of a dry run, where the database never sees them.
        /// </summary>
        public Dictionary<string, Project> Held { get; } = new(StringComparer.Ordinal);

        public int RowsRead { get; set; }

        /// <summary>Establishments by tax code that DeAn rows may name: those stored that the workbook names, and the CoSo sheet's.</summary>
        public Dictionary<string, Domain.Establishments.Establishment> Establishments { get; } = new(StringComparer.Ordinal);

        /// <summary>The valid tax codes of the CoSo sheet, written or not (a row with an error is reported once, on CoSo).</summary>
        public HashSet<string> SheetTaxCodes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The project codes a workbook names (first column of DeAn, GiaiNgan and KetQua), read in one cheap pass.</summary>
    private static HashSet<string> ProjectCodesIn(SheetReader reader)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sheet in new[] { ExchangeFormat.Projects, ExchangeFormat.Disbursements, ExchangeFormat.Outcomes }.Where(reader.SheetNames.Contains))
        {
            foreach (var row in reader.Rows(sheet).Skip(1))
            {
                var text = row[0].Text.Trim();
                if (text.Length is > 0 and <= 40)
                {
                    codes.Add(text);
                }
            }
        }

        return codes;
    }

    /// <summary>Only the stored projects the workbook names are loaded, in chunks, not the whole table.</summary>
    private async Task LoadProjectsAsync(Context context, HashSet<string> codes, CancellationToken ct)
    {
        foreach (var chunk in codes.Chunk(500))
        {
            var rows = await db.Projects.AsNoTracking().Where(p => chunk.Contains(p.Code))
                .Select(p => new { p.Code, p.Id, p.ProvinceId, p.Source, p.ApprovedSupport, p.State })
                .ToListAsync(ct);
            foreach (var p in rows)
            {
                context.Projects[p.Code] = new KnownProject(p.Id, p.ProvinceId, p.Source, p.ApprovedSupport, 0, null, p.State);
            }
        }
    }

    /// <summary>The data rows of a sheet whose headers are right; header errors are reported and the rows skipped.</summary>
    private static IEnumerable<CellParserRow> ReadSheet(Context context, string sheet, IReadOnlyList<string> headers, int required)
    {
        using var rows = context.Reader.Rows(sheet).GetEnumerator();
        if (!rows.MoveNext())
        {
            context.Errors.Add(new ImportError(sheet, 1, "—", "Trang tính trống: thiếu dòng tiêu đề."));
            yield break;
        }

        var header = rows.Current;
        var headerOk = true;
        for (var i = 0; i < headers.Count; i++)
        {
            var actual = HeaderText(header[i].Text);
            if (i >= required && actual.Length == 0)
            {
                continue;
            }

            if (!string.Equals(actual, headers[i], StringComparison.Ordinal))
            {
                context.Errors.Add(new ImportError(sheet, header.Number, ExchangeFormat.ColumnName(i),
                    actual.Length == 0 ? $"Thiếu cột «{headers[i]}»." : $"Tiêu đề «{actual}» sai; cần đúng «{headers[i]}»."));
                headerOk = false;
            }
        }

        if (!headerOk)
        {
            yield break;
        }

        var count = 0;
        while (rows.MoveNext())
        {
            if (rows.Current.IsEmpty)
            {
                continue;
            }

            if (count++ >= context.Limits.MaxRows)
            {
                context.Errors.Add(new ImportError(sheet, rows.Current.Number, "—",
                    string.Create(CultureInfo.InvariantCulture, $"Trang tính có quá {context.Limits.MaxRows} dòng dữ liệu; hãy chia thành nhiều tệp.")));
                break;
            }

            if (++context.RowsRead % 1000 == 0)
            {
                context.Progress?.Report(context.RowsRead);
            }

            yield return new CellParserRow(new CellParser(sheet, rows.Current, headers, context.Errors));
        }
    }

    private sealed record CellParserRow(CellParser Cells);

    /// <summary>A header as typed: composed Unicode (NFC), non-breaking and repeated spaces as one space.</summary>
    private static string HeaderText(string text) =>
        string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).Replace('\u00A0', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool InScope(Context context, CellParser cells, int column, int provinceId)
    {
        if (context.Ministry || context.Actor.HoldsProvince(provinceId))
        {
            return true;
        }

        cells.Error(column, "Bạn chỉ được nhập dữ liệu của tỉnh, thành phố mình.");
        return false;
    }

    /// <summary>The province of a row of plan year <paramref name="year"/>, by the directory's one rule (ResolveInPlanYear).</summary>
    private ProvinceFact? Province(Context context, CellParser cells, int column, string? code, int year, DateOnly date, Func<int, bool>? stored = null)
    {
        if (code is null)
        {
            return null;
        }

        // A one-digit code typed as a number (1 for 01) is the two-digit code.
        code = code.Length == 1 && char.IsAsciiDigit(code[0]) ? "0" + code : code;
        var province = context.Directory.ResolveInPlanYear(code, year, date, stored);
        if (province is null)
        {
            cells.Error(column, $"Mã tỉnh «{code}» không ứng với tỉnh, thành phố nào có hiệu lực ngày {date:dd/MM/yyyy}.");
        }

        return province;
    }

    private static FundingSource? Source(CellParser cells, int column, string? text) => text?.ToUpperInvariant() switch
    {
        null => null,
        "KCQG" => FundingSource.KCQG,
        "KCĐP" or "KCDP" => FundingSource.KCDP,
        _ => Fail<FundingSource>(cells, column, $"Nguồn kinh phí «{text}» phải là KCQG hoặc KCĐP."),
    };

    private static T? Fail<T>(CellParser cells, int column, string message)
        where T : struct
    {
        cells.Error(column, message);
        return null;
    }

    private async Task<SheetCounts> PlansAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var existing = await db.AnnualPlans.AsNoTracking()
            .Select(p => new { p.Year, p.ProvinceId, p.Source, p.Amount, p.DecisionNumber, p.DecisionDate }).ToListAsync(ct);
        var seen = existing.Select(e => (e.Year, e.ProvinceId, e.Source, e.Amount, e.DecisionNumber, e.DecisionDate)).ToHashSet();
        int created = 0, unchanged = 0;
        foreach (var (cells, year, code, source, amount, number, date) in rows.Select(r => (r.Cells,
                     r.Cells.Year(PlanColumns.Year), r.Cells.Text(PlanColumns.Province), Source(r.Cells, PlanColumns.Source.Index, r.Cells.Text(PlanColumns.Source)),
                     r.Cells.Money(PlanColumns.Amount), r.Cells.Text(PlanColumns.DecisionNumber), r.Cells.Date(PlanColumns.DecisionDate))))
        {
            if (year is null || source is null || amount is null || number is null || date is null)
            {
                continue;
            }

            var province = Province(context, cells, 1, code, year.Value, date.Value,
                id => seen.Contains((year.Value, id, source.Value, amount.Value, number, date.Value)));
            if (province is null)
            {
                continue;
            }

            if (!InScope(context, cells, 1, province.Id))
            {
                continue;
            }

            // A row identical to a version already recorded changes nothing, whoever sends it back.
            if (!seen.Add((year.Value, province.Id, source.Value, amount.Value, number, date.Value)))
            {
                unchanged++;
                continue;
            }

            var (plan, refusal) = AnnualPlan.Record(context.Actor, year.Value, province.Id, source.Value, amount.Value, number, date.Value);
            if (plan is null)
            {
                cells.Error(refusal!.StartsWith("Kế hoạch", StringComparison.Ordinal) ? PlanColumns.Source : PlanColumns.Amount, refusal);
                continue;
            }

            Stage(context, plan);
            created++;
        }

        return new SheetCounts(ExchangeFormat.Plans, created, 0, unchanged);
    }

    private async Task<SheetCounts> ProjectsAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        int created = 0, changed = 0, unchanged = 0;
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        var toCompare = new List<ProjectRow>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(ProjectColumns.Code);
            var year = c.Year(ProjectColumns.Year);
            var provinceCode = c.Text(ProjectColumns.Province);
            var source = Source(c, ProjectColumns.Source.Index, c.Text(ProjectColumns.Source));
            var kindText = c.Text(ProjectColumns.Kind);
            var kind = kindText switch
            {
                null => (ProjectKind?)null,
                "Thường" => ProjectKind.Thuong,
                "Nhóm" => ProjectKind.Nhom,
                "Điểm" => ProjectKind.Diem,
                _ => Fail<ProjectKind>(c, ProjectColumns.Kind.Index, $"Loại đề án «{kindText}» phải là Thường, Nhóm hoặc Điểm."),
            };
            var contentCodes = c.Text(ProjectColumns.Contents)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            foreach (var bad in contentCodes.Where(x => !context.Contents.Contains(x)))
            {
                c.Error(ProjectColumns.Contents, $"Mã nội dung «{bad}» không có trong danh mục (ND01–ND10).");
            }

            var title = c.Text(ProjectColumns.Title);
            var unit = c.Text(ProjectColumns.Unit);
            var requested = c.Money(ProjectColumns.Requested);
            var approved = c.Money(ProjectColumns.Approved);
            var counterpart = c.Money(ProjectColumns.Counterpart);
            var stateText = c.Text(ProjectColumns.State);
            ProjectState? state = stateText is null ? null : ProjectLabels.TryParseState(stateText, out var s) ? s
                : Fail<ProjectState>(c, ProjectColumns.State.Index, $"Trạng thái «{stateText}» không đúng; dùng một nhãn như «Nháp», «Đã phê duyệt, giao kế hoạch», «Đã quyết toán».");
            var approvalDate = c.Date(ProjectColumns.ApprovalDate);
            var named = NamedEstablishments(context, c, out var badBeneficiaries);
            var province = year is null ? null : Province(context, c, ProjectColumns.Province.Index, provinceCode, year.Value, approvalDate ?? new DateOnly(year.Value, 1, 1),
                id => code is not null && context.Projects.TryGetValue(code, out var held) && held.ProvinceId == id);
            if (code is null || year is null || source is null || kind is null || title is null || unit is null || requested is null || state is null
                || province is null || contentCodes.Length == 0 || contentCodes.Any(x => !context.Contents.Contains(x)) || badBeneficiaries)
            {
                continue;
            }

            if (!inFile.Add(code))
            {
                c.Error(ProjectColumns.Code, $"Mã đề án «{code}» lặp lại trong trang tính.");
                continue;
            }

            if (!InScope(context, c, ProjectColumns.Province.Index, province.Id))
            {
                continue;
            }

            var draft = new ProjectDraft(year.Value, province.Id, source.Value, kind.Value, title, unit, new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31),
                counterpart ?? 0, [.. contentCodes.Select((x, i) => new ContentDraft(x, 0, i == 0 ? requested.Value : 0))], named is null ? [] : BeneficiariesFor([], named), []);
            var values = new HistoricalProject(draft, state.Value, approved, approvalDate);
            if (context.Projects.TryGetValue(code, out var known))
            {
                if (InScope(context, c, ProjectColumns.Code.Index, known.ProvinceId))
                {
                    toCompare.Add(new ProjectRow(c.Row, code, values, named));
                }

                continue;
            }

            // A new project: a province registers drafts; ministry staff and the command line load history.
            var (project, result) = state == ProjectState.Draft && context.Actor.Role == Roles.ProvinceOfficer
                ? Domain.Projects.Project.Register(code, draft, context.Act)
                : Domain.Projects.Project.LoadHistorical(code, values, context.Act);
            if (project is null)
            {
                Report(context, ExchangeFormat.Projects, c.Row, result, s_projectColumns);
                continue;
            }

            Stage(context, project);
            context.Held[code] = project;
            context.Projects[code] = new KnownProject(0, province.Id, project.Source, project.ApprovedSupport, 0, project, project.State);
            if (++created % BatchSize == 0)
            {
                await FlushAsync(context, ct);
            }
        }

        await FlushAsync(context, ct);
        foreach (var code in context.Projects.Where(p => p.Value.New is not null).Select(p => p.Key).ToList())
        {
            var fresh = context.Projects[code];
            context.Projects[code] = fresh with { Id = fresh.New!.Id };
        }

        // Stored projects are compared in batches after the pass, so that only the rows sent are loaded.
        foreach (var batch in toCompare.Chunk(500))
        {
            var stored = await LoadAsync(context, batch.Select(b => b.Code), q => q.Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes), ct);
            foreach (var row in batch)
            {
                var project = stored[row.Code];
                var beneficiaries = row.Named is { } named && !BeneficiaryKeys(project.Beneficiaries).SequenceEqual(named.Select(e => e.TaxCode!).Order(StringComparer.Ordinal))
                    ? BeneficiariesFor(project.Beneficiaries, named)
                    : null;
                if (Signature(project) == Signature(row.Values) && beneficiaries is null)
                {
                    unchanged++;
                    continue;
                }

                var result = Change(context, project, row.Values, beneficiaries);
                if (result.Done)
                {
                    changed++;
                }
                else
                {
                    Report(context, ExchangeFormat.Projects, row.Row, result, s_projectColumns);
                }
            }

            await FlushAsync(context, ct);
        }

        return new SheetCounts(ExchangeFormat.Projects, created, changed, unchanged);
    }

    private sealed record ProjectRow(int Row, string Code, HistoricalProject Values, IReadOnlyList<Domain.Establishments.Establishment>? Named);

    /// <summary>Where a domain refusal of a DeAn row is shown: the column of the field it names.</summary>
    private static readonly Dictionary<string, int> s_projectColumns = new(StringComparer.Ordinal)
    {
        ["PlanYear"] = ProjectColumns.Year.Index, ["ProvinceId"] = ProjectColumns.Province.Index, ["Title"] = ProjectColumns.Title.Index,
        ["Contents"] = ProjectColumns.Requested.Index, ["ApprovedSupport"] = ProjectColumns.Approved.Index,
        ["CounterpartCommitted"] = ProjectColumns.Counterpart.Index, ["State"] = ProjectColumns.State.Index, ["ApprovalDate"] = ProjectColumns.ApprovalDate.Index,
        ["Beneficiaries"] = ProjectColumns.BeneficiaryTaxCodes.Index,
    };

    /// <summary>A row that differs from a stored project: the operator's correction, or the domain's revision from a row.</summary>
    private static ActResult Change(Context context, Project project, HistoricalProject values, IReadOnlyList<BeneficiaryDraft>? beneficiaries)
    {
        if (context.CorrectionReason is { } reason)
        {
            return beneficiaries is not null
                ? ActResult.Fail("Sửa chữa dữ liệu không đổi cơ sở thụ hưởng của đề án; hãy để trống cột «Mã số thuế cơ sở thụ hưởng» hoặc ghi đúng như trên cổng.", "Beneficiaries")
                : project.Correct(new ProjectCorrection(reason, values), context.Act);
        }

        return project.ReviseFromExchange(values, context.Act, beneficiaries);
    }

    private static void Report(Context context, string sheet, int row, ActResult result, IReadOnlyDictionary<string, int> columns)
    {
        var headers = ExchangeFormat.Sheet(sheet).Headers;
        foreach (var error in result.Errors)
        {
            var column = columns.Where(c => error.Field.StartsWith(c.Key, StringComparison.Ordinal)).Select(c => c.Value).DefaultIfEmpty(0).First();
            context.Errors.Add(new ImportError(sheet, row, headers[column], error.Message));
        }
    }

    /// <summary>
    /// Projects by code with the parts an act needs: those held since the last write as they are, the others from the
    /// database (tracked, to be written). A dry run loads each project once, untracked and with every part a later
    /// sheet's act reads, and holds it to the end, so that a later row sees what an earlier one did.
    /// </summary>
    private async Task<Dictionary<string, Project>> LoadAsync(Context context, IEnumerable<string> codes,
        Func<IQueryable<Project>, IQueryable<Project>> include, CancellationToken ct)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        var missing = list.Where(c => !context.Held.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var query = context.DryRun
                ? db.Projects.AsNoTracking().Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes).Include(p => p.Disbursements)
                : include(db.Projects);
            foreach (var project in await query.AsSplitQuery().Where(p => missing.Contains(p.Code)).ToListAsync(ct))
            {
                context.Held[project.Code] = project;
            }
        }

        return list.Where(context.Held.ContainsKey).ToDictionary(c => c, c => context.Held[c], StringComparer.Ordinal);
    }

    private static string Signature(Project p) =>
        Signature(p.PlanYear, p.ProvinceId, p.Source, p.Kind, p.Title, p.ImplementingUnit, p.RequestedSupport, p.ApprovedSupport,
            p.CounterpartCommitted, p.State, p.ApprovalDate, p.Contents.Select(c => c.ContentCode));

    private static string Signature(HistoricalProject v) =>
        Signature(v.Draft.PlanYear, v.Draft.ProvinceId, v.Draft.Source, v.Draft.Kind, v.Draft.Title, v.Draft.ImplementingUnit, v.Draft.Contents.Sum(c => c.RequestedAmount),
            v.ApprovedSupport, v.Draft.CounterpartCommitted, v.State, v.ApprovalDate, v.Draft.Contents.Select(c => c.ContentCode));

    private static KnownProject? Known(Context context, CellParser cells, string? code)
    {
        if (code is null)
        {
            return null;
        }

        if (!context.Projects.TryGetValue(code, out var known))
        {
            cells.Error(0, $"Không có đề án mã «{code}» (trong cơ sở dữ liệu hoặc trang DeAn).");
            return null;
        }

        return InScope(context, cells, 0, known.ProvinceId) ? known : null;
    }

    private sealed record PaymentRow(int Row, string Code, DisburseMoney Payment);

    /// <summary>
    /// GiaiNgan: each new payment is the act of disbursing, on the project loaded with its payments, so that the limits
    /// are those of the web page and the project's version guards against a payment recorded meanwhile.
    /// </summary>
    private async Task<SheetCounts> DisbursementsAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var payments = new List<PaymentRow>();
        var inFile = new Dictionary<(string, DateOnly, decimal, MoneySource, string), int>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(DisbursementColumns.Code);
            var date = c.Date(DisbursementColumns.Date);
            var amount = c.Money(DisbursementColumns.Amount);
            var sourceText = c.Text(DisbursementColumns.Source);
            MoneySource? source = sourceText switch
            {
                null => null,
                "Ngân sách" => MoneySource.State,
                "Đối ứng" => MoneySource.Counterpart,
                _ => Fail<MoneySource>(c, DisbursementColumns.Source.Index, $"Loại vốn «{sourceText}» phải là «Ngân sách» hoặc «Đối ứng»."),
            };
            var note = c.Text(DisbursementColumns.Note);
            var project = Known(context, c, code);
            if (project is null || date is null || amount is null || source is null)
            {
                continue;
            }

            if (amount == 0)
            {
                c.Error(DisbursementColumns.Amount, "Số tiền phải lớn hơn 0.");
                continue;
            }

            if (inFile.TryGetValue((code!, date.Value, amount.Value, source.Value, note ?? string.Empty), out var first))
            {
                c.Error(DisbursementColumns.Code, string.Create(CultureInfo.InvariantCulture, $"Dòng này trùng hoàn toàn với dòng {first}; mỗi khoản giải ngân chỉ ghi một lần."));
                continue;
            }

            inFile[(code!, date.Value, amount.Value, source.Value, note ?? string.Empty)] = c.Row;
            payments.Add(new PaymentRow(c.Row, code!, new DisburseMoney(date.Value, amount.Value, source.Value, note)));
        }

        int created = 0, unchanged = 0;
        foreach (var batch in payments.Chunk(2000))
        {
            var projects = await LoadAsync(context, batch.Select(b => b.Code), q => q.Include(p => p.Disbursements), ct);
            foreach (var (row, code, payment) in batch)
            {
                var project = projects[code];
                if (project.Disbursements.Any(d => d.Date == payment.Date && d.Amount == payment.Amount && d.Source == payment.Source && (d.Note ?? string.Empty) == (payment.Note ?? string.Empty)))
                {
                    unchanged++;
                    continue;
                }

                var result = context.Projects[code].New is not null ? project.DisburseHistorical(payment, context.Act) : project.Disburse(payment, context.Act);
                if (result.Done)
                {
                    created++;
                }
                else
                {
                    Report(context, ExchangeFormat.Disbursements, row, result, s_paymentColumns);
                }
            }

            await FlushAsync(context, ct);
        }

        return new SheetCounts(ExchangeFormat.Disbursements, created, 0, unchanged);
    }

    private static readonly Dictionary<string, int> s_paymentColumns = new(StringComparer.Ordinal) { ["Date"] = DisbursementColumns.Date.Index, ["Amount"] = DisbursementColumns.Amount.Index };

    private sealed record OutcomeRow(int Row, string Code, string Indicator, decimal Target, decimal? Actual);

    /// <summary>
    /// KetQua: targets of drafts are the officer's to change; actuals are fixed at acceptance on the portal, so a
    /// stored project's row may only repeat them (or an operator corrects them with a reason).
    /// </summary>
    private async Task<SheetCounts> OutcomesAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var outcomes = new List<OutcomeRow>();
        var inFile = new HashSet<(string, string)>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(OutcomeColumns.Code);
            var indicator = c.Text(OutcomeColumns.Indicator);
            var target = c.Money(OutcomeColumns.Target);
            var actual = c.Money(OutcomeColumns.Actual);
            var project = Known(context, c, code);
            if (indicator is not null && !context.Indicators.Contains(indicator))
            {
                c.Error(OutcomeColumns.Indicator, $"Mã chỉ tiêu «{indicator}» không có trong danh mục.");
                continue;
            }

            if (project is null || indicator is null || target is null)
            {
                continue;
            }

            if (!inFile.Add((code!, indicator)))
            {
                c.Error(OutcomeColumns.Indicator, $"Chỉ tiêu «{indicator}» của đề án «{code}» lặp lại trong trang tính.");
                continue;
            }

            outcomes.Add(new OutcomeRow(c.Row, code!, indicator, target.Value, actual));
        }

        int created = 0, changed = 0, unchanged = 0;
        foreach (var batch in outcomes.Chunk(2000))
        {
            var projects = await LoadAsync(context, batch.Select(b => b.Code), q => q.Include(p => p.Outcomes), ct);
            foreach (var o in batch)
            {
                var project = projects[o.Code];
                var stored = project.Outcomes.FirstOrDefault(x => x.IndicatorCode == o.Indicator);
                if (stored is not null && stored.Target == o.Target && stored.Actual == o.Actual)
                {
                    unchanged++;
                    continue;
                }

                ActResult result;
                if (context.Projects[o.Code].New is not null && context.Ministry)
                {
                    result = project.RecordHistoricalOutcome(o.Indicator, o.Target, o.Actual, context.Act);
                }
                else if (context.CorrectionReason is { } reason)
                {
                    result = project.CorrectOutcome(o.Indicator, o.Target, o.Actual, reason, context.Act);
                }
                else
                {
                    result = project.ReviseOutcomeFromExchange(o.Indicator, o.Target, o.Actual, context.Act);
                }

                if (!result.Done)
                {
                    Report(context, ExchangeFormat.Outcomes, o.Row, result, s_outcomeColumns);
                }
                else if (stored is null)
                {
                    created++;
                }
                else
                {
                    changed++;
                }
            }

            await FlushAsync(context, ct);
        }

        return new SheetCounts(ExchangeFormat.Outcomes, created, changed, unchanged);
    }

    private static readonly Dictionary<string, int> s_outcomeColumns = new(StringComparer.Ordinal) { ["Target"] = OutcomeColumns.Target.Index, ["Actual"] = OutcomeColumns.Actual.Index };
}
