using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class ProjectRulesTests
{
    [Theory]
    [InlineData("0101234565", true)]
    [InlineData("0101234565001", true)]
    [InlineData("0101234565-001", true)]
    [InlineData("010123456", false)]
    [InlineData("01012345658", false)]
    [InlineData("01012345AB", false)]
    public void A_tax_code_has_10_or_13_digits_with_a_right_check_digit(string code, bool valid) => Assert.Equal(valid, ProjectRules.IsTaxCode(code));

    [Fact]
    public void An_advance_before_acceptance_may_reach_70_percent_of_the_approved_support_and_no_more()
    {
        var p = TestProjects.Loaded(ProjectState.InProgress, approved: 1_000_000_000m);
        Assert.Null(ProjectRules.RefuseDisbursement(p, 700_000_000m, MoneySource.State, 70m));
        var refusal = ProjectRules.RefuseDisbursement(p, 700_000_001m, MoneySource.State, 70m);
        Assert.Contains("Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (700.000.000 đồng)", refusal);
    }

    [Fact]
    public void After_acceptance_the_state_may_pay_up_to_the_approved_support_and_no_more()
    {
        var p = TestProjects.Loaded(ProjectState.Accepted, approved: 500_000_000m);
        TestProjects.Done(p.DisburseHistorical(new DisburseMoney(new DateOnly(2026, 5, 1), 350_000_000m, MoneySource.State, null), TestProjects.As(TestProjects.Operator)));
        Assert.Null(ProjectRules.RefuseDisbursement(p, 150_000_000m, MoneySource.State, 70m));
        Assert.Contains("vượt kinh phí được duyệt (500.000.000 đồng)", ProjectRules.RefuseDisbursement(p, 150_000_001m, MoneySource.State, 70m));
    }

    [Fact]
    public void Counterpart_money_is_not_capped_by_the_state_support() =>
        Assert.Null(ProjectRules.RefuseDisbursement(TestProjects.Loaded(ProjectState.InProgress, approved: 1m), 9_000_000_000m, MoneySource.Counterpart, 70m));

    [Fact]
    public void A_pilot_needs_two_contents_and_more_than_a_year()
    {
        var p = TestProjects.Registered(draft: TestProjects.Draft(kind: ProjectKind.Diem, requested: 100, start: new DateOnly(2026, 1, 1), end: new DateOnly(2026, 12, 31)));
        var problems = ProjectRules.RefuseSubmission(p);
        Assert.Contains("Đề án điểm phải có ít nhất hai nội dung hoạt động.", problems);
        Assert.Contains("Đề án điểm phải thực hiện trong hơn một năm.", problems);
    }

    [Fact]
    public void A_complete_ordinary_project_may_be_submitted()
    {
        var p = TestProjects.Registered(draft: TestProjects.Draft(requested: 300, contents: [new ContentDraft("ND01", 0, 300)]));
        Assert.Empty(ProjectRules.RefuseSubmission(p));
    }

    [Fact]
    public void The_norm_check_names_the_rule_in_force_on_the_start_date()
    {
        var norms = new[]
        {
            new SupportNorm { ContentCode = "ND03", Activity = "Mô hình trình diễn kỹ thuật", MaxSharePercent = 30, CeilingDong = 500_000_000, LegalBasis = "TTLT 26/2014/TTLT-BTC-BCT", EffectiveFrom = new(2014, 4, 8), EffectiveTo = new(2018, 5, 13), PriorityMultiplier = 1.5m },
            new SupportNorm { ContentCode = "ND03", Activity = "Mô hình trình diễn kỹ thuật", MaxSharePercent = 30, CeilingDong = 1_000_000_000, LegalBasis = "TT 28/2018/TT-BTC", EffectiveFrom = new(2018, 5, 14), PriorityMultiplier = 1.5m },
        };
        Project Starting(DateOnly start) => TestProjects.Registered(draft: TestProjects.Draft(start: start, end: start.AddMonths(6), beneficiary: false,
            contents: [new ContentDraft("ND03", 3_000_000_000, 600_000_000)]));
        var p = Starting(new DateOnly(2017, 3, 1));

        var findings = SupportNormCheck.Check(p, norms);
        var finding = Assert.Single(findings);
        Assert.Equal(500_000_000m, finding.Limit);
        Assert.Contains("TTLT 26/2014/TTLT-BTC-BCT", finding.Rule);

        Assert.Empty(SupportNormCheck.Check(Starting(new DateOnly(2024, 3, 1)), norms));
    }

    [Fact]
    public void The_priority_multiplier_raises_the_ceiling_in_priority_areas()
    {
        var norms = new[] { new SupportNorm { ContentCode = "ND04", Activity = "Thương hiệu", CeilingDong = 35_000_000, LegalBasis = "TTLT 26/2014", EffectiveFrom = new(2014, 4, 8), PriorityMultiplier = 1.5m } };
        ProjectDraft Draft(bool priority) => TestProjects.Draft(start: new DateOnly(2016, 1, 1), beneficiary: false, contents: [new ContentDraft("ND04", 0, 50_000_000)]) with
        {
            Beneficiaries = [new BeneficiaryDraft("Hộ kinh doanh", null, BeneficiaryType.HouseholdBusiness, "xã A", PriorityArea: priority)],
        };
        Assert.Single(SupportNormCheck.Check(TestProjects.Registered(draft: Draft(false)), norms));
        Assert.Empty(SupportNormCheck.Check(TestProjects.Registered(draft: Draft(true)), norms));
    }

    [Fact]
    public void Every_state_has_a_vietnamese_label_that_reads_back()
    {
        foreach (var state in Enum.GetValues<ProjectState>())
        {
            Assert.True(ProjectLabels.TryParseState(ProjectLabels.Of(state), out var parsed));
            Assert.Equal(state, parsed);
        }
    }
}
