using System.Globalization;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Identity;

namespace KhuyenCong.Domain.Projects;

/// <summary>
/// The acts of a project's life (docs/domain.md §5–§6). Each one asks <see cref="ProjectWorkflow"/> whether the
/// actor may act now, applies the money and date rules, changes the project and appends its timeline event, or
/// changes nothing and says why. Every writer (pages, Excel import, command line, demo data) calls these methods;
/// nothing else sets a project's fields.
/// </summary>
public sealed partial class Project
{
    /// <summary>For EF Core; projects are made by <see cref="Register"/> or <see cref="LoadHistorical"/>.</summary>
    private Project()
    {
    }

    /// <summary>Đăng ký: a province officer registers a draft of their province under the given code.</summary>
    public static (Project? Project, ActResult Result) Register(string code, ProjectDraft draft, ActContext ctx)
    {
        if (!(ctx.Actor.Is(Roles.ProvinceOfficer) && ctx.Actor.HoldsProvince(draft.ProvinceId)))
        {
            return (null, ActResult.Fail(ctx.Actor.Is(Roles.ProvinceOfficer)
                ? "Bạn chỉ được đăng ký đề án của tỉnh, thành phố mình."
                : "Chỉ chuyên viên Sở Công Thương được đăng ký đề án."));
        }

        var errors = RefuseDraft(draft);
        if (errors.Count > 0)
        {
            return (null, ActResult.Fail(errors));
        }

        var project = new Project { Code = code, CreatedById = ctx.Actor.UserId, CreatedAtUtc = ctx.NowUtc, State = ProjectState.Draft };
        project.Write(draft);
        project.Record(ctx, "Đăng ký đề án (lưu nháp)", null, ProjectState.Draft);
        return (project, ActResult.Ok);
    }

    /// <summary>
    /// Nhập dữ liệu lịch sử: a project that reached a state outside the portal, loaded by ministry staff or the
    /// command line. The state's own facts must hold (an approved project has an approved amount within its request).
    /// </summary>
    public static (Project? Project, ActResult Result) LoadHistorical(string code, HistoricalProject values, ActContext ctx)
    {
        if (ctx.Actor.Role is not (Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Admin))
        {
            return (null, ActResult.Fail("Tỉnh nhập đề án mới ở trạng thái «Nháp»; việc thẩm định, phê duyệt làm trên cổng.", "State"));
        }

        var errors = RefuseDraft(values.Draft).Concat(RefuseHistorical(values, ctx)).ToList();
        if (errors.Count > 0)
        {
            return (null, ActResult.Fail(errors));
        }

        var project = new Project { Code = code, CreatedById = ctx.Actor.UserId, CreatedAtUtc = ctx.NowUtc };
        project.Write(values.Draft);
        (project.State, project.ApprovedSupport, project.ApprovalDate, project.RealisedCounterpart) = (values.State, values.ApprovedSupport, values.ApprovalDate, values.RealisedCounterpart);
        project.WriteActuals(values.Draft.Outcomes);
        project.Record(ctx, $"Nhập dữ liệu lịch sử ở trạng thái «{ProjectLabels.Of(values.State)}»", null, values.State, values.ApprovedSupport);
        return (project, ActResult.Ok);
    }

    /// <summary>Sửa đề án: the officer rewrites a draft or a returned project.</summary>
    public ActResult EditDraft(ProjectDraft draft, ActContext ctx)
    {
        if (Refuse(ProjectAction.Edit, ctx) is { } refused)
        {
            return refused;
        }

        if (!ctx.Actor.HoldsProvince(draft.ProvinceId))
        {
            return ActResult.Fail("Bạn chỉ được đăng ký đề án của tỉnh, thành phố mình.", "ProvinceId");
        }

        var errors = RefuseDraft(draft);
        if (errors.Count > 0)
        {
            return ActResult.Fail(errors);
        }

        Contents.Clear();
        Beneficiaries.Clear();
        Outcomes.Clear();
        Write(draft);
        UpdatedAtUtc = ctx.NowUtc;
        return ActResult.Ok;
    }

    /// <summary>Gửi Sở: a complete draft, with every required item of its dossier attached.</summary>
    public ActResult Submit(IEnumerable<DossierItem> dossier, ActContext ctx)
    {
        if (Refuse(ProjectAction.Submit, ctx) is { } refused)
        {
            return refused;
        }

        var problems = ProjectRules.RefuseSubmission(this).ToList();
        if (DocumentChecklist.Missing(this, dossier) is { Count: > 0 } missing)
        {
            problems.Add($"Hồ sơ còn thiếu: {string.Join(", ", missing)}. Hãy đính kèm trước khi gửi Sở.");
        }

        return problems.Count > 0 ? ActResult.Fail(string.Join(" ", problems)) : Move(ctx, ProjectState.Submitted, "Gửi Sở thẩm định");
    }

    /// <summary>Thẩm định cơ sở: the Sở leader's appraisal and recommended amount.</summary>
    public ActResult AppraiseBase(decimal recommended, ActContext ctx)
    {
        if ((Refuse(ProjectAction.AppraiseBase, ctx) ?? RefuseRecommended(recommended, "Kinh phí đề xuất")) is { } refused)
        {
            return refused;
        }

        (BaseRecommendedSupport, BaseAppraiserId) = (recommended, ctx.Actor.UserId);
        return Move(ctx, State, "Thẩm định cơ sở", recommended);
    }

