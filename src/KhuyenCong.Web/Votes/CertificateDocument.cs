using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Reports.Documents;

namespace KhuyenCong.Web.Votes;

/// <summary>
/// Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu as a Word document in the Nghị định 30/2020 frame of the
/// other documents (<see cref="OfficialDocument"/>): the organiser as the issuing body, the certificate's number, the
/// product, its establishment, the decision and the validity (docs/domain.md §13).
/// </summary>
public static class CertificateDocument
{
    public static string FileName(VoteProduct product) => OfficialDocument.AsciiName($"giay chung nhan {product.CertificateNumber} {product.Name}") + ".docx";

    /// <summary>
    /// Who stands above the organiser, and where: a province vote's certificate is the provincial People's Committee's
    /// act, in the province; a region's or the nation's, the Ministry's, in Hà Nội (docs/domain.md §13).
    /// </summary>
    public static (string ParentBody, string Place) Frame(Vote vote, string? provinceName) =>
        vote.Level == VoteLevel.Province && provinceName is not null ? OfficialDocument.ProvinceFrame(provinceName) : ("Bộ Công Thương", "Hà Nội");

    public static void Write(Stream output, Vote vote, VoteProduct product, string? provinceName)
    {
        var date = vote.DecisionDate ?? vote.ResultsOn;
        var (parentBody, place) = Frame(vote, provinceName);
        var details = new DocumentDetails(parentBody, vote.Organiser, product.CertificateNumber!, place, date, string.Empty, "Chủ tịch Hội đồng bình chọn", string.Empty, ["Cơ sở được chứng nhận", "Lưu: VT"]);
        OfficialDocument.Write(output, details, "Giấy chứng nhận", $"Sản phẩm công nghiệp nông thôn tiêu biểu {VoteLabels.Level(vote.Level).ToLower(VietnameseCulture.Instance)} năm {vote.Year}", d =>
        {
            d.Paragraph($"Căn cứ Quyết định số {vote.DecisionNumber} ngày {VietnameseCulture.Date(date)} công nhận kết quả {vote.Title};");
            d.Heading("CHỨNG NHẬN");
            d.Paragraph($"Sản phẩm: {product.Name} (nhóm {VoteLabels.Group(product.Group).ToLower(VietnameseCulture.Instance)})");
            d.Paragraph($"Của cơ sở: {product.Establishment!.Name}, mã {product.Establishment.Identifier}, {product.Province!.Name}");
            d.Paragraph($"Là sản phẩm công nghiệp nông thôn tiêu biểu {VoteLabels.Level(vote.Level).ToLower(VietnameseCulture.Instance)} năm {vote.Year}.");
            d.Paragraph($"Giấy chứng nhận số {product.CertificateNumber} có giá trị đến hết ngày {VietnameseCulture.Date(product.CertificateValidUntil!.Value)}.", italic: true);
        });
    }
}
