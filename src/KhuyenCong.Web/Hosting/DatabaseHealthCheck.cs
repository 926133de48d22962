using KhuyenCong.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// Healthy when the database answers. A probe whose caller gave up (its request's token cancelled) says nothing
/// about the database: it is logged as cancelled, not as an unreachable database, and not reported unhealthy.
/// </summary>
public sealed class DatabaseHealthCheck(KhuyenCongDbContext db, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public const string Unreachable = "Không kết nối được cơ sở dữ liệu.";

    public const string Cancelled = "Kiểm tra bị dừng vì yêu cầu bị hủy.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Healthy();
            }

            return cancellationToken.IsCancellationRequested ? CancelledProbe() : HealthCheckResult.Unhealthy(Unreachable);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CancelledProbe();
        }
#pragma warning disable CA1031 // any other failure to reach the database means unhealthy
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return cancellationToken.IsCancellationRequested ? CancelledProbe() : HealthCheckResult.Unhealthy(Unreachable, ex);
        }
    }

    private HealthCheckResult CancelledProbe()
    {
        logger.LogInformation("Kiểm tra /health dừng lại: yêu cầu bị hủy.");
        return HealthCheckResult.Healthy(Cancelled);
    }
}
