using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Establishments;

public sealed class DoubleSupportTests
{
    private static readonly DoubleSupportWindow[] s_windows =
    [
        new() { ContentCode = null, Activity = "Mặc định", Years = 3, Allowed = 1 },
        new() { ContentCode = "ND04", Activity = "Hội chợ ở nước ngoài", Years = 1, Allowed = 2 },
    ];

    private static SupportRecord Record(int id, int year, int province, ProjectState state, int establishment, params string[] contents) =>
        new(id, $"DA-{id}", $"Đề án {id}", year, province, state, [establishment], contents);

    [Fact]
    public void An_earlier_project_with_the_same_content_within_the_window_is_found_whatever_its_province()
    {
        var now = Record(2, 2026, 24, ProjectState.Submitted, 7, "ND03");
        var earlier = Record(1, 2024, 27, ProjectState.Settled, 7, "ND03", "ND01");

        var finding = Assert.Single(DoubleSupport.Find(now, [earlier, now], s_windows));

        Assert.Equal(7, finding.EstablishmentId);
        Assert.Equal("ND03", finding.ContentCode);
        Assert.Equal(1, Assert.Single(finding.Earlier).ProjectId);
    }

    [Fact]
    public void Outside_the_window_another_content_another_establishment_or_a_refused_project_is_not_double_support()
    {
        var now = Record(9, 2026, 24, ProjectState.Submitted, 7, "ND03");
        SupportRecord[] history =
        [
            Record(1, 2023, 24, ProjectState.Settled, 7, "ND03"),   // 2023 < 2026 − 3 + 1
            Record(2, 2025, 24, ProjectState.Settled, 7, "ND01"),   // another content
            Record(3, 2025, 24, ProjectState.Settled, 8, "ND03"),   // another establishment
            Record(4, 2025, 24, ProjectState.Rejected, 7, "ND03"),  // refused
            Record(5, 2025, 24, ProjectState.Draft, 7, "ND03"),     // never sent
        ];

        Assert.Empty(DoubleSupport.Find(now, history, s_windows));
    }

    [Fact]
    public void Fairs_abroad_allow_two_in_a_year_and_flag_the_third()
    {
        var third = Record(3, 2026, 24, ProjectState.Submitted, 7, "ND04");
        var first = Record(1, 2026, 24, ProjectState.Approved, 7, "ND04");
        var second = Record(2, 2026, 1, ProjectState.Approved, 7, "ND04");
        var lastYear = Record(0, 2025, 24, ProjectState.Settled, 7, "ND04");

        Assert.Empty(DoubleSupport.Find(third, [first, lastYear], s_windows));
        var finding = Assert.Single(DoubleSupport.Find(third, [first, second, lastYear], s_windows));
        Assert.Equal([1, 2], finding.Earlier.Select(e => e.ProjectId).Order());
        Assert.Equal("ND04", finding.Window.ContentCode);
    }
}
