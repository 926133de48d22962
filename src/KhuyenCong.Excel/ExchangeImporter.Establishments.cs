using System.Globalization;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Excel.ExchangeFormat;

namespace KhuyenCong.Excel;

/// <summary>
/// The CoSo sheet and DeAn's tax-code column (docs/domain.md §9.1, §12): CoSo rows create or update establishments of
/// the registry, within the importer's scope; a DeAn row names its beneficiaries by tax code, each a stored
/// establishment or one of the same workbook's CoSo sheet.
/// </summary>
public sealed partial class ExchangeImporter
{
    /// <summary>The tax codes DeAn's beneficiary column names, read in one cheap pass, so that only those establishments are loaded.</summary>
    private static HashSet<string> BeneficiaryTaxCodesIn(SheetReader reader)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (!reader.SheetNames.Contains(ExchangeFormat.Projects))
        {
            return codes;
        }

        foreach (var row in reader.Rows(ExchangeFormat.Projects).Skip(1))
        {
            foreach (var text in SplitCodes(row[ProjectColumns.BeneficiaryTaxCodes.Index].Text))
            {
                if (TaxCode.Check(text).Normalized is { } normal)
                {
                    codes.Add(normal);
                }
            }
        }

        return codes;
    }

    private static string[] SplitCodes(string? text) =>
        text?.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private async Task LoadEstablishmentsAsync(Context context, HashSet<string> taxCodes, CancellationToken ct)
    {
        foreach (var chunk in taxCodes.Chunk(500))
        {
            foreach (var e in await db.Establishments.AsNoTracking().Where(e => e.TaxCode != null && chunk.Contains(e.TaxCode)).ToListAsync(ct))
            {
                context.Establishments[e.TaxCode!] = e;
            }
        }
    }

    private sealed record EstablishmentRow(CellParser Cells, string? TaxCode, string? PortalCode, string ProvinceCode, EstablishmentDraft Draft);

    /// <summary>Where a refusal of <see cref="EstablishmentRules.Refuse"/> is shown: the column of the field it names.</summary>
    private static readonly Dictionary<string, ExchangeColumn> s_establishmentColumns = new(StringComparer.Ordinal)
    {
        [nameof(EstablishmentDraft.Name)] = EstablishmentColumns.Name, [nameof(EstablishmentDraft.TaxCode)] = EstablishmentColumns.TaxCode,
        [nameof(EstablishmentDraft.Commune)] = EstablishmentColumns.Commune, [nameof(EstablishmentDraft.Type)] = EstablishmentColumns.Type,
        [nameof(EstablishmentDraft.Workers)] = EstablishmentColumns.Workers, [nameof(EstablishmentDraft.Email)] = EstablishmentColumns.Email,
    };

    /// <summary>
    /// CoSo: each row is an establishment, found by its tax code, else by its portal code, else registered. A stored
    /// establishment is updated only when the importer's scope covers the province it was registered in; an empty tax
    /// code keeps the stored one.
    /// </summary>
    private async Task<SheetCounts> EstablishmentsAsync(Context context, IEnumerable<CellParserRow> rows, CancellationToken ct)
    {
        var parsed = new List<EstablishmentRow>();
        var taxInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var portalInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var c = row.Cells;
            var before = context.Errors.Count;
            string? tax = null;
            if (c.Text(EstablishmentColumns.TaxCode) is { } taxText)
            {
                var check = TaxCode.Check(taxText);
                if (check.IsValid)
                {
                    tax = check.Normalized;
                    context.SheetTaxCodes.Add(tax!);
                }
                else
                {
                    c.Error(EstablishmentColumns.TaxCode, check.Error!);
                }
            }

            var portal = c.Text(EstablishmentColumns.PortalCode)?.ToUpperInvariant();
            var name = c.Text(EstablishmentColumns.Name);
            var typeText = c.Text(EstablishmentColumns.Type);
            BeneficiaryType? type = typeText is null ? null
                : Enum.GetValues<BeneficiaryType>().Where(t => string.Equals(ProjectLabels.Of(t), typeText, StringComparison.OrdinalIgnoreCase)).Select(t => (BeneficiaryType?)t).FirstOrDefault()
                  ?? Fail<BeneficiaryType>(c, EstablishmentColumns.Type.Index,
                      $"Loại hình «{typeText}» không đúng; dùng một loại trong danh sách: {string.Join(", ", Enum.GetValues<BeneficiaryType>().Select(ProjectLabels.Of))}.");
            var province = c.Text(EstablishmentColumns.Province);
            var commune = c.Text(EstablishmentColumns.Commune);
            var workers = Workers(c);
            var (women, ethnic, priority) = (Flag(c, EstablishmentColumns.WomenOwned), Flag(c, EstablishmentColumns.EthnicMinorityEmployer), Flag(c, EstablishmentColumns.PriorityArea));
            var draft = new EstablishmentDraft(name ?? string.Empty, tax, type ?? default, 0, commune ?? string.Empty,
                c.Text(EstablishmentColumns.Address), c.Text(EstablishmentColumns.Sector), c.Text(EstablishmentColumns.MainProducts), workers,
                women, ethnic, priority, c.Text(EstablishmentColumns.ContactName), c.Text(EstablishmentColumns.Phone), c.Text(EstablishmentColumns.Email));
            if (context.Errors.Count > before || name is null || type is null || province is null || commune is null)
            {
                continue;
            }

            if (tax is not null && !taxInFile.TryAdd(tax, c.Row))
            {
                c.Error(EstablishmentColumns.TaxCode, string.Create(CultureInfo.InvariantCulture, $"Mã số thuế «{tax}» đã có ở dòng {taxInFile[tax]}; mỗi cơ sở chỉ ghi một dòng."));
                continue;
            }

            if (portal is not null && !portalInFile.TryAdd(portal, c.Row))
            {
                c.Error(EstablishmentColumns.PortalCode, string.Create(CultureInfo.InvariantCulture, $"Mã cơ sở «{portal}» đã có ở dòng {portalInFile[portal]}; mỗi cơ sở chỉ ghi một dòng."));
                continue;
            }

            parsed.Add(new EstablishmentRow(c, tax, portal, province, draft));
        }

        int created = 0, changed = 0, unchanged = 0;
        foreach (var batch in parsed.Chunk(500))
        {
            var taxes = batch.Select(r => r.TaxCode).OfType<string>().ToList();
            var portals = batch.Select(r => r.PortalCode).OfType<string>().ToList();
            var query = context.DryRun ? db.Establishments.AsNoTracking() : db.Establishments;
            var stored = await query.Where(e => (e.TaxCode != null && taxes.Contains(e.TaxCode)) || portals.Contains(e.PortalCode)).ToListAsync(ct);
            foreach (var row in batch)
            {
                var c = row.Cells;
                var byTax = row.TaxCode is null ? null : stored.FirstOrDefault(e => e.TaxCode == row.TaxCode);
                var byPortal = row.PortalCode is null ? null : stored.FirstOrDefault(e => e.PortalCode == row.PortalCode);
                if (row.PortalCode is not null && byPortal is null && byTax is null)
                {
                    c.Error(EstablishmentColumns.PortalCode, $"Không có cơ sở mã «{row.PortalCode}» trên cổng; để trống cột này khi thêm cơ sở mới.");
                    continue;
                }

                if (byTax is not null && byPortal is not null && byTax.Id != byPortal.Id)
                {
                    c.Error(EstablishmentColumns.TaxCode, $"Mã số thuế «{row.TaxCode}» là của cơ sở {byTax.PortalCode}, không phải của cơ sở {row.PortalCode}.");
                    continue;
                }

                var existing = byTax ?? byPortal;
                var province = EstablishmentProvince(context, c, row.ProvinceCode, existing);
                if (province is null || !InScope(context, c, EstablishmentColumns.Province.Index, province.Id))
                {
                    continue;
                }

                if (existing is not null && !context.Ministry && !context.Actor.HoldsProvince(existing.ProvinceId))
                {
                    c.Error(EstablishmentColumns.Province, $"Cơ sở «{existing.Identifier}» được đăng ký ở tỉnh, thành phố khác; bạn chỉ được cập nhật cơ sở của tỉnh mình.");
                    continue;
                }

                var draft = Normal(row.Draft with { ProvinceId = province.Id, TaxCode = row.TaxCode ?? existing?.TaxCode });
                var refusals = EstablishmentRules.Refuse(draft).ToList();
                foreach (var (field, message) in refusals)
                {
                    c.Error(s_establishmentColumns.GetValueOrDefault(field, EstablishmentColumns.Name), message);
                }

                if (refusals.Count > 0)
                {
                    continue;
                }

                Establishment entity;
                if (existing is null)
                {
                    entity = Establishment.Register(draft, context.Act.NowUtc);
                    Stage(context, entity);
                    created++;
                }
                else if (DraftOf(existing) == draft)
                {
                    entity = existing;
                    unchanged++;
                }
                else
                {
                    existing.Update(draft, context.Act.NowUtc);
                    entity = existing;
                    changed++;
                }

                if (entity.TaxCode is { } key)
                {
                    context.Establishments[key] = entity;
                }
            }

            await FlushAsync(context, ct);
        }

        return new SheetCounts(ExchangeFormat.Establishments, created, changed, unchanged);
    }

    /// <summary>
    /// The province of a CoSo row: the one the stored establishment was registered in when the code names it (an old
    /// province before the 2025 merger reads back as itself), else the one the code names today.
    /// </summary>
    private static ProvinceFact? EstablishmentProvince(Context context, CellParser cells, string code, Establishment? existing)
    {
        code = code.Length == 1 && char.IsAsciiDigit(code[0]) ? "0" + code : code;
        var today = DateOnly.FromDateTime(context.Act.NowUtc);
        var province = context.Directory.All.FirstOrDefault(p => p.Code == code && p.Id == existing?.ProvinceId) ?? context.Directory.Resolve(code, today);
        if (province is null)
        {
            cells.Error(EstablishmentColumns.Province, $"Mã tỉnh «{code}» không ứng với tỉnh, thành phố nào có hiệu lực ngày {today:dd/MM/yyyy}.");
        }

        return province;
    }

    private static int? Workers(CellParser cells)
    {
        var text = cells.Text(EstablishmentColumns.Workers);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        cells.Error(EstablishmentColumns.Workers, $"«{text}» không phải là số lao động (số nguyên, ví dụ 25).");
        return null;
    }

    private static bool Flag(CellParser cells, ExchangeColumn column)
    {
        var text = cells.Text(column);
        if (text is null || string.Equals(text, No, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(text, Yes, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        cells.Error(column, $"«{text}» phải là «{Yes}» hoặc «{No}».");
        return false;
    }

    /// <summary>A draft as the establishment would store it (trimmed, blanks as none), to tell an unchanged row from a changed one.</summary>
    private static EstablishmentDraft Normal(EstablishmentDraft d)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return d with
        {
            Name = d.Name.Trim(), Commune = d.Commune.Trim(), Address = Blank(d.Address), Sector = Blank(d.Sector), MainProducts = Blank(d.MainProducts),
            ContactName = Blank(d.ContactName), Phone = Blank(d.Phone), Email = Blank(d.Email),
        };
    }

    private static EstablishmentDraft DraftOf(Establishment e) =>
        new(e.Name, e.TaxCode, e.Type, e.ProvinceId, e.Commune, e.Address, e.Sector, e.MainProducts, e.Workers,
            e.WomenOwned, e.EthnicMinorityEmployer, e.PriorityArea, e.ContactName, e.Phone, e.Email);

    /// <summary>
    /// The establishments a DeAn row names in its tax-code column, or null when the cell is empty (the beneficiaries stay
    /// as they are). A code whose check digit is wrong, or that names no stored establishment and no row of the CoSo
    /// sheet, is an error of the row.
    /// </summary>
    private static List<Establishment>? NamedEstablishments(Context context, CellParser cells, out bool failed)
    {
        failed = false;
        var codes = SplitCodes(cells.Text(ProjectColumns.BeneficiaryTaxCodes));
        if (codes.Length == 0)
        {
            return null;
        }

        var named = new List<Establishment>();
        foreach (var code in codes)
        {
            var check = TaxCode.Check(code);
            if (!check.IsValid)
            {
                cells.Error(ProjectColumns.BeneficiaryTaxCodes, check.Error!);
                failed = true;
            }
            else if (context.Establishments.TryGetValue(check.Normalized!, out var e))
            {
                if (!named.Contains(e))
                {
                    named.Add(e);
                }
            }
            else if (!context.SheetTaxCodes.Contains(check.Normalized!))
            {
                // A code of a CoSo row that had its own error is not reported twice: that row's error says why.
                cells.Error(ProjectColumns.BeneficiaryTaxCodes, $"Không có cơ sở mã số thuế «{check.Normalized}» (trong cơ sở dữ liệu hoặc trang CoSo).");
                failed = true;
            }
            else
            {
                failed = true;
            }
        }

        return named;
    }

    /// <summary>The valid tax codes of a project's beneficiary lines, in order: what DeAn's column says of a stored project.</summary>
    private static IEnumerable<string> BeneficiaryKeys(IEnumerable<Beneficiary> lines) =>
        lines.Select(b => b.TaxCode is null ? null : TaxCode.Check(b.TaxCode).Normalized).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// A project's beneficiary lines once its row names <paramref name="named"/>: lines without a valid tax code stay (a
    /// household without one, an old code as typed); a named establishment keeps its stored line, or gets one from the
    /// registry; a line whose tax code the row no longer names goes.
    /// </summary>
    private static List<BeneficiaryDraft> BeneficiariesFor(IEnumerable<Beneficiary> stored, IReadOnlyList<Establishment> named)
    {
        var lines = stored.ToList();
        var drafts = lines.Where(b => b.TaxCode is null || !TaxCode.Check(b.TaxCode).IsValid).Select(Draft).ToList();
        foreach (var e in named)
        {
            var line = lines.FirstOrDefault(b => b.TaxCode is not null && TaxCode.Check(b.TaxCode).Normalized == e.TaxCode);
            drafts.Add(line is not null ? Draft(line)
                : new BeneficiaryDraft(e.Name, e.TaxCode, e.Type, e.Commune, e.WomenOwned, e.EthnicMinorityEmployer, e.PriorityArea, e.Id == 0 ? null : e.Id));
        }

        return drafts;

        static BeneficiaryDraft Draft(Beneficiary b) =>
            new(b.Name, b.TaxCode, b.Type, b.Commune, b.WomenOwned, b.EthnicMinorityEmployer, b.PriorityArea, b.EstablishmentId);
    }
}
