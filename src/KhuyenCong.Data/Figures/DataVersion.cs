namespace KhuyenCong.Data.Figures;

/// <summary>
/// The one row whose <see cref="Stamp"/> every save that can change a report figure replaces, in that save's own
/// transaction (<see cref="FigureWriteInterceptor"/>). Cached figures are keyed by the stamp, so an instance that
/// reads the stamp after a write committed, on any instance, never serves a figure computed before it; no message
/// between instances is needed (issue 14).
/// </summary>
public sealed class DataVersion
{
    /// <summary>The id of the single row, written by the migration that creates the table.</summary>
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>A new random value on each figure write: only equality matters, so no read is needed to renew it.</summary>
    public Guid Stamp { get; set; }
}
