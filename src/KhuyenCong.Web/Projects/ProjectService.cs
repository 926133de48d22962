using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>Settings of project rules that are data, not law.</summary>
public sealed class ProjectOptions
{
    /// <summary>Advances before acceptance, in percent of approved support (DOMAIN.md §5: 70 %, configurable).</summary>
    public decimal AdvanceLimitPercent { get; set; } = ProjectRules.DefaultAdvanceLimitPercent;
}

/// <summary>
/// Every change to a project, for the pages and the command-line verbs: checked against the state machine
/// and the user's scope, written in one transaction with its timeline event, refused when stale.
/// </summary>
public sealed class ProjectService(KhuyenCongDbContext db, Geography geography, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ProjectOptions> options)
{
    public const string StaleMessage = "Đề án vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; hãy tải lại trang để xem bản mới nhất.";

    public async Task<ProjectActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ProjectScope.Actor(user, await geography.DirectoryAsync(ct));

    public IQueryable<Project> Visible(ProjectActor actor) => db.Projects.VisibleTo(actor, db);

    /// <summary>Việc chờ tôi: the projects waiting for this actor's decision or work, within their scope.</summary>
    public IQueryable<Project> WaitingFor(ProjectActor actor)
    {
        var visible = Visible(actor).AsNoTracking();
        var userId = actor.UserId;
        return actor.Role switch
        {
            Domain.Identity.Roles.ProvinceOfficer => visible.Where(p => p.State == ProjectState.Returned || p.State == ProjectState.Draft),
            Domain.Identity.Roles.ProvinceApprover => visible.Where(p => p.State == ProjectState.Submitted
                || (p.Source == FundingSource.KCDP && p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))),
            Domain.Identity.Roles.MinistryOfficer => visible.Where(p => p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId == null),
            Domain.Identity.Roles.MinistryApprover => visible.Where(p => (p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId != null && p.MinistryAppraiserId != userId)
                || (p.Source == FundingSource.KCQG && p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))),
            _ => visible.Where(_ => false),
        };
    }

    /// <summary>The project with everything it holds, or null when it does not exist or is outside the actor's scope.</summary>
    public async Task<Project?> FindAsync(int id, ProjectActor actor, CancellationToken ct = default) =>
        await Visible(actor)
            .Include(p => p.Province)
            .Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes)
            .Include(p => p.Disbursements).Include(p => p.Events).Include(p => p.Documents)
            .Include(p => p.Adjustments).Include(p => p.ProgressNotes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Registers a project (id null) or saves a draft or returned one.</summary>
    public async Task<ProjectResult> SaveDraftAsync(ProjectActor actor, int? id, Guid version, ProjectInput input, CancellationToken ct = default)
    {
        // Scope and rights first: a project outside the user's scope is not found, whatever the input.
        var existing = id is null ? null : await FindAsync(id.Value, actor, ct);
        if (id is not null && existing is null)
        {
            return ProjectResult.Missing;
        }

        var allowed = existing is null
            ? actor.Role == Domain.Identity.Roles.ProvinceOfficer ? Decision.Yes : Decision.No("Chỉ chuyên viên Sở Công Thương được đăng ký đề án.")
            : ProjectWorkflow.Check(ProjectAction.Edit, actor, existing);
        if (!allowed.Allowed)
        {
            return ProjectResult.Fail(allowed.Refusal!);
        }

        input.DropBlankLines();
        var contentCodes = await db.Contents.Select(c => c.Code).ToListAsync(ct);
        var indicatorCodes = await db.OutcomeIndicators.Where(i => i.IsActive).Select(i => i.Code).ToListAsync(ct);
        var validation = await new ProjectInputValidator(contentCodes, indicatorCodes).ValidateAsync(input, ct);
        var errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var directory = await geography.DirectoryAsync(ct);
        if (input.ProvinceId is { } provinceId && input.PlanYear is { } year)
        {
            var province = directory.Find(provinceId);
            if (!actor.HoldsProvince(provinceId) || province is null)
            {
                errors.Add((nameof(ProjectInput.ProvinceId), "Bạn chỉ được đăng ký đề án của tỉnh, thành phố mình."));
            }
            else if (!(province.ValidFrom.Year <= year && (province.ValidTo is null || province.ValidTo.Value.Year >= year)))
            {
                errors.Add((nameof(ProjectInput.ProvinceId), string.Create(CultureInfo.InvariantCulture, $"{province.Name} không còn hoặc chưa tồn tại trong năm {year}.")));
            }
        }

        if (errors.Count > 0)
        {
            return new ProjectResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Project project;
        if (existing is null)
        {
            project = new Project { CreatedById = actor.UserId, CreatedAtUtc = now, State = ProjectState.Draft };
            db.Projects.Add(project);
        }
        else
        {
            project = existing;
            db.Entry(project).Property(p => p.Version).OriginalValue = version;
            db.RemoveRange(project.Contents);
            db.RemoveRange(project.Beneficiaries);
            db.RemoveRange(project.Outcomes);
            project.Contents.Clear();
            project.Beneficiaries.Clear();
            project.Outcomes.Clear();
        }

        Apply(input, project);
        project.UpdatedAtUtc = now;
        if (id is null)
        {
            var provinceCode = directory.Find(project.ProvinceId)!.Code;
            project.Code = await NextCodeAsync(project, provinceCode, ct);
            AddEvent(project, actor, "Đăng ký đề án (lưu nháp)", null, ProjectState.Draft);
        }

        return await SaveAsync(project, ct);
    }

    /// <summary>Moves a project on or records something on it (DOMAIN.md §5).</summary>
    public async Task<ProjectResult> ActAsync(ProjectActor actor, int id, ProjectCommand command, CancellationToken ct = default)
    {
        var project = await FindAsync(id, actor, ct);
        if (project is null)
        {
            return ProjectResult.Missing;
        }

        var decision = ProjectWorkflow.Check(command.Action, actor, project);
        if (!decision.Allowed)
        {
            return ProjectResult.Fail(decision.Refusal!);
        }

        db.Entry(project).Property(p => p.Version).OriginalValue = command.Version;
        var from = project.State;
        var next = ProjectWorkflow.Next(command.Action, project);
        var (error, action, amount) = Apply(command, actor, project);
        if (error is not null)
        {
            return ProjectResult.Fail(error.Value.Message, error.Value.Field);
        }

        if (command.Action != ProjectAction.DecideAdjustment)
        {
            project.State = next;
        }

        project.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        AddEvent(project, actor, action, from == project.State ? null : from, from == project.State ? null : project.State, amount, command.Comment);
        return await SaveAsync(project, ct);
    }

    private ((string Field, string Message)? Error, string Action, decimal? Amount) Apply(ProjectCommand c, ProjectActor actor, Project p)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        (string, string)? Fail(string field, string message) => (field, message);
        bool Money(string? text, out decimal value) => VietnameseCulture.TryParseDong(text, out value);
        bool Day(string? text, out DateOnly value) => VietnameseCulture.TryParseDate(text, out value);
        var reasonMissing = Fail(nameof(c.Comment), "Hãy nêu lý do.");

        switch (c.Action)
        {
            case ProjectAction.Submit:
                var problems = ProjectRules.RefuseSubmission(p);
                return problems.Count > 0 ? (Fail(string.Empty, string.Join(" ", problems)), "", null) : (null, "Gửi Sở thẩm định", null);
            case ProjectAction.AppraiseBase or ProjectAction.AppraiseMinistry:
                if (!Money(c.Amount, out var recommended) || recommended <= 0 || recommended > p.RequestedSupport)
                {
                    return (Fail(nameof(c.Amount), $"Kinh phí đề xuất là số đồng nguyên, lớn hơn 0 và không vượt kinh phí đề nghị ({VietnameseCulture.Dong(p.RequestedSupport)} đồng)."), "", null);
                }

                if (c.Action == ProjectAction.AppraiseBase)
                {
                    p.BaseRecommendedSupport = recommended;
                    return (null, "Thẩm định cơ sở", recommended);
                }

                p.MinistryRecommendedSupport = recommended;
                p.MinistryAppraiserId = actor.UserId;
                return (null, "Cục thẩm định, đề xuất kinh phí", recommended);
            case ProjectAction.ReturnByProvince or ProjectAction.ReturnByMinistry or ProjectAction.Reject:
                if (string.IsNullOrWhiteSpace(c.Comment))
                {
                    return (reasonMissing, "", null);
                }

                p.LastReason = c.Comment.Trim();
                return (null, c.Action == ProjectAction.Reject ? "Không phê duyệt" : c.Action == ProjectAction.ReturnByMinistry ? "Cục trả lại bổ sung" : "Sở trả lại bổ sung", null);
            case ProjectAction.Forward:
                return (null, "Sở gửi đề án lên Bộ", null);
            case ProjectAction.Approve:
                if (!Money(c.Amount, out var approved) || approved <= 0 || approved > p.RequestedSupport)
                {
                    return (Fail(nameof(c.Amount), $"Kinh phí phê duyệt là số đồng nguyên, lớn hơn 0 và không vượt kinh phí đề nghị ({VietnameseCulture.Dong(p.RequestedSupport)} đồng)."), "", null);
                }

                p.ApprovedSupport = approved;
                p.ApprovalDate = Day(c.Date, out var approvalDate) ? approvalDate : today;
                return (null, "Phê duyệt, giao kế hoạch", approved);
            case ProjectAction.RecordContract:
                if (string.IsNullOrWhiteSpace(c.Reference))
                {
                    return (Fail(nameof(c.Reference), "Hãy nhập số hợp đồng."), "", null);
                }

                if (!Day(c.Date, out var contractDate))
                {
                    return (Fail(nameof(c.Date), "Ngày ký không hợp lệ; nhập theo dạng ngày/tháng/năm."), "", null);
                }

                if (!Money(c.Amount, out var value) || value <= 0 || value > p.ApprovedSupport)
                {
                    return (Fail(nameof(c.Amount), $"Giá trị hợp đồng là số đồng nguyên, lớn hơn 0 và không vượt kinh phí được duyệt ({VietnameseCulture.Dong(p.ApprovedSupport ?? 0)} đồng)."), "", null);
                }

                (p.ContractNumber, p.ContractDate, p.ContractValue) = (c.Reference.Trim(), contractDate, value);
                return (null, $"Ký hợp đồng số {p.ContractNumber}", value);
            case ProjectAction.RecordProgress:
                if (string.IsNullOrWhiteSpace(c.Comment))
                {
                    return (Fail(nameof(c.Comment), "Hãy ghi nội dung tiến độ."), "", null);
                }

                var month = Day(c.Date, out var m) ? new DateOnly(m.Year, m.Month, 1) : new DateOnly(today.Year, today.Month, 1);
                p.ProgressNotes.Add(new ProgressNote { Month = month, Text = c.Comment.Trim(), RecordedBy = actor.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime });
                return (null, $"Ghi nhận tiến độ tháng {month:MM/yyyy}", null);
            case ProjectAction.RecordDisbursement:
                if (!Day(c.Date, out var paidOn) || paidOn > today)
                {
                    return (Fail(nameof(c.Date), "Ngày giải ngân không hợp lệ hoặc ở tương lai."), "", null);
                }

                if (!Money(c.Amount, out var paid))
                {
                    return (Fail(nameof(c.Amount), "Số tiền là số đồng nguyên, ví dụ 150.000.000."), "", null);
                }

                if (ProjectRules.RefuseDisbursement(p, paid, c.MoneySource, options.Value.AdvanceLimitPercent) is { } refusal)
                {
                    return (Fail(nameof(c.Amount), refusal), "", null);
                }

                p.Disbursements.Add(new Disbursement
                {
                    Date = paidOn,
                    Amount = paid,
                    Source = c.MoneySource,
                    Note = c.Comment?.Trim(),
                    RecordedBy = actor.UserName,
                    RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                return (null, $"Giải ngân ({ProjectLabels.Of(c.MoneySource)}) ngày {VietnameseCulture.Date(paidOn)}", paid);
            case ProjectAction.RecordAcceptance:
                if (!Day(c.Date, out var acceptedOn))
                {
                    return (Fail(nameof(c.Date), "Ngày nghiệm thu không hợp lệ."), "", null);
                }

                if (!Money(c.Amount, out var accepted) || accepted > p.ApprovedSupport)
                {
                    return (Fail(nameof(c.Amount), $"Kinh phí nghiệm thu là số đồng nguyên, không vượt kinh phí được duyệt ({VietnameseCulture.Dong(p.ApprovedSupport ?? 0)} đồng)."), "", null);
                }

                if (!Money(c.Counterpart, out var counterpart))
                {
                    return (Fail(nameof(c.Counterpart), "Vốn đối ứng thực hiện là số đồng nguyên."), "", null);
                }

                foreach (var outcome in p.Outcomes)
                {
                    if (c.Actuals.TryGetValue(outcome.IndicatorCode, out var text) && !string.IsNullOrWhiteSpace(text))
                    {
                        if (!Money(text, out var actual))
                        {
                            return (Fail($"Actuals[{outcome.IndicatorCode}]", "Kết quả thực hiện là số nguyên không âm."), "", null);
                        }

                        outcome.Actual = actual;
                    }
                }

                (p.AcceptanceDate, p.AcceptedAmount, p.RealisedCounterpart, p.AcceptanceMinutes) = (acceptedOn, accepted, counterpart, c.Reference?.Trim());
                return (null, "Nghiệm thu", accepted);
            case ProjectAction.Settle:
                if (!Money(c.Amount, out var settled) || settled > p.AcceptedAmount)
                {
                    return (Fail(nameof(c.Amount), $"Kinh phí quyết toán là số đồng nguyên, không vượt kinh phí nghiệm thu ({VietnameseCulture.Dong(p.AcceptedAmount ?? 0)} đồng)."), "", null);
                }

                if (settled < ProjectRules.StateDisbursed(p) && string.IsNullOrWhiteSpace(c.Comment))
                {
                    return (Fail(nameof(c.Comment), "Quyết toán thấp hơn số đã giải ngân: hãy ghi chú việc thu hồi phần chênh lệch."), "", null);
                }

                p.SettlementDate = Day(c.Date, out var settledOn) ? settledOn : today;
                p.SettledAmount = settled;
                p.ReturnedAmount = (p.ApprovedSupport ?? 0) - settled;
                return (null, $"Quyết toán; kinh phí không sử dụng {VietnameseCulture.Dong(p.ReturnedAmount.Value)} đồng", settled);
            case ProjectAction.RequestAdjustment:
                return RequestAdjustment(c, actor, p);
            case ProjectAction.DecideAdjustment:
                return DecideAdjustment(c, actor, p);
            default:
                return (Fail(string.Empty, "Thao tác không được hỗ trợ."), "", null);
        }
    }

    private ((string, string)? Error, string Action, decimal? Amount) RequestAdjustment(ProjectCommand c, ProjectActor actor, Project p)
    {
        if (p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))
        {
            return ((string.Empty, "Đề án đang có một đề nghị điều chỉnh chờ phê duyệt."), "", null);
        }

        if (string.IsNullOrWhiteSpace(c.Comment))
        {
            return ((nameof(c.Comment), "Hãy nêu lý do điều chỉnh."), "", null);
        }

        var adjustment = new Adjustment
        {
            Kind = c.AdjustmentKind,
            Reason = c.Comment.Trim(),
            RequestedById = actor.UserId,
            RequestedBy = actor.UserName,
            RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
            Details = c.Reference?.Trim(),
        };
        switch (c.AdjustmentKind)
        {
            case AdjustmentKind.Amount:
                if (!VietnameseCulture.TryParseDong(c.Amount, out var amount) || amount <= 0 || amount < ProjectRules.StateDisbursed(p))
                {
                    return ((nameof(c.Amount), "Kinh phí mới là số đồng nguyên lớn hơn 0 và không thấp hơn số đã giải ngân."), "", null);
                }

                adjustment.NewAmount = amount;
                break;
            case AdjustmentKind.Schedule:
                if (!VietnameseCulture.TryParseDate(c.NewStartDate, out var start) || !VietnameseCulture.TryParseDate(c.NewEndDate, out var end) || end <= start)
                {
                    return ((nameof(c.NewEndDate), "Hãy nhập ngày bắt đầu và kết thúc mới hợp lệ (kết thúc sau bắt đầu)."), "", null);
                }

                (adjustment.NewStartDate, adjustment.NewEndDate) = (start, end);
                break;
            case AdjustmentKind.Stop:
                break;
            default:
                if (string.IsNullOrWhiteSpace(c.Reference))
                {
                    return ((nameof(c.Reference), "Hãy mô tả nội dung điều chỉnh."), "", null);
                }

                break;
        }

        p.Adjustments.Add(adjustment);
        return (null, $"Đề nghị điều chỉnh: {ProjectLabels.Of(c.AdjustmentKind)}", adjustment.NewAmount);
    }

    private ((string, string)? Error, string Action, decimal? Amount) DecideAdjustment(ProjectCommand c, ProjectActor actor, Project p)
    {
        var adjustment = p.Adjustments.FirstOrDefault(a => a.Id == c.AdjustmentId && a.Status == AdjustmentStatus.Pending);
        if (adjustment is null)
        {
            return ((string.Empty, "Không có đề nghị điều chỉnh nào đang chờ phê duyệt."), "", null);
        }

        adjustment.Status = c.Accept ? AdjustmentStatus.Approved : AdjustmentStatus.Refused;
        adjustment.DecidedBy = actor.UserName;
        adjustment.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        adjustment.DecisionComment = c.Comment?.Trim();
        if (!c.Accept)
        {
            return (null, $"Không chấp thuận điều chỉnh: {ProjectLabels.Of(adjustment.Kind)}", null);
        }

        adjustment.PreviousValues = JsonSerializer.Serialize(new
        {
            p.ApprovedSupport,
            StartDate = VietnameseCulture.Date(p.StartDate),
            EndDate = VietnameseCulture.Date(p.EndDate),
            State = ProjectLabels.Of(p.State),
        });
        switch (adjustment.Kind)
        {
            case AdjustmentKind.Amount:
                p.ApprovedSupport = adjustment.NewAmount;
                break;
            case AdjustmentKind.Schedule:
                (p.StartDate, p.EndDate) = (adjustment.NewStartDate!.Value, adjustment.NewEndDate!.Value);
                break;
            case AdjustmentKind.Stop:
                p.State = ProjectState.Stopped;
                p.LastReason = adjustment.Reason;
                break;
        }

        return (null, $"Chấp thuận điều chỉnh: {ProjectLabels.Of(adjustment.Kind)}", adjustment.NewAmount);
    }

    private void AddEvent(Project project, ProjectActor actor, string action, ProjectState? from, ProjectState? to, decimal? amount = null, string? comment = null) =>
        project.Events.Add(new ProjectEvent
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            FromState = from,
            ToState = to,
            Amount = amount,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

    private async Task<ProjectResult> SaveAsync(Project project, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ProjectResult.Ok(project.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ProjectResult.Fail(StaleMessage);
        }
    }

    private static void Apply(ProjectInput input, Project project)
    {
        project.PlanYear = input.PlanYear!.Value;
        project.ProvinceId = input.ProvinceId!.Value;
        project.Source = input.Source!.Value;
        project.Kind = input.Kind!.Value;
        project.Title = input.Title.Trim();
        project.ImplementingUnit = input.ImplementingUnit.Trim();
        project.StartDate = VietnameseCulture.TryParseDate(input.StartDate, out var s) ? s : project.StartDate;
        project.EndDate = VietnameseCulture.TryParseDate(input.EndDate, out var e) ? e : project.EndDate;
        project.CounterpartCommitted = VietnameseCulture.TryParseDong(input.CounterpartCommitted, out var counterpart) ? counterpart : 0;
        foreach (var line in input.Contents)
        {
            project.Contents.Add(new ProjectContent
            {
                ContentCode = line.ContentCode!,
                TotalCost = VietnameseCulture.TryParseDong(line.TotalCost, out var cost) ? cost : 0,
                RequestedAmount = VietnameseCulture.TryParseDong(line.RequestedAmount, out var requested) ? requested : 0,
            });
        }

        project.RequestedSupport = project.Contents.Sum(c => c.RequestedAmount);
        foreach (var b in input.Beneficiaries)
        {
            project.Beneficiaries.Add(new Beneficiary
            {
                Name = b.Name!.Trim(),
                TaxCode = string.IsNullOrWhiteSpace(b.TaxCode) ? null : b.TaxCode.Trim(),
                Type = b.Type,
                Commune = b.Commune!.Trim(),
                WomenOwned = b.WomenOwned,
                EthnicMinorityEmployer = b.EthnicMinorityEmployer,
                PriorityArea = b.PriorityArea,
            });
        }

        foreach (var o in input.Outcomes)
        {
            project.Outcomes.Add(new ProjectOutcome { IndicatorCode = o.IndicatorCode!, Target = VietnameseCulture.TryParseDong(o.Target, out var t) ? t : 0 });
        }
    }

    private async Task<string> NextCodeAsync(Project project, string provinceCode, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{(project.Source == FundingSource.KCQG ? "KCQG" : "KCDP")}-{project.PlanYear}-{provinceCode}-");
        var taken = await db.Projects.CountAsync(p => p.Code.StartsWith(prefix), ct);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{taken + 1:0000}");
    }
}
