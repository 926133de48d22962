using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Votes;

/// <summary>
/// One vote: its dates and provinces, the council, the products ranked with the council's averages, and the acts the
/// user may do now (register a product, seat a member, score, decide, put a winner forward, download a certificate).
/// Outside the user's scope the vote is a 404.
/// </summary>
public sealed class DetailsModel(VoteService votes, ProjectService projects, KhuyenCongDbContext db) : PageModel
{
    public Vote Vote { get; private set; } = null!;

    public ProjectActor Actor { get; private set; } = null!;

    public IReadOnlyList<VoteStanding> Standings { get; private set; } = [];

    public IReadOnlyList<VoteCriterion> Criteria { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> NextVotes { get; private set; } = [];

    public IReadOnlyList<string> ProvinceNames { get; private set; } = [];

    public string? ProjectCode { get; private set; }

    public bool CanRun { get; private set; }

    public bool CanRegister { get; private set; }

    public VoteCouncilMember? Me { get; private set; }

    [BindProperty] public string? Establishment { get; set; }

    [BindProperty] public string? ProductName { get; set; }

    [BindProperty] public ProductGroup? Group { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? MemberEmail { get; set; }

    [BindProperty] public string? MemberProvince { get; set; }

    [BindProperty] public string? DecisionNumber { get; set; }

    [BindProperty] public string? DecisionDate { get; set; }

    [BindProperty] public Guid Version { get; set; }

    [BindProperty] public int ProductId { get; set; }

    [BindProperty] public int ToVoteId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã đăng ký sản phẩm.", vote => votes.RegisterAsync(Actor, vote, Establishment, ProductName, Group, Description, ct), ct);

    public Task<IActionResult> OnPostMemberAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã thêm thành viên hội đồng.", vote => votes.AddMemberAsync(Actor, vote, MemberEmail, MemberProvince, ct), ct);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã ghi quyết định công nhận và cấp giấy chứng nhận cho các sản phẩm đạt.", vote =>
            votes.DecideAsync(Actor, vote, Version, DecisionNumber, Domain.Common.VietnameseCulture.TryParseDate(DecisionDate, out var d) ? d : null, ct), ct);

    public Task<IActionResult> OnPostNominateAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã đề cử sản phẩm lên đợt bình chọn cấp trên.", vote =>
            vote.Products.FirstOrDefault(p => p.Id == ProductId) is { } product ? votes.NominateAsync(Actor, product, vote, ToVoteId, ct) : Task.FromResult<string?>("Không có sản phẩm này trong đợt."), ct);

    /// <summary>The certificate of one certified product as a Word document (Nghị định 30/2020 format); 404 outside scope or before the decision.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(int id, int product, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Vote.Products.FirstOrDefault(p => p.Id == product) is not { CertificateNumber: not null } certified)
        {
            return NotFound();
        }

        var parent = Vote.Level switch
        {
            VoteLevel.Province => "UBND tỉnh",
            _ => "BỘ CÔNG THƯƠNG",
        };
        var stream = new MemoryStream();
        CertificateDocument.Write(stream, Vote, certified, parent);
        stream.Position = 0;
        return File(stream, Web.Reports.Documents.ConferenceDocument.ContentType, CertificateDocument.FileName(certified));
    }

    private async Task<IActionResult> ActAsync(int id, string done, Func<Vote, Task<string?>> act, CancellationToken ct)
    {
        Actor = await projects.ActorAsync(User, ct);
        if (await votes.FindAsync(Actor, id, ct) is not { } vote)
        {
            return NotFound();
        }

        var refusal = await act(vote);
        if (refusal is null)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(string.Empty, refusal);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Actor = await projects.ActorAsync(User, ct);
        if (await votes.FindAsync(Actor, id, ct) is not { } vote)
        {
            return false;
        }

        Vote = vote;
        Version = vote.Version;
        Standings = VoteRules.Standings(vote.Products, vote.PassMark);
        Criteria = await votes.CriteriaAsync(vote, ct);
        CanRun = await votes.RefuseRunAsync(Actor, vote, ct) is null;
        CanRegister = Actor.Is(Roles.ProvinceOfficer) && vote.Level == VoteLevel.Province && VoteRules.RefuseWindow(vote, votes.Today()) is null;
        Me = Actor.Is(Roles.Reviewer) ? vote.Council.FirstOrDefault(m => m.UserId == Actor.UserId) : null;
        var ids = vote.Provinces.Select(p => p.ProvinceId).ToList();
        ProvinceNames = await db.Provinces.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Code).Select(p => p.Name).ToListAsync(ct);
        ProjectCode = vote.ProjectId is { } pid ? await projects.Visible(Actor).Where(p => p.Id == pid).Select(p => p.Code).FirstOrDefaultAsync(ct) : null;
        if (vote.Decided && CanRun && VoteRules.Next(vote.Level) is { } next)
        {
            NextVotes = [.. (await votes.Visible(Actor).Where(v => v.Level == next && v.DecisionNumber == null).OrderByDescending(v => v.Year).Select(v => new { v.Id, v.Title }).Take(20).ToListAsync(ct))
                .Select(v => (v.Id, v.Title))];
        }

        return true;
    }
}