    /// <summary>Gửi Bộ: a KCQG project, once appraised by the Sở, goes to the ministry.</summary>
    public ActResult Forward(ActContext ctx)
    {
        if (Refuse(ProjectAction.Forward, ctx) is { } refused)
        {
            return refused;
        }

        return BaseRecommendedSupport is null
            ? ActResult.Fail("Không thể gửi đề án lên Bộ: Sở chưa thẩm định cơ sở (hãy ghi kết quả thẩm định trước).")
            : Move(ctx, ProjectState.UnderMinistryReview, "Sở gửi đề án lên Bộ");
    }

    /// <summary>Cục thẩm định: the ministry officer's appraisal of a KCQG project.</summary>
    public ActResult AppraiseMinistry(decimal recommended, ActContext ctx)
    {
        if ((Refuse(ProjectAction.AppraiseMinistry, ctx) ?? RefuseRecommended(recommended, "Kinh phí đề xuất")) is { } refused)
        {
            return refused;
        }

        (MinistryRecommendedSupport, MinistryAppraiserId) = (recommended, ctx.Actor.UserId);
        return Move(ctx, State, "Cục thẩm định, đề xuất kinh phí", recommended);
    }

    /// <summary>Trả lại: the Sở or the ministry sends the project back; the appraisals made since submission lapse.</summary>
    public ActResult Return(string? reason, ActContext ctx)
    {
        var action = State == ProjectState.UnderMinistryReview ? ProjectAction.ReturnByMinistry : ProjectAction.ReturnByProvince;
        if ((Refuse(action, ctx) ?? RefuseReason(reason)) is { } refused)
        {
            return refused;
        }

        LastReason = reason!.Trim();
        (BaseRecommendedSupport, BaseAppraiserId, MinistryRecommendedSupport, MinistryAppraiserId) = (null, null, null, null);
        return Move(ctx, ProjectState.Returned, action == ProjectAction.ReturnByMinistry ? "Cục trả lại bổ sung" : "Sở trả lại bổ sung", comment: LastReason);
    }

    /// <summary>Phê duyệt: the approving authority fixes the approved support, within the request.</summary>
    public ActResult Approve(ApproveProject command, ActContext ctx)
    {
        if (Refuse(ProjectAction.Approve, ctx) is { } refused)
        {
            return refused;
        }

        if (Source == FundingSource.KCDP && BaseRecommendedSupport is null)
        {
            return ActResult.Fail("Không thể phê duyệt đề án: Sở chưa ghi kết quả thẩm định cơ sở.");
        }

        if (Source == FundingSource.KCDP && BaseAppraiserId == ctx.Actor.UserId)
        {
            return ActResult.Fail("Không thể phê duyệt đề án: bạn đã thẩm định đề án này; người phê duyệt phải là người khác.");
        }

        if (command.Amount <= 0 || command.Amount > RequestedSupport || Limits.RefuseDong(command.Amount, "Kinh phí phê duyệt") is not null)
        {
            return ActResult.Fail($"Kinh phí phê duyệt là số đồng nguyên, lớn hơn 0 và không vượt kinh phí đề nghị ({VietnameseCulture.Dong(RequestedSupport)} đồng).", "Amount");
        }

        var date = command.DecisionDate ?? ctx.Today;
        if (Limits.RefuseDate(date, "Ngày quyết định phê duyệt", ctx.Today) is { } badDate)
        {
            return ActResult.Fail(badDate, "Date");
        }

        var number = string.IsNullOrWhiteSpace(command.DecisionNumber) ? null : command.DecisionNumber.Trim();
        if (number is { Length: > 100 })
        {
            return ActResult.Fail("Số quyết định phê duyệt tối đa 100 ký tự.", "Reference");
        }

        (ApprovedSupport, ApprovalDate, ApprovalDecisionNumber) = (command.Amount, date, number);
        return Move(ctx, ProjectState.Approved, "Phê duyệt, giao kế hoạch", command.Amount,
            number is null ? null : $"Quyết định số {number} ngày {VietnameseCulture.Date(date)}");
    }

    public ActResult Reject(string? reason, ActContext ctx)
    {
        if ((Refuse(ProjectAction.Reject, ctx) ?? RefuseReason(reason)) is { } refused)
        {
            return refused;
        }

        LastReason = reason!.Trim();
        return Move(ctx, ProjectState.Rejected, "Không phê duyệt", comment: LastReason);
    }

    public ActResult RecordContract(RecordContract command, ActContext ctx)
    {
        if (Refuse(ProjectAction.RecordContract, ctx) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(command.Number))
        {
            return ActResult.Fail("Hãy nhập số hợp đồng.", "Reference");
        }

        if (Limits.RefuseDate(command.Date, "Ngày ký hợp đồng", ctx.Today) is { } badDate)
        {
            return ActResult.Fail(badDate, "Date");
        }

        if (ApprovalDate is { } approvedOn && command.Date < approvedOn)
        {
            return ActResult.Fail($"Ngày ký hợp đồng không được trước ngày phê duyệt ({VietnameseCulture.Date(approvedOn)}).", "Date");
        }

        if (command.Value <= 0 || command.Value > ApprovedSupport)
        {
            return ActResult.Fail($"Giá trị hợp đồng là số đồng nguyên, lớn hơn 0 và không vượt kinh phí được duyệt ({VietnameseCulture.Dong(ApprovedSupport ?? 0)} đồng).", "Amount");
        }

        (ContractNumber, ContractDate, ContractValue) = (command.Number.Trim(), command.Date, command.Value);
        return Move(ctx, ProjectState.Contracted, $"Ký hợp đồng số {ContractNumber}", command.Value);
    }

