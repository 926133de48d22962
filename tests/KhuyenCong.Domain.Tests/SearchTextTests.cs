using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Bắc Ninh", "bac ninh")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("TP Hồ Chí Minh", "tp ho chi minh")]
    [InlineData("Đắk Lắk", "dak lak")]
    [InlineData("  Bà Rịa – Vũng Tàu  ", "ba ria vung tau")]
    [InlineData("ĐỒNG THÁP", "dong thap")]
    [InlineData("Thừa Thiên Huế", "thua thien hue")]
    public void Keys_drop_diacritics_case_and_extra_spaces(string text, string key) => Assert.Equal(key, SearchText.Key(text));

    [Fact]
    public void A_query_typed_without_marks_is_contained_in_the_key_of_the_marked_name() =>
        Assert.Contains(SearchText.Key("bac ninh"), SearchText.Key("24 Bắc Ninh"));

    [Fact]
    public void Nothing_gives_an_empty_key() => Assert.Equal(string.Empty, SearchText.Key(null));
}
