namespace KhuyenCong.Web.Pages;

/// <summary>A page of a list: which page, how many rows in all, and the rows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Paging over an EF query: counts in the database, reads one page.</summary>
public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int? page, int pageSize, CancellationToken ct = default)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        var number = Math.Min(Math.Max(1, page ?? 1), Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.Skip((number - 1) * pageSize).Take(pageSize), ct);
        return new Paged<T>(items, number, pageSize, total);
    }
}
