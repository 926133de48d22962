using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class DossierTests
{
    [Fact]
    public void A_dossier_holds_no_more_documents_nor_bytes_than_its_limits_whoever_attaches_them()
    {
        var officer = TestProjects.As(TestProjects.Actor(Roles.ProvinceOfficer, "officer"));
        var limited = officer with { Limits = officer.Limits with { MaxDocuments = 2, MaxDocumentBytes = 3 * 1048576 } };
        var p = TestProjects.Registered();

        TestProjects.Done(p.AttachDocument("Dự toán kinh phí", "a.pdf", "application/pdf", 2 * 1048576, "a.pdf", "a", limited));
        var tooBig = p.AttachDocument("Tài liệu khác", "b.pdf", "application/pdf", 1048577, "b.pdf", "b", limited);
        Assert.Equal("Vượt giới hạn dung lượng hồ sơ của đề án: tối đa 3 MB mỗi đề án, đã dùng 2 MB, tệp này 1 MB; tệp không được nhận.", tooBig.Message);
        TestProjects.Done(p.AttachDocument("Tài liệu khác", "c.pdf", "application/pdf", 1048576, "c.pdf", "c", limited));
        var third = p.AttachDocument("Tài liệu khác", "d.pdf", "application/pdf", 1, "d.pdf", "d", limited);
        Assert.Equal("Đề án đã có 2 tài liệu, bằng giới hạn 2 tài liệu mỗi đề án; tệp không được nhận.", third.Message);
        Assert.Equal(2, p.Documents.Count);
    }

    [Fact]
    public void A_project_is_not_sent_to_the_so_until_every_required_item_of_its_contents_is_attached()
    {
        var officer = TestProjects.As(TestProjects.Actor(Roles.ProvinceOfficer, "officer"));
        var p = TestProjects.Registered(draft: TestProjects.Draft(contents: [new ContentDraft("ND01", 0, 300_000_000), new ContentDraft("ND03", 0, 200_000_000)]));

        var refused = p.Submit(TestProjects.Dossier, officer);
        Assert.Equal("Hồ sơ còn thiếu: Dự toán kinh phí, Danh sách học viên. Hãy đính kèm trước khi gửi Sở.", refused.Message);
        Assert.Equal(ProjectState.Draft, p.State);

        TestProjects.Done(p.AttachDocument("Dự toán kinh phí", "du-toan.pdf", "application/pdf", 10, "a.pdf", "a", officer));
        Assert.Equal("Hồ sơ còn thiếu: Danh sách học viên. Hãy đính kèm trước khi gửi Sở.", p.Submit(TestProjects.Dossier, officer).Message);
        TestProjects.Done(p.AttachDocument("Danh sách học viên", "hoc-vien.xlsx", "application/vnd.ms-excel", 10, "b.xlsx", "b", officer));
        TestProjects.Done(p.Submit(TestProjects.Dossier, officer));
        Assert.Equal(ProjectState.Submitted, p.State);
    }

    [Fact]
    public void The_checklist_lists_common_items_first_then_those_of_the_projects_contents_only() =>
        Assert.Equal(["Dự toán kinh phí", "Đề án (thuyết minh)"], DocumentChecklist.For(["ND03"], TestProjects.Dossier).Select(i => i.Name));
}
