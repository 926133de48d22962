using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;

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
}
