namespace KhuyenCong.Data;

/// <summary>Who is making a change, for the audit log: the signed-in user, or the command line.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string UserName { get; }
}

/// <summary>The actor for command-line verbs and start-up work.</summary>
public sealed class SystemActor(string userName = "hệ thống") : ICurrentActor
{
    public string? UserId => null;

    public string UserName { get; } = userName;
}
