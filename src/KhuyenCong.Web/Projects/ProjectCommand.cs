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
}

/// <summary>The result of a project operation: success, or Vietnamese messages keyed by field.</summary>
public sealed record ProjectResult(IReadOnlyList<(string Field, string Message)> Errors, int? ProjectId = null, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static ProjectResult Ok(int id) => new([], id);

    public static ProjectResult Fail(string message, string field = "") => new([(field, message)]);

    public static readonly ProjectResult Missing = new([], null, true);
}
