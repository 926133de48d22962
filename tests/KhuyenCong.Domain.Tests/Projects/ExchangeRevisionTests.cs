using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class ExchangeRevisionTests
{
    private static readonly ActContext s_officer = TestProjects.As(TestProjects.Actor(Roles.ProvinceOfficer, "officer"));

    [Fact]
    public void A_row_may_edit_a_draft_but_never_a_project_past_it()
    {
        var draft = TestProjects.Registered();
        var row = new HistoricalProject(TestProjects.Draft() with { Title = "Tên mới" }, ProjectState.Draft, null, null);
        TestProjects.Done(draft.ReviseFromExchange(row, s_officer));
        Assert.Equal("Tên mới", draft.Title);
        Assert.Equal("Cập nhật bản nháp từ Excel", draft.Events[^1].Action);

        Assert.Equal("Tỉnh không được đổi trạng thái hay kinh phí được duyệt của đề án qua Excel.",
            draft.ReviseFromExchange(row with { State = ProjectState.Approved, ApprovedSupport = 400_000_000 }, s_officer).Message);

        var approved = TestProjects.Loaded(ProjectState.Approved);
        Assert.Equal("Đề án đã phê duyệt: chỉ thay đổi được qua điều chỉnh.", approved.ReviseFromExchange(row, s_officer).Message);
        Assert.Equal("Hỗ trợ máy móc sản xuất mây tre đan", approved.Title);
    }

    [Fact]
    public void An_outcome_row_may_change_a_drafts_target_but_never_an_actual()
    {
        var draft = TestProjects.Registered();
        TestProjects.Done(draft.ReviseOutcomeFromExchange("LAO_DONG_DAO_TAO", 40, null, s_officer));
        Assert.Equal(40m, draft.Outcomes.Single().Target);
        Assert.Equal("Kết quả thực hiện chỉ ghi khi nghiệm thu đề án trên cổng.", draft.ReviseOutcomeFromExchange("LAO_DONG_DAO_TAO", 40, 35, s_officer).Message);
        Assert.Equal("Kết quả thực hiện đã cố định khi nghiệm thu; chỉ sửa được bằng sửa chữa dữ liệu có lý do.",
            TestProjects.Loaded(ProjectState.Accepted).ReviseOutcomeFromExchange("LAO_DONG_DAO_TAO", 30, 99, s_officer).Message);
    }
}
