using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Votes;

/// <summary>What a page gives to open a vote.</summary>
public sealed record VoteDraft(VoteLevel Level, int Year, string Title, string Organiser, int? ProvinceId, string? RegionCode,
    DateOnly RegistrationFrom, DateOnly RegistrationTo, DateOnly ScoringFrom, DateOnly ScoringTo, DateOnly ResultsOn, string? ProjectCode);

/// <summary>
/// The typical-product vote (docs/domain.md §13): opening a vote, registering products, the council, scoring and the
/// decision with its numbered certificates. Every act checks <see cref="VoteRules"/>, runs in one transaction and
/// answers a Vietnamese refusal (null when done); every read goes through <see cref="Visible"/>.
/// </summary>
public sealed class VoteService(KhuyenCongDbContext db, Data.Geography geography, TimeProvider clock)
{
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    /// <summary>
    /// The votes an actor may see: national readers all; a council member the votes they sit on; province users the
    /// votes covering their province (old or new) and the national ones; organisers those covering their regions'
    /// provinces and the national ones.
    /// </summary>
    public IQueryable<Vote> Visible(ProjectActor actor)
    {
        var votes = db.Votes.AsQueryable();
        switch (actor.Role)
        {
            case Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer or Roles.Admin:
                return votes;
            case Roles.Reviewer:
                var me = actor.UserId;
                return votes.Where(v => v.Council.Any(m => m.UserId == me));
            case Roles.ProvinceOfficer or Roles.ProvinceApprover:
                var ids = actor.ProvinceIds.ToList();
                return votes.Where(v => v.Level == VoteLevel.National || v.Provinces.Any(p => ids.Contains(p.ProvinceId)));
            case Roles.ConferenceOrganiser:
                var regions = actor.Regions.ToList();
                return votes.Where(v => v.Level == VoteLevel.National
                    || v.Provinces.Any(p => db.ProvinceRegionMemberships.Any(m => m.ProvinceId == p.ProvinceId && regions.Contains(m.Region!.Code))));
            default:
                return votes.Where(_ => false);
        }
    }

    /// <summary>The content whose projects pay for votes (typical CNNT products, fairs, brands: docs/domain.md §13).</summary>
    public const string SupportContent = "ND04";

    /// <summary>
    /// The projects a vote may say it was paid by: in the actor's scope (ProjectScope.VisibleTo), with content
    /// <see cref="SupportContent"/>, not refused; so nobody links, or learns the codes of, another province's projects.
    /// </summary>
    public IQueryable<Project> SupportingProjects(ProjectActor actor) =>
        db.Projects.VisibleTo(actor, db).Where(p => p.State != ProjectState.Rejected && p.Contents.Any(c => c.ContentCode == SupportContent));

    /// <summary>One vote in the actor's scope with its provinces, council and products (scores and files included), or null.</summary>
    public Task<Vote?> FindAsync(ProjectActor actor, int id, CancellationToken ct) =>
        Visible(actor).Where(v => v.Id == id)
            .Include(v => v.Provinces).Include(v => v.Council)
            .Include(v => v.Products).ThenInclude(p => p.Scores)
            .Include(v => v.Products).ThenInclude(p => p.Files)
            .Include(v => v.Products).ThenInclude(p => p.Establishment)
            .Include(v => v.Products).ThenInclude(p => p.Province)
            .AsSplitQuery().FirstOrDefaultAsync(ct);

    /// <summary>The criteria valid on the vote's registration start, in their order.</summary>
    public Task<List<VoteCriterion>> CriteriaAsync(Vote vote, CancellationToken ct) =>
        db.VoteCriteria.Where(c => c.ValidFrom <= vote.RegistrationFrom && (c.ValidTo == null || c.ValidTo >= vote.RegistrationFrom))
            .OrderBy(c => c.SortOrder).ToListAsync(ct);

