using KhuyenCong.Data;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The shared figures' rules as queries that the database answers (GROUP BY, NOT EXISTS), used by the reports, the
/// home page and the plans page alike, so that "plan in force", "state money paid" and "counted projects" mean the
/// same everywhere and no page loads rows to decide them.
/// </summary>
public static class ReportQueries
{
    /// <summary>
    /// Plan versions in force on <paramref name="date"/>: decided on or before it, with no later version of the same
    /// year, province and source decided on or before it (ties: the higher id). The same rule as
    /// <see cref="AnnualPlan.InForce"/>, decided in SQL; a scope filter on <paramref name="plans"/> is by province, so
    /// it keeps or drops whole groups.
    /// </summary>
    public static IQueryable<AnnualPlan> InForceAt(this IQueryable<AnnualPlan> plans, DateOnly date) =>
        plans.Where(v => v.DecisionDate <= date
                         && !plans.Any(w => w.Year == v.Year && w.ProvinceId == v.ProvinceId && w.Source == v.Source && w.DecisionDate <= date
                                            && (w.DecisionDate > v.DecisionDate || (w.DecisionDate == v.DecisionDate && w.Id > v.Id))));

    /// <summary>State money (not counterpart) paid on or before <paramref name="date"/>: what "executed" counts.</summary>
    public static IQueryable<Disbursement> StatePaidBy(this IQueryable<Disbursement> payments, DateOnly date) =>
        payments.Where(d => d.Source == MoneySource.State && d.Date <= date);

    /// <summary>The projects whose approved support and counterpart the figures count: approved and not rejected.</summary>
    public static IQueryable<Project> Counted(this IQueryable<Project> projects) =>
        projects.Where(p => p.ApprovedSupport != null && p.State != ProjectState.Rejected);

    /// <summary>
    /// Cơ sở được hỗ trợ (docs/domain.md §8.1 item 5, §12): the distinct establishments that the beneficiary lines of
    /// <paramref name="projects"/> point to, among those the report counts (<see cref="Counted"/>), and how many of
    /// them carry each priority flag of the registry. Two projects for one establishment count it once. Counted in the
    /// database; the conference and the programme-period reports both ask here.
    /// </summary>
    public static async Task<EstablishmentFigures> SupportedEstablishmentsAsync(this IQueryable<Project> projects, KhuyenCongDbContext db, CancellationToken ct)
    {
        var counted = projects.Counted().Select(p => p.Id);
        var supported = db.Beneficiaries.Where(b => b.EstablishmentId != null && counted.Contains(b.ProjectId)).Select(b => b.EstablishmentId!.Value);
        var row = await db.Establishments.AsNoTracking()
            .Where(e => supported.Contains(e.Id))
            .GroupBy(e => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Women = g.Sum(e => e.WomenOwned ? 1 : 0),
                Ethnic = g.Sum(e => e.EthnicMinorityEmployer ? 1 : 0),
                Priority = g.Sum(e => e.PriorityArea ? 1 : 0),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? EstablishmentFigures.Zero : new EstablishmentFigures(row.Count, row.Women, row.Ethnic, row.Priority);
    }
}

/// <summary>
/// The establishments a report's projects supported, counted once each, and how many are women-owned, employ
/// ethnic-minority workers, or lie in a priority area (the registry's flags).
/// </summary>
public sealed record EstablishmentFigures(int Supported, int WomenOwned, int EthnicMinorityEmployer, int PriorityArea)
{
    public static readonly EstablishmentFigures Zero = new(0, 0, 0, 0);

    /// <summary>The three flags with their Vietnamese names, in the order every output prints them.</summary>
    public IReadOnlyList<(string Name, int Count)> Flags =>
    [
        ("Do phụ nữ làm chủ", WomenOwned),
        ("Sử dụng lao động là người dân tộc thiểu số", EthnicMinorityEmployer),
        ("Ở địa bàn ưu tiên", PriorityArea),
    ];

    /// <summary>The share of the supported establishments with a flag, printed as every report prints a rate (27,97%; "—" without any).</summary>
    public string Share(int count) => Domain.Reports.ReportFormat.Percent(count, Supported);

    /// <summary>
    /// The narrative's sentence, after <paramref name="projects"/> (e.g. "Các đề án được duyệt năm 2024 của khu vực"):
    /// "… đã hỗ trợ 12 cơ sở công nghiệp nông thôn, trong đó 3 cơ sở do phụ nữ làm chủ (25,00%), …".
    /// </summary>
    public string Sentence(string projects)
    {
        static string Count(int n) => n.ToString("#,##0", Domain.Common.VietnameseCulture.Instance);
        return Supported == 0
            ? $"{projects} chưa ghi cơ sở thụ hưởng nào trong danh mục cơ sở."
            : $"{projects} đã hỗ trợ {Count(Supported)} cơ sở công nghiệp nông thôn (mỗi cơ sở tính một lần), trong đó {Count(WomenOwned)} cơ sở do phụ nữ làm chủ ({Share(WomenOwned)}), "
              + $"{Count(EthnicMinorityEmployer)} cơ sở sử dụng lao động là người dân tộc thiểu số ({Share(EthnicMinorityEmployer)}), {Count(PriorityArea)} cơ sở ở địa bàn ưu tiên ({Share(PriorityArea)}).";
    }
}