    public ActResult RecordProgress(DateOnly month, string? text, ActContext ctx)
    {
        if (Refuse(ProjectAction.RecordProgress, ctx) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ActResult.Fail("Hãy ghi nội dung tiến độ.", "Comment");
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        if (Limits.RefuseDate(first, "Tháng báo cáo", ctx.Today) is { } badDate)
        {
            return ActResult.Fail(badDate, "Date");
        }

        ProgressNotes.Add(new ProgressNote { Month = first, Text = text.Trim(), RecordedBy = ctx.Actor.UserName, RecordedAtUtc = ctx.NowUtc });
        return Move(ctx, ProjectState.InProgress, string.Create(CultureInfo.InvariantCulture, $"Ghi nhận tiến độ tháng {first:MM/yyyy}"));
    }

    /// <summary>Giải ngân: money paid on a contracted or later project, within the approved, advance and accepted limits.</summary>
    public ActResult Disburse(DisburseMoney command, ActContext ctx) =>
        Refuse(ProjectAction.RecordDisbursement, ctx) ?? Pay(command, ctx);

    /// <summary>
    /// A payment that belongs to a project loaded as history in the same act (Nhập dữ liệu lịch sử): the loader is not
    /// the project's executor, but every money and date rule applies as to any other payment.
    /// </summary>
    public ActResult DisburseHistorical(DisburseMoney command, ActContext ctx)
    {
        if (ctx.Actor.Role is not (Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Admin))
        {
            return ActResult.Fail($"Bạn không có quyền {ProjectWorkflow.Label(ProjectAction.RecordDisbursement)} này.");
        }

        return State is ProjectState.Contracted or ProjectState.InProgress or ProjectState.Accepted or ProjectState.Settled
            ? Pay(command, ctx, historical: true)
            : ActResult.Fail($"Không thể {ProjectWorkflow.Label(ProjectAction.RecordDisbursement)}: đề án đang ở trạng thái «{ProjectLabels.Of(State)}».");
    }

    private ActResult Pay(DisburseMoney command, ActContext ctx, bool historical = false)
    {
        var earliest = new DateOnly(Math.Max(PlanYear - 1, Limits.EarliestDate.Year), 1, 1);
        if (command.Date > ctx.Today)
        {
            return ActResult.Fail("Ngày giải ngân không được ở tương lai.", "Date");
        }

        if (command.Date < earliest)
        {
            return ActResult.Fail($"Ngày giải ngân không được trước ngày {VietnameseCulture.Date(earliest)} (năm kế hoạch {PlanYear} trừ một năm).", "Date");
        }

        if (Limits.RefuseDong(command.Amount, "Số tiền giải ngân") is { } badAmount)
        {
            return ActResult.Fail(badAmount, "Amount");
        }

        if (ProjectRules.RefuseDisbursement(this, command.Amount, command.Source, ctx.Limits.AdvanceLimitPercent) is { } refusal)
        {
            return ActResult.Fail(refusal, "Amount");
        }

        Disbursements.Add(new Disbursement
        {
            Date = command.Date,
            Amount = command.Amount,
            Source = command.Source,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            RecordedBy = ctx.Actor.UserName,
            RecordedAtUtc = ctx.NowUtc,
        });
        var next = !historical && State == ProjectState.Contracted ? ProjectState.InProgress : State;
        return Move(ctx, next, $"Giải ngân ({ProjectLabels.Of(command.Source)}) ngày {VietnameseCulture.Date(command.Date)}", command.Amount);
    }

    /// <summary>Nghiệm thu: the accepted amount and the outcome actuals, fixed from now on.</summary>
    public ActResult Accept(AcceptProject command, ActContext ctx)
    {
        if (Refuse(ProjectAction.RecordAcceptance, ctx) is { } refused)
        {
            return refused;
        }

        if (Limits.RefuseDate(command.Date, "Ngày nghiệm thu", ctx.Today) is { } badDate)
        {
            return ActResult.Fail(badDate, "Date");
        }

        if (command.Amount < 0 || command.Amount > ApprovedSupport)
        {
            return ActResult.Fail($"Kinh phí nghiệm thu là số đồng nguyên, không vượt kinh phí được duyệt ({VietnameseCulture.Dong(ApprovedSupport ?? 0)} đồng).", "Amount");
        }

        if (Limits.RefuseDong(command.RealisedCounterpart, "Vốn đối ứng thực hiện") is { } badCounterpart)
        {
            return ActResult.Fail(badCounterpart, "Counterpart");
        }

        foreach (var (code, actual) in command.Actuals)
        {
            if (actual < 0 || actual > Limits.MaxDong || Outcomes.All(o => o.IndicatorCode != code))
            {
                return ActResult.Fail("Kết quả thực hiện là số nguyên không âm của một chỉ tiêu của đề án.", $"Actuals[{code}]");
            }
        }

        foreach (var outcome in Outcomes)
        {
            if (command.Actuals.TryGetValue(outcome.IndicatorCode, out var actual))
            {
                outcome.Actual = actual;
            }
        }

        (AcceptanceDate, AcceptedAmount, RealisedCounterpart, AcceptanceMinutes) =
            (command.Date, command.Amount, command.RealisedCounterpart, string.IsNullOrWhiteSpace(command.Minutes) ? null : command.Minutes.Trim());
        return Move(ctx, ProjectState.Accepted, "Nghiệm thu", command.Amount);
    }

    /// <summary>Quyết toán: the settled amount; what was approved and not settled returns to the budget.</summary>
    public ActResult Settle(SettleProject command, ActContext ctx)
    {
        if (Refuse(ProjectAction.Settle, ctx) is { } refused)
        {
            return refused;
        }

        if (command.Amount < 0 || command.Amount > AcceptedAmount)
        {
            return ActResult.Fail($"Kinh phí quyết toán là số đồng nguyên, không vượt kinh phí nghiệm thu ({VietnameseCulture.Dong(AcceptedAmount ?? 0)} đồng).", "Amount");
        }

        if (command.Amount < ProjectRules.StateDisbursed(this) && string.IsNullOrWhiteSpace(command.Comment))
        {
            return ActResult.Fail("Quyết toán thấp hơn số đã giải ngân: hãy ghi chú việc thu hồi phần chênh lệch.", "Comment");
        }

        var date = command.Date ?? ctx.Today;
        if (Limits.RefuseDate(date, "Ngày quyết toán", ctx.Today) is { } badDate)
        {
            return ActResult.Fail(badDate, "Date");
        }

        if (AcceptanceDate is { } acceptedOn && date < acceptedOn)
        {
            return ActResult.Fail($"Ngày quyết toán không được trước ngày nghiệm thu ({VietnameseCulture.Date(acceptedOn)}).", "Date");
        }

        (SettlementDate, SettledAmount, ReturnedAmount) = (date, command.Amount, (ApprovedSupport ?? 0) - command.Amount);
        return Move(ctx, ProjectState.Settled, $"Quyết toán; kinh phí không sử dụng {VietnameseCulture.Dong(ReturnedAmount.Value)} đồng", command.Amount, command.Comment);
    }

    public ActResult RequestAdjustment(RequestAdjustment command, ActContext ctx)
    {
        if (Refuse(ProjectAction.RequestAdjustment, ctx) is { } refused)
        {
            return refused;
        }

        if (Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))
        {
            return ActResult.Fail("Đề án đang có một đề nghị điều chỉnh chờ phê duyệt.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return ActResult.Fail("Hãy nêu lý do điều chỉnh.", "Comment");
        }

        var adjustment = new Adjustment
        {
            Kind = command.Kind,
            Reason = command.Reason.Trim(),
            RequestedById = ctx.Actor.UserId,
            RequestedBy = ctx.Actor.UserName,
            RequestedAtUtc = ctx.NowUtc,
            Details = string.IsNullOrWhiteSpace(command.Details) ? null : command.Details.Trim(),
        };
        switch (command.Kind)
        {
            case AdjustmentKind.Amount:
                if (command.NewAmount is not { } amount || amount <= 0 || amount < ProjectRules.StateDisbursed(this) || Limits.RefuseDong(amount, "Kinh phí mới") is not null)
                {
                    return ActResult.Fail("Kinh phí mới là số đồng nguyên lớn hơn 0 và không thấp hơn số đã giải ngân.", "Amount");
                }

                adjustment.NewAmount = amount;
                break;
            case AdjustmentKind.Schedule:
                if (command.NewStartDate is not { } start || command.NewEndDate is not { } end || end <= start
                    || Limits.RefuseDate(start, "Ngày bắt đầu") is not null || Limits.RefuseDate(end, "Ngày kết thúc") is not null)
                {
                    return ActResult.Fail("Hãy nhập ngày bắt đầu và kết thúc mới hợp lệ (kết thúc sau bắt đầu).", "NewEndDate");
                }

                (adjustment.NewStartDate, adjustment.NewEndDate) = (start, end);
                break;
            case AdjustmentKind.Stop:
                break;
            default:
                if (adjustment.Details is null)
                {
                    return ActResult.Fail("Hãy mô tả nội dung điều chỉnh.", "Reference");
                }

                break;
        }

        Adjustments.Add(adjustment);
        return Move(ctx, State, $"Đề nghị điều chỉnh: {ProjectLabels.Of(command.Kind)}", adjustment.NewAmount);
    }

    /// <summary>
    /// Quyết định điều chỉnh: by the authority that approved the project (the ministry for KCQG). A new amount never
    /// exceeds the support norms of the project's contents.
    /// </summary>
    public ActResult DecideAdjustment(DecideAdjustment command, ActContext ctx)
    {
        if (Refuse(ProjectAction.DecideAdjustment, ctx) is { } refused)
        {
            return refused;
        }

        var adjustment = Adjustments.FirstOrDefault(a => a.Id == command.AdjustmentId && a.Status == AdjustmentStatus.Pending);
        if (adjustment is null)
        {
            return ActResult.Fail("Không có đề nghị điều chỉnh nào đang chờ phê duyệt.");
        }

        if (command.Accept && adjustment.Kind == AdjustmentKind.Amount)
        {
            var ceiling = SupportNormCheck.Ceiling(this, command.Norms);
            if (adjustment.NewAmount > ceiling)
            {
                return ActResult.Fail($"Kinh phí mới ({VietnameseCulture.Dong(adjustment.NewAmount.Value)} đồng) vượt mức hỗ trợ tối đa theo định mức của các nội dung đề án ({VietnameseCulture.Dong(ceiling)} đồng).", "Amount");
            }
        }

        adjustment.Status = command.Accept ? AdjustmentStatus.Approved : AdjustmentStatus.Refused;
        adjustment.DecidedBy = ctx.Actor.UserName;
        adjustment.DecidedAtUtc = ctx.NowUtc;
        adjustment.DecisionComment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        if (!command.Accept)
        {
            return Move(ctx, State, $"Không chấp thuận điều chỉnh: {ProjectLabels.Of(adjustment.Kind)}", comment: adjustment.DecisionComment);
        }

        var next = State;
        switch (adjustment.Kind)
        {
            case AdjustmentKind.Amount:
                adjustment.PreviousAmount = ApprovedSupport;
                ApprovedSupport = adjustment.NewAmount;
                break;
            case AdjustmentKind.Schedule:
                (adjustment.PreviousStartDate, adjustment.PreviousEndDate) = (StartDate, EndDate);
                (StartDate, EndDate) = (adjustment.NewStartDate!.Value, adjustment.NewEndDate!.Value);
                break;
            case AdjustmentKind.Stop:
                next = ProjectState.Stopped;
                LastReason = adjustment.Reason;
                break;
        }

        var action = adjustment.Kind == AdjustmentKind.Amount
            ? $"Chấp thuận điều chỉnh kinh phí: {VietnameseCulture.Dong(adjustment.PreviousAmount ?? 0)} → {VietnameseCulture.Dong(adjustment.NewAmount!.Value)} đồng"
            : $"Chấp thuận điều chỉnh: {ProjectLabels.Of(adjustment.Kind)}";
        return Move(ctx, next, action, adjustment.NewAmount, adjustment.DecisionComment);
    }

    /// <summary>Đính kèm tài liệu: a file of the dossier, already stored by the caller under <paramref name="storageName"/>.</summary>
    public ActResult AttachDocument(string category, string fileName, string contentType, long size, string storageName, string sha256, ActContext ctx)
    {
        if (Refuse(ProjectAction.UploadDocument, ctx) is { } refused)
        {
            return refused;
        }

        if (DocumentQuotaRefusal(size, ctx.Limits) is { } quota)
        {
            return ActResult.Fail(quota, "File");
        }

        Documents.Add(new ProjectDocument
        {
            Category = category,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            StorageName = storageName,
            Sha256 = sha256,
            UploadedBy = ctx.Actor.UserName,
            UploadedAtUtc = ctx.NowUtc,
        });
        return Move(ctx, State, $"Đính kèm tài liệu «{fileName}»");
    }

    /// <summary>The refusal when one more file of this size would take the dossier past its count or size quota.</summary>
    private string? DocumentQuotaRefusal(long size, ProjectLimits limits)
    {
        var count = Documents.Count;
        var used = Documents.Sum(d => d.Size);
        if (count >= limits.MaxDocuments)
        {
            return $"Đề án đã có {count.ToString("#,##0", VietnameseCulture.Instance)} tài liệu, bằng giới hạn {limits.MaxDocuments.ToString("#,##0", VietnameseCulture.Instance)} tài liệu mỗi đề án; tệp không được nhận.";
        }

        return used + size > limits.MaxDocumentBytes
            ? $"Vượt giới hạn dung lượng hồ sơ của đề án: tối đa {VietnameseCulture.Megabytes(limits.MaxDocumentBytes)} mỗi đề án, đã dùng {VietnameseCulture.Megabytes(used)}, tệp này {VietnameseCulture.Megabytes(size)}; tệp không được nhận."
            : null;
    }

    /// <summary>
    /// Sửa chữa dữ liệu: the command line's operator corrects a stored project's exchange fields, giving a reason.
    /// The changed fields are named in the timeline; the audit log keeps their old and new values.
    /// </summary>
    public ActResult Correct(ProjectCorrection correction, ActContext ctx)
    {
        if (ctx.Actor.Role != Roles.Admin || ctx.Actor.UserId.Length != 0)
        {
            return ActResult.Fail("Chỉ người vận hành trên máy chủ (dòng lệnh, chế độ --correct) được sửa chữa dữ liệu đã duyệt.");
        }

        if (string.IsNullOrWhiteSpace(correction.Reason))
        {
            return ActResult.Fail("Sửa chữa dữ liệu phải nêu lý do (--reason \"…\").");
        }

        var errors = RefuseHistorical(correction.Values, ctx).ToList();
        if (errors.Count > 0)
        {
            return ActResult.Fail(errors);
        }

        var d = correction.Values.Draft;
        var changed = new List<string>();
        void Set<T>(string label, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                changed.Add(label);
                assign(value);
            }
        }

        Set("năm kế hoạch", PlanYear, d.PlanYear, v => PlanYear = v);
        Set("tỉnh", ProvinceId, d.ProvinceId, v => ProvinceId = v);
        Set("nguồn kinh phí", Source, d.Source, v => Source = v);
        Set("loại đề án", Kind, d.Kind, v => Kind = v);
        Set("tên đề án", Title, d.Title.Trim(), v => Title = v);
        Set("đơn vị thực hiện", ImplementingUnit, d.ImplementingUnit.Trim(), v => ImplementingUnit = v);
        Set("vốn đối ứng cam kết", CounterpartCommitted, d.CounterpartCommitted, v => CounterpartCommitted = v);
        Set("trạng thái", State, correction.Values.State, v => State = v);
        Set("kinh phí được duyệt", ApprovedSupport, correction.Values.ApprovedSupport, v => ApprovedSupport = v);
        Set("ngày phê duyệt", ApprovalDate, correction.Values.ApprovalDate, v => ApprovalDate = v);
        var codes = d.Contents.Select(c => c.ContentCode).Order(StringComparer.Ordinal).ToList();
        if (!Contents.Select(c => c.ContentCode).Order(StringComparer.Ordinal).SequenceEqual(codes) || Contents.Sum(c => c.RequestedAmount) != d.Contents.Sum(c => c.RequestedAmount))
        {
            changed.Add("nội dung và kinh phí đề nghị");
            Contents.Clear();
            Contents.AddRange(d.Contents.Select(c => new ProjectContent { ContentCode = c.ContentCode, TotalCost = c.TotalCost, RequestedAmount = c.RequestedAmount }));
            RequestedSupport = Contents.Sum(c => c.RequestedAmount);
        }

        if (changed.Count == 0)
        {
            return ActResult.Ok;
        }

        UpdatedAtUtc = ctx.NowUtc;
        Events.Add(new ProjectEvent
        {
            OccurredAtUtc = ctx.NowUtc,
            UserId = string.IsNullOrEmpty(ctx.Actor.UserId) ? null : ctx.Actor.UserId,
            UserName = ctx.Actor.UserName,
            Action = $"Sửa chữa dữ liệu: {string.Join(", ", changed)}",
            Comment = correction.Reason.Trim(),
        });
        return ActResult.Ok;
    }

