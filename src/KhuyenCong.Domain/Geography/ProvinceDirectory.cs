namespace KhuyenCong.Domain.Geography;

/// <summary>What the resolver needs to know of one province.</summary>
public sealed record ProvinceFact(
    int Id,
    string Code,
    string Name,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<int> PredecessorIds,
    IReadOnlyList<RegionPeriod> Regions)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>A region membership period, as the resolver sees it.</summary>
public sealed record RegionPeriod(string RegionCode, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>
/// The one place that answers geography questions across the 2025 merger: which province a code named at
/// a date, which province an old one is part of today, which region a province belonged to at a date, and
/// which old provinces' records a new province holds. Pure: built from a snapshot of reference data.
/// </summary>
public sealed class ProvinceDirectory
{
    private readonly Dictionary<int, ProvinceFact> _byId;
    private readonly ILookup<string, ProvinceFact> _byCode;
    private readonly ILookup<int, ProvinceFact> _successorsOf;

    public ProvinceDirectory(IEnumerable<ProvinceFact> provinces)
    {
        _byId = provinces.ToDictionary(p => p.Id);
        _byCode = _byId.Values.ToLookup(p => p.Code, StringComparer.Ordinal);
        _successorsOf = _byId.Values
            .SelectMany(p => p.PredecessorIds.Select(pre => (pre, successor: p)))
            .ToLookup(x => x.pre, x => x.successor);
    }

    public IReadOnlyCollection<ProvinceFact> All => _byId.Values;

    public ProvinceFact? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The province that <paramref name="code"/> named on <paramref name="date"/>, or null.</summary>
    public ProvinceFact? Resolve(string? code, DateOnly date)
    {
        var normalized = NormalizeCode(code);
        return normalized is null ? null : _byCode[normalized].FirstOrDefault(p => p.IsValidOn(date));
    }

    /// <summary>The province a code named on 1 January of <paramref name="year"/> (for rows without a date).</summary>
    public ProvinceFact? Resolve(string? code, int year) => Resolve(code, new DateOnly(year, 1, 1));

    /// <summary>
    /// The province that <paramref name="code"/> names in a record of plan year <paramref name="year"/> (a plan, a
    /// project): the one rule for every reader of a code in a record (docs/domain.md §3). A record keeps the province of
    /// its plan year whatever its later dates, and in the merger year one code may name two provinces (24 was Bắc Giang
    /// to 30/06/2025 and is the new Bắc Ninh after). So, among the provinces the code named during that year: the one
    /// <paramref name="stored"/> holds (the row repeats what the portal already records, e.g. a plan of old Bắc Giang
    /// adjusted after 1 July 2025), else the one valid on <paramref name="date"/>, else on 1 January, else the last.
    /// </summary>
    public ProvinceFact? ResolveInPlanYear(string? code, int year, DateOnly date, Func<int, bool>? stored = null)
    {
        var normalized = NormalizeCode(code);
        if (normalized is null)
        {
            return null;
        }

        var inYear = _byCode[normalized].Where(p => p.ValidFrom.Year <= year && (p.ValidTo is null || p.ValidTo.Value.Year >= year)).ToList();
        return inYear.FirstOrDefault(p => stored?.Invoke(p.Id) == true)
            ?? inYear.FirstOrDefault(p => p.IsValidOn(date))
            ?? inYear.FirstOrDefault(p => p.IsValidOn(new DateOnly(year, 1, 1)))
            ?? inYear.OrderBy(p => p.ValidFrom).LastOrDefault();
    }

    public IReadOnlyList<ProvinceFact> ValidOn(DateOnly date) =>
        [.. _byId.Values.Where(p => p.IsValidOn(date)).OrderBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>
    /// The province that holds <paramref name="provinceId"/>'s territory on <paramref name="date"/>: itself if
    /// still valid, else its successor, followed through as many mergers as there were.
    /// </summary>
    public ProvinceFact? SuccessorOn(int provinceId, DateOnly date)
    {
        var current = Find(provinceId);
        var guard = 0;
        while (current is not null && !current.IsValidOn(date) && guard++ < 16)
        {
            var next = _successorsOf[current.Id].Where(s => s.ValidFrom <= date).OrderByDescending(s => s.ValidFrom).FirstOrDefault();
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current is not null && current.IsValidOn(date) ? current : null;
    }

    /// <summary>The province itself and every province it was formed from, transitively.</summary>
    public IReadOnlyList<int> SelfAndPredecessorIds(int provinceId)
    {
        var result = new List<int>();
        var pending = new Stack<int>([provinceId]);
        while (pending.TryPop(out var id))
        {
            if (result.Contains(id) || !_byId.TryGetValue(id, out var p))
            {
                continue;
            }

            result.Add(id);
            foreach (var pre in p.PredecessorIds)
            {
                pending.Push(pre);
            }
        }

        return result;
    }

    public string? RegionOn(int provinceId, DateOnly date) =>
        Find(provinceId)?.Regions.FirstOrDefault(r => r.IsValidOn(date))?.RegionCode;

    private static string? NormalizeCode(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 2 || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        return trimmed.PadLeft(2, '0');
    }
}
