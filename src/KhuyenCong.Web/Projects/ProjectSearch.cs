using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// The project list's search: the projects whose search key contains the searched key, read from each database's
/// index of the key instead of testing every row (issue 14). The matches are exactly those of
/// <c>SearchKey.Contains(key)</c> on every database; only the way to find them differs:
/// SQLite asks the FTS5 trigram table <c>ProjectSearch</c> (kept by triggers, see ProjectListSql) for the
/// quoted phrase, PostgreSQL uses <c>LIKE '%key%'</c>, which its pg_trgm GIN index answers, and SQL Server scans.
/// A trigram index cannot look up a key shorter than three characters: such a key is tested row by row (the list's
/// order index finds the first page's matches at once; its count is cached).
/// A search also finds the projects of the provinces it names, across the 2025 merger (<see cref="ProvincesNamed"/>):
/// «bắc ninh» finds those of the new Bắc Ninh and of the two provinces it was formed from, old Bắc Giang and old Bắc Ninh.
/// </summary>
public static class ProjectSearch
{
    /// <summary>The shortest key a trigram index can look up.</summary>
    public const int IndexedLength = 3;

    /// <summary>
    /// Whether a page of this search is better read by walking the list's order index and testing each row's key
    /// than from the search index. SQLite has no statistics to decide it: from the search index it reads every row
    /// of the actor's scope whose key holds the term (<paramref name="termMatches"/>, whatever the other filters:
    /// 50 ms for 16,000 matches), then filters and sorts them; along the order index (or a filter's index) it reads
    /// about (skip + take) × rows ÷ matches rows to fill the page, and never more than the view's
    /// <paramref name="rows"/> (a handful for the first page of a common term; every row of the view for a deep
    /// page). It takes the cheaper one, from the cached counts of the view with and without the term and of the term
    /// alone. PostgreSQL's planner makes the same choice itself from its statistics; asked only when
    /// <see cref="UsesFullText"/>.
    /// </summary>
    public static bool ScanIsCheaper(int skip, int take, int matches, int rows, int termMatches) =>
        matches > 0 && Math.Min(rows, (long)(skip + take) * rows / matches) < termMatches;

    /// <summary>
    /// The provinces a search names, with every province each was formed from: those whose name's key holds the
    /// searched key as whole words (three characters or more, so that «an» names no province). «bac ninh» names the new
    /// Bắc Ninh (its predecessors old Bắc Giang and old Bắc Ninh with it) and old Bắc Ninh; «bac giang» names old Bắc Giang only.
    /// </summary>
    public static IReadOnlyList<int> ProvincesNamed(ProvinceDirectory directory, string key)
    {
        if (key.Length < IndexedLength)
        {
            return [];
        }

        var words = " " + key + " ";
        return [.. directory.All.Where(p => (" " + SearchText.Key(p.Name) + " ").Contains(words, StringComparison.Ordinal))
            .SelectMany(p => directory.SelfAndPredecessorIds(p.Id)).Distinct().Order()];
    }

    /// <summary>The search as a row-by-row test of the key, in the list's order (see <see cref="ScanIsCheaper"/>).</summary>
    public static IQueryable<Project> Scanning(this IQueryable<Project> projects, string key, IReadOnlyList<int> provinceIds)
    {
        if (provinceIds.Count == 0)
        {
            return projects.Where(p => p.SearchKey.Contains(key));
        }

        var provinces = provinceIds.ToList();
        return projects.Where(p => p.SearchKey.Contains(key) || provinces.Contains(p.ProvinceId));
    }

    /// <summary>The projects whose key holds <paramref name="key"/> or that belong to <paramref name="provinceIds"/> (<see cref="ProvincesNamed"/>).</summary>
    public static IQueryable<Project> Matching(this IQueryable<Project> projects, KhuyenCongDbContext db, string key, IReadOnlyList<int> provinceIds)
    {
        var provider = db.Database.ProviderName ?? string.Empty;
        var provinces = provinceIds.ToList();
        if (UsesFullText(db, key))
        {
            // A quoted FTS5 phrase is matched as a substring by the trigram tokenizer; a quote inside is doubled.
            var phrase = "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ProjectSearch" WHERE "ProjectSearch" MATCH {phrase}""");
            return provinces.Count == 0 ? projects.Where(p => ids.Contains(p.Id)) : projects.Where(p => ids.Contains(p.Id) || provinces.Contains(p.ProvinceId));
        }

        if (provider.StartsWith("Npgsql", StringComparison.Ordinal))
        {
            // LIKE, not strpos (what Contains becomes): only LIKE is answered by the trigram index.
            var pattern = "%" + key.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return provinces.Count == 0
                ? projects.Where(p => EF.Functions.Like(p.SearchKey, pattern, @"\"))
                : projects.Where(p => EF.Functions.Like(p.SearchKey, pattern, @"\") || provinces.Contains(p.ProvinceId));
        }

        return projects.Scanning(key, provinceIds);
    }

    /// <summary>Whether this search is read from SQLite's FTS5 table, the one case where the portal chooses the plan (<see cref="ScanIsCheaper"/>).</summary>
    public static bool UsesFullText(KhuyenCongDbContext db, string key) =>
        key.Length >= IndexedLength && (db.Database.ProviderName ?? string.Empty).EndsWith(".Sqlite", StringComparison.Ordinal);
}