    public async Task<(int? Id, string? Refusal)> CreateAsync(ProjectActor actor, VoteDraft d, CancellationToken ct)
    {
        if (d.Title.Trim().Length is 0 or > 300 || d.Organiser.Trim().Length is 0 or > 200)
        {
            return (null, "Hãy nhập tên đợt bình chọn (tối đa 300 ký tự) và cơ quan tổ chức (tối đa 200 ký tự).");
        }

        if (d.Year is < 2014 or > 2100 || d.RegistrationFrom > d.RegistrationTo || d.RegistrationTo > d.ScoringFrom || d.ScoringFrom > d.ScoringTo || d.ScoringTo > d.ResultsOn)
        {
            return (null, "Các mốc thời gian phải theo thứ tự: đăng ký, chấm điểm, công bố kết quả; năm từ 2014.");
        }

        var directory = await geography.DirectoryAsync(ct);
        var region = d.RegionCode is null ? null : await db.Regions.FirstOrDefaultAsync(r => r.Code == d.RegionCode, ct);
        var province = d.ProvinceId is { } pid ? directory.Find(pid) : null;
        if ((d.Level == VoteLevel.Province && (province is null || !province.IsValidOn(d.RegistrationFrom))) || (d.Level == VoteLevel.Region && region is null))
        {
            return (null, d.Level == VoteLevel.Province ? "Hãy chọn tỉnh còn hiệu lực vào ngày mở đăng ký." : "Hãy chọn vùng.");
        }

        if (!VoteRules.MayRun(actor, d.Level, province?.Id, region?.Code))
        {
            return (null, "Bạn không được tổ chức đợt bình chọn ở cấp và địa bàn này.");
        }

        int? projectId = null;
        if (!string.IsNullOrWhiteSpace(d.ProjectCode))
        {
            var code = d.ProjectCode.Trim();
            projectId = await SupportingProjects(actor).Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (projectId is null)
            {
                return (null, $"Không có đề án mã «{code}» có nội dung {SupportContent} trong phạm vi của bạn.");
            }
        }

        var mark = await db.VotePassMarks.Where(m => m.Level == d.Level && m.ValidFrom <= d.RegistrationFrom).OrderByDescending(m => m.ValidFrom).FirstOrDefaultAsync(ct);
        if (mark is null)
        {
            return (null, "Danh mục chưa có điểm đạt của cấp bình chọn này.");
        }

        var vote = new Vote
        {
            Level = d.Level, Year = d.Year, Title = d.Title.Trim(), Organiser = d.Organiser.Trim(), ProvinceId = province?.Id, RegionId = region?.Id,
            RegistrationFrom = d.RegistrationFrom, RegistrationTo = d.RegistrationTo, ScoringFrom = d.ScoringFrom, ScoringTo = d.ScoringTo, ResultsOn = d.ResultsOn,
            ProjectId = projectId, PassMark = mark.MinPoints, CertificateYears = mark.CertificateYears,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName,
        };
        IEnumerable<int> covered = d.Level switch
        {
            VoteLevel.Province => [province!.Id],
            VoteLevel.Region => VoteRules.ProvincesOfRegion(directory, region!.Code, d.RegistrationFrom),
            _ => directory.ValidOn(d.RegistrationFrom).Select(p => p.Id),
        };
        vote.Provinces.AddRange(covered.Select(id => new VoteProvince { ProvinceId = id }));
        db.Votes.Add(vote);
        await db.SaveChangesAsync(ct);
        return (vote.Id, null);
    }

    /// <summary>A province officer registers an establishment's product in a province vote (during registration).</summary>
    public async Task<string?> RegisterAsync(ProjectActor actor, Vote vote, string? establishment, string? name, ProductGroup? group, string? description, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 300 || group is null || !Enum.IsDefined(group.Value) || (description?.Length ?? 0) > 4000)
        {
            return "Hãy nhập tên sản phẩm (tối đa 300 ký tự), chọn nhóm sản phẩm; mô tả tối đa 4.000 ký tự.";
        }