    /// <summary>Sửa chữa kết quả: the operator's correction of one outcome's target or actual, with the reason given to <see cref="Correct"/>.</summary>
    public ActResult CorrectOutcome(string indicatorCode, decimal target, decimal? actual, string reason, ActContext ctx)
    {
        if (ctx.Actor.Role != Roles.Admin || ctx.Actor.UserId.Length != 0 || string.IsNullOrWhiteSpace(reason))
        {
            return ActResult.Fail("Chỉ người vận hành trên máy chủ (dòng lệnh, chế độ --correct, có lý do) được sửa kết quả đã nghiệm thu.");
        }

        PutOutcome(indicatorCode, target, actual, ctx);
        Events.Add(new ProjectEvent
        {
            OccurredAtUtc = ctx.NowUtc,
            UserName = ctx.Actor.UserName,
            Action = $"Sửa chữa kết quả: chỉ tiêu {indicatorCode}",
            Comment = reason.Trim(),
        });
        return ActResult.Ok;
    }

    /// <summary>
    /// Sửa chỉ tiêu: the officer changes an outcome target while the project is still a draft; actuals come only at
    /// acceptance.
    /// </summary>
    public ActResult SetOutcomeTarget(string indicatorCode, decimal target, ActContext ctx)
    {
        if (Refuse(ProjectAction.Edit, ctx) is { } refused)
        {
            return refused;
        }

        if (Limits.RefuseDong(target, "Chỉ tiêu") is { } bad)
        {
            return ActResult.Fail(bad, "Target");
        }

        PutOutcome(indicatorCode, target, Outcomes.FirstOrDefault(o => o.IndicatorCode == indicatorCode)?.Actual, ctx);
        return ActResult.Ok;
    }

