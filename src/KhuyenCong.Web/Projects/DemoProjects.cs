using System.Globalization;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// Dữ liệu mẫu: realistic, reproducible projects for every province valid in each year (old provinces before
/// the merger, new ones after), in every state of the lifecycle, with money and dates that obey the rules.
/// Written in batches so that 100,000 projects take minutes, not hours.
/// </summary>
public sealed class DemoProjects(KhuyenCongDbContext db, Geography geography)
{
    public const string Author = "Dữ liệu mẫu";

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
        var existing = await db.Projects.Select(p => p.Code).ToListAsync(ct);
        var sequences = existing.GroupBy(c => c[..^4]).ToDictionary(g => g.Key, g => g.Count());
        var author = await db.Users.Select(u => u.Id).FirstOrDefaultAsync(ct) ?? "seed";
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
                    db.Projects.Add(Build(random, year, provinces[random.Next(provinces.Count)], indicators, sequences, author));
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
            if (random.Next(100) < 30)
            {
                db.AnnualPlans.Add(new Domain.Plans.AnnualPlan
                {
                    Year = group.Key.Year,
                    ProvinceId = group.Key.ProvinceId,
                    Source = group.Key.Source,
                    Amount = Round(total * 0.9m),
                    DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{number++}/{issuer}"),
                    DecisionDate = new DateOnly(group.Key.Year, 1, 10),
                });
            }

