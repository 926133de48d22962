using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Domain.Tests;

/// <summary>The report arithmetic on the published figures of docs/domain.md §10 (inputs in đồng, as the portal stores them).</summary>
public sealed class ReportFormatTests
{
    private const decimal Billion = 1_000_000_000m;

    [Fact]
    public void North_2012_plan_changes_and_shares_come_out_as_computed_not_as_misprinted()
    {
        decimal total2012 = 108.989m * Billion, total2011 = 85.170m * Billion, kcqg2012 = 44.485m * Billion, kcqg2011 = 32.946m * Billion;
        Assert.Equal("tăng 27,97%", ReportFormat.Change(total2012, total2011));
        Assert.Equal("tăng 35,02%", ReportFormat.Change(kcqg2012, kcqg2011));
        Assert.Equal("tăng 23,51%", ReportFormat.Change(total2012 - kcqg2012, total2011 - kcqg2011));
        // The article prints 40,08 %; computing from its own figures gives 40,82 %.
        Assert.Equal("40,82%", ReportFormat.Percent(kcqg2012, total2012));
        Assert.Equal("108,989", ReportFormat.Billions(total2012));
    }

    [Fact]
    public void South_2024_plan_falls_and_execution_rates_match_the_conference()
    {
        Assert.Equal("giảm 8,11%", ReportFormat.Change(91.301m * Billion, 99.354m * Billion));
        Assert.Equal("27,71%", ReportFormat.Percent(25.297m * Billion, 91.301m * Billion));
        Assert.Equal("25,297", ReportFormat.Billions(25_297_000_000m));
    }

    [Fact]
    public void National_2014_2018_split_and_leverage()
    {
        decimal total = 1186.193m * Billion, kcqg = 481.407m * Billion, kcdp = 704.786m * Billion;
        Assert.Equal("1.186,193", ReportFormat.Billions(total));
        Assert.Equal("40,58%", ReportFormat.Percent(kcqg, total));
        Assert.Equal("59,42%", ReportFormat.Percent(kcdp, total));
        Assert.Equal("4,78", ReportFormat.Times(2300m * Billion, kcqg));
    }

    [Theory]
    [InlineData(1_234_500_000, "1,235")]
    [InlineData(1_234_499_999, "1,234")]
    [InlineData(500_000, "0,001")]
    [InlineData(499_999, "0,000")]
    public void Billions_round_half_away_from_zero_to_three_decimals(long dong, string expected) =>
        Assert.Equal(expected, ReportFormat.Billions(dong));

    [Fact]
    public void A_zero_denominator_prints_a_dash_and_never_fails()
    {
        Assert.Equal("—", ReportFormat.Percent(5, 0));
        Assert.Equal("—", ReportFormat.Change(5, 0));
        Assert.Equal("—", ReportFormat.Times(5, 0));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero() => Assert.Equal("0,13%", ReportFormat.Percent(0.00125m));
}