    /// <summary>
    /// An outcome of a project loaded as history in the same act (ministry roles, command line); an actual only for a
    /// project loaded as accepted or later.
    /// </summary>
    public ActResult RecordHistoricalOutcome(string indicatorCode, decimal target, decimal? actual, ActContext ctx)
    {
        if (ctx.Actor.Role is not (Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Admin))
        {
            return ActResult.Fail("Chỉ Bộ Công Thương hoặc người vận hành được nhập dữ liệu lịch sử.");
        }

        if (actual is not null && !(State >= ProjectState.Accepted && State != ProjectState.Rejected && State != ProjectState.Stopped))
        {
            return ActResult.Fail("Kết quả thực hiện chỉ có sau khi nghiệm thu.", "Actual");
        }

        if ((Limits.RefuseDong(target, "Chỉ tiêu") ?? (actual is { } a ? Limits.RefuseDong(a, "Kết quả thực hiện") : null)) is { } bad)
        {
            return ActResult.Fail(bad, "Target");
        }

        PutOutcome(indicatorCode, target, actual, ctx);
        return ActResult.Ok;
    }

    /// <summary>
    /// Sửa từ tệp trao đổi: a workbook row that differs from this stored project. A draft or returned project is edited
    /// through <see cref="EditDraft"/> (the row's exchange fields over the stored ones); anything past the draft, and any
    /// state or approved amount, changes only through the lifecycle's acts or an adjustment.
    /// </summary>
    /// <param name="beneficiaries">
    /// The beneficiary lines the row's tax-code column gives (docs/domain.md §9.1), or null when the row leaves them as
    /// they are.
    /// </param>
    public ActResult ReviseFromExchange(HistoricalProject values, ActContext ctx, IReadOnlyList<BeneficiaryDraft>? beneficiaries = null)
    {
        if (State is not (ProjectState.Draft or ProjectState.Returned))
        {
            return ActResult.Fail(State >= ProjectState.Approved && State != ProjectState.Rejected
                ? "Đề án đã phê duyệt: chỉ thay đổi được qua điều chỉnh."
                : $"Đề án đang ở trạng thái «{ProjectLabels.Of(State)}»: không sửa được qua Excel, chỉ qua các bước trên cổng.", "State");
        }

        if (values.State != State || values.ApprovedSupport != ApprovedSupport)
        {
            return ActResult.Fail("Tỉnh không được đổi trạng thái hay kinh phí được duyệt của đề án qua Excel.", "State");
        }

        var stored = ToDraft();
        var sameContents = stored.Contents.Select(c => c.ContentCode).Order(StringComparer.Ordinal)
            .SequenceEqual(values.Draft.Contents.Select(c => c.ContentCode).Order(StringComparer.Ordinal))
            && stored.Contents.Sum(c => c.RequestedAmount) == values.Draft.Contents.Sum(c => c.RequestedAmount);
        var result = EditDraft(stored with
        {
            PlanYear = values.Draft.PlanYear,
            ProvinceId = values.Draft.ProvinceId,
            Source = values.Draft.Source,
            Kind = values.Draft.Kind,
            Title = values.Draft.Title,
            ImplementingUnit = values.Draft.ImplementingUnit,
            CounterpartCommitted = values.Draft.CounterpartCommitted,
            Contents = sameContents ? stored.Contents : values.Draft.Contents,
            Beneficiaries = beneficiaries ?? stored.Beneficiaries,
        }, ctx);
        if (result.Done)
        {
            Note("Cập nhật bản nháp từ Excel", ctx);
        }

        return result;
    }