        var key = (establishment ?? string.Empty).Trim();
        // Looked up within the user's scope (ProjectScope.VisibleTo), so another province's registry is not probed by code.
        var found = await db.Establishments.VisibleTo(actor, db).Where(e => e.TaxCode == key || e.PortalCode == key).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return $"Không có cơ sở có mã số thuế hoặc mã cơ sở «{key}» trong danh bạ cơ sở.";
        }

        if (VoteRules.RefuseRegistration(actor, vote, [.. vote.Provinces.Select(p => p.ProvinceId)], found.ProvinceId, Today()) is { } refusal)
        {
            return refusal;
        }

        vote.Products.Add(new VoteProduct
        {
            EstablishmentId = found.Id, ProvinceId = found.ProvinceId, Name = name.Trim(), Group = group.Value,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), RegisteredAtUtc = clock.GetUtcNow().UtcDateTime, RegisteredBy = actor.UserName,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Puts a product certified at the level below forward to an open vote of the next level covering its province:
    /// the province's officers to the region, the region's organisers to the national vote. Its photos and documents go
    /// with it.
    /// </summary>
    public async Task<string?> NominateAsync(ProjectActor actor, VoteProduct product, Vote from, int toVoteId, CancellationToken ct)
    {
        var to = await Visible(actor).Include(v => v.Provinces).Include(v => v.Products).FirstOrDefaultAsync(v => v.Id == toVoteId, ct);
        if (product.CertificateNumber is null || to is null || to.Level != VoteRules.Next(from.Level) || to.Provinces.All(p => p.ProvinceId != product.ProvinceId))
        {
            return "Chỉ đề cử sản phẩm đã được cấp giấy chứng nhận lên đợt bình chọn cấp trên có tỉnh của sản phẩm.";
        }

        var region = from.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        if (!VoteRules.MayRun(actor, from.Level, from.ProvinceId, region))
        {
            return "Chỉ đơn vị tổ chức đợt bình chọn cấp dưới mới đề cử được sản phẩm của đợt đó.";
        }

        if (VoteRules.RefuseWindow(to, Today()) is { } window)
        {
            return window;
        }

        if (to.Products.Any(p => p.NominatedFromId == product.Id))
        {
            return "Sản phẩm này đã được đề cử lên đợt bình chọn đó.";
        }

        to.Products.Add(new VoteProduct
        {
            EstablishmentId = product.EstablishmentId, ProvinceId = product.ProvinceId, Name = product.Name, Group = product.Group, Description = product.Description,
            NominatedFromId = product.Id, RegisteredAtUtc = clock.GetUtcNow().UtcDateTime, RegisteredBy = actor.UserName,
            Files = VoteFiles.CopiesOf(product),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The vote's organiser seats a Reviewer on its council, with the province they come from (optional).</summary>
    public async Task<string?> AddMemberAsync(ProjectActor actor, Vote vote, string? email, string? provinceCode, CancellationToken ct)
    {
        if (await RefuseRunAsync(actor, vote, ct) is { } refusal)
        {
            return refusal;
        }

        var normalized = (email ?? string.Empty).Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        var reviewerRole = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).FirstAsync(ct);
        if (user is null || !await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == reviewerRole, ct))
        {
            return "Không có tài khoản vai trò «Thành viên hội đồng bình chọn» với thư điện tử này.";
        }

        if (vote.Council.Any(m => m.UserId == user.Id))
        {
            return "Người này đã là thành viên hội đồng.";
        }

        int? provinceId = null;
        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            provinceId = (await geography.DirectoryAsync(ct)).Resolve(provinceCode, vote.RegistrationFrom)?.Id;
            if (provinceId is null)
            {
                return $"Mã tỉnh «{provinceCode.Trim()}» không hợp lệ vào ngày mở đăng ký.";
            }
        }

        vote.Council.Add(new VoteCouncilMember { UserId = user.Id, Name = string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? user.Id : user.FullName, ProvinceId = provinceId });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The province a council member comes from, old and new (itself, its predecessors, and its successor today).</summary>
    public async Task<IReadOnlySet<int>> MemberProvincesAsync(VoteCouncilMember? member, CancellationToken ct)
    {
        if (member?.ProvinceId is not { } id)
        {
            return new HashSet<int>();
        }

        var directory = await geography.DirectoryAsync(ct);
        var set = new HashSet<int>(directory.SelfAndPredecessorIds(id));
        if (directory.SuccessorOn(id, Today()) is { } successor)
        {
            set.UnionWith(directory.SelfAndPredecessorIds(successor.Id));
        }

        return set;
    }

    /// <summary>A member's points on a product as the scoring form saw them ("" before they scored it): its stale-edit check.</summary>
    public static string PointsSeen(VoteProduct product, string reviewerId) =>
        string.Join(',', product.Scores.Where(s => s.ReviewerId == reviewerId).OrderBy(s => s.CriterionId)
            .Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.CriterionId}:{s.Points}")));

    public const string StaleScores = "Điểm của bạn cho sản phẩm này đã được ghi ở một trang khác sau khi bạn mở trang này. Điểm mới chưa được lưu; hãy tải lại trang để xem điểm đã ghi rồi sửa lại.";

    /// <summary>
    /// A council member records (or corrects) their points for one product, all criteria at once, if their points are
    /// still those the form showed (<paramref name="seen"/>, <see cref="PointsSeen"/>): a second tab or a double post
    /// does not silently replace the first.
    /// </summary>
    public async Task<string?> ScoreAsync(ProjectActor actor, Vote vote, VoteProduct product, IReadOnlyDictionary<int, int?> points, string? seen, CancellationToken ct)
    {
        var member = actor.Is(Roles.Reviewer) ? vote.Council.FirstOrDefault(m => m.UserId == actor.UserId) : null;
        if (VoteRules.RefuseScoring(vote, member, await MemberProvincesAsync(member, ct), product.ProvinceId, Today()) is { } refusal)
        {
            return refusal;
        }

        var criteria = await CriteriaAsync(vote, ct);
        if (VoteRules.RefusePoints(criteria, points) is { } bad)
        {
            return bad;
        }

        if ((seen ?? string.Empty) != PointsSeen(product, actor.UserId))
        {
            return StaleScores;
        }

        db.VoteScores.RemoveRange(product.Scores.Where(s => s.ReviewerId == actor.UserId));
        product.Scores.AddRange(criteria.Select(c => new VoteScore { ReviewerId = actor.UserId, CriterionId = c.Id, Points = points[c.Id]!.Value }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two posts at once: the other one removed these rows first (concurrency) or added the same ones (unique index).
            return StaleScores;
        }

        return null;
    }

    /// <summary>
    /// The organiser records the decision (number, date): every product that passes gets its certificate, numbered in
    /// rank order, valid for the level's years; the vote is closed.
    /// </summary>
    public async Task<string?> DecideAsync(ProjectActor actor, Vote vote, Guid version, string? number, DateOnly? date, CancellationToken ct)
    {
        if (await RefuseRunAsync(actor, vote, ct) is { } refusal)
        {
            return refusal;
        }

        if (vote.Decided)
        {
            return "Đợt bình chọn đã có quyết định công nhận kết quả.";
        }

        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > 60 || date is null || date < vote.ScoringFrom || date.Value.Year > 2100)
        {
            return "Hãy nhập số quyết định (tối đa 60 ký tự) và ngày quyết định, không trước ngày bắt đầu chấm điểm.";
        }

        var passed = VoteRules.Standings(vote.Products, vote.PassMark).Where(s => s.Passed).ToList();
        var byId = vote.Products.ToDictionary(p => p.Id);
        var sequence = 0;
        foreach (var standing in passed)
        {
            var product = byId[standing.ProductId];
            product.CertificateNumber = VoteRules.CertificateNumber(vote, ++sequence);
            product.CertificateValidUntil = VoteRules.ValidUntil(date.Value, vote.CertificateYears);
        }

        vote.DecisionNumber = number.Trim();
        vote.DecisionDate = date;
        db.Entry(vote).Property(nameof(Vote.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Pages.StaleEdit.Message;
        }

        return null;
    }

    /// <summary>Why the actor may not run this vote (council, decision), or null.</summary>
    public async Task<string?> RefuseRunAsync(ProjectActor actor, Vote vote, CancellationToken ct)
    {
        var region = vote.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return VoteRules.MayRun(actor, vote.Level, vote.ProvinceId, region) ? null : "Chỉ đơn vị tổ chức đợt bình chọn mới làm được việc này.";
    }
}
