using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Projects;

/// <summary>Limits of project rules that are settings, not law (docs/domain.md §6).</summary>
/// <param name="MaxDocuments">Documents one project's dossier may hold (setting Documents:MaxPerProject).</param>
/// <param name="MaxDocumentBytes">Their total size in bytes (setting Documents:MaxBytesPerProject).</param>
public sealed record ProjectLimits(decimal AdvanceLimitPercent = ProjectRules.DefaultAdvanceLimitPercent,
    int MaxDocuments = 200, long MaxDocumentBytes = 500L * 1024 * 1024)
{
    public static readonly ProjectLimits Default = new();
}

/// <summary>Who acts, when, under which limits: everything an act needs besides its own fields.</summary>
public sealed record ActContext(ProjectActor Actor, DateTime NowUtc, ProjectLimits Limits)
{
    /// <summary>Today in Vietnam (UTC+7), the day against which "not in the future" is judged.</summary>
    public DateOnly Today => DateOnly.FromDateTime(NowUtc.AddHours(7));
}

/// <summary>One refusal of an act: the field it concerns (empty for the whole act) and a Vietnamese message.</summary>
public sealed record ActError(string Field, string Message);

/// <summary>The outcome of an act: done, or refused with its reasons; nothing changes when refused.</summary>
public sealed class ActResult
{
    private ActResult(IReadOnlyList<ActError> errors) => Errors = errors;

    public IReadOnlyList<ActError> Errors { get; }

    public bool Done => Errors.Count == 0;

    public static readonly ActResult Ok = new([]);

    public static ActResult Fail(string message, string field = "") => new([new ActError(field, message)]);

    public static ActResult Fail(IEnumerable<ActError> errors) => new([.. errors]);

    public string Message => string.Join(" ", Errors.Select(e => e.Message));
}

/// <summary>What the province officer writes in a draft (registration and editing alike).</summary>
public sealed record ProjectDraft(
    int PlanYear,
    int ProvinceId,
    FundingSource Source,
    ProjectKind Kind,
    string Title,
    string ImplementingUnit,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal CounterpartCommitted,
    IReadOnlyList<ContentDraft> Contents,
    IReadOnlyList<BeneficiaryDraft> Beneficiaries,
    IReadOnlyList<OutcomeDraft> Outcomes);

public sealed record ContentDraft(string ContentCode, decimal TotalCost, decimal RequestedAmount);

/// <summary>A beneficiary line; <paramref name="EstablishmentId"/> names the registry entry when the writer chose one (else the data layer finds or registers it).</summary>
public sealed record BeneficiaryDraft(string Name, string? TaxCode, BeneficiaryType Type, string Commune,
    bool WomenOwned = false, bool EthnicMinorityEmployer = false, bool PriorityArea = false, int? EstablishmentId = null);

public sealed record OutcomeDraft(string IndicatorCode, decimal Target, decimal? Actual = null);

/// <summary>
/// A project loaded in the state it had already reached elsewhere (Nhập dữ liệu lịch sử): ministry roles and the
/// command line only, never over a stored project.
/// </summary>
public sealed record HistoricalProject(ProjectDraft Draft, ProjectState State, decimal? ApprovedSupport, DateOnly? ApprovalDate, decimal? RealisedCounterpart = null);

/// <summary>Phê duyệt: the approved support, the decision's date (today when none) and its number (optional).</summary>
public sealed record ApproveProject(decimal Amount, DateOnly? DecisionDate, string? DecisionNumber = null);

public sealed record RecordContract(string Number, DateOnly Date, decimal Value);

public sealed record DisburseMoney(DateOnly Date, decimal Amount, MoneySource Source, string? Note);

public sealed record AcceptProject(DateOnly Date, decimal Amount, decimal RealisedCounterpart, string? Minutes, IReadOnlyDictionary<string, decimal> Actuals);

public sealed record SettleProject(DateOnly? Date, decimal Amount, string? Comment);

public sealed record RequestAdjustment(AdjustmentKind Kind, string Reason, decimal? NewAmount, DateOnly? NewStartDate, DateOnly? NewEndDate, string? Details);

/// <summary>The decision on a pending adjustment; the norms bound a new amount.</summary>
public sealed record DecideAdjustment(int AdjustmentId, bool Accept, string? Comment, IReadOnlyCollection<SupportNorm> Norms);

/// <summary>
/// An operator's correction of a stored project's exchange fields (<c>import FILE --correct --reason "…"</c>): the
/// only way to change a record after approval other than the lifecycle's acts, always with a reason, recorded
/// field by field.
/// </summary>
public sealed record ProjectCorrection(string Reason, HistoricalProject Values);
