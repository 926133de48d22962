namespace KhuyenCong.Domain.Common;

/// <summary>
/// An editable aggregate with a portable optimistic-concurrency token. The token is a GUID that the
/// data layer renews on every update, so it works alike on SQLite, SQL Server and PostgreSQL
/// (unlike SQL Server's rowversion).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
