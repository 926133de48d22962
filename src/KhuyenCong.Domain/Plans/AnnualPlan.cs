using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Plans;

/// <summary>
/// Kế hoạch kinh phí được giao: one version of a year's allocation to a province from one source, set by a
/// decision. Adjustments add versions; the figure at a date is the latest version decided on or before it
/// (DOMAIN.md §6).
/// </summary>
public sealed class AnnualPlan : IVersioned, IAudited
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>The province as it was in the plan year.</summary>
    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    public FundingSource Source { get; set; }

    /// <summary>Kinh phí (đồng).</summary>
    public decimal Amount { get; set; }

    public string DecisionNumber { get; set; } = string.Empty;

    public DateOnly DecisionDate { get; set; }

    public Guid Version { get; set; }

    /// <summary>The version in force on <paramref name="date"/> among the versions of one year, province and source.</summary>
    public static AnnualPlan? InForce(IEnumerable<AnnualPlan> versions, DateOnly date) =>
        versions.Where(v => v.DecisionDate <= date).OrderByDescending(v => v.DecisionDate).ThenByDescending(v => v.Id).FirstOrDefault();
}
