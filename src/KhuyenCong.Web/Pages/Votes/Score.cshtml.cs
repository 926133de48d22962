using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Votes;

/// <summary>
/// Chấm điểm: a council member's points for one product, one field per criterion. Only a member of the vote's council
/// gets the form; everyone else in scope is refused with the reason, and a product outside scope is a 404.
/// </summary>
public sealed class ScoreModel(VoteService votes, ProjectService projects, KhuyenCongDbContext db) : PageModel
{
    public Vote Vote { get; private set; } = null!;

    public VoteProduct Product { get; private set; } = null!;

    public IReadOnlyList<VoteCriterion> Criteria { get; private set; } = [];

    /// <summary>Why this user may not score this product now, or null.</summary>
    public string? Refusal { get; private set; }

    [BindProperty] public Dictionary<int, int?> Points { get; set; } = [];

    /// <summary>The member's points as the form showed them (VoteService.PointsSeen): the stale-edit check.</summary>
    [BindProperty] public string? Seen { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        Points = Criteria.ToDictionary(c => c.Id, c => Product.Scores.FirstOrDefault(s => s.ReviewerId == me && s.CriterionId == c.Id)?.Points);
        Seen = VoteService.PointsSeen(Product, me ?? string.Empty);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var actor = await projects.ActorAsync(User, ct);
        var refusal = ModelState.IsValid ? await votes.ScoreAsync(actor, Vote, Product, Points, Seen, ct) : "Điểm phải là số nguyên.";
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            if (refusal == VoteService.StaleScores)
            {
                Seen = VoteService.PointsSeen(Product, actor.UserId); // the form now stands on the points just read
            }

            return Page();
        }

        TempData["Message"] = $"Đã ghi điểm sản phẩm «{Product.Name}».";
        return RedirectToPage("Details", new { id = Vote.Id });
    }

    private async Task<bool> LoadAsync(int productId, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var voteId = await db.VoteProducts.Where(p => p.Id == productId).Select(p => (int?)p.VoteId).FirstOrDefaultAsync(ct);
        if (voteId is null || await votes.FindAsync(actor, voteId.Value, ct) is not { } vote)
        {
            return false;
        }

        Vote = vote;
        Product = vote.Products.Single(p => p.Id == productId);
        Criteria = await votes.CriteriaAsync(vote, ct);
        var member = actor.Is(Roles.Reviewer) ? vote.Council.FirstOrDefault(m => m.UserId == actor.UserId) : null;
        Refusal = VoteRules.RefuseScoring(vote, member, await votes.MemberProvincesAsync(member, ct), Product.ProvinceId, votes.Today());
        return true;
    }
}
