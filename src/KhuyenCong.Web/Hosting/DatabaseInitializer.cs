using KhuyenCong.Data;
using KhuyenCong.Data.ReferenceData;
using KhuyenCong.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Hosting;

/// <summary>Migrates the database and loads reference data (the <c>migrate</c> verb, and first start).</summary>
public sealed class DatabaseInitializer(KhuyenCongDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
        var added = await new ReferenceDataLoader(db).LoadAsync(ct);
        logger.LogInformation("Reference data: {Added} row(s) added", added);
        return added;
    }
}

/// <summary>Demo accounts, one per role and scope, for Development only (listed in the README).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-KhuyenCong-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Province, string[] Regions)> All =
    [
        ("admin@khuyencong.local", "Quản trị hệ thống", Domain.Identity.Roles.Admin, null, []),
        ("cuc.chuyenvien@khuyencong.local", "Nguyễn Văn Cục", Domain.Identity.Roles.MinistryOfficer, null, []),
        ("cuc.lanhdao@khuyencong.local", "Trần Thị Lãnh Đạo", Domain.Identity.Roles.MinistryApprover, null, []),
        ("bacninh.chuyenvien@khuyencong.local", "Lê Văn Bắc", Domain.Identity.Roles.ProvinceOfficer, "24", []),
        ("bacninh.lanhdao@khuyencong.local", "Phạm Thị Ninh", Domain.Identity.Roles.ProvinceApprover, "24", []),
        ("hanoi.chuyenvien@khuyencong.local", "Đỗ Văn Hà", Domain.Identity.Roles.ProvinceOfficer, "01", []),
        ("hanoi.lanhdao@khuyencong.local", "Vũ Thị Nội", Domain.Identity.Roles.ProvinceApprover, "01", []),
        ("bantochuc.nam@khuyencong.local", "Ban tổ chức phía Nam", Domain.Identity.Roles.ConferenceOrganiser, null, ["NAM"]),
        ("bantochuc.bac@khuyencong.local", "Ban tổ chức phía Bắc", Domain.Identity.Roles.ConferenceOrganiser, null, ["BAC"]),
        ("xem@khuyencong.local", "Thanh tra Bộ", Domain.Identity.Roles.Viewer, null, []),
    ];

    public static async Task EnsureAsync(UserAccounts accounts, KhuyenCongDbContext db, ILogger logger, CancellationToken ct = default)
    {
        foreach (var (email, name, role, province, regions) in All)
        {
            if (await db.Users.AnyAsync(u => u.Email == email, ct))
            {
                continue;
            }

            var result = await accounts.CreateAsync(
                new UserInput { Email = email, FullName = name, Role = role, ProvinceCode = province, Regions = [.. regions] },
                Password, ct);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {Email} not created: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }
    }
}
