using KhuyenCong.Domain.Establishments;

namespace KhuyenCong.Domain.Tests.Establishments;

public sealed class TaxCodeTests
{
    // Published tax codes: Viettel, Vinamilk, FPT.
    [Theory]
    [InlineData("0100109106")]
    [InlineData("0300588569")]
    [InlineData("0101248141")]
    [InlineData(" 0300 588 569 ")]
    public void A_published_tax_code_passes_its_check_digit(string code)
    {
        var check = TaxCode.Check(code);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(TaxCodeKind.Organisation, check.Kind);
        Assert.Equal(code.Replace(" ", string.Empty, StringComparison.Ordinal), check.Normalized);
    }

    // The same codes mistyped: last digit wrong, two digits swapped, one digit changed.
    [Theory]
    [InlineData("0100109107")]
    [InlineData("0300588596")]
    [InlineData("0101248114")]
    [InlineData("0101348141")]
    public void A_mistyped_tax_code_is_refused_for_its_check_digit(string code)
    {
        var check = TaxCode.Check(code);
        Assert.False(check.IsValid);
        Assert.Contains("chữ số kiểm tra", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0100109106-001", "0100109106-001")]
    [InlineData("0100109106001", "0100109106-001")]
    public void A_dependent_unit_is_the_parent_code_and_a_unit_number(string code, string normal)
    {
        var check = TaxCode.Check(code);
        Assert.Equal((normal, TaxCodeKind.DependentUnit), (check.Normalized, check.Kind));
    }

    [Fact]
    public void A_dependent_unit_of_a_mistyped_parent_or_unit_000_is_refused()
    {
        Assert.False(TaxCode.Check("0100109107-001").IsValid);
        Assert.Contains("001 đến 999", TaxCode.Check("0100109106-000").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_personal_identification_number_of_12_digits_serves_as_tax_code()
    {
        Assert.Equal(TaxCodeKind.PersonalId, TaxCode.Check("001203012345").Kind);
        Assert.Contains("mã tỉnh", TaxCode.Check("099203012345").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("010010910")]
    [InlineData("01001091061")]
    [InlineData("01001O9106")]
    [InlineData("")]
    public void Anything_else_is_not_a_tax_code(string code) => Assert.False(TaxCode.Check(code).IsValid);

    [Theory]
    [InlineData("Hộ kinh doanh Nguyễn Văn An", "ho kinh doanh nguyen van an", true)]
    [InlineData("Hợp tác xã mây tre đan Phú Vinh", "HTX mây tre đan Phú Vinh", false)]
    [InlineData("Hợp tác xã mây tre đan Phú Vinh", "Hợp tác xã mây tre đan Phú Vinhh", true)]
    [InlineData("Cơ sở gốm Bát Tràng", "Bát Tràng", true)]
    [InlineData("Công ty TNHH Gốm Minh Long", "Công ty TNHH Dệt Thành Công", false)]
    public void Near_duplicate_names_are_caught_without_diacritics(string a, string b, bool near) =>
        Assert.Equal(near, EstablishmentRules.NearDuplicate(a, b));
}