    /// <summary>
    /// An outcome row for this stored project: the target of a draft may change; the actual is fixed at acceptance on
    /// the portal, so the row may only repeat it.
    /// </summary>
    public ActResult ReviseOutcomeFromExchange(string indicatorCode, decimal target, decimal? actual, ActContext ctx)
    {
        if (actual != Outcomes.FirstOrDefault(o => o.IndicatorCode == indicatorCode)?.Actual)
        {
            return ActResult.Fail(State >= ProjectState.Accepted && State != ProjectState.Rejected
                ? "Kết quả thực hiện đã cố định khi nghiệm thu; chỉ sửa được bằng sửa chữa dữ liệu có lý do."
                : "Kết quả thực hiện chỉ ghi khi nghiệm thu đề án trên cổng.", "Actual");
        }

        return SetOutcomeTarget(indicatorCode, target, ctx);
    }

    /// <summary>The project's current draft fields, to edit a few of them and give the rest back unchanged.</summary>
    public ProjectDraft ToDraft() => new(
        PlanYear, ProvinceId, Source, Kind, Title, ImplementingUnit, StartDate, EndDate, CounterpartCommitted,
        [.. Contents.Select(c => new ContentDraft(c.ContentCode, c.TotalCost, c.RequestedAmount))],
        [.. Beneficiaries.Select(b => new BeneficiaryDraft(b.Name, b.TaxCode, b.Type, b.Commune, b.WomenOwned, b.EthnicMinorityEmployer, b.PriorityArea, b.EstablishmentId))],
        [.. Outcomes.Select(o => new OutcomeDraft(o.IndicatorCode, o.Target, o.Actual))]);

