namespace KhuyenCong.Domain.Reports;

/// <summary>Where one expected province stands for a period.</summary>
public enum SubmissionState
{
    /// <summary>Chưa có báo cáo.</summary>
    Missing,

    /// <summary>Đang soạn (never submitted).</summary>
    Drafting,

    /// <summary>Đã mở lại để sửa: submitted once, reopened by the ministry, not yet submitted again.</summary>
    Reopened,

    OnTime,

    Late,
}

/// <summary>One expected province's line on the completeness board.</summary>
public sealed record SubmissionLine(int ProvinceId, string ProvinceCode, string ProvinceName, SubmissionState State, DateOnly? FirstSubmitted, int? ReportId)
{
    public bool IsSubmitted => State is SubmissionState.OnTime or SubmissionState.Late;
}

/// <summary>
/// Completeness of a period (docs/domain.md §8): reports submitted ÷ reports expected, where expected are the provinces
/// valid at the period end; on time means first submitted (Vietnam date) on or before the due date.
/// </summary>
public sealed record Completeness(int Year, ReportPeriod Period, DateOnly? Due, IReadOnlyList<SubmissionLine> Lines)
{
    public int Expected => Lines.Count;

    public int Submitted => Lines.Count(l => l.IsSubmitted);

    public int OnTime => Lines.Count(l => l.State == SubmissionState.OnTime);

    public int Late => Lines.Count(l => l.State == SubmissionState.Late);

    public int Missing => Expected - Submitted;

    /// <summary>Builds the board from the expected provinces and the reports stored for the period.</summary>
    public static Completeness Of(
        int year,
        ReportPeriod period,
        DateOnly? due,
        IEnumerable<(int Id, string Code, string Name)> expected,
        IEnumerable<(int Id, int ProvinceId, PeriodicReportStatus Status, DateOnly? FirstSubmitted)> reports)
    {
        var byProvince = reports.ToDictionary(r => r.ProvinceId);
        var lines = expected.Select(p =>
        {
            if (!byProvince.TryGetValue(p.Id, out var r))
            {
                return new SubmissionLine(p.Id, p.Code, p.Name, SubmissionState.Missing, null, null);
            }

            var state = r.Status == PeriodicReportStatus.Submitted
                ? (due is null || r.FirstSubmitted <= due ? SubmissionState.OnTime : SubmissionState.Late)
                : (r.FirstSubmitted is null ? SubmissionState.Drafting : SubmissionState.Reopened);
            return new SubmissionLine(p.Id, p.Code, p.Name, state, r.FirstSubmitted, r.Id);
        }).ToList();
        return new Completeness(year, period, due, lines);
    }

    public static string Label(SubmissionState state) => state switch
    {
        SubmissionState.Missing => "Chưa có báo cáo",
        SubmissionState.Drafting => "Đang soạn",
        SubmissionState.Reopened => "Đã mở lại, chờ gửi lại",
        SubmissionState.OnTime => "Đã nộp đúng hạn",
        SubmissionState.Late => "Nộp muộn",
        _ => state.ToString(),
    };
}
