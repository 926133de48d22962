using System.Globalization;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Excel;

/// <summary>
/// Imports an exchange workbook (DOMAIN.md §9) all or nothing: every row of every sheet is checked first, and the
/// whole workbook is written in one transaction only when no row has an error. Province users may import only
/// their province's rows; KCQG plans are the ministry's, KCĐP plans the province approver's.
/// </summary>
public sealed class ExchangeImporter(KhuyenCongDbContext db, TimeProvider clock)
{
    private sealed record KnownProject(int Id, int ProvinceId, FundingSource Source, decimal? Approved, decimal StateDisbursed, Project? New, ProjectState State);

    /// <summary>The exchange columns of a project, to tell an unchanged row from a changed one.</summary>
    private static string Signature(int year, int provinceId, FundingSource source, ProjectKind kind, string title, string unit,
        decimal requested, decimal? approved, decimal counterpart, ProjectState state, DateOnly? approvalDate, IEnumerable<string> contents) =>
        string.Join('|', year, provinceId, source, kind, title, unit, requested, approved, counterpart, state, approvalDate, string.Join(',', contents.Order(StringComparer.Ordinal)));

    public async Task<ImportResult> ImportAsync(Stream file, ProjectActor actor, bool dryRun, ImportLimits limits,
        IProgress<int>? progress = null, CancellationToken ct = default)
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

        using var reader = OpenOrNull(file);
        if (reader is null)
        {
            return ImportResult.Refused("Tệp không phải là sổ tính Excel (.xlsx) hoặc đã bị hỏng.");
        }

        var errors = new List<ImportError>();
        var known = ExchangeFormat.Sheets.Select(s => s.Name).Append(ExchangeFormat.Codes).ToHashSet(StringComparer.Ordinal);
        foreach (var name in reader.SheetNames.Where(n => !known.Contains(n)))
        {
            errors.Add(new ImportError(name, 1, "—", $"Trang tính «{name}» không thuộc mẫu trao đổi (KeHoach, DeAn, GiaiNgan, KetQua); hãy xóa hoặc đổi tên."));
        }

        if (!reader.SheetNames.Any(n => ExchangeFormat.Sheets.Any(s => s.Name == n)))
        {
            return new ImportResult([.. errors, new ImportError("Tệp", 0, "—", "Sổ tính không có trang KeHoach, DeAn, GiaiNgan hoặc KetQua.")], [], false);
        }

        var directory = await Geography.LoadAsync(db, ct);
        var contents = (await db.Contents.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var indicators = (await db.OutcomeIndicators.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var context = new Context(actor, ministry, directory, contents, indicators, errors, reader, limits, progress);
        await LoadProjectsAsync(context, ProjectCodesIn(reader), ct);

        // All or nothing: rows are written as they are checked, in batches to bound memory, inside one transaction
        // that is committed only when no row of any sheet had an error (and never on a dry run).
        var counts = new List<SheetCounts>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (name, headers, required) in ExchangeFormat.Sheets)
        {
            if (!reader.SheetNames.Contains(name))
            {
                continue;
            }

            var rows = ReadSheet(context, name, headers, required);
            counts.Add(name switch
            {
                ExchangeFormat.Plans => await PlansAsync(context, rows, ct),
                ExchangeFormat.Projects => await ProjectsAsync(context, rows, ct),
                ExchangeFormat.Disbursements => await DisbursementsAsync(context, rows, ct),
                _ => await OutcomesAsync(context, rows, ct),
            });
            await FlushAsync(ct);
        }

        if (errors.Count > 0 || dryRun)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportResult(errors, counts, false);
        }

