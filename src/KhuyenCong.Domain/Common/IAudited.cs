namespace KhuyenCong.Domain.Common;

/// <summary>Marks an entity whose every change is written to the audit log (who, when, before, after).</summary>
public interface IAudited;