    /// <summary>A line of the timeline for an act done by the methods above (e.g. which path it came by).</summary>
    private void Note(string action, ActContext ctx) => Record(ctx, action, null, null);

    /// <summary>Sets an outcome's target and actual, adding the indicator when the project does not have it yet.</summary>
    private void PutOutcome(string indicatorCode, decimal target, decimal? actual, ActContext ctx)
    {
        var outcome = Outcomes.FirstOrDefault(o => o.IndicatorCode == indicatorCode);
        if (outcome is null)
        {
            Outcomes.Add(new ProjectOutcome { IndicatorCode = indicatorCode, Target = target, Actual = actual });
        }
        else
        {
            (outcome.Target, outcome.Actual) = (target, actual);
        }

        UpdatedAtUtc = ctx.NowUtc;
    }

    private ActResult? Refuse(ProjectAction action, ActContext ctx)
    {
        var decision = ProjectWorkflow.Check(action, ctx.Actor, this);
        return decision.Allowed ? null : ActResult.Fail(decision.Refusal!);
    }

    private ActResult? RefuseRecommended(decimal amount, string what) =>
        amount <= 0 || amount > RequestedSupport || Limits.RefuseDong(amount, what) is not null
            ? ActResult.Fail($"{what} là số đồng nguyên, lớn hơn 0 và không vượt kinh phí đề nghị ({VietnameseCulture.Dong(RequestedSupport)} đồng).", "Amount")
            : null;

    private static ActResult? RefuseReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ActResult.Fail("Hãy nêu lý do.", "Comment") : null;

    /// <summary>The rules of a draft's own fields: money within bounds, dates plausible, requested = the contents' sum.</summary>
    public static IReadOnlyList<ActError> RefuseDraft(ProjectDraft draft)
    {
        var errors = new List<ActError>();
        void Check(string? message, string field)
        {
            if (message is not null)
            {
                errors.Add(new ActError(field, message));
            }
        }

        if (draft.PlanYear < Limits.EarliestDate.Year || draft.PlanYear > Limits.LatestYear)
        {
            errors.Add(new ActError("PlanYear", string.Create(CultureInfo.InvariantCulture, $"Năm kế hoạch phải từ {Limits.EarliestDate.Year} đến {Limits.LatestYear}.")));
        }

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add(new ActError("Title", "Hãy nhập tên đề án."));
        }

        Check(Limits.RefuseDate(draft.StartDate, "Ngày bắt đầu"), "StartDate");
        Check(Limits.RefuseDate(draft.EndDate, "Ngày kết thúc"), "EndDate");
        if (draft.EndDate <= draft.StartDate)
        {
            errors.Add(new ActError("EndDate", "Ngày kết thúc phải sau ngày bắt đầu."));
        }

