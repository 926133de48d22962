namespace KhuyenCong.Domain.Common;

/// <summary>
/// An entity found by diacritics-insensitive search. The data layer stores <see cref="SearchKey"/>
/// (built by <see cref="SearchText.Key"/> from <see cref="SearchSource"/>) so that the same lower-case
/// ASCII comparison runs on every database provider.
/// </summary>
public interface ISearchable
{
    string SearchKey { get; set; }

    /// <summary>The text the search key is made of.</summary>
    string SearchSource();
}
