using System.Globalization;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Votes;

/// <summary>A product's place in a vote's result: the council's average total, its rank, and whether it reaches the pass mark.</summary>
public sealed record VoteStanding(int ProductId, string Name, ProductGroup Group, decimal? Average, int Reviewers, int? Rank, bool Passed);

/// <summary>
/// The rules of the typical-product vote (docs/domain.md §13), once: who runs a vote and who registers and scores,
/// the scoring checks, how totals are summed and ranked against the pass mark, and how certificates are numbered.
/// Pages and specs call these; nothing else decides.
/// </summary>
public static class VoteRules
{
    /// <summary>
    /// The provinces a region vote covers: those valid on <paramref name="date"/> with a membership of the region on that
    /// date, so a vote of 2026 lists the 34 provinces' members, one of 2024 the 63's (docs/domain.md §3).
    /// </summary>
    public static IReadOnlyList<int> ProvincesOfRegion(ProvinceDirectory directory, string regionCode, DateOnly date) =>
        [.. directory.ValidOn(date).Where(p => directory.RegionOn(p.Id, date) == regionCode).Select(p => p.Id).Order()];

    /// <summary>Who runs a vote of this level: the province's officers, the region's organisers, the ministry's staff.</summary>
    public static bool MayRun(ProjectActor actor, VoteLevel level, int? provinceId, string? regionCode) => level switch
    {
        VoteLevel.Province => actor.Is(Roles.ProvinceOfficer) && provinceId is { } p && actor.ProvinceIds.Contains(p),
        VoteLevel.Region => actor.Is(Roles.ConferenceOrganiser) && regionCode is not null && actor.Regions.Contains(regionCode),
        VoteLevel.National => actor.Is(Roles.MinistryOfficer) || actor.Is(Roles.MinistryApprover),
        _ => false,
    };

    /// <summary>
    /// Why a province officer may not register a product of <paramref name="provinceId"/> in the vote now, or null.
    /// Only a province vote takes products registered directly; the levels above take the winners put forward.
    /// </summary>
    public static string? RefuseRegistration(ProjectActor actor, Vote vote, IReadOnlyCollection<int> voteProvinces, int provinceId, DateOnly today)
    {
        if (!actor.Is(Roles.ProvinceOfficer) || !actor.ProvinceIds.Contains(provinceId))
        {
            return "Chỉ chuyên viên Sở Công Thương của tỉnh có cơ sở mới đăng ký được sản phẩm.";
        }

        if (vote.Level != VoteLevel.Province)
        {
            return "Đợt bình chọn cấp khu vực và quốc gia chỉ nhận sản phẩm đã được công nhận ở cấp dưới và được đề cử lên.";
        }

        if (!voteProvinces.Contains(provinceId))
        {
            return "Cơ sở không thuộc tỉnh của đợt bình chọn này.";
        }

        return RefuseWindow(vote, today);
    }

    /// <summary>Products enter only during the registration dates, and never after the result is decided.</summary>
    public static string? RefuseWindow(Vote vote, DateOnly today)
    {
        if (vote.Decided)
        {
            return "Đợt bình chọn đã có quyết định công nhận kết quả.";
        }

        return today < vote.RegistrationFrom || today > vote.RegistrationTo
            ? string.Create(CultureInfo.InvariantCulture, $"Chỉ đăng ký sản phẩm từ {vote.RegistrationFrom:dd/MM/yyyy} đến {vote.RegistrationTo:dd/MM/yyyy}.")
            : null;
    }

    /// <summary>
    /// Why the actor may not attach or remove a product's photos and documents now, or null: only the Sở's officer of
    /// the product's province, who registers it (or puts it forward from the level below), and only until the result
    /// is decided: then the files are frozen with the scores they were judged on.
    /// </summary>
    public static string? RefuseFiles(ProjectActor actor, Vote vote, int productProvinceId)
    {
        if (!actor.Is(Roles.ProvinceOfficer) || !actor.ProvinceIds.Contains(productProvinceId))
        {
            return "Chỉ chuyên viên Sở Công Thương của tỉnh có sản phẩm mới đính kèm hoặc xóa được ảnh, hồ sơ của sản phẩm.";
        }

        return vote.Decided ? "Đợt bình chọn đã có quyết định công nhận kết quả; ảnh và hồ sơ của sản phẩm không thay đổi được nữa." : null;
    }

