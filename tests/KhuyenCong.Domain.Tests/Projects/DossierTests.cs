using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class DossierTests
{
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
