namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>A clock the test sets: the portal sees this time everywhere it asks TimeProvider (deadlines, submissions, sign-in).</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Sets the clock to a time of day in Vietnam (UTC+7).</summary>
    public void SetVietnamTime(int year, int month, int day, int hour = 9) =>
        Now = new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Now;
}