        Check(Limits.RefuseDong(draft.CounterpartCommitted, "Vốn đối ứng"), "CounterpartCommitted");
        foreach (var (c, i) in draft.Contents.Select((c, i) => (c, i)))
        {
            Check(Limits.RefuseDong(c.TotalCost, "Tổng chi phí"), $"Contents[{i}].TotalCost");
            Check(Limits.RefuseDong(c.RequestedAmount, "Kinh phí đề nghị"), $"Contents[{i}].RequestedAmount");
        }

        Check(Limits.RefuseDong(draft.Contents.Sum(c => c.RequestedAmount), "Tổng kinh phí đề nghị"), "Contents");
        foreach (var (b, i) in draft.Beneficiaries.Select((b, i) => (b, i)))
        {
            Check(string.IsNullOrWhiteSpace(b.TaxCode) ? null : Establishments.TaxCode.Check(b.TaxCode).Error, $"Beneficiaries[{i}].TaxCode");
        }

        foreach (var (o, i) in draft.Outcomes.Select((o, i) => (o, i)))
        {
            Check(Limits.RefuseDong(o.Target, "Chỉ tiêu"), $"Outcomes[{i}].Target");
            if (o.Actual is { } actual)
            {
                Check(Limits.RefuseDong(actual, "Kết quả thực hiện"), $"Outcomes[{i}].Actual");
            }
        }

        return errors;
    }

    private static IEnumerable<ActError> RefuseHistorical(HistoricalProject values, ActContext ctx)
    {
        var approvedState = values.State >= ProjectState.Approved && values.State != ProjectState.Rejected;
        if (approvedState && values.ApprovedSupport is null)
        {
            yield return new ActError("ApprovedSupport", "Đề án đã phê duyệt phải có kinh phí được duyệt.");
        }

        if (values.ApprovedSupport is { } approved)
        {
            if (Limits.RefuseDong(approved, "Kinh phí được duyệt") is { } bad)
            {
                yield return new ActError("ApprovedSupport", bad);
            }
            else if (approved > values.Draft.Contents.Sum(c => c.RequestedAmount))
            {
                yield return new ActError("ApprovedSupport", "Kinh phí được duyệt không được lớn hơn kinh phí đề nghị.");
            }
        }

        if (values.ApprovalDate is { } date && Limits.RefuseDate(date, "Ngày phê duyệt", ctx.Today) is { } badDate)
        {
            yield return new ActError("ApprovalDate", badDate);
        }

        if (values.RealisedCounterpart is { } realised && Limits.RefuseDong(realised, "Vốn đối ứng thực hiện") is { } badRealised)
        {
            yield return new ActError("RealisedCounterpart", badRealised);
        }

        if (values.State < ProjectState.Accepted && values.Draft.Outcomes.Any(o => o.Actual is not null))
        {
            yield return new ActError("Actual", "Kết quả thực hiện chỉ có sau khi nghiệm thu.");
        }
    }

    private void Write(ProjectDraft d)
    {
        (PlanYear, ProvinceId, Source, Kind) = (d.PlanYear, d.ProvinceId, d.Source, d.Kind);
        (Title, ImplementingUnit, StartDate, EndDate, CounterpartCommitted) = (d.Title.Trim(), d.ImplementingUnit.Trim(), d.StartDate, d.EndDate, d.CounterpartCommitted);
        Contents.AddRange(d.Contents.Select(c => new ProjectContent { ContentCode = c.ContentCode, TotalCost = c.TotalCost, RequestedAmount = c.RequestedAmount }));
        RequestedSupport = Contents.Sum(c => c.RequestedAmount);
        Beneficiaries.AddRange(d.Beneficiaries.Select(b => new Beneficiary
        {
            Name = b.Name.Trim(),
            TaxCode = string.IsNullOrWhiteSpace(b.TaxCode) ? null : Establishments.TaxCode.Check(b.TaxCode).Normalized ?? b.TaxCode.Trim(),
            EstablishmentId = b.EstablishmentId,
            Type = b.Type,
            Commune = b.Commune.Trim(),
            WomenOwned = b.WomenOwned,
            EthnicMinorityEmployer = b.EthnicMinorityEmployer,
            PriorityArea = b.PriorityArea,
        }));
        Outcomes.AddRange(d.Outcomes.Select(o => new ProjectOutcome { IndicatorCode = o.IndicatorCode, Target = o.Target }));
        UpdatedAtUtc = CreatedAtUtc;
    }

    private void WriteActuals(IEnumerable<OutcomeDraft> outcomes)
    {
        foreach (var o in outcomes.Where(o => o.Actual is not null))
        {
            Outcomes.First(x => x.IndicatorCode == o.IndicatorCode).Actual = o.Actual;
        }
    }

    private ActResult Move(ActContext ctx, ProjectState next, string action, decimal? amount = null, string? comment = null)
    {
        var from = State;
        State = next;
        UpdatedAtUtc = ctx.NowUtc;
        Record(ctx, action, from == next ? null : from, from == next ? null : next, amount, comment);
        return ActResult.Ok;
    }

    private void Record(ActContext ctx, string action, ProjectState? from, ProjectState? to, decimal? amount = null, string? comment = null) =>
        Events.Add(new ProjectEvent
        {
            OccurredAtUtc = ctx.NowUtc,
            UserId = string.IsNullOrEmpty(ctx.Actor.UserId) ? null : ctx.Actor.UserId,
            UserName = ctx.Actor.UserName,
            Action = action,
            FromState = from,
            ToState = to,
            Amount = amount,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
}
