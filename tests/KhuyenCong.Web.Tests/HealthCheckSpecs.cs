using KhuyenCong.Data;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Tests;

/// <summary>The database health check (/health) on its own: a probe the caller gave up on is not an unreachable database.</summary>
public sealed class HealthCheckSpecs
{
    [Fact]
    public async Task A_cancelled_health_probe_is_not_reported_as_an_unreachable_database_and_an_unreachable_one_still_is()
    {
        // PostgreSQL is where a cancelled token reaches the connection (SQLite only looks for its file).
        TestDatabase.RequirePostgres();
        await using var postgres = await TestDatabase.PostgresAsync();
        var logger = new ListLogger();
        await using (var reachable = new KhuyenCongDbContext(new DbContextOptionsBuilder<KhuyenCongDbContext>().UseNpgsql(postgres.ConnectionString).Options))
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            var result = await new DatabaseHealthCheck(reachable, logger).CheckHealthAsync(new HealthCheckContext(), cancelled.Token);
            Assert.NotEqual(HealthStatus.Unhealthy, result.Status);
            Assert.DoesNotContain("Không kết nối", result.Description ?? string.Empty, StringComparison.Ordinal);
            Assert.Contains(logger.Messages, m => m.Contains("yêu cầu bị hủy", StringComparison.Ordinal));
            Assert.DoesNotContain(logger.Messages, m => m.Contains("Không kết nối", StringComparison.Ordinal));
        }

        var missing = Path.Combine(Path.GetTempPath(), $"kc-health-{Guid.NewGuid():N}", "x.db");
        await using var unreachable = new KhuyenCongDbContext(new DbContextOptionsBuilder<KhuyenCongDbContext>().UseSqlite($"Data Source={missing};Mode=ReadOnly;Pooling=False").Options);
        var down = await new DatabaseHealthCheck(unreachable, logger).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("Không kết nối được cơ sở dữ liệu.", down.Description);
    }

    private sealed class ListLogger : ILogger<DatabaseHealthCheck>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