    /// <summary>Why one more file may not be attached to a product that has <paramref name="count"/>, or null.</summary>
    public static string? RefuseFileCount(int count, int max) =>
        count >= max ? $"Sản phẩm đã có {count} tệp ảnh, hồ sơ, bằng giới hạn {max} tệp mỗi sản phẩm; tệp không được nhận." : null;

    /// <summary>
    /// Why this council member may not score this product now, or null: only members of the vote's council, during the
    /// scoring dates, before the decision, and at region level never a product of their own province (old or new:
    /// <paramref name="memberProvinces"/> is the member's province with its predecessors and successor).
    /// </summary>
    public static string? RefuseScoring(Vote vote, VoteCouncilMember? member, IReadOnlySet<int> memberProvinces, int productProvinceId, DateOnly today)
    {
        if (member is null)
        {
            return "Chỉ thành viên hội đồng bình chọn của đợt này mới chấm điểm được.";
        }

        if (vote.Decided)
        {
            return "Đợt bình chọn đã có quyết định công nhận kết quả; điểm không thay đổi được nữa.";
        }

        if (today < vote.ScoringFrom || today > vote.ScoringTo)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Chỉ chấm điểm từ {vote.ScoringFrom:dd/MM/yyyy} đến {vote.ScoringTo:dd/MM/yyyy}.");
        }

        return vote.Level == VoteLevel.Region && memberProvinces.Contains(productProvinceId)
            ? "Thành viên hội đồng không chấm điểm sản phẩm của tỉnh mình ở cấp khu vực."
            : null;
    }

    /// <summary>Why these points may not be recorded, or null: every criterion given, each a whole number from 0 to its maximum.</summary>
    public static string? RefusePoints(IReadOnlyList<VoteCriterion> criteria, IReadOnlyDictionary<int, int?> points)
    {
        foreach (var c in criteria)
        {
            if (!points.TryGetValue(c.Id, out var p) || p is null)
            {
                return $"Hãy nhập điểm tiêu chí «{c.Name}».";
            }

            if (p < 0 || p > c.MaxPoints)
            {
                return $"Điểm tiêu chí «{c.Name}» phải từ 0 đến {c.MaxPoints}.";
            }
        }

        return points.Keys.Any(k => criteria.All(c => c.Id != k)) ? "Có tiêu chí không thuộc đợt bình chọn này." : null;
    }

    /// <summary>
    /// The result: each member's points summed per product, the members' totals averaged (two decimals, half away from
    /// zero), products with an average ranked from the highest (ties share a rank, then by name), and passed when the
    /// average reaches <paramref name="passMark"/>. A product nobody scored has no rank and does not pass.
    /// </summary>
    public static IReadOnlyList<VoteStanding> Standings(IEnumerable<VoteProduct> products, int passMark)
    {
        var scored = products.Select(p =>
        {
            var totals = p.Scores.GroupBy(s => s.ReviewerId).Select(g => g.Sum(s => s.Points)).ToList();
            decimal? average = totals.Count == 0 ? null : Math.Round((decimal)totals.Sum() / totals.Count, 2, MidpointRounding.AwayFromZero);
            return (p, average, reviewers: totals.Count);
        }).OrderByDescending(x => x.average ?? -1).ThenBy(x => x.p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();

        var standings = new List<VoteStanding>(scored.Count);
        int? rank = null;
        decimal? previous = null;
        for (var i = 0; i < scored.Count; i++)
        {
            var (p, average, reviewers) = scored[i];
            if (average is not null && average != previous)
            {
                rank = i + 1;
                previous = average;
            }

            standings.Add(new VoteStanding(p.Id, p.Name, p.Group, average, reviewers, average is null ? null : rank, average >= passMark));
        }

        return standings;
    }

    /// <summary>"003/2026/GCN-KV": the sequence within the vote, the year, and the level's suffix.</summary>
    public static string CertificateNumber(Vote vote, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence:000}/{vote.Year}/GCN-{Suffix(vote.Level)}");

    /// <summary>A certificate is valid from the decision date for the years of the level's pass mark (the day before the anniversary).</summary>
    public static DateOnly ValidUntil(DateOnly decisionDate, int years) => decisionDate.AddYears(years).AddDays(-1);

    /// <summary>The level a vote's winners are put forward to, or null for the national vote.</summary>
    public static VoteLevel? Next(VoteLevel level) => level switch
    {
        VoteLevel.Province => VoteLevel.Region,
        VoteLevel.Region => VoteLevel.National,
        _ => null,
    };

    private static string Suffix(VoteLevel level) => level switch
    {
        VoteLevel.Province => "T",
        VoteLevel.Region => "KV",
        _ => "QG",
    };
}