            db.AnnualPlans.Add(new Domain.Plans.AnnualPlan
            {
                Year = group.Key.Year,
                ProvinceId = group.Key.ProvinceId,
                Source = group.Key.Source,
                Amount = total,
                DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{number++}/{issuer}"),
                DecisionDate = new DateOnly(group.Key.Year, random.Next(100) < 30 ? 7 : 1, 15),
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static Project Build(Random r, int year, ProvinceFact province, List<string> indicators, Dictionary<string, int> sequences, string author)
    {
        var source = r.Next(100) < 35 ? FundingSource.KCQG : FundingSource.KCDP;
        var kind = r.Next(100) switch { < 80 => ProjectKind.Thuong, < 92 => ProjectKind.Nhom, _ => ProjectKind.Diem };
        var titleIndex = r.Next(s_titles.Length);
        var trade = s_trades[r.Next(s_trades.Length)];
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{(source == FundingSource.KCQG ? "KCQG" : "KCDP")}-{year}-{province.Code}-");
        var sequence = sequences[prefix] = sequences.GetValueOrDefault(prefix) + 1;
        var start = new DateOnly(year, 1 + r.Next(6), 1 + r.Next(28));
        var end = kind == ProjectKind.Diem ? start.AddMonths(14 + r.Next(10)) : start.AddMonths(4 + r.Next(7));
        var state = PickState(r, year);
        var created = new DateTime(year - 1, 10, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(r.Next(60));

        var p = new Project
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:0000}"),
            Title = string.Format(CultureInfo.InvariantCulture, s_titles[titleIndex], trade),
            PlanYear = year,
            ProvinceId = province.Id,
            Source = source,
            Kind = kind,
            ImplementingUnit = source == FundingSource.KCQG ? $"Trung tâm Khuyến công {province.Name}" : $"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp {province.Name}",
            StartDate = start,
            EndDate = end,
            State = state,
            CreatedById = author,
            CreatedAtUtc = created,
            UpdatedAtUtc = created.AddDays(r.Next(300)),
        };

        var codes = new List<string> { s_contentsByTitle[titleIndex] };
        if (kind == ProjectKind.Diem)
        {
            codes.Add(codes[0] == "ND01" ? "ND03" : "ND01");
        }

        foreach (var code in codes)
        {
            var requested = Round(r.Next(150, 900) * 1_000_000m);
            p.Contents.Add(new ProjectContent { ContentCode = code, RequestedAmount = requested, TotalCost = Round(requested * (2.5m + (decimal)r.NextDouble() * 3m)) });
        }

        p.RequestedSupport = p.Contents.Sum(c => c.RequestedAmount);
        p.CounterpartCommitted = Round(p.Contents.Sum(c => c.TotalCost) - p.RequestedSupport);
        if (kind != ProjectKind.Nhom || state >= ProjectState.Approved)
        {
            var beneficiaries = 1 + r.Next(kind == ProjectKind.Nhom ? 4 : 2);
            for (var b = 0; b < beneficiaries; b++)
            {
                var owner = $"{s_families[r.Next(s_families.Length)]} {(r.Next(2) == 0 ? "Văn" : "Thị")} {s_families[r.Next(s_families.Length)]}";
                p.Beneficiaries.Add(new Beneficiary
                {
                    Name = r.Next(3) == 0 ? $"Hộ kinh doanh {owner}" : $"{(r.Next(2) == 0 ? "Công ty TNHH" : "Hợp tác xã")} {trade} {owner.Split(' ')[^1]}",
                    TaxCode = string.Create(CultureInfo.InvariantCulture, $"{r.NextInt64(100_000_000, 999_999_999):0000000000}"),
                    Type = (BeneficiaryType)(1 + r.Next(4)),
                    Commune = s_communes[r.Next(s_communes.Length)],
                    WomenOwned = r.Next(4) == 0,
                    EthnicMinorityEmployer = r.Next(6) == 0,
                    PriorityArea = r.Next(5) == 0,
                });
            }
        }

        foreach (var code in indicators.OrderBy(_ => r.Next()).Take(1 + r.Next(2)))
        {
            p.Outcomes.Add(new ProjectOutcome { IndicatorCode = code, Target = 1 + r.Next(60) });
        }

        Advance(r, p, author);
        return p;
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

    private static void Advance(Random r, Project p, string author)
    {
        var at = p.CreatedAtUtc;
        void Event(string action, ProjectState? from, ProjectState? to, decimal? amount = null, string? comment = null)
        {
            at = at.AddDays(1 + r.Next(20));
            p.Events.Add(new ProjectEvent { OccurredAtUtc = at, UserId = author, UserName = Author, Action = action, FromState = from, ToState = to, Amount = amount, Comment = comment });
        }

        Event("Đăng ký đề án (lưu nháp)", null, ProjectState.Draft);
        if (p.State == ProjectState.Draft)
        {
            return;
        }

        Event("Gửi Sở thẩm định", ProjectState.Draft, ProjectState.Submitted);
        if (p.State == ProjectState.Returned)
        {
            p.LastReason = "Bổ sung dự toán chi tiết và cam kết vốn đối ứng.";
            Event("Sở trả lại bổ sung", ProjectState.Submitted, ProjectState.Returned, comment: p.LastReason);
            return;
        }

        if (p.State == ProjectState.Submitted)
        {
            return;
        }

        var kcqg = p.Source == FundingSource.KCQG;
        p.BaseRecommendedSupport = p.RequestedSupport;
        if (kcqg)
        {
            Event("Sở gửi đề án lên Bộ", ProjectState.Submitted, ProjectState.UnderMinistryReview);
            if (p.State == ProjectState.UnderMinistryReview)
            {
                return;
            }

            p.MinistryRecommendedSupport = Round(p.RequestedSupport * (0.8m + (decimal)r.NextDouble() * 0.2m));
            p.MinistryAppraiserId = "seed-appraiser";
            Event("Cục thẩm định, đề xuất kinh phí", null, null, p.MinistryRecommendedSupport);
        }

        var reviewState = kcqg ? ProjectState.UnderMinistryReview : ProjectState.Submitted;
        if (p.State == ProjectState.Rejected)
        {
            p.LastReason = "Đề án không phù hợp định hướng hỗ trợ của năm kế hoạch.";
            Event("Không phê duyệt", reviewState, ProjectState.Rejected, comment: p.LastReason);
            return;
        }

        p.ApprovedSupport = p.MinistryRecommendedSupport ?? Round(p.RequestedSupport * (0.85m + (decimal)r.NextDouble() * 0.15m));
        p.ApprovalDate = new DateOnly(p.PlanYear, 1, 15).AddDays(r.Next(120));
        Event("Phê duyệt, giao kế hoạch", reviewState, ProjectState.Approved, p.ApprovedSupport);
        if (p.State == ProjectState.Approved)
        {
            return;
        }

        var approved = p.ApprovedSupport.Value;
        p.ContractNumber = string.Create(CultureInfo.InvariantCulture, $"{r.Next(1, 300)}/{p.PlanYear}/HĐ-KC");
        p.ContractDate = p.ApprovalDate.Value.AddDays(10 + r.Next(30));
        p.ContractValue = approved;
        Event($"Ký hợp đồng số {p.ContractNumber}", ProjectState.Approved, ProjectState.Contracted, approved);
        if (p.State == ProjectState.Contracted)
        {
            return;
        }

        if (p.State == ProjectState.Stopped)
        {
            p.LastReason = "Cơ sở thụ hưởng không bố trí đủ vốn đối ứng.";
            p.Adjustments.Add(new Adjustment
            {
                Kind = AdjustmentKind.Stop,
                Reason = p.LastReason,
                Status = AdjustmentStatus.Approved,
                RequestedById = author,
                RequestedBy = Author,
                RequestedAtUtc = at,
                DecidedBy = Author,
                DecidedAtUtc = at.AddDays(7),
            });
            Event("Chấp thuận điều chỉnh: Dừng thực hiện", ProjectState.Contracted, ProjectState.Stopped, comment: p.LastReason);
            return;
        }

        // An advance of up to 70 % before acceptance, paid within the plan year (or January of the next).
        var advance = Round(approved * (0.3m + (decimal)r.NextDouble() * 0.4m));
        var advanceDate = p.ContractDate.Value.AddDays(5 + r.Next(40));
        Pay(p, advanceDate, advance, MoneySource.State, "Tạm ứng theo hợp đồng");
        Pay(p, advanceDate.AddDays(3), Round(p.CounterpartCommitted * 0.5m), MoneySource.Counterpart, "Vốn đối ứng đợt 1");
        Event($"Giải ngân (Ngân sách) ngày {advanceDate:dd/MM/yyyy}", ProjectState.Contracted, ProjectState.InProgress, advance);
        if (p.State == ProjectState.InProgress)
        {
            return;
        }

        var accepted = Round(approved * (0.9m + (decimal)r.NextDouble() * 0.1m));
        p.AcceptanceDate = new DateOnly(p.PlanYear, 10, 1).AddDays(r.Next(80));
        p.AcceptedAmount = accepted;
        p.RealisedCounterpart = Round(p.CounterpartCommitted * (0.9m + (decimal)r.NextDouble() * 0.3m));
        p.AcceptanceMinutes = string.Create(CultureInfo.InvariantCulture, $"{r.Next(1, 200)}/BB-NT");
        foreach (var o in p.Outcomes)
        {
            o.Actual = Math.Max(0, o.Target + r.Next(-3, 6));
        }

        Event("Nghiệm thu", ProjectState.InProgress, ProjectState.Accepted, accepted);
        var rest = accepted - advance;
        var finalDate = p.AcceptanceDate.Value.AddDays(5 + r.Next(25));
        if (rest > 0)
        {
            Pay(p, finalDate, rest, MoneySource.State, "Thanh toán sau nghiệm thu");
        }

        Pay(p, finalDate, Math.Max(0, p.RealisedCounterpart.Value - Round(p.CounterpartCommitted * 0.5m)), MoneySource.Counterpart, "Vốn đối ứng đợt 2");
        if (p.State == ProjectState.Accepted)
        {
            return;
        }

        p.SettlementDate = new DateOnly(p.PlanYear + 1, 1, 5 + r.Next(17));
        p.SettledAmount = accepted;
        p.ReturnedAmount = approved - accepted;
        Event($"Quyết toán; kinh phí không sử dụng {p.ReturnedAmount:#,##0} đồng", ProjectState.Accepted, ProjectState.Settled, accepted);
    }

    private static void Pay(Project p, DateOnly date, decimal amount, MoneySource source, string note)
    {
        if (amount > 0)
        {
            p.Disbursements.Add(new Disbursement { Date = date, Amount = amount, Source = source, Note = note, RecordedBy = Author, RecordedAtUtc = p.CreatedAtUtc });
        }
    }

    /// <summary>Whole thousands of đồng, as budgets are written.</summary>
    private static decimal Round(decimal amount) => Math.Round(amount / 1000m, 0, MidpointRounding.AwayFromZero) * 1000m;
}
