using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Domain.Tests;

public sealed class ProvinceDirectoryTests
{
    private static readonly ProvinceDirectory s_directory = CatalogDirectory.Build();
    private static readonly DateOnly s_before = new(2025, 6, 30);
    private static readonly DateOnly s_after = new(2025, 7, 1);

    /// <summary>docs/domain.md §3: each new province, and the old provinces (by old code) it was formed from.</summary>
    public static TheoryData<string, string, string[]> Mergers => new()
    {
        { "01", "TP Hà Nội", ["01"] }, { "04", "Cao Bằng", ["04"] }, { "08", "Tuyên Quang", ["08", "02"] },
        { "11", "Điện Biên", ["11"] }, { "12", "Lai Châu", ["12"] }, { "14", "Sơn La", ["14"] },
        { "15", "Lào Cai", ["10", "15"] }, { "19", "Thái Nguyên", ["19", "06"] }, { "20", "Lạng Sơn", ["20"] },
        { "22", "Quảng Ninh", ["22"] }, { "24", "Bắc Ninh", ["27", "24"] }, { "25", "Phú Thọ", ["25", "26", "17"] },
        { "31", "TP Hải Phòng", ["31", "30"] }, { "33", "Hưng Yên", ["33", "34"] }, { "37", "Ninh Bình", ["37", "35", "36"] },
        { "38", "Thanh Hóa", ["38"] }, { "40", "Nghệ An", ["40"] }, { "42", "Hà Tĩnh", ["42"] },
        { "44", "Quảng Trị", ["45", "44"] }, { "46", "TP Huế", ["46"] }, { "48", "TP Đà Nẵng", ["48", "49"] },
        { "51", "Quảng Ngãi", ["51", "62"] }, { "52", "Gia Lai", ["64", "52"] }, { "56", "Khánh Hòa", ["56", "58"] },
        { "66", "Đắk Lắk", ["66", "54"] }, { "68", "Lâm Đồng", ["68", "67", "60"] }, { "75", "Đồng Nai", ["75", "70"] },
        { "79", "TP Hồ Chí Minh", ["79", "74", "77"] }, { "80", "Tây Ninh", ["72", "80"] }, { "82", "Đồng Tháp", ["87", "82"] },
        { "86", "Vĩnh Long", ["86", "83", "84"] }, { "91", "An Giang", ["89", "91"] }, { "92", "TP Cần Thơ", ["92", "94", "93"] },
        { "96", "Cà Mau", ["96", "95"] },
    };

    [Theory]
    [MemberData(nameof(Mergers))]
    public void Every_old_province_of_a_merger_maps_to_its_new_province(string newCode, string newName, string[] oldCodes)
    {
        var successor = s_directory.Resolve(newCode, s_after);
        Assert.NotNull(successor);
        Assert.Equal(newName, successor.Name);
        foreach (var oldCode in oldCodes)
        {
            var old = s_directory.Resolve(oldCode, s_before);
            Assert.NotNull(old);
            Assert.Equal(successor, s_directory.SuccessorOn(old.Id, new DateOnly(2026, 1, 1)));
        }

        var predecessorCodes = s_directory.SelfAndPredecessorIds(successor.Id)
            .Where(id => id != successor.Id)
            .Select(id => s_directory.Find(id)!.Code)
            .Order(StringComparer.Ordinal);
        Assert.Equal(oldCodes.Order(StringComparer.Ordinal), predecessorCodes);
    }

    [Fact]
    public void There_are_63_provinces_before_the_merger_and_34_after()
    {
        Assert.Equal(63, s_directory.ValidOn(s_before).Count);
        Assert.Equal(34, s_directory.ValidOn(s_after).Count);
        Assert.Equal(63, s_directory.ValidOn(new DateOnly(2020, 1, 1)).Count);
    }

    [Fact]
    public void Every_old_province_has_exactly_one_successor()
    {
        foreach (var old in s_directory.ValidOn(s_before))
        {
            var successor = s_directory.SuccessorOn(old.Id, s_after);
            Assert.NotNull(successor);
            Assert.Null(successor.ValidTo);
        }
    }

