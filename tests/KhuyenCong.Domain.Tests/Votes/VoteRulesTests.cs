using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Votes;

namespace KhuyenCong.Domain.Tests.Votes;

public sealed class VoteRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);

    private static VoteProduct Product(int id, string name, params (string Reviewer, int[] Points)[] scores) => new()
    {
        Id = id,
        Name = name,
        Scores = [.. scores.SelectMany(s => s.Points.Select((p, i) => new VoteScore { ReviewerId = s.Reviewer, CriterionId = i + 1, Points = p }))],
    };

    private static Vote RegionVote() => new()
    {
        Level = VoteLevel.Region, Year = 2026, PassMark = 70,
        RegistrationFrom = new(2026, 8, 1), RegistrationTo = new(2026, 8, 31), ScoringFrom = new(2026, 9, 1), ScoringTo = new(2026, 9, 30),
    };

    [Fact]
    public void A_members_points_are_summed_and_the_members_totals_averaged()
    {
        // Member a: 25+30+20+8 = 83; member b: 20+25+15+5 = 65; average 74.
        var standing = VoteRules.Standings([Product(1, "Gốm Bát Tràng", ("a", [25, 30, 20, 8]), ("b", [20, 25, 15, 5]))], 70).Single();

        Assert.Equal(74m, standing.Average);
        Assert.Equal(2, standing.Reviewers);
        Assert.True(standing.Passed);
    }

    [Fact]
    public void Products_are_ranked_from_the_highest_average_ties_share_a_rank_and_the_unscored_have_none()
    {
        var standings = VoteRules.Standings(
        [
            Product(1, "Chiếu cói Kim Sơn", ("a", [20, 20, 20, 5])),
            Product(2, "Mây tre Phú Vinh", ("a", [30, 30, 20, 10])),
            Product(3, "Lụa Vạn Phúc", ("a", [30, 30, 20, 10])),
            Product(4, "Nón lá Chuông"),
        ], 70);

        Assert.Equal(["Lụa Vạn Phúc", "Mây tre Phú Vinh", "Chiếu cói Kim Sơn", "Nón lá Chuông"], standings.Select(s => s.Name));
        Assert.Equal([1, 1, 3, null], standings.Select(s => s.Rank));
        Assert.Equal([true, true, false, false], standings.Select(s => s.Passed));
    }

    [Theory]
    [InlineData(70, 70, true)]
    [InlineData(69, 70, false)]
    [InlineData(79, 80, false)]
    public void A_product_passes_when_its_average_reaches_the_pass_mark(int total, int passMark, bool passed) =>
        Assert.Equal(passed, VoteRules.Standings([Product(1, "Sản phẩm", ("a", [total]))], passMark).Single().Passed);

    [Fact]
    public void The_average_is_rounded_to_two_decimals()
    {
        var standing = VoteRules.Standings([Product(1, "Sản phẩm", ("a", [70]), ("b", [71]), ("c", [71]))], 70).Single();
        Assert.Equal(70.67m, standing.Average);
    }

    [Fact]
    public void At_region_level_a_member_may_not_score_a_product_of_their_own_province_old_or_new()
    {
        var member = new VoteCouncilMember { UserId = "m", ProvinceId = 100 };
        var own = new HashSet<int> { 100, 27, 24 };

        Assert.Equal("Thành viên hội đồng không chấm điểm sản phẩm của tỉnh mình ở cấp khu vực.", VoteRules.RefuseScoring(RegionVote(), member, own, 27, Today));
        Assert.Null(VoteRules.RefuseScoring(RegionVote(), member, own, 1, Today));

        var provinceVote = RegionVote();
        provinceVote.Level = VoteLevel.Province;
        Assert.Null(VoteRules.RefuseScoring(provinceVote, member, own, 100, Today));
    }

    [Fact]
    public void Only_the_council_scores_and_only_during_the_scoring_dates_before_the_decision()
    {
        var member = new VoteCouncilMember { UserId = "m" };
        Assert.NotNull(VoteRules.RefuseScoring(RegionVote(), null, new HashSet<int>(), 1, Today));
        Assert.NotNull(VoteRules.RefuseScoring(RegionVote(), member, new HashSet<int>(), 1, new DateOnly(2026, 10, 1)));
        var decided = RegionVote();
        decided.DecisionNumber = "12/QĐ-BCT";
        Assert.NotNull(VoteRules.RefuseScoring(decided, member, new HashSet<int>(), 1, Today));
    }

    [Fact]
    public void Points_must_be_given_for_every_criterion_within_its_maximum()
    {
        VoteCriterion[] criteria = [new() { Id = 1, Name = "Thị trường", MaxPoints = 30 }, new() { Id = 2, Name = "Thẩm mỹ", MaxPoints = 25 }];

        Assert.Null(VoteRules.RefusePoints(criteria, new Dictionary<int, int?> { [1] = 30, [2] = 0 }));
        Assert.Equal("Điểm tiêu chí «Thị trường» phải từ 0 đến 30.", VoteRules.RefusePoints(criteria, new Dictionary<int, int?> { [1] = 31, [2] = 1 }));
        Assert.Equal("Hãy nhập điểm tiêu chí «Thẩm mỹ».", VoteRules.RefusePoints(criteria, new Dictionary<int, int?> { [1] = 3, [2] = null }));
        Assert.NotNull(VoteRules.RefusePoints(criteria, new Dictionary<int, int?> { [1] = 3, [2] = -1 }));
    }

    [Fact]
    public void A_region_vote_covers_the_regions_provinces_on_its_date_so_it_follows_the_2025_merger()
    {
        var directory = CatalogDirectory.Build();

        var before = VoteRules.ProvincesOfRegion(directory, "NAM", new DateOnly(2024, 9, 1)).Select(id => directory.Find(id)!.Name).ToList();
        var after = VoteRules.ProvincesOfRegion(directory, "NAM", new DateOnly(2026, 9, 1)).Select(id => directory.Find(id)!.Name).ToList();

        // Bình Thuận was in the south until it merged into Lâm Đồng, which belongs to Miền Trung – Tây Nguyên.
        Assert.Contains("Bình Thuận", before);
        Assert.DoesNotContain("Bình Thuận", after);
        Assert.DoesNotContain("Lâm Đồng", after);
        Assert.All(VoteRules.ProvincesOfRegion(directory, "NAM", new DateOnly(2026, 9, 1)), id => Assert.Equal(Reference.ReferenceCatalog.MergerDate, directory.Find(id)!.ValidFrom));
        Assert.True(after.Count < before.Count);
    }

    [Theory]
    [InlineData(Roles.ProvinceOfficer, VoteLevel.Province, true)]
    [InlineData(Roles.ProvinceApprover, VoteLevel.Province, false)]
    [InlineData(Roles.ConferenceOrganiser, VoteLevel.Region, true)]
    [InlineData(Roles.ProvinceOfficer, VoteLevel.Region, false)]
    [InlineData(Roles.MinistryOfficer, VoteLevel.National, true)]
    [InlineData(Roles.Reviewer, VoteLevel.National, false)]
    public void Each_level_is_run_by_its_own_officers(string role, VoteLevel level, bool may)
    {
        var actor = new ProjectActor("u", "u", role, new HashSet<int> { 5 }, new HashSet<string> { "NAM" });
        Assert.Equal(may, VoteRules.MayRun(actor, level, 5, "NAM"));
    }

    [Fact]
    public void Certificates_are_numbered_in_the_vote_and_valid_for_the_levels_years()
    {
        Assert.Equal("003/2026/GCN-KV", VoteRules.CertificateNumber(RegionVote(), 3));
        Assert.Equal(new DateOnly(2029, 10, 14), VoteRules.ValidUntil(new DateOnly(2026, 10, 15), 3));
    }

    [Theory]
    [InlineData(Roles.ProvinceOfficer, 5, false, null)]
    [InlineData(Roles.ProvinceOfficer, 7, false, "Chỉ chuyên viên Sở Công Thương của tỉnh có sản phẩm")]
    [InlineData(Roles.ProvinceApprover, 5, false, "Chỉ chuyên viên Sở Công Thương của tỉnh có sản phẩm")]
    [InlineData(Roles.Reviewer, 5, false, "Chỉ chuyên viên Sở Công Thương của tỉnh có sản phẩm")]
    [InlineData(Roles.ProvinceOfficer, 5, true, "ảnh và hồ sơ của sản phẩm không thay đổi được nữa")]
    public void Only_the_products_province_officer_changes_its_files_and_only_until_the_decision(string role, int productProvince, bool decided, string? refusal)
    {
        var actor = new ProjectActor("u", "u", role, new HashSet<int> { 5 }, new HashSet<string>());
        var vote = RegionVote();
        vote.DecisionNumber = decided ? "1/QĐ" : null;

        var answer = VoteRules.RefuseFiles(actor, vote, productProvince);

        if (refusal is null)
        {
            Assert.Null(answer);
        }
        else
        {
            Assert.Contains(refusal, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_file_limit_refuses_the_file_past_it_naming_the_limit()
    {
        Assert.Null(VoteRules.RefuseFileCount(9, 10));
        Assert.Equal("Sản phẩm đã có 10 tệp ảnh, hồ sơ, bằng giới hạn 10 tệp mỗi sản phẩm; tệp không được nhận.", VoteRules.RefuseFileCount(10, 10));
    }
}
