using System.Globalization;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// Dữ liệu mẫu: realistic, reproducible projects for every province valid in each year (old provinces before
/// the merger, new ones after), in every state of the lifecycle, with money and dates that obey the rules.
/// Written in batches so that 100,000 projects take minutes, not hours.
/// </summary>
public sealed class DemoProjects(KhuyenCongDbContext db, Geography geography, DocumentStore? documents = null)
{
    public const string Author = "Dữ liệu mẫu";

    /// <summary>Demo plans are recorded as the operator's, who may record both sources.</summary>
    private static readonly ProjectActor s_planner = new(string.Empty, Author, Roles.Admin, new HashSet<int>(), new HashSet<string>());

    private static readonly string[] s_families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] s_trades = ["mây tre đan", "gốm sứ", "dệt thổ cẩm", "chế biến chè", "chế biến nông sản", "đồ gỗ mỹ nghệ", "cơ khí nhỏ", "chế biến thủy sản", "sơn mài", "thêu ren", "bánh tráng", "nước mắm", "rượu truyền thống", "chế biến cà phê", "may mặc"];
    private static readonly string[] s_titles =
    [
        "Hỗ trợ ứng dụng máy móc tiên tiến trong sản xuất {0}",
        "Xây dựng mô hình trình diễn kỹ thuật sản xuất {0}",
        "Đào tạo nghề, truyền nghề {0} cho lao động nông thôn",
        "Hỗ trợ xây dựng, đăng ký thương hiệu sản phẩm {0}",
        "Tổ chức hội chợ, triển lãm sản phẩm công nghiệp nông thôn tiêu biểu ngành {0}",
        "Tư vấn áp dụng sản xuất sạch hơn cho cơ sở {0}",
    ];
    private static readonly string[] s_contentsByTitle = ["ND03", "ND03", "ND01", "ND04", "ND04", "ND02"];
    private static readonly string[] s_communes = ["xã Tân Lập", "xã Hòa Bình", "phường Trung Tâm", "xã Đông Hưng", "xã Phú Lộc", "xã An Thạnh", "phường Bắc Sơn", "xã Quang Trung"];
    /// <summary>This year's projects: nothing is accepted or settled before the year is out.</summary>
    private static readonly ProjectState[] s_currentYearStates =
    [
        ProjectState.Draft, ProjectState.Submitted, ProjectState.Returned, ProjectState.UnderMinistryReview, ProjectState.Approved,
        ProjectState.Rejected, ProjectState.Contracted, ProjectState.InProgress, ProjectState.Stopped,
    ];

    public async Task<int> SeedAsync(int count, int fromYear, int toYear, int seed, Action<int>? progress = null, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var directory = await geography.DirectoryAsync(ct);
        var indicators = await db.OutcomeIndicators.Select(i => i.Code).ToListAsync(ct);
        var dossier = new Dossier(await db.DossierItems.AsNoTracking().ToListAsync(ct),
            documents is null ? (DocumentStore.DemoSampleName, 64, string.Empty) : await documents.DemoSampleAsync(ct));
        var existing = await db.Projects.Select(p => p.Code).ToListAsync(ct);
        var sequences = existing.Where(c => c.Length > 4).GroupBy(c => c[..^4])
            .ToDictionary(g => g.Key, g => g.Select(c => int.TryParse(c.AsSpan(c.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Max());
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var provincesByYear = years.ToDictionary(y => y, y => directory.ValidOn(new DateOnly(y, 1, 1)));
        var enabled = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var written = 0;
            while (written < count)
            {
                var batch = Math.Min(2000, count - written);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                for (var i = 0; i < batch; i++)
                {
                    var year = years[(written + i) % years.Count];
                    var provinces = provincesByYear[year];
                    db.Projects.Add(Build(random, year, provinces[random.Next(provinces.Count)], indicators, sequences, dossier));
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                written += batch;
                progress?.Invoke(written);
            }

            await SeedPlansAsync(fromYear, toYear, seed, ct);
            return written;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = enabled;
        }
    }

    /// <summary>
    /// Allocations consistent with the projects: for each year, province and source with approved projects and no
    /// plan yet, a plan equal to their approved support; some of them first decided lower in January and
    /// adjusted in July, as real plans are.
    /// </summary>
    private async Task SeedPlansAsync(int fromYear, int toYear, int seed, CancellationToken ct)
    {
        var random = new Random(seed + 1);
        var approved = await db.Projects.AsNoTracking()
            .Where(p => p.PlanYear >= fromYear && p.PlanYear <= toYear && p.ApprovedSupport != null)
            .Select(p => new { p.PlanYear, p.ProvinceId, p.Source, p.ApprovedSupport })
            .ToListAsync(ct);
        var planned = (await db.AnnualPlans.Select(a => new { a.Year, a.ProvinceId, a.Source }).ToListAsync(ct)).ToHashSet();
        var number = 100;
        foreach (var group in approved.GroupBy(p => new { Year = p.PlanYear, p.ProvinceId, p.Source }).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.ProvinceId).ThenBy(g => g.Key.Source))
        {
            if (planned.Contains(group.Key))
            {
                continue;
            }

            var total = group.Sum(p => p.ApprovedSupport!.Value);
            var issuer = group.Key.Source == FundingSource.KCQG ? "QĐ-BCT" : "QĐ-UBND";
            void Plan(decimal amount, DateOnly decided)
            {
                var (plan, refusal) = Domain.Plans.AnnualPlan.Record(s_planner, group.Key.Year, group.Key.ProvinceId, group.Key.Source, amount,
                    string.Create(CultureInfo.InvariantCulture, $"{number++}/{issuer}"), decided);
                db.AnnualPlans.Add(plan ?? throw new InvalidOperationException($"Dữ liệu mẫu vi phạm quy tắc kế hoạch: {refusal}"));
            }

            if (random.Next(100) < 30)
            {
                Plan(Round(total * 0.9m), new DateOnly(group.Key.Year, 1, 10));
            }

            Plan(total, new DateOnly(group.Key.Year, random.Next(100) < 30 ? 7 : 1, 15));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A 10-digit tax code with a right check digit (docs/domain.md §12), as real ones have.</summary>
    private static string DemoTaxCode(Random r)
    {
        while (true)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{r.Next(100_000_000, 999_999_999):000000000}");
            if (Domain.Establishments.TaxCode.CheckDigitOf(prefix) is { } check)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{prefix}{check}");
            }
        }
    }

    private static Project Build(Random r, int year, ProvinceFact province, List<string> indicators, Dictionary<string, int> sequences, Dossier dossier)
    {
        var source = r.Next(100) < 35 ? FundingSource.KCQG : FundingSource.KCDP;
        var kind = r.Next(100) switch { < 80 => ProjectKind.Thuong, < 92 => ProjectKind.Nhom, _ => ProjectKind.Diem };
        var titleIndex = r.Next(s_titles.Length);
        var trade = s_trades[r.Next(s_trades.Length)];
        var prefix = ProjectCodes.Prefix(source, year, province.Code);
        var sequence = sequences[prefix] = sequences.GetValueOrDefault(prefix) + 1;
        var start = new DateOnly(year, 1 + r.Next(6), 1 + r.Next(28));
        var end = kind == ProjectKind.Diem ? start.AddMonths(14 + r.Next(10)) : start.AddMonths(4 + r.Next(7));
        var state = PickState(r, year);

        var codes = new List<string> { s_contentsByTitle[titleIndex] };
        if (kind == ProjectKind.Diem)
        {
            codes.Add(codes[0] == "ND01" ? "ND03" : "ND01");
        }

        var contents = codes.Select(code =>
        {
            var requested = Round(r.Next(150, 900) * 1_000_000m);
            return new ContentDraft(code, Round(requested * (2.5m + (decimal)r.NextDouble() * 3m)), requested);
        }).ToList();
        var beneficiaries = new List<BeneficiaryDraft>();
        if (kind != ProjectKind.Nhom || state >= ProjectState.Approved)
        {
            var count = 1 + r.Next(kind == ProjectKind.Nhom ? 4 : 2);
            for (var b = 0; b < count; b++)
            {
                var owner = $"{s_families[r.Next(s_families.Length)]} {(r.Next(2) == 0 ? "Văn" : "Thị")} {s_families[r.Next(s_families.Length)]}";
                beneficiaries.Add(new BeneficiaryDraft(
                    r.Next(3) == 0 ? $"Hộ kinh doanh {owner}" : $"{(r.Next(2) == 0 ? "Công ty TNHH" : "Hợp tác xã")} {trade} {owner.Split(' ')[^1]}",
                    DemoTaxCode(r),
                    (BeneficiaryType)(1 + r.Next(4)),
                    s_communes[r.Next(s_communes.Length)],
                    WomenOwned: r.Next(4) == 0,
                    EthnicMinorityEmployer: r.Next(6) == 0,
                    PriorityArea: r.Next(5) == 0));
            }
        }

        var outcomes = indicators.OrderBy(_ => r.Next()).Take(1 + r.Next(2)).Select(code => new OutcomeDraft(code, 1 + r.Next(60))).ToList();
        var draft = new ProjectDraft(
            year, province.Id, source, kind,
            string.Format(CultureInfo.InvariantCulture, s_titles[titleIndex], trade),
            source == FundingSource.KCQG ? $"Trung tâm Khuyến công {province.Name}" : $"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp {province.Name}",
            start, end, Round(contents.Sum(c => c.TotalCost - c.RequestedAmount)), contents, beneficiaries, outcomes);
        var journey = new Journey(r, province.Id, new DateTime(year - 1, 10, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(r.Next(60)));
        var (project, _) = Project.Register(string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:0000}"), draft, journey.As(journey.Officer));
        Advance(r, project!, state, journey, dossier);
        return project!;
    }

    /// <summary>
    /// The people of a demo project and the time its acts happen: every step is the real act of the domain, done
    /// by the role whose turn it is, so demo data obeys every rule the pages obey.
    /// </summary>
    private sealed class Journey(Random r, int provinceId, DateTime start)
    {
        private static readonly HashSet<string> s_noRegions = [];
        private DateTime _at = start;

        public ProjectActor Officer { get; } = Actor("seed-officer", Roles.ProvinceOfficer, provinceId);

        public ProjectActor ProvinceAppraiser { get; } = Actor("seed-province-appraiser", Roles.ProvinceApprover, provinceId);

        public ProjectActor ProvinceLeader { get; } = Actor("seed-province-leader", Roles.ProvinceApprover, provinceId);

        public ProjectActor MinistryAppraiser { get; } = Actor("seed-appraiser", Roles.MinistryOfficer, null);

        public ProjectActor MinistryLeader { get; } = Actor("seed-ministry-leader", Roles.MinistryApprover, null);

        /// <summary>The context of the next act, a few days after the last one (or on <paramref name="day"/>, if later).</summary>
        public ActContext Next(ProjectActor actor, DateOnly? day = null)
        {
            _at = _at.AddDays(1 + r.Next(20));
            if (day is { } d && d.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) > _at)
            {
                _at = d.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
            }

            return As(actor);
        }

        public ActContext As(ProjectActor actor) => new(actor, _at, ProjectLimits.Default);

        private static ProjectActor Actor(string id, string role, int? province) =>
            new(id, Author, role, province is { } p ? new HashSet<int> { p } : [], s_noRegions);
    }

    /// <summary>The dossier items and the sample file demo documents point to.</summary>
    private sealed record Dossier(IReadOnlyList<DossierItem> Items, (string StorageName, long Size, string Sha256) Sample);

    private static void Advance(Random r, Project p, ProjectState target, Journey j, Dossier dossier)
    {
        void Do(ActResult result)
        {
            if (!result.Done)
            {
                throw new InvalidOperationException($"Dữ liệu mẫu vi phạm quy tắc ({p.Code}): {result.Message}");
            }
        }

        if (target == ProjectState.Draft)
        {
            return;
        }

        // The officer files the required items of the dossier, then sends it.
        foreach (var item in DocumentChecklist.For(p.Contents.Select(c => c.ContentCode), dossier.Items).Where(i => i.Required))
        {
            Do(p.AttachDocument(item.Name, $"{item.Name}.pdf", "application/pdf", dossier.Sample.Size, dossier.Sample.StorageName, dossier.Sample.Sha256, j.Next(j.Officer)));
        }

        Do(p.Submit(dossier.Items, j.Next(j.Officer)));
        if (target == ProjectState.Returned)
        {
            Do(p.Return("Bổ sung dự toán chi tiết và cam kết vốn đối ứng.", j.Next(j.ProvinceLeader)));
            return;
        }

        if (target == ProjectState.Submitted)
        {
            return;
        }

        var kcqg = p.Source == FundingSource.KCQG;
        Do(p.AppraiseBase(p.RequestedSupport, j.Next(j.ProvinceAppraiser)));
        if (kcqg)
        {
            Do(p.Forward(j.Next(j.ProvinceLeader)));
            if (target == ProjectState.UnderMinistryReview)
            {
                return;
            }

            Do(p.AppraiseMinistry(Round(p.RequestedSupport * (0.8m + (decimal)r.NextDouble() * 0.2m)), j.Next(j.MinistryAppraiser)));
        }

        var approver = kcqg ? j.MinistryLeader : j.ProvinceLeader;
        if (target == ProjectState.Rejected)
        {
            Do(p.Reject("Đề án không phù hợp định hướng hỗ trợ của năm kế hoạch.", j.Next(approver)));
            return;
        }

        var approvalDate = new DateOnly(p.PlanYear, 1, 15).AddDays(r.Next(120));
        var approved = p.MinistryRecommendedSupport ?? Round(p.RequestedSupport * (0.85m + (decimal)r.NextDouble() * 0.15m));
        Do(p.Approve(new ApproveProject(approved, approvalDate), j.Next(approver, approvalDate)));
        if (target == ProjectState.Approved)
        {
            return;
        }

        var contractDate = approvalDate.AddDays(10 + r.Next(30));
        Do(p.RecordContract(new RecordContract(string.Create(CultureInfo.InvariantCulture, $"{r.Next(1, 300)}/{p.PlanYear}/HĐ-KC"), contractDate, approved), j.Next(j.Officer, contractDate)));
        if (target == ProjectState.Contracted)
        {
            return;
        }

        if (target == ProjectState.Stopped)
        {
            Do(p.RequestAdjustment(new RequestAdjustment(AdjustmentKind.Stop, "Cơ sở thụ hưởng không bố trí đủ vốn đối ứng.", null, null, null, null), j.Next(j.Officer)));
            Do(p.DecideAdjustment(new DecideAdjustment(p.Adjustments[0].Id, true, null, []), j.Next(approver)));
            return;
        }

        // An advance of up to 70 % before acceptance, paid within the plan year.
        var advance = Round(approved * (0.3m + (decimal)r.NextDouble() * 0.4m));
        var advanceDate = contractDate.AddDays(5 + r.Next(40));
        var counterpartFirst = Round(p.CounterpartCommitted * 0.5m);
        Do(p.Disburse(new DisburseMoney(advanceDate, advance, MoneySource.State, "Tạm ứng theo hợp đồng"), j.Next(j.Officer, advanceDate)));
        if (counterpartFirst > 0)
        {
            Do(p.Disburse(new DisburseMoney(advanceDate.AddDays(3), counterpartFirst, MoneySource.Counterpart, "Vốn đối ứng đợt 1"), j.Next(j.Officer, advanceDate.AddDays(3))));
        }

        if (target == ProjectState.InProgress)
        {
            return;
        }

        var accepted = Round(approved * (0.9m + (decimal)r.NextDouble() * 0.1m));
        var acceptanceDate = new DateOnly(p.PlanYear, 10, 1).AddDays(r.Next(80));
        var realised = Round(p.CounterpartCommitted * (0.9m + (decimal)r.NextDouble() * 0.3m));
        var actuals = p.Outcomes.ToDictionary(o => o.IndicatorCode, o => Math.Max(0, o.Target + r.Next(-3, 6)));
        Do(p.Accept(new AcceptProject(acceptanceDate, accepted, realised, string.Create(CultureInfo.InvariantCulture, $"{r.Next(1, 200)}/BB-NT"), actuals), j.Next(j.Officer, acceptanceDate)));
        var finalDate = acceptanceDate.AddDays(5 + r.Next(25));
        if (accepted - advance > 0)
        {
            Do(p.Disburse(new DisburseMoney(finalDate, accepted - advance, MoneySource.State, "Thanh toán sau nghiệm thu"), j.Next(j.Officer, finalDate)));
        }

        if (realised - counterpartFirst > 0)
        {
            Do(p.Disburse(new DisburseMoney(finalDate, realised - counterpartFirst, MoneySource.Counterpart, "Vốn đối ứng đợt 2"), j.Next(j.Officer, finalDate)));
        }

        if (target == ProjectState.Accepted)
        {
            return;
        }

        var settlementDate = new DateOnly(p.PlanYear + 1, 1, 5 + r.Next(17));
        Do(p.Settle(new SettleProject(settlementDate, accepted, null), j.Next(j.Officer, settlementDate)));
    }

    /// <summary>Older plan years are mostly finished; the current ones are spread over the early states.</summary>
    private static ProjectState PickState(Random r, int year)
    {
        var age = DateTime.UtcNow.Year - year;
        return age switch
        {
            >= 2 => r.Next(100) switch { < 70 => ProjectState.Settled, < 80 => ProjectState.Accepted, < 88 => ProjectState.Rejected, < 93 => ProjectState.Stopped, _ => ProjectState.InProgress },
            1 => r.Next(100) switch { < 30 => ProjectState.Settled, < 50 => ProjectState.Accepted, < 75 => ProjectState.InProgress, < 85 => ProjectState.Contracted, < 92 => ProjectState.Rejected, _ => ProjectState.Stopped },
            _ => s_currentYearStates[r.Next(s_currentYearStates.Length)],
        };
    }

    /// <summary>Whole thousands of đồng, as budgets are written.</summary>
    private static decimal Round(decimal amount) => Math.Round(amount / 1000m, 0, MidpointRounding.AwayFromZero) * 1000m;
}
