using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Projects;

/// <summary>Money and dossier rules of a project (docs/domain.md §5–§6), each with a Vietnamese message.</summary>
public static partial class ProjectRules
{
    /// <summary>Advances before acceptance may not exceed this share of the approved support (configurable).</summary>
    public const decimal DefaultAdvanceLimitPercent = 70m;

    /// <summary>A tax code by <see cref="Establishments.TaxCode.Check"/>: 10 digits with a right check digit, 10-3, or a 12-digit personal id.</summary>
    public static bool IsTaxCode(string? value) => Establishments.TaxCode.Check(value).IsValid;

    public static decimal StateDisbursed(Project p) => p.Disbursements.Where(d => d.Source == MoneySource.State).Sum(d => d.Amount);

    public static decimal CounterpartDisbursed(Project p) => p.Disbursements.Where(d => d.Source == MoneySource.Counterpart).Sum(d => d.Amount);

    /// <summary>Why a new disbursement may not be recorded, or null when it may.</summary>
    public static string? RefuseDisbursement(Project p, decimal amount, MoneySource source, decimal advanceLimitPercent)
    {
        if (amount <= 0)
        {
            return "Số tiền giải ngân phải lớn hơn 0.";
        }

        if (source == MoneySource.Counterpart)
        {
            return null;
        }

        var approved = p.ApprovedSupport ?? 0;
        var total = StateDisbursed(p) + amount;
        if (total > approved)
        {
            return $"Tổng giải ngân ngân sách ({VietnameseCulture.Dong(total)} đồng) vượt kinh phí được duyệt ({VietnameseCulture.Dong(approved)} đồng).";
        }

        var accepted = p.State is ProjectState.Accepted or ProjectState.Settled;
        if (accepted && p.AcceptedAmount is { } acceptedAmount && total > acceptedAmount)
        {
            return $"Tổng giải ngân ngân sách ({VietnameseCulture.Dong(total)} đồng) vượt kinh phí nghiệm thu ({VietnameseCulture.Dong(acceptedAmount)} đồng).";
        }

        var advanceLimit = Math.Round(approved * advanceLimitPercent / 100m, 0, MidpointRounding.ToZero);
        if (!accepted && total > advanceLimit)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Tạm ứng trước nghiệm thu không được vượt {VietnameseCulture.Number(advanceLimitPercent)}% kinh phí được duyệt ({VietnameseCulture.Dong(advanceLimit)} đồng); tổng sau lần này là {VietnameseCulture.Dong(total)} đồng.");
        }

        return null;
    }

    /// <summary>Why the project cannot be submitted as it is, if it cannot.</summary>
    public static IReadOnlyList<string> RefuseSubmission(Project p)
    {
        var problems = new List<string>();
        if (p.Contents.Count == 0)
        {
            problems.Add("Đề án phải có ít nhất một nội dung hoạt động.");
        }

        if (p.Kind == ProjectKind.Diem && p.Contents.Select(c => c.ContentCode).Distinct().Count() < 2)
        {
            problems.Add("Đề án điểm phải có ít nhất hai nội dung hoạt động.");
        }

        if (p.Kind == ProjectKind.Diem && p.EndDate <= p.StartDate.AddYears(1))
        {
            problems.Add("Đề án điểm phải thực hiện trong hơn một năm.");
        }

        if (p.Kind != ProjectKind.Nhom && p.Beneficiaries.Count == 0)
        {
            problems.Add("Hãy nêu ít nhất một cơ sở thụ hưởng (đề án nhóm được nêu sau khi giao).");
        }

        if (p.RequestedSupport <= 0)
        {
            problems.Add("Kinh phí đề nghị hỗ trợ phải lớn hơn 0.");
        }

        if (p.Contents.Sum(c => c.RequestedAmount) != p.RequestedSupport)
        {
            problems.Add($"Tổng kinh phí đề nghị theo nội dung ({VietnameseCulture.Dong(p.Contents.Sum(c => c.RequestedAmount))} đồng) phải bằng kinh phí đề nghị của đề án ({VietnameseCulture.Dong(p.RequestedSupport)} đồng).");
        }

        return problems;
    }
}

