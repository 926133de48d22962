namespace KhuyenCong.Domain.Projects;

/// <summary>The documents a dossier is expected to hold, by the project's contents (TT 36/2013/TT-BCT, to confirm).</summary>
public static class DocumentChecklist
{
    public static readonly IReadOnlyList<string> Common =
        ["Đề án (thuyết minh)", "Dự toán kinh phí", "Văn bản đề nghị hỗ trợ", "Giấy đăng ký kinh doanh của cơ sở thụ hưởng"];

    private static readonly Dictionary<string, string[]> s_byContent = new()
    {
        ["ND01"] = ["Chương trình, giáo trình đào tạo", "Danh sách học viên"],
        ["ND03"] = ["Báo giá, hồ sơ máy móc thiết bị", "Cam kết vốn đối ứng"],
        ["ND04"] = ["Hồ sơ sản phẩm, thương hiệu"],
        ["ND07"] = ["Hồ sơ cụm công nghiệp hoặc phương án xử lý ô nhiễm"],
    };

    public static IReadOnlyList<string> For(IEnumerable<string> contentCodes) =>
        [.. Common, .. contentCodes.Distinct().Order(StringComparer.Ordinal).SelectMany(c => s_byContent.GetValueOrDefault(c, []))];
}
