namespace KhuyenCong.Domain.Common;

/// <summary>Nhật ký thay đổi: one change to an audited entity, with its values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>Created, Updated, Deleted, or a named act such as SignInLockedOut.</summary>
    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityKey { get; set; } = string.Empty;

    /// <summary>The project a change belongs to (the project itself or one of its parts), so its history reads as one.</summary>
    public int? ProjectId { get; set; }

    /// <summary>JSON of the changed properties' old values (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed properties' new values (null when deleted).</summary>
    public string? After { get; set; }
}