        await transaction.CommitAsync(ct);
        return new ImportResult(errors, counts, true);
    }

    private const int BatchSize = 1000;

    private async Task FlushAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static SheetReader? OpenOrNull(Stream file)
    {
        try
        {
            return new SheetReader(file);
        }
#pragma warning disable CA1031 // any failure to open the package means "not a workbook"
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private sealed record Context(
        ProjectActor Actor, bool Ministry, ProvinceDirectory Directory, HashSet<string> Contents, HashSet<string> Indicators,
        List<ImportError> Errors, SheetReader Reader, ImportLimits Limits, IProgress<int>? Progress)
    {
        public Dictionary<string, KnownProject> Projects { get; } = new(StringComparer.Ordinal);

        public int RowsRead { get; set; }
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
            var ids = rows.Select(r => r.Id).ToList();
            var disbursed = (await db.Disbursements.AsNoTracking().Where(d => d.Source == MoneySource.State && ids.Contains(d.ProjectId))
                    .GroupBy(d => d.ProjectId).Select(g => new { ProjectId = g.Key, Total = g.Sum(d => (double)d.Amount) }).ToListAsync(ct))
                .ToDictionary(d => d.ProjectId, d => (decimal)d.Total);
            foreach (var p in rows)
            {
                context.Projects[p.Code] = new KnownProject(p.Id, p.ProvinceId, p.Source, p.ApprovedSupport, disbursed.GetValueOrDefault(p.Id), null, p.State);
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
            var actual = header[i].Text.Trim();
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

    private bool InScope(Context context, CellParser cells, int column, int provinceId)
    {
        if (context.Ministry || context.Actor.HoldsProvince(provinceId))
        {
            return true;
        }

        cells.Error(column, "Bạn chỉ được nhập dữ liệu của tỉnh, thành phố mình.");
        return false;
    }

    private ProvinceFact? Province(Context context, CellParser cells, int column, string? code, DateOnly date)
    {
        if (code is null)
        {
            return null;
        }

        var province = context.Directory.Resolve(code, date);
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
                     r.Cells.Year(0), r.Cells.Text(1, true, 3), Source(r.Cells, 2, r.Cells.Text(2, true, 10)),
                     r.Cells.Money(3, true), r.Cells.Text(4, true, 100), r.Cells.Date(5, true))))
        {
            if (year is null || source is null || amount is null || number is null || date is null)
            {
                continue;
            }

            var province = Province(context, cells, 1, code, date.Value);
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

            if (PlanRules.RefuseRecording(context.Actor, source.Value, province.Id) is { } refusal)
            {
                cells.Error(2, refusal);
                continue;
            }

            db.AnnualPlans.Add(new AnnualPlan { Year = year.Value, ProvinceId = province.Id, Source = source.Value, Amount = amount.Value, DecisionNumber = number, DecisionDate = date.Value });
            created++;
        }

        return new SheetCounts(ExchangeFormat.Plans, created, 0, unchanged);
    }

    private async Task<SheetCounts> ProjectsAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        int created = 0, changed = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        var toUpdate = new List<(CellParser Cells, string Code, Project Values)>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(0, true, 40);
            var year = c.Year(1);
            var provinceCode = c.Text(2, true, 3);
            var source = Source(c, 3, c.Text(3, true, 10));
            var kindText = c.Text(4, true, 10);
            var kind = kindText switch
            {
                null => (ProjectKind?)null,
                "Thường" => ProjectKind.Thuong,
                "Nhóm" => ProjectKind.Nhom,
                "Điểm" => ProjectKind.Diem,
                _ => Fail<ProjectKind>(c, 4, $"Loại đề án «{kindText}» phải là Thường, Nhóm hoặc Điểm."),
            };
            var contentCodes = c.Text(5, true, 100)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            foreach (var bad in contentCodes.Where(x => !context.Contents.Contains(x)))
            {
                c.Error(5, $"Mã nội dung «{bad}» không có trong danh mục (ND01–ND10).");
            }

            var title = c.Text(6, true, 500);
            var unit = c.Text(7, true, 300);
            var requested = c.Money(8, true);
            var approved = c.Money(9, false);
            var counterpart = c.Money(10, false);
            var stateText = c.Text(11, true, 60);
            ProjectState? state = stateText is null ? null : ProjectLabels.TryParseState(stateText, out var s) ? s
                : Fail<ProjectState>(c, 11, $"Trạng thái «{stateText}» không đúng; dùng một nhãn như «Nháp», «Đã phê duyệt, giao kế hoạch», «Đã quyết toán».");
            var approvalDate = c.Date(12, false);
            var province = year is null ? null : Province(context, c, 2, provinceCode, approvalDate ?? new DateOnly(year.Value, 1, 1));
            if (code is null || year is null || source is null || kind is null || title is null || unit is null || requested is null || state is null
                || province is null || contentCodes.Length == 0 || contentCodes.Any(x => !context.Contents.Contains(x)))
            {
                continue;
            }

            if (!inFile.Add(code))
            {
                c.Error(0, $"Mã đề án «{code}» lặp lại trong trang tính.");
                continue;
            }

            if (!InScope(context, c, 2, province.Id))
            {
                continue;
            }

            // Loading projects in the state they reached is the ministry's: a province registers drafts by import,
            // and its rows may not move a project's state or approved amount (that is the lifecycle's job).
            if (!context.Ministry && context.Projects.TryGetValue(code, out var stored)
                && (stored.State != state || stored.Approved != approved))
            {
                c.Error(11, "Tỉnh không được đổi trạng thái hay kinh phí được duyệt của đề án qua Excel.");
                continue;
            }

            if (!context.Ministry && !context.Projects.ContainsKey(code) && state != ProjectState.Draft)
            {
                c.Error(11, "Tỉnh nhập đề án mới ở trạng thái «Nháp»; việc thẩm định, phê duyệt làm trên cổng.");
                continue;
            }

            var needsApproval = state >= ProjectState.Approved && state != ProjectState.Rejected;
            if (needsApproval && approved is null)
            {
                c.Error(9, "Đề án đã phê duyệt phải có kinh phí được duyệt.");
                continue;
            }

            if (approved > requested)
            {
                c.Error(9, "Kinh phí được duyệt không được lớn hơn kinh phí đề nghị.");
                continue;
            }

            var values = new Project
            {
                Code = code,
                PlanYear = year.Value,
                ProvinceId = province.Id,
                Source = source.Value,
                Kind = kind.Value,
                Title = title,
                ImplementingUnit = unit,
                RequestedSupport = requested.Value,
                ApprovedSupport = approved,
                CounterpartCommitted = counterpart ?? 0,
                State = state.Value,
                ApprovalDate = approvalDate,
            };
            values.Contents.AddRange(contentCodes.Select((x, i) => new ProjectContent { ContentCode = x, RequestedAmount = i == 0 ? requested.Value : 0 }));
            if (context.Projects.TryGetValue(code, out var known))
            {
                if (!InScope(context, c, 0, known.ProvinceId))
                {
                    continue;
                }

                toUpdate.Add((c, code, values));
                continue;
            }

            values.StartDate = new DateOnly(year.Value, 1, 1);
            values.EndDate = new DateOnly(year.Value, 12, 31);
            values.CreatedById = context.Actor.UserId;
            values.CreatedAtUtc = values.UpdatedAtUtc = now;
            values.Events.Add(new ProjectEvent
            {
                OccurredAtUtc = now,
                UserId = context.Actor.UserId,
                UserName = context.Actor.UserName,
                Action = $"Nhập từ Excel ở trạng thái «{ProjectLabels.Of(values.State)}»",
                ToState = values.State,
            });
            db.Projects.Add(values);
            context.Projects[code] = new KnownProject(0, province.Id, values.Source, values.ApprovedSupport, 0, values, values.State);
            if (++created % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        // Existing projects are compared in batches after the pass, so that only the rows sent are loaded.
        foreach (var batch in toUpdate.Chunk(500))
        {
            var codes = batch.Select(b => b.Code).ToList();
            var stored = await db.Projects.Include(p => p.Contents).Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
            foreach (var (_, code, values) in batch)
            {
                var project = stored[code];
                if (Signature(project) == Signature(values))
                {
                    unchanged++;
                    continue;
                }

                Update(context, project, values, now);
                changed++;
            }

            await FlushAsync(ct);
        }

        return new SheetCounts(ExchangeFormat.Projects, created, changed, unchanged);
    }

    private static string Signature(Project p) =>
        Signature(p.PlanYear, p.ProvinceId, p.Source, p.Kind, p.Title, p.ImplementingUnit, p.RequestedSupport, p.ApprovedSupport,
            p.CounterpartCommitted, p.State, p.ApprovalDate, p.Contents.Select(c => c.ContentCode));

    private void Update(Context context, Project project, Project values, DateTime now)
    {
        {
            var code = project.Code;
            var from = project.State;
            (project.PlanYear, project.ProvinceId, project.Source, project.Kind, project.Title, project.ImplementingUnit) =
                (values.PlanYear, values.ProvinceId, values.Source, values.Kind, values.Title, values.ImplementingUnit);
            (project.RequestedSupport, project.ApprovedSupport, project.CounterpartCommitted, project.State, project.ApprovalDate) =
                (values.RequestedSupport, values.ApprovedSupport, values.CounterpartCommitted, values.State, values.ApprovalDate);
            if (!project.Contents.Select(x => x.ContentCode).Order().SequenceEqual(values.Contents.Select(x => x.ContentCode).Order()))
            {
                db.RemoveRange(project.Contents);
                project.Contents.Clear();
                project.Contents.AddRange(values.Contents);
            }

            project.UpdatedAtUtc = now;
            project.Events.Add(new ProjectEvent
            {
                OccurredAtUtc = now,
                UserId = context.Actor.UserId,
                UserName = context.Actor.UserName,
                Action = "Cập nhật từ Excel",
                FromState = from == project.State ? null : from,
                ToState = from == project.State ? null : project.State,
            });
            context.Projects[code] = context.Projects[code] with { Approved = project.ApprovedSupport };
        }
    }

    private KnownProject? Project(Context context, CellParser cells, string? code)
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

    private async Task<SheetCounts> DisbursementsAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var named = context.Projects.Values.Where(p => p.New is null).Select(p => p.Id).ToList();
        var existing = new HashSet<(int, DateOnly, decimal, MoneySource, string)>();
        foreach (var chunk in named.Chunk(500))
        {
            existing.UnionWith((await db.Disbursements.AsNoTracking().Where(d => chunk.Contains(d.ProjectId))
                .Select(d => new { d.ProjectId, d.Date, d.Amount, d.Source, d.Note }).ToListAsync(ct))
                .Select(d => (d.ProjectId, d.Date, d.Amount, d.Source, d.Note ?? string.Empty)));
        }

        var paid = new Dictionary<string, decimal>(StringComparer.Ordinal);
        int created = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(0, true, 40);
            var date = c.Date(1, true);
            var amount = c.Money(2, true);
            var sourceText = c.Text(3, true, 20);
            MoneySource? source = sourceText switch
            {
                null => null,
                "Ngân sách" => MoneySource.State,
                "Đối ứng" => MoneySource.Counterpart,
                _ => Fail<MoneySource>(c, 3, $"Loại vốn «{sourceText}» phải là «Ngân sách» hoặc «Đối ứng»."),
            };
            var note = c.Text(4, false, 500);
            var project = Project(context, c, code);
            if (project is null || date is null || amount is null || source is null)
            {
                continue;
            }

            if (amount == 0)
            {
                c.Error(2, "Số tiền phải lớn hơn 0.");
                continue;
            }

            if (project.New is null && existing.Contains((project.Id, date.Value, amount.Value, source.Value, note ?? string.Empty)))
            {
                unchanged++;
                continue;
            }

            if (source == MoneySource.State)
            {
                var total = project.StateDisbursed + paid.GetValueOrDefault(code!) + amount.Value;
                var advanceLimit = Math.Round((project.Approved ?? 0) * ProjectRules.DefaultAdvanceLimitPercent / 100m, 0, MidpointRounding.ToZero);
                if (project.State is not (ProjectState.Accepted or ProjectState.Settled) && project.Approved is not null && total > advanceLimit)
                {
                    c.Error(2, $"Đề án chưa nghiệm thu: tạm ứng không được vượt {Domain.Common.VietnameseCulture.Number(ProjectRules.DefaultAdvanceLimitPercent)}% kinh phí được duyệt ({Domain.Common.VietnameseCulture.Dong(advanceLimit)} đồng); tổng sẽ là {Domain.Common.VietnameseCulture.Dong(total)} đồng.");
                    continue;
                }

                if (project.Approved is null || total > project.Approved)
                {
                    c.Error(2, $"Tổng giải ngân ngân sách của đề án ({Domain.Common.VietnameseCulture.Dong(total)} đồng) vượt kinh phí được duyệt ({Domain.Common.VietnameseCulture.Dong(project.Approved ?? 0)} đồng).");
                    continue;
                }

                paid[code!] = paid.GetValueOrDefault(code!) + amount.Value;
            }

            var disbursement = new Disbursement
            {
                Date = date.Value,
                Amount = amount.Value,
                Source = source.Value,
                Note = note,
                RecordedBy = context.Actor.UserName,
                RecordedAtUtc = now,
            };
            disbursement.ProjectId = project.New?.Id ?? project.Id;
            db.Disbursements.Add(disbursement);
            if (++created % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        return new SheetCounts(ExchangeFormat.Disbursements, created, 0, unchanged);
    }

    private async Task<SheetCounts> OutcomesAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var named = context.Projects.Values.Where(p => p.New is null).Select(p => p.Id).ToList();
        var byKey = new Dictionary<(int, string), (int Id, decimal Target, decimal? Actual)>();
        foreach (var chunk in named.Chunk(500))
        {
            foreach (var o in await db.ProjectOutcomes.AsNoTracking().Where(o => chunk.Contains(o.ProjectId))
                         .Select(o => new { o.ProjectId, o.IndicatorCode, o.Id, o.Target, o.Actual }).ToListAsync(ct))
            {
                byKey[(o.ProjectId, o.IndicatorCode)] = (o.Id, o.Target, o.Actual);
            }
        }
        var inFile = new HashSet<(string, string)>();
        int created = 0, changed = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var c = row.Cells;
            var code = c.Text(0, true, 40);
            var indicator = c.Text(1, true, 40);
            var target = c.Money(2, true);
            var actual = c.Money(3, false);
            var project = Project(context, c, code);
            if (indicator is not null && !context.Indicators.Contains(indicator))
            {
                c.Error(1, $"Mã chỉ tiêu «{indicator}» không có trong danh mục.");
                continue;
            }

            if (project is null || indicator is null || target is null)
            {
                continue;
            }

            if (!inFile.Add((code!, indicator)))
            {
                c.Error(1, $"Chỉ tiêu «{indicator}» của đề án «{code}» lặp lại trong trang tính.");
                continue;
            }

            if (project.New is { } fresh)
            {
                db.ProjectOutcomes.Add(new ProjectOutcome { ProjectId = fresh.Id, IndicatorCode = indicator, Target = target.Value, Actual = actual });
                created++;
            }
            else if (byKey.TryGetValue((project.Id, indicator), out var old))
            {
                if (old.Target == target && old.Actual == actual)
                {
                    unchanged++;
                    continue;
                }

                var outcome = new ProjectOutcome { Id = old.Id, ProjectId = project.Id, IndicatorCode = indicator, Target = target.Value, Actual = actual };
                db.ProjectOutcomes.Update(outcome);
                changed++;
            }
            else
            {
                db.ProjectOutcomes.Add(new ProjectOutcome { ProjectId = project.Id, IndicatorCode = indicator, Target = target.Value, Actual = actual });
                created++;
            }
        }

        return new SheetCounts(ExchangeFormat.Outcomes, created, changed, unchanged);
    }
}
