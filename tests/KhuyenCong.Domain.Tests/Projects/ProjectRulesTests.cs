using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class ProjectRulesTests
{
    [Theory]
    [InlineData("0101234567", true)]
    [InlineData("0101234567001", true)]
    [InlineData("0101234567-001", true)]
    [InlineData("010123456", false)]
    [InlineData("01012345678", false)]
    [InlineData("01012345AB", false)]
    public void A_tax_code_has_10_or_13_digits(string code, bool valid) => Assert.Equal(valid, ProjectRules.IsTaxCode(code));

    [Fact]
    public void An_advance_before_acceptance_may_reach_70_percent_of_the_approved_support_and_no_more()
    {
        var p = new Project { State = ProjectState.InProgress, ApprovedSupport = 1_000_000_000m };
        Assert.Null(ProjectRules.RefuseDisbursement(p, 700_000_000m, MoneySource.State, 70m));
        var refusal = ProjectRules.RefuseDisbursement(p, 700_000_001m, MoneySource.State, 70m);
        Assert.Contains("Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (700.000.000 đồng)", refusal);
    }

    [Fact]
    public void After_acceptance_the_state_may_pay_up_to_the_approved_support_and_no_more()
    {
        var p = new Project { State = ProjectState.Accepted, ApprovedSupport = 500_000_000m };
        p.Disbursements.Add(new Disbursement { Amount = 350_000_000m, Source = MoneySource.State });
        Assert.Null(ProjectRules.RefuseDisbursement(p, 150_000_000m, MoneySource.State, 70m));
        Assert.Contains("vượt kinh phí được duyệt (500.000.000 đồng)", ProjectRules.RefuseDisbursement(p, 150_000_001m, MoneySource.State, 70m));
    }

    [Fact]
    public void Counterpart_money_is_not_capped_by_the_state_support() =>
        Assert.Null(ProjectRules.RefuseDisbursement(new Project { State = ProjectState.InProgress, ApprovedSupport = 1m }, 9_000_000_000m, MoneySource.Counterpart, 70m));

    [Fact]
    public void A_pilot_needs_two_contents_and_more_than_a_year()
    {
        var p = new Project { Kind = ProjectKind.Diem, StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31), RequestedSupport = 100 };
        p.Contents.Add(new ProjectContent { ContentCode = "ND03", RequestedAmount = 100 });
        p.Beneficiaries.Add(new Beneficiary { Name = "HTX" });
        var problems = ProjectRules.RefuseSubmission(p);
        Assert.Contains("Đề án điểm phải có ít nhất hai nội dung hoạt động.", problems);
        Assert.Contains("Đề án điểm phải thực hiện trong hơn một năm.", problems);
    }

    [Fact]
    public void A_complete_ordinary_project_may_be_submitted()
    {
        var p = new Project { Kind = ProjectKind.Thuong, StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 9, 30), RequestedSupport = 300 };
        p.Contents.Add(new ProjectContent { ContentCode = "ND01", RequestedAmount = 300 });
        p.Beneficiaries.Add(new Beneficiary { Name = "Hộ kinh doanh" });
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
        var p = new Project { StartDate = new DateOnly(2017, 3, 1) };
        p.Contents.Add(new ProjectContent { ContentCode = "ND03", TotalCost = 3_000_000_000, RequestedAmount = 600_000_000 });

        var findings = SupportNormCheck.Check(p, norms);
        var finding = Assert.Single(findings);
        Assert.Equal(500_000_000m, finding.Limit);
        Assert.Contains("TTLT 26/2014/TTLT-BTC-BCT", finding.Rule);

        p.StartDate = new DateOnly(2024, 3, 1);
        Assert.Empty(SupportNormCheck.Check(p, norms));
    }

    [Fact]
    public void The_priority_multiplier_raises_the_ceiling_in_priority_areas()
    {
        var norms = new[] { new SupportNorm { ContentCode = "ND04", Activity = "Thương hiệu", CeilingDong = 35_000_000, LegalBasis = "TTLT 26/2014", EffectiveFrom = new(2014, 4, 8), PriorityMultiplier = 1.5m } };
        var p = new Project { StartDate = new DateOnly(2016, 1, 1) };
        p.Contents.Add(new ProjectContent { ContentCode = "ND04", RequestedAmount = 50_000_000 });
        Assert.Single(SupportNormCheck.Check(p, norms));
        p.Beneficiaries.Add(new Beneficiary { PriorityArea = true });
        Assert.Empty(SupportNormCheck.Check(p, norms));
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
