namespace KhuyenCong.Domain.Votes;

/// <summary>Cấp bình chọn (docs/domain.md §13): the province's, the region's, then the ministry's national vote.</summary>
public enum VoteLevel
{
    Province = 1,
    Region = 2,
    National = 3,
}

/// <summary>The four product groups of the circular (docs/domain.md §13); a product is scored within its group.</summary>
public enum ProductGroup
{
    Handicraft = 1,
    FoodProcessing = 2,
    Machinery = 3,
    Other = 4,
}

public static class VoteLabels
{
    public static string Level(VoteLevel level) => level switch
    {
        VoteLevel.Province => "Cấp tỉnh",
        VoteLevel.Region => "Cấp khu vực",
        VoteLevel.National => "Cấp quốc gia",
        _ => level.ToString(),
    };

    public static string Group(ProductGroup group) => group switch
    {
        ProductGroup.Handicraft => "Thủ công mỹ nghệ",
        ProductGroup.FoodProcessing => "Chế biến nông, lâm, thủy sản và thực phẩm",
        ProductGroup.Machinery => "Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí",
        ProductGroup.Other => "Sản phẩm khác",
        _ => group.ToString(),
    };
}
