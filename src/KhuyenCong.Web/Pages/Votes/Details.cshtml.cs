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
/// user may do now (register a product, attach or remove its photos and documents, seat a member, score, decide, put a
/// winner forward, download a certificate). Outside the user's scope the vote, and any of its products' files, is a 404.
/// </summary>
public sealed class DetailsModel(VoteService votes, VoteFiles productFiles, ProjectService projects, KhuyenCongDbContext db) : PageModel
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

    /// <summary>The products whose photos and documents the user may change now.</summary>
    public IReadOnlySet<int> FileEditable { get; private set; } = new HashSet<int>();

    public string UploadLimit => productFiles.Limit;

    public int MaxFilesPerProduct => productFiles.MaxPerProduct;

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

    /// <summary>Attaches a photo or document to one product of the vote; a product not of this vote is a 404.</summary>
    public Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct) =>
        FileActAsync(id, vote => vote.Products.FirstOrDefault(p => p.Id == ProductId) is { } product
            ? (product, () => productFiles.UploadAsync(Actor, vote, product, file, ct), $"Đã đính kèm tệp «{StoredFiles.SafeName(file?.FileName)}» vào sản phẩm «{product.Name}».")
            : null, ct);

    /// <summary>Removes one file of a product of the vote; a file not of this vote is a 404.</summary>
    public Task<IActionResult> OnPostDeleteFileAsync(int id, int fileId, CancellationToken ct) =>
        FileActAsync(id, vote => vote.Products.Select(p => (Product: p, File: p.Files.FirstOrDefault(f => f.Id == fileId))).FirstOrDefault(x => x.File is not null) is ({ } product, { } file)
            ? (product, () => productFiles.DeleteAsync(Actor, vote, product, file, ct), $"Đã xóa tệp «{file.FileName}» của sản phẩm «{product.Name}».")
            : null, ct);

    /// <summary>
    /// One photo or document of a product, for anyone who sees the vote (the council too): a photo is shown in the page
    /// (inline), a document downloads under its name. Outside scope, or not of this vote, a 404.
    /// </summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        if (await productFiles.OpenAsync(actor, id, fileId, ct) is not { } found)
        {
            return NotFound();
        }

        if (!found.File.IsPhoto)
        {
            return File(found.Content, found.File.ContentType, found.File.FileName);
        }

        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = found.File.FileName }.ToString();
        return File(found.Content, found.File.ContentType);
    }

    /// <summary>The certificate of one certified product as a Word document (Nghị định 30/2020 format); 404 outside scope or before the decision.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(int id, int product, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Vote.Products.FirstOrDefault(p => p.Id == product) is not { CertificateNumber: not null } certified)
        {
            return NotFound();
        }

        var province = Vote.ProvinceId is { } provinceId ? await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var stream = new MemoryStream();
        CertificateDocument.Write(stream, Vote, certified, province);
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

    /// <summary>
    /// A file act on one product: <paramref name="find"/> picks the product, the act and its message, or null (404).
    /// Done, it goes back to the product's files; refused, the page answers with the reason.
    /// </summary>
    private async Task<IActionResult> FileActAsync(int id, Func<Vote, (VoteProduct Product, Func<Task<string?>> Act, string Done)?> find, CancellationToken ct)
    {
        Actor = await projects.ActorAsync(User, ct);
        if (await votes.FindAsync(Actor, id, ct) is not { } vote || find(vote) is not { } target)
        {
            return NotFound();
        }

        var refusal = await target.Act();
        if (refusal is null)
        {
            TempData["Message"] = target.Done;
            return RedirectToPage(null, null, new { id }, $"tep-{target.Product.Id}");
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
        FileEditable = vote.Products.Where(p => VoteRules.RefuseFiles(Actor, vote, p.ProvinceId) is null).Select(p => p.Id).ToHashSet();
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

/// <summary>One product's photos and documents as the vote and scoring pages show them, with the forms when <paramref name="Editable"/>.</summary>
public sealed record ProductFilesView(int VoteId, VoteProduct Product, bool Editable, int Max, string Limit);
