using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Votes;

/// <summary>Tạo đợt bình chọn: the level and place follow the user's role (VoteRules.MayRun); the service checks again.</summary>
public sealed class CreateModel(VoteService votes, ProjectService projects, Data.Geography geography) : PageModel
{
    [BindProperty] public VoteInput Input { get; set; } = new();

    public IReadOnlyList<VoteLevel> Levels { get; private set; } = [];

    public IReadOnlyList<string> Regions { get; private set; } = [];

    /// <summary>The projects (content ND04, in the user's scope) the vote may be paid by: a picker, not a typed code.</summary>
    public IReadOnlyList<(string Code, string Title, int Year)> Projects { get; private set; } = [];

    /// <summary>The first plan year the picker offers.</summary>
    public int Since { get; private set; }

    public sealed class VoteInput
    {
        public VoteLevel Level { get; set; }

        public int Year { get; set; }

        public string? Title { get; set; }

        public string? Organiser { get; set; }

        public string? Region { get; set; }

        public string? RegistrationFrom { get; set; }

        public string? RegistrationTo { get; set; }

        public string? ScoringFrom { get; set; }

        public string? ScoringTo { get; set; }

        public string? ResultsOn { get; set; }

        public string? ProjectCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        await LoadAsync(actor, ct);
        if (Levels.Count == 0)
        {
            return Forbid();
        }

        var year = votes.Today().Year;
        Input = new VoteInput
        {
            Level = Levels[0], Year = year, Region = Regions.Count > 0 ? Regions[0] : null,
            Title = $"Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu {VoteLabels.Level(Levels[0]).ToLower(VietnameseCulture.Instance)} năm {year}",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        await LoadAsync(actor, ct);
        if (Levels.Count == 0)
        {
            return Forbid();
        }

        DateOnly? Date(string? text) => VietnameseCulture.TryParseDate(text, out var d) ? d : null;
        var dates = new[] { Input.RegistrationFrom, Input.RegistrationTo, Input.ScoringFrom, Input.ScoringTo, Input.ResultsOn }.Select(Date).ToList();
        if (dates.Any(d => d is null) || !Levels.Contains(Input.Level))
        {
            ModelState.AddModelError(string.Empty, "Hãy nhập đủ năm mốc thời gian theo dạng ngày/tháng/năm, ví dụ 15/10/2026, và chọn cấp bình chọn của bạn.");
            return Page();
        }

        // A province officer's vote is their own province's, today's (the successor of an old province if it merged).
        int? province = null;
        if (Input.Level == VoteLevel.Province)
        {
            var directory = await geography.DirectoryAsync(ct);
            province = actor.ProvinceIds.Select(id => directory.Find(id)).FirstOrDefault(p => p is not null && p.IsValidOn(dates[0]!.Value))?.Id;
        }

        var (id, refusal) = await votes.CreateAsync(actor, new VoteDraft(Input.Level, Input.Year, Input.Title ?? string.Empty, Input.Organiser ?? string.Empty,
            province, Input.Level == VoteLevel.Region ? Input.Region : null, dates[0]!.Value, dates[1]!.Value, dates[2]!.Value, dates[3]!.Value, dates[4]!.Value, Input.ProjectCode), ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        TempData["Message"] = "Đã tạo đợt bình chọn.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>How many supporting projects the picker offers, the newest plan years first.</summary>
    public const int PickerSize = 300;

    private async Task LoadAsync(Domain.Projects.ProjectActor actor, CancellationToken ct)
    {
        var since = Since = votes.Today().Year - 2;
        Projects = [.. (await votes.SupportingProjects(actor).AsNoTracking().Where(p => p.PlanYear >= since)
                .OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code).Take(PickerSize)
                .Select(p => new { p.Code, p.Title, p.PlanYear }).ToListAsync(ct))
            .Select(p => (p.Code, p.Title, p.PlanYear))];
        Levels = actor.Role switch
        {
            Roles.ProvinceOfficer => [VoteLevel.Province],
            Roles.ConferenceOrganiser => [VoteLevel.Region],
            Roles.MinistryOfficer or Roles.MinistryApprover => [VoteLevel.National],
            _ => [],
        };
        Regions = [.. actor.Regions.Order(StringComparer.Ordinal)];
    }
}
