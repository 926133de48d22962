using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Projects;

/// <summary>The fields of one action on a project, as a form posts them; each action reads the ones it needs.</summary>
public sealed class ProjectCommand
{
    public ProjectAction Action { get; set; }

    /// <summary>The version of the project the user saw; a stale one is refused.</summary>
    public Guid Version { get; set; }

    public string? Comment { get; set; }

    public string? Amount { get; set; }

    public string? Date { get; set; }

    public string? Reference { get; set; }

    public string? Counterpart { get; set; }

    public MoneySource MoneySource { get; set; } = MoneySource.State;

    public AdjustmentKind AdjustmentKind { get; set; } = AdjustmentKind.Amount;

    public string? NewStartDate { get; set; }

    public string? NewEndDate { get; set; }

    public int? AdjustmentId { get; set; }

    public bool Accept { get; set; }

    /// <summary>Actual outcome figures at acceptance, by indicator code.</summary>
    public Dictionary<string, string> Actuals { get; set; } = [];

    /// <summary>
    /// Reads the typed fields the action needs (whole đồng, dd/MM/yyyy); what they must satisfy is the act's business,
    /// in the domain.
    /// </summary>
    public ParsedCommand Parse()
    {
        var parsed = new ParsedCommand();
        var amountLabel = Action switch
        {
            ProjectAction.AppraiseBase or ProjectAction.AppraiseMinistry => "Kinh phí đề xuất",
            ProjectAction.Approve => "Kinh phí phê duyệt",
            ProjectAction.RecordContract => "Giá trị hợp đồng",
            ProjectAction.RecordAcceptance => "Kinh phí nghiệm thu",
            ProjectAction.Settle => "Kinh phí quyết toán",
            ProjectAction.RecordDisbursement => "Số tiền",
            _ => null,
        };
        var dateRequired = Action is ProjectAction.RecordContract or ProjectAction.RecordDisbursement or ProjectAction.RecordAcceptance;
        if (VietnameseCulture.TryParseDong(Amount, out var amount))
        {
            (parsed.Amount, parsed.HasAmount) = (amount, true);
        }
        else if (amountLabel is not null)
        {
            return parsed.Fail(nameof(Amount), $"{amountLabel} là số đồng nguyên, ví dụ 150.000.000.");
        }

        if (VietnameseCulture.TryParseDate(Date, out var date))
        {
            parsed.Date = date;
        }
        else if (dateRequired || !string.IsNullOrWhiteSpace(Date))
        {
            return parsed.Fail(nameof(Date), "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.");
        }

        parsed.NewStartDate = VietnameseCulture.TryParseDate(NewStartDate, out var start) ? start : null;
        parsed.NewEndDate = VietnameseCulture.TryParseDate(NewEndDate, out var end) ? end : null;
        if (Action != ProjectAction.RecordAcceptance)
        {
            return parsed;
        }

        if (!VietnameseCulture.TryParseDong(Counterpart, out var counterpart))
        {
            return parsed.Fail(nameof(Counterpart), "Vốn đối ứng thực hiện là số đồng nguyên.");
        }

        parsed.Counterpart = counterpart;
        foreach (var (code, text) in Actuals.Where(a => !string.IsNullOrWhiteSpace(a.Value)))
        {
            if (!VietnameseCulture.TryParseDong(text, out var actual))
            {
                return parsed.Fail($"Actuals[{code}]", "Kết quả thực hiện là số nguyên không âm.");
            }

            parsed.Actuals[code] = actual;
        }

        return parsed;
    }
}

/// <summary>A command's typed fields, or the first one that could not be read.</summary>
public sealed class ParsedCommand
{
    public decimal Amount { get; set; }

    public bool HasAmount { get; set; }

    public DateOnly? Date { get; set; }

    public decimal Counterpart { get; set; }

    public DateOnly? NewStartDate { get; set; }

    public DateOnly? NewEndDate { get; set; }

    public Dictionary<string, decimal> Actuals { get; } = new(StringComparer.Ordinal);

    public (string Field, string Message)? Error { get; private set; }

    public ParsedCommand Fail(string field, string message)
    {
        Error = (field, message);
        return this;
    }
}

/// <summary>Why an operation was refused, for the API's status (the pages show the messages alike).</summary>
public enum ProjectRefusal
{
    /// <summary>The input or the act's rules (money, dates, limits): 422.</summary>
    Invalid,

    /// <summary>The actor's role or scope may not do this: 403.</summary>
    NotPermitted,

    /// <summary>The project's state does not allow it now: 409.</summary>
    State,

    /// <summary>The project changed since the version the user saw: 412.</summary>
    Stale,
}

/// <summary>The result of a project operation: success, or Vietnamese messages keyed by field.</summary>
public sealed record ProjectResult(IReadOnlyList<(string Field, string Message)> Errors, int? ProjectId = null, bool NotFound = false,
    ProjectRefusal Refusal = ProjectRefusal.Invalid)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static ProjectResult Ok(int id) => new([], id);

    public static ProjectResult Fail(string message, string field = "") => new([(field, message)]);

    /// <summary>A refusal of the state machine (<see cref="ProjectWorkflow.Check"/>): by role or by state.</summary>
    public static ProjectResult Refused(Decision decision) =>
        new([(string.Empty, decision.Refusal!)], Refusal: decision.NotPermitted ? ProjectRefusal.NotPermitted : ProjectRefusal.State);

    public static readonly ProjectResult Stale = new([(string.Empty, ProjectService.StaleMessage)], Refusal: ProjectRefusal.Stale);

    public static readonly ProjectResult Missing = new([], null, true);

    public static ProjectResult From(ActResult result) => new([.. result.Errors.Select(e => (e.Field, e.Message))]);
}
