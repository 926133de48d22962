using System.Diagnostics;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The command-line contract, run as a real process of the portal's executable against a fresh SQLite file.</summary>
public sealed class CommandLineSpecs : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrate_creates_the_database_and_is_idempotent()
    {
        var first = await RunAsync("migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("thêm 249 dòng", first.Output); // reference rows, including the roles (Reviewer among them), 4 report deadlines, 5 reminder rules, 9 programme targets, 10 dossier items, 11 double-support windows, 4 vote criteria and 3 vote pass marks
        var second = await RunAsync("migrate");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("thêm 0 dòng", second.Output);
    }

    [Fact]
    public async Task Create_user_succeeds_on_a_fresh_file_and_the_user_can_sign_in()
    {
        var result = await RunAsync("create-user", "--email", "canbo@bacninh.gov.vn", "--password", "mot-cum-tu-that-dai-2026",
            "--role", "ProvinceOfficer", "--province", "24", "--name", "Nguyễn Thị Bắc");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Đã tạo tài khoản canbo@bacninh.gov.vn", result.Output);

        await using var portal = new PortalFactory(_database);
        var client = portal.Browser();
        await client.SignInOkAsync("canbo@bacninh.gov.vn", "mot-cum-tu-that-dai-2026");
        var home = HttpForms.Text(await client.GetPageAsync("/"));
        Assert.Contains("Nguyễn Thị Bắc", home);
        Assert.Contains("Bắc Ninh", home);
    }

    [Fact]
    public async Task Create_user_accepts_an_organiser_of_several_regions()
    {
        var result = await RunAsync("create-user", "--email", "btc@test.vn", "--password", "mot-cum-tu-that-dai-2026",
            "--role", "ConferenceOrganiser", "--region", "BAC", "--region", "MTTN");
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Create_user_of_a_leader_says_the_authenticator_app_comes_at_first_sign_in_and_the_portal_holds_them_there()
    {
        var result = await RunAsync("create-user", "--email", "lanhdao@bacninh.gov.vn", "--password", "mot-cum-tu-that-dai-2026",
            "--role", "ProvinceApprover", "--province", "24");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bắt buộc xác thực hai bước: sau lần đăng nhập đầu tiên bằng mật khẩu, người dùng phải quét mã QR", result.Output);
        Assert.DoesNotContain("xác thực hai bước", (await RunAsync("create-user", "--email", "xem2@bacninh.gov.vn", "--password", "mot-cum-tu-that-dai-2026", "--role", "Viewer")).Output);

        await using var portal = new PortalFactory(_database);
        var client = portal.Browser();
        await client.SignInOkAsync("lanhdao@bacninh.gov.vn", "mot-cum-tu-that-dai-2026");
        Assert.Equal("/Account/Mfa/Enrol", (await client.GetAsync("/Projects/Queue")).Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("mật khẩu phổ biến", "quá phổ biến", "--password", "password123456", "--role", "Viewer")]
    [InlineData("mật khẩu ngắn", "ít nhất 12 ký tự", "--password", "ngan-qua", "--role", "Viewer")]
    [InlineData("vai trò lạ", "Vai trò 'Boss' không tồn tại", "--password", "mot-cum-tu-that-dai-2026", "--role", "Boss")]
    [InlineData("thiếu tỉnh", "phải gắn với một tỉnh", "--password", "mot-cum-tu-that-dai-2026", "--role", "ProvinceOfficer")]
    [InlineData("tỉnh cũ", "Mã tỉnh '27' không thuộc", "--password", "mot-cum-tu-that-dai-2026", "--role", "ProvinceApprover", "--province", "27")]
    [InlineData("thiếu vùng", "ít nhất một vùng", "--password", "mot-cum-tu-that-dai-2026", "--role", "ConferenceOrganiser")]
    [InlineData("vùng lạ", "Mã vùng 'TAY' không tồn tại", "--password", "mot-cum-tu-that-dai-2026", "--role", "ConferenceOrganiser", "--region", "TAY")]
    [InlineData("thiếu mật khẩu", "Thiếu tham số --password", "--role", "Viewer")]
    public async Task Create_user_refuses_bad_input_with_a_vietnamese_message_and_a_nonzero_exit(string _, string message, params string[] rest)
    {
        var result = await RunAsync(["create-user", "--email", "moi@test.vn", .. rest]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Create_user_refuses_an_existing_email()
    {
        string[] args = ["create-user", "--email", "trung@test.vn", "--password", "mot-cum-tu-that-dai-2026", "--role", "Viewer"];
        Assert.Equal(0, (await RunAsync(args)).ExitCode);
        var again = await RunAsync(args);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("đã được dùng", again.Error);
    }

    [Fact]
    public async Task Seed_demo_fills_every_state_in_the_provinces_of_each_year_reproducibly()
    {
        var result = await RunAsync("seed-demo", "--projects", "180", "--from", "2024", "--to", "2026", "--seed", "7");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Đã tạo 180 đề án mẫu năm 2024–2026", result.Output);

        await using var portal = new PortalFactory(_database);
        var facts = await portal.WithDbAsync(async db => new
        {
            Count = await db.Projects.CountAsync(),
            States = await db.Projects.Select(p => p.State).Distinct().CountAsync(),
            OldIn2026 = await db.Projects.CountAsync(p => p.PlanYear == 2026 && p.Province!.ValidTo != null),
            NewIn2024 = await db.Projects.CountAsync(p => p.PlanYear == 2024 && p.Province!.ValidTo == null),
            Overpaid = await db.Projects.Where(p => p.ApprovedSupport != null).CountAsync(p =>
                p.Disbursements.Where(d => d.Source == Domain.Projects.MoneySource.State).Sum(d => (double)d.Amount) > (double)p.ApprovedSupport!.Value),
            Requested = await db.Projects.SumAsync(p => (double)p.RequestedSupport),
            Plans = await db.AnnualPlans.CountAsync(),
            Approved = await db.Projects.Where(p => p.ApprovedSupport != null).Select(p => new { p.PlanYear, p.ProvinceId, p.Source, p.ApprovedSupport }).ToListAsync(),
            LatestPlans = (await db.AnnualPlans.ToListAsync()).GroupBy(a => new { a.Year, a.ProvinceId, a.Source })
                .ToDictionary(g => g.Key, g => Domain.Plans.AnnualPlan.InForce(g, new DateOnly(g.Key.Year, 12, 31))!.Amount),
        });
        Assert.Equal(180, facts.Count);
        Assert.Equal(Enum.GetValues<Domain.Projects.ProjectState>().Length, facts.States);
        Assert.Equal(0, facts.OldIn2026);
        Assert.Equal(0, facts.NewIn2024);
        Assert.Equal(0, facts.Overpaid);
        Assert.True(facts.Plans >= facts.LatestPlans.Count);
        foreach (var group in facts.Approved.GroupBy(p => new { Year = p.PlanYear, p.ProvinceId, p.Source }))
        {
            Assert.Equal(group.Sum(p => p.ApprovedSupport!.Value), facts.LatestPlans[group.Key]);
        }

        await using var again = TestDatabase.Sqlite();
        var second = await RunAsync(again, "seed-demo", "--projects", "180", "--from", "2024", "--to", "2026", "--seed", "7");
        Assert.Equal(0, second.ExitCode);
        await using var other = new PortalFactory(again);
        Assert.Equal(facts.Requested, await other.WithDbAsync(db => db.Projects.SumAsync(p => (double)p.RequestedSupport)));
    }

    [Fact]
    public async Task Import_prints_every_error_on_its_own_line_and_writes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-import-{Guid.NewGuid():N}.xlsx");
        var bad = ImportSpecs.ProjectRow("BAD-1");
        bad[8] = "nhiều tiền";
        bad[2] = "99";
        await File.WriteAllBytesAsync(file, ImportSpecs.Book().Sheet("DeAn", Excel.ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow("OK-1"), bad).Bytes());
        try
        {
            var result = await RunAsync("import", file);
            Assert.Equal(1, result.ExitCode);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("DeAn!3: Kinh phí đề nghị (đồng): «nhiều tiền» không phải là số đồng nguyên (ví dụ 1.234.000).", lines);
            Assert.Contains("DeAn!3: Mã tỉnh: Mã tỉnh «99» không ứng với tỉnh, thành phố nào có hiệu lực ngày 01/01/2026.", lines);

            var dry = await RunAsync("import", file.Replace(".xlsx", "-none.xlsx", StringComparison.Ordinal), "--dry-run");
            Assert.Equal(2, dry.ExitCode);

            await File.WriteAllBytesAsync(file, ImportSpecs.Book().Sheet("DeAn", Excel.ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow("OK-1")).Bytes());
            var good = await RunAsync("import", file);
            Assert.Equal(0, good.ExitCode);
            Assert.Contains("DeAn: 1 thêm mới, 0 thay đổi, 0 không đổi", good.Output);

            var exported = Path.ChangeExtension(file, ".out.xlsx");
            Assert.Equal(0, (await RunAsync("export", "projects", "--out", exported, "--year", "2026")).ExitCode);
            var again = await RunAsync("import", exported);
            Assert.Contains("DeAn: 0 thêm mới, 0 thay đổi, 1 không đổi", again.Output);
            File.Delete(exported);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_establishments_writes_the_CoSo_sheet_that_imports_back_unchanged_with_the_projects_naming_them()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-coso-{Guid.NewGuid():N}.xlsx");
        var (a, b) = (EstablishmentExchangeSpecs.NewTaxCode(), EstablishmentExchangeSpecs.NewTaxCode());
        await File.WriteAllBytesAsync(file, ImportSpecs.Book()
            .Sheet("CoSo", Excel.ExchangeFormat.EstablishmentHeaders, EstablishmentExchangeSpecs.EstablishmentRow(a, "Hợp tác xã Mây tre Tân Yên", women: true),
                EstablishmentExchangeSpecs.EstablishmentRow(b, "Hộ kinh doanh Gốm Thổ Hà", province: "01"))
            .Sheet("DeAn", Excel.ExchangeFormat.ProjectHeaders, EstablishmentExchangeSpecs.ProjectRow("CS-1", $"{a}, {b}")).Bytes());
        var (establishments, projects) = (Path.ChangeExtension(file, ".coso.xlsx"), Path.ChangeExtension(file, ".dean.xlsx"));
        try
        {
            var imported = await RunAsync("import", file);
            Assert.Equal(0, imported.ExitCode);
            Assert.Contains("CoSo: 2 thêm mới, 0 thay đổi, 0 không đổi", imported.Output);

            var export = await RunAsync("export", "establishments", "--out", establishments, "--province", "24");
            Assert.Equal(0, export.ExitCode);
            Assert.Contains($"Đã xuất establishments ra {establishments}.", export.Output);
            using (var book = new ClosedXML.Excel.XLWorkbook(establishments))
            {
                var sheet = book.Worksheet("CoSo");
                Assert.Equal(Excel.ExchangeFormat.EstablishmentHeaders, sheet.Row(1).CellsUsed().Select(c => c.GetString()));
                var row = Assert.Single(sheet.RowsUsed().Skip(1));
                Assert.Equal((a, "Hợp tác xã Mây tre Tân Yên", "Có"), (row.Cell(1).GetString(), row.Cell(3).GetString(), row.Cell(11).GetString()));
            }

            Assert.Equal(0, (await RunAsync("export", "projects", "--out", projects, "--year", "2026")).ExitCode);
            var again = await RunAsync("import", establishments);
            Assert.Contains("CoSo: 0 thêm mới, 0 thay đổi, 1 không đổi", again.Output);
            var againProjects = await RunAsync("import", projects);
            Assert.Contains("DeAn: 0 thêm mới, 0 thay đổi, 1 không đổi", againProjects.Output);
        }
        finally
        {
            File.Delete(file);
            File.Delete(establishments);
            File.Delete(projects);
        }
    }

    [Fact]
    public async Task Seed_demo_refuses_a_bad_year_range()
    {
        var result = await RunAsync("seed-demo", "--from", "2026", "--to", "2024");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("khoảng năm không hợp lệ", result.Error);
    }

    [Fact]
    public async Task A_mistyped_verb_lists_the_verbs_and_exits_2_instead_of_starting_the_server()
    {
        var result = await RunAsync("migrat");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Lỗi: không có lệnh «migrat». Các lệnh: migrate, create-user, create-token, seed-demo, import, export, report, outbox, reminders.", result.Error);
    }

    [Theory]
    [InlineData("migrate", "--help", "Tạo hoặc nâng cấp cơ sở dữ liệu")]
    [InlineData("create-user", "--help", "--role       vai trò (bắt buộc): Admin")]
    [InlineData("create-user", "-h", "--province   mã tỉnh")]
    [InlineData("seed-demo", "--help", "--projects   số đề án, mặc định 300")]
    [InlineData("import", "--help", "--dry-run    chỉ kiểm tra và báo lỗi, không ghi gì")]
    [InlineData("import", "-h", "--reason     lý do sửa")]
    [InlineData("export", "--help", "--out        tệp .xlsx cần ghi (bắt buộc)")]
    [InlineData("export", "--help", "establishments (cơ sở, trang CoSo)")]
    [InlineData("report", "--help", "--cutoff     ngày chốt số liệu, dạng yyyy-MM-dd (bắt buộc)")]
    [InlineData("reminders", "--help", "--date       ngày tính nhắc hạn, dạng yyyy-MM-dd; mặc định hôm nay theo giờ Việt Nam")]
    public async Task Help_on_a_verb_prints_its_arguments_in_vietnamese_and_exits_0_without_touching_the_database(string verb, string flag, string line)
    {
        var result = await RunAsync(verb, "--email", "a@b.vn", flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Cách dùng: {verb}", result.Output);
        Assert.Contains(line, result.Output);
        Assert.Equal(string.Empty, result.Error);
        Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.ConnectionString).DataSource), "help created the database");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_without_a_verb_lists_the_verbs_and_exits_instead_of_starting_the_server(string flag)
    {
        var result = await RunAsync(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Không có lệnh: mở cổng thông tin (máy chủ web). Các lệnh: migrate, create-user, create-token, seed-demo, import, export, report, outbox, reminders.", result.Output);
        Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.ConnectionString).DataSource));
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(_database, args);

    /// <summary>Runs a verb of the portal's executable as a real process on <paramref name="database"/>, in Production.</summary>
    internal static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__KhuyenCong"] = database.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataRoot"] = PortalFactory.DataRoot;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