/// <summary>A content whose request exceeds a support norm in force on the project's start date.</summary>
public sealed record NormFinding(string ContentCode, decimal Requested, decimal Limit, string Rule);

/// <summary>Kiểm tra định mức: compares each content's request with the norms in force (TT 28/2018/TT-BTC and predecessors).</summary>
public static class SupportNormCheck
{
    /// <summary>
    /// The most the norms allow for the whole project: per content the lowest limit of the norms in force, or, where
    /// no norm applies, the content's cost (support never exceeds what the content costs).
    /// </summary>
    public static decimal Ceiling(Project project, IEnumerable<SupportNorm> norms)
    {
        var priority = project.Beneficiaries.Any(b => b.PriorityArea);
        var inForce = norms.Where(n => n.IsInForceOn(project.StartDate)).ToList();
        decimal total = 0;
        foreach (var content in project.Contents)
        {
            var limits = new List<decimal>();
            foreach (var norm in inForce.Where(n => n.ContentCode == content.ContentCode))
            {
                var multiplier = priority ? norm.PriorityMultiplier : 1m;
                if (norm.CeilingDong is { } ceiling)
                {
                    limits.Add(Math.Round(ceiling * multiplier, 0, MidpointRounding.AwayFromZero));
                }

                if (norm.MaxSharePercent is { } share && content.TotalCost > 0)
                {
                    limits.Add(Math.Round(content.TotalCost * share * multiplier / 100m, 0, MidpointRounding.AwayFromZero));
                }
            }

            total += limits.Count > 0 ? limits.Min() : Math.Max(content.TotalCost, content.RequestedAmount);
        }

        return total;
    }

    public static IReadOnlyList<NormFinding> Check(Project project, IEnumerable<SupportNorm> norms)
    {
        var priority = project.Beneficiaries.Any(b => b.PriorityArea);
        var findings = new List<NormFinding>();
        foreach (var content in project.Contents)
        {
            foreach (var norm in norms.Where(n => n.ContentCode == content.ContentCode && n.IsInForceOn(project.StartDate)))
            {
                var multiplier = priority ? norm.PriorityMultiplier : 1m;
                if (norm.CeilingDong is { } ceiling && content.RequestedAmount > ceiling * multiplier)
                {
                    var limit = Math.Round(ceiling * multiplier, 0, MidpointRounding.AwayFromZero);
                    findings.Add(new NormFinding(content.ContentCode, content.RequestedAmount, limit,
                        $"{norm.Activity}: mức trần {VietnameseCulture.Dong(limit)} đồng ({norm.LegalBasis})"));
                }

                if (norm.MaxSharePercent is { } share && content.TotalCost > 0 && content.RequestedAmount > content.TotalCost * share * multiplier / 100m)
                {
                    var limit = Math.Round(content.TotalCost * share * multiplier / 100m, 0, MidpointRounding.AwayFromZero);
                    findings.Add(new NormFinding(content.ContentCode, content.RequestedAmount, limit,
                        $"{norm.Activity}: tối đa {VietnameseCulture.Number(share * multiplier)}% chi phí, tức {VietnameseCulture.Dong(limit)} đồng ({norm.LegalBasis})"));
                }
            }
        }

        return findings;
    }
}

/// <summary>Mã đề án: KCQG-2026-24-0001, a series per source, plan year and province (docs/domain.md §5).</summary>
public static class ProjectCodes
{
    public static string Prefix(FundingSource source, int year, string provinceCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{(source == FundingSource.KCQG ? "KCQG" : "KCDP")}-{year}-{provinceCode}-");

    /// <summary>The number after the highest of the series' codes taken (codes that do not end in a number are ignored).</summary>
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        var highest = taken.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{highest + 1:0000}");
    }
}
