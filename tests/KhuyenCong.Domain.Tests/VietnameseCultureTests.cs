using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Tests;

public sealed class VietnameseCultureTests
{
    [Theory]
    [InlineData("1.234.000", 1_234_000)]
    [InlineData("1234000", 1_234_000)]
    [InlineData(" 500 ", 500)]
    [InlineData("1.000.000.000", 1_000_000_000)]
    public void Whole_dong_typed_the_vietnamese_way_is_read_exactly(string text, long expected)
    {
        Assert.True(VietnameseCulture.TryParseDong(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("1234.5")]
    [InlineData("12.34")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(".123")]
    public void A_fraction_a_sign_or_text_is_not_whole_dong(string text) => Assert.False(VietnameseCulture.TryParseDong(text, out _));

    [Fact]
    public void Money_is_written_with_dots_between_thousands() => Assert.Equal("1.234.000", VietnameseCulture.Dong(1_234_000m));

    [Theory]
    [InlineData("30,5", 30.5)]
    [InlineData("30", 30)]
    public void Decimals_use_a_comma(string text, double expected)
    {
        Assert.True(VietnameseCulture.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_decimal_dot_is_refused_rather_than_misread() => Assert.False(VietnameseCulture.TryParseDecimal("30.5", out _));

    [Theory]
    [InlineData("01/07/2025")]
    [InlineData("1/7/2025")]
    [InlineData("2025-07-01")]
    public void Dates_are_read_day_first_or_iso(string text)
    {
        Assert.True(VietnameseCulture.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2025, 7, 1), date);
    }

    [Fact]
    public void Dates_are_written_day_first() => Assert.Equal("01/07/2025", VietnameseCulture.Date(new DateOnly(2025, 7, 1)));

    [Fact]
    public void Instants_are_shown_in_vietnam_time() =>
        Assert.Equal("01/01/2026 06:30", VietnameseCulture.DateTime(new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
}