    [Fact]
    public void A_reused_code_is_resolved_by_the_date()
    {
        Assert.Equal("Bắc Giang", s_directory.Resolve("24", 2020)!.Name);
        Assert.Equal("Bắc Giang", s_directory.Resolve("24", s_before)!.Name);
        Assert.Equal("Bắc Ninh", s_directory.Resolve("24", s_after)!.Name);
        Assert.Equal("Bắc Ninh", s_directory.Resolve("24", 2026)!.Name);
        Assert.Equal("Bắc Ninh", s_directory.Resolve("27", 2024)!.Name);
        Assert.Null(s_directory.Resolve("27", 2026));
    }

    [Theory]
    [InlineData("4", "Cao Bằng")]
    [InlineData(" 01 ", "TP Hà Nội")]
    public void A_code_is_read_with_or_without_its_leading_zero(string code, string name) =>
        Assert.Equal(name, s_directory.Resolve(code, 2026)!.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("99")]
    [InlineData("AB")]
    [InlineData("001")]
    public void An_unknown_code_resolves_to_nothing(string? code) => Assert.Null(s_directory.Resolve(code, 2026));

    [Fact]
    public void Old_Bac_Giang_and_old_Bac_Ninh_belong_to_the_new_Bac_Ninh()
    {
        var bacNinh = s_directory.Resolve("24", 2026)!;
        var held = s_directory.SelfAndPredecessorIds(bacNinh.Id).Select(id => s_directory.Find(id)!.Name).Order().ToList();
        Assert.Equal(["Bắc Giang", "Bắc Ninh", "Bắc Ninh"], held);
    }

    [Fact]
    public void A_province_that_still_exists_is_its_own_successor() =>
        Assert.Equal("Cao Bằng", s_directory.SuccessorOn(s_directory.Resolve("04", 2026)!.Id, new DateOnly(2030, 1, 1))!.Name);

    [Fact]
    public void An_old_province_has_no_successor_before_the_merger_takes_effect_only_itself()
    {
        var bacGiang = s_directory.Resolve("24", 2024)!;
        Assert.Equal(bacGiang, s_directory.SuccessorOn(bacGiang.Id, s_before));
    }

    [Fact]
    public void Regions_follow_the_date_Binh_Thuan_was_South_and_its_successor_Lam_Dong_is_Central()
    {
        var binhThuan = s_directory.Resolve("60", 2024)!;
        Assert.Equal("NAM", s_directory.RegionOn(binhThuan.Id, new DateOnly(2024, 6, 1)));
        var lamDong = s_directory.SuccessorOn(binhThuan.Id, s_after)!;
        Assert.Equal("MTTN", s_directory.RegionOn(lamDong.Id, s_after));
    }

    [Fact]
    public void Region_counts_are_28_15_20_before_the_merger()
    {
        var counts = s_directory.ValidOn(s_before).GroupBy(p => s_directory.RegionOn(p.Id, s_before)).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(28, counts["BAC"]);
        Assert.Equal(15, counts["MTTN"]);
        Assert.Equal(20, counts["NAM"]);
    }

    [Fact]
    public void A_chain_of_mergers_is_followed_to_the_end()
    {
        var d = new DateOnly(2000, 1, 1);
        var directory = new ProvinceDirectory(
        [
            new ProvinceFact(1, "10", "A", d, new DateOnly(2009, 12, 31), [], []),
            new ProvinceFact(2, "20", "B", new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31), [1], []),
            new ProvinceFact(3, "30", "C", new DateOnly(2020, 1, 1), null, [2], []),
        ]);
        Assert.Equal("C", directory.SuccessorOn(1, new DateOnly(2024, 1, 1))!.Name);
        Assert.Equal("B", directory.SuccessorOn(1, new DateOnly(2015, 1, 1))!.Name);
        Assert.Equal([3, 2, 1], directory.SelfAndPredecessorIds(3));
    }
}
