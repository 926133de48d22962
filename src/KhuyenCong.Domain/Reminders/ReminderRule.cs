using System.Globalization;
using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reminders;

/// <summary>The deadlines the portal reminds people of (docs/domain.md §5.1, §8.3).</summary>
public enum DeadlineKind
{
    /// <summary>Báo cáo định kỳ of a province: due under the <see cref="Reports.ReportDeadline"/> rules.</summary>
    PeriodicReport = 1,

    /// <summary>Đề xuất đề án KCQG for next year to the Cục: a fixed day of the year (15 June, TT 36/2013 Art. 10.2.b).</summary>
    KcqgProposal = 2,

    /// <summary>Quyết toán of a plan year: a fixed day of the year after it (22 January, TT 36/2013 Art. 18).</summary>
    PlanSettlement = 3,

    /// <summary>Ký hợp đồng: a number of days after the project's approval.</summary>
    ContractSigning = 4,

    /// <summary>Nghiệm thu: a number of days after the project's end date.</summary>
    Acceptance = 5,
}

/// <summary>
/// Quy định nhắc hạn: when the portal reminds people of one deadline (reference data, editable by Admin). Reminders go
/// <see cref="DaysBefore"/> days before the due date, on it when <see cref="OnDueDate"/>, then every
/// <see cref="OverdueEveryDays"/> days while the deadline is missed, for at most <see cref="OverdueForDays"/> days.
/// For the deadlines on a fixed day of the year the day is <see cref="DueMonth"/>/<see cref="DueDay"/>; for those that
/// follow an event of a project it is <see cref="DaysAfterEvent"/> days after it.
/// </summary>
public sealed class ReminderRule : IVersioned, IAudited
{
    public const int MaxDaysBefore = 120;
    public const int MaxOverdueDays = 366;

    public int Id { get; set; }

    public DeadlineKind Deadline { get; set; }

    /// <summary>Off: no reminder of this deadline is computed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the due date, comma-separated, e.g. "30,7" (empty: none).</summary>
    public string DaysBefore { get; set; } = string.Empty;

    public bool OnDueDate { get; set; } = true;

    /// <summary>
    /// Set by the ministry: the reminder is mailed even to users who chose not to receive e-mail (their in-app
    /// notification is always there).
    /// </summary>
    public bool Mandatory { get; set; }

    /// <summary>0: no reminder once the deadline is missed.</summary>
    public int OverdueEveryDays { get; set; }

    /// <summary>How long after the due date overdue reminders go on.</summary>
    public int OverdueForDays { get; set; }

    /// <summary>For <see cref="DeadlineKind.KcqgProposal"/> and <see cref="DeadlineKind.PlanSettlement"/>.</summary>
    public int? DueMonth { get; set; }

    public int? DueDay { get; set; }

    /// <summary>For <see cref="DeadlineKind.ContractSigning"/> and <see cref="DeadlineKind.Acceptance"/>.</summary>
    public int? DaysAfterEvent { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    public Guid Version { get; set; }

    /// <summary>The days before the due date, largest first; null when the text is not a list of whole days 1–120.</summary>
    public static IReadOnlyList<int>? ParseDaysBefore(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > MaxDaysBefore)
            {
                return null;
            }

            days.Add(d);
        }

        return [.. days.Distinct().OrderDescending()];
    }

    /// <summary>
    /// The reminder steps of one occurrence, in days from the due date (negative before it, 0 on it, positive when
    /// overdue), in order. An occurrence that is no longer open after its due date stops at 0.
    /// </summary>
    public IReadOnlyList<int> Steps()
    {
        var steps = (ParseDaysBefore(DaysBefore) ?? []).Select(d => -d).ToList();
        if (OnDueDate)
        {
            steps.Add(0);
        }

        if (OverdueEveryDays > 0)
        {
            for (var d = OverdueEveryDays; d <= OverdueForDays; d += OverdueEveryDays)
            {
                steps.Add(d);
            }
        }

        return [.. steps.Distinct().Order()];
    }

    /// <summary>The due date on a fixed day of <paramref name="year"/> (29 February falls back to the 28th).</summary>
    public DateOnly? FixedDue(int year)
    {
        if (DueMonth is not { } month || DueDay is not { } day || month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}

/// <summary>Vietnamese names of the deadlines.</summary>
public static class DeadlineKinds
{
    public static readonly IReadOnlyList<DeadlineKind> All =
        [DeadlineKind.PeriodicReport, DeadlineKind.KcqgProposal, DeadlineKind.PlanSettlement, DeadlineKind.ContractSigning, DeadlineKind.Acceptance];

    public static string Label(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PeriodicReport => "Nộp báo cáo định kỳ",
        DeadlineKind.KcqgProposal => "Đề xuất đề án KCQG năm sau",
        DeadlineKind.PlanSettlement => "Quyết toán năm kế hoạch",
        DeadlineKind.ContractSigning => "Ký hợp đồng sau khi phê duyệt",
        DeadlineKind.Acceptance => "Nghiệm thu sau ngày kết thúc đề án",
        _ => kind.ToString(),
    };

    /// <summary>The act a reminder asks for, as it follows "Nhắc hạn": "nộp báo cáo định kỳ".</summary>
    public static string Phrase(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PeriodicReport => "nộp báo cáo định kỳ",
        DeadlineKind.KcqgProposal => "gửi đề xuất",
        DeadlineKind.PlanSettlement => "quyết toán",
        DeadlineKind.ContractSigning => "ký hợp đồng",
        _ => "nghiệm thu",
    };

    /// <summary>What the due date of the deadline is counted from.</summary>
    public static string Basis(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PeriodicReport => "theo hạn nộp báo cáo định kỳ của từng kỳ",
        DeadlineKind.KcqgProposal => "ngày cố định trong năm trước năm kế hoạch",
        DeadlineKind.PlanSettlement => "ngày cố định trong năm sau năm kế hoạch",
        DeadlineKind.ContractSigning => "số ngày sau ngày phê duyệt",
        _ => "số ngày sau ngày kết thúc đề án",
    };

    /// <summary>The deadline's key in reminders and the ledger (stable, English).</summary>
    public static string Key(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PeriodicReport => "periodic-report",
        DeadlineKind.KcqgProposal => "kcqg-proposal",
        DeadlineKind.PlanSettlement => "plan-settlement",
        DeadlineKind.ContractSigning => "contract-signing",
        _ => "acceptance",
    };

    public static bool IsFixedDay(DeadlineKind kind) => kind is DeadlineKind.KcqgProposal or DeadlineKind.PlanSettlement;

    public static bool IsAfterEvent(DeadlineKind kind) => kind is DeadlineKind.ContractSigning or DeadlineKind.Acceptance;
}
