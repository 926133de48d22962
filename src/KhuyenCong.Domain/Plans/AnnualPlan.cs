using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Plans;

/// <summary>
/// Kế hoạch kinh phí được giao: one version of a year's allocation to a province from one source, set by a
/// decision. Adjustments add versions; the figure at a date is the latest version decided on or before it
/// (docs/domain.md §6).
/// </summary>
public sealed class AnnualPlan : IVersioned, IAudited
{
    public int Id { get; set; }

    public int Year { get; init; }

    /// <summary>The province as it was in the plan year.</summary>
    public int ProvinceId { get; init; }

    public Province? Province { get; set; }

    public FundingSource Source { get; init; }

    /// <summary>Kinh phí (đồng).</summary>
    public decimal Amount { get; init; }

    public string DecisionNumber { get; init; } = string.Empty;

    public DateOnly DecisionDate { get; init; }

    public Guid Version { get; set; }

    /// <summary>
    /// Ghi một phiên bản kế hoạch: the act of recording a decision (docs/domain.md §6), by the authority that issues it,
    /// with its number and date; every writer (page, import, demo data) goes through here.
    /// </summary>
    public static (AnnualPlan? Plan, string? Refusal) Record(ProjectActor actor, int year, int provinceId, FundingSource source, decimal amount, string? decisionNumber, DateOnly decisionDate)
    {
        var refusal = PlanRules.RefuseRecording(actor, source, provinceId)
            ?? Limits.RefuseDong(amount, "Kinh phí kế hoạch")
            ?? Limits.RefuseDate(decisionDate, "Ngày quyết định")
            ?? (year < Limits.EarliestDate.Year || year > Limits.LatestYear ? $"Năm kế hoạch phải từ {Limits.EarliestDate.Year} đến {Limits.LatestYear}." : null)
            ?? (string.IsNullOrWhiteSpace(decisionNumber) || decisionNumber.Trim().Length > 100 ? "Hãy nhập số quyết định (tối đa 100 ký tự)." : null);
        return refusal is not null
            ? (null, refusal)
            : (new AnnualPlan { Year = year, ProvinceId = provinceId, Source = source, Amount = amount, DecisionNumber = decisionNumber!.Trim(), DecisionDate = decisionDate }, null);
    }

    /// <summary>The version in force on <paramref name="date"/> among the versions of one year, province and source.</summary>
    public static AnnualPlan? InForce(IEnumerable<AnnualPlan> versions, DateOnly date) =>
        versions.Where(v => v.DecisionDate <= date).OrderByDescending(v => v.DecisionDate).ThenByDescending(v => v.Id).FirstOrDefault();
}
