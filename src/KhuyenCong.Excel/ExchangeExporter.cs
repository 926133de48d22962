using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Excel;

/// <summary>What to export: a kind of rows, optionally one plan year and one province code.</summary>
public sealed record ExportFilter(int? Year, string? ProvinceCode);

/// <summary>
/// Exports establishments, plans, projects, disbursements or outcomes in exactly the import format, streaming rows from the
/// database into the workbook, so that an export imports back unchanged. The caller passes queries already
/// limited to the user's scope.
/// </summary>
public static class ExchangeExporter
{
    public static readonly IReadOnlyList<string> Kinds = ["establishments", "plans", "projects", "disbursements", "outcomes"];

    /// <param name="establishments">The registry as the user may see it (CoSo); the year of the filter does not apply to it.</param>
    public static void Write(Stream output, string kind, IQueryable<Project> projects, IQueryable<AnnualPlan> plans, IQueryable<Establishment> establishments, ExportFilter filter)
    {
        if (filter.Year is { } year)
        {
            projects = projects.Where(p => p.PlanYear == year);
            plans = plans.Where(p => p.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.ProvinceCode))
        {
            var code = filter.ProvinceCode.Trim().PadLeft(2, '0');
            projects = projects.Where(p => p.Province!.Code == code);
            plans = plans.Where(p => p.Province!.Code == code);
            establishments = establishments.Where(e => e.Province!.Code == code);
        }

        using var writer = new StreamingWorkbookWriter(output);
        switch (kind)
        {
            case "establishments":
                writer.WriteSheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders, EstablishmentRows(establishments), ExchangeFormat.EstablishmentSheet.Widths);
                break;
            case "plans":
                writer.WriteSheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, PlanRows(plans), ExchangeFormat.PlanSheet.Widths);
                break;
            case "projects":
                writer.WriteSheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Pipelined(ProjectRows(projects)), ExchangeFormat.ProjectSheet.Widths);
                break;
            case "disbursements":
                writer.WriteSheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders, Pipelined(DisbursementRows(projects)), ExchangeFormat.DisbursementSheet.Widths);
                break;
            case "outcomes":
                writer.WriteSheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders, OutcomeRows(projects), ExchangeFormat.OutcomeSheet.Widths);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "establishments, plans, projects, disbursements or outcomes");
        }
    }

    /// <summary>
    /// Reads the rows on another thread while this one writes them, through a bounded buffer: reading the database
    /// and writing XML overlap instead of taking turns, and memory stays bounded.
    /// </summary>
    private static IEnumerable<object?[]> Pipelined(IEnumerable<object?[]> rows)
    {
        using var buffer = new System.Collections.Concurrent.BlockingCollection<object?[]>(4096);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var row in rows)
                {
                    buffer.Add(row, stop.Token);
                }
            }
            finally
            {
                buffer.CompleteAdding();
            }
        });
        try
        {
            foreach (var row in buffer.GetConsumingEnumerable())
            {
                yield return row;
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // The writer stopped first; its own exception is the one that matters.
            }
        }
    }

    private static IEnumerable<object?[]> PlanRows(IQueryable<AnnualPlan> plans) =>
        plans.AsNoTracking()
            .OrderBy(p => p.Year).ThenBy(p => p.Province!.Code).ThenBy(p => p.Source).ThenBy(p => p.DecisionDate).ThenBy(p => p.Id)
            .Select(p => new { p.Year, p.Province!.Code, p.Source, p.Amount, p.DecisionNumber, p.DecisionDate })
            .AsEnumerable()
            .Select(p => new object?[] { p.Year, p.Code, ProjectLabels.Of(p.Source), p.Amount, p.DecisionNumber, p.DecisionDate });

    private static IEnumerable<object?[]> EstablishmentRows(IQueryable<Establishment> establishments) =>
        establishments.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.TaxCode, e.PortalCode, e.Name, e.Type, Province = e.Province!.Code, e.Commune, e.Address, e.Sector, e.MainProducts, e.Workers,
                e.WomenOwned, e.EthnicMinorityEmployer, e.PriorityArea, e.ContactName, e.Phone, e.Email,
            })
            .AsEnumerable()
            .Select(e => new object?[]
            {
                e.TaxCode, e.PortalCode, e.Name, ProjectLabels.Of(e.Type), e.Province, e.Commune, e.Address, e.Sector, e.MainProducts, e.Workers,
                Flag(e.WomenOwned), Flag(e.EthnicMinorityEmployer), Flag(e.PriorityArea), e.ContactName, e.Phone, e.Email,
            });

    private static string Flag(bool value) => value ? ExchangeFormat.Yes : ExchangeFormat.No;

    /// <summary>
    /// The valid tax codes of each project's beneficiary lines, read before the rows stream (one short string per line):
    /// the DeAn column an import compares with the same lines. Lines without a valid code are not named by it.
    /// </summary>
    private static Dictionary<int, string> BeneficiaryTaxCodes(IQueryable<Project> projects) =>
        projects.AsNoTracking()
            .SelectMany(p => p.Beneficiaries.Where(b => b.TaxCode != null), (p, b) => new { p.Id, b.TaxCode })
            .AsEnumerable()
            .Select(b => (b.Id, Code: TaxCode.Check(b.TaxCode).Normalized))
            .Where(b => b.Code is not null)
            .GroupBy(b => b.Id)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(b => b.Code!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    private static IEnumerable<object?[]> ProjectRows(IQueryable<Project> projects)
    {
        var taxCodes = BeneficiaryTaxCodes(projects);
        // One pass: projects joined with their contents, ordered by project, folded back into one row each, so
        // the rows stream without a correlated collection or a second query.
        var joined = projects.AsNoTracking()
            .OrderBy(p => p.Id)
            .SelectMany(p => p.Contents.OrderBy(c => c.Id).Select(c => c.ContentCode).DefaultIfEmpty(), (p, content) => new
            {
                p.Id,
                p.Code,
                p.PlanYear,
                Province = p.Province!.Code,
                p.Source,
                p.Kind,
                p.Title,
                p.ImplementingUnit,
                p.RequestedSupport,
                p.ApprovedSupport,
                p.CounterpartCommitted,
                p.State,
                p.ApprovalDate,
                Content = content,
            })
            .AsEnumerable();
        object?[]? current = null;
        var currentId = 0;
        foreach (var p in joined)
        {
            if (current is not null && p.Id == currentId)
            {
                current[5] = $"{current[5]}, {p.Content}";
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            currentId = p.Id;
            current =
            [
                p.Code, p.PlanYear, p.Province, ProjectLabels.Of(p.Source), ProjectLabels.Of(p.Kind), p.Content ?? string.Empty, p.Title,
                p.ImplementingUnit, p.RequestedSupport, p.ApprovedSupport, p.CounterpartCommitted, ProjectLabels.Of(p.State), p.ApprovalDate,
                taxCodes.GetValueOrDefault(p.Id),
            ];
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static IEnumerable<object?[]> DisbursementRows(IQueryable<Project> projects) =>
        projects.AsNoTracking()
            .SelectMany(p => p.Disbursements, (p, d) => new { p.Code, d.Id, d.Date, d.Amount, d.Source, d.Note })
            .OrderBy(d => d.Code).ThenBy(d => d.Date).ThenBy(d => d.Id)
            .AsEnumerable()
            .Select(d => new object?[] { d.Code, d.Date, d.Amount, ProjectLabels.Of(d.Source), d.Note });

    private static IEnumerable<object?[]> OutcomeRows(IQueryable<Project> projects) =>
        projects.AsNoTracking()
            .SelectMany(p => p.Outcomes, (p, o) => new { p.Code, o.IndicatorCode, o.Target, o.Actual })
            .OrderBy(o => o.Code).ThenBy(o => o.IndicatorCode)
            .AsEnumerable()
            .Select(o => new object?[] { o.Code, o.IndicatorCode, o.Target, o.Actual });
}
