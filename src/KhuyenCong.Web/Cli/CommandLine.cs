using KhuyenCong.Data;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Users;
using Serilog;

namespace KhuyenCong.Web.Cli;

/// <summary>
/// Command-line verbs of the portal's executable: the first argument selects one; none starts the web server.
/// They run on the same services as the pages.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<IServiceProvider, ArgumentList, TextWriter, TextWriter, Task<int>>> s_verbs = new()
    {
        ["migrate"] = MigrateAsync,
        ["create-user"] = CreateUserAsync,
        ["create-token"] = CreateTokenAsync,
        ["seed-demo"] = SeedDemoAsync,
        ["import"] = ImportAsync,
        ["export"] = ExportAsync,
        ["report"] = ReportAsync,
        ["outbox"] = OutboxAsync,
        ["reminders"] = RemindersAsync,
    };

    /// <summary>
    /// A first argument that is not an option is a verb: known ones run, a mistyped one is refused (it must never start
    /// the web server instead). Options (<c>--urls …</c>) go to the web host.
    /// </summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || IsHelp(args[0]));

    private static bool IsHelp(string arg) => arg is "--help" or "-h";

    /// <summary>
    /// What <c>VERB --help</c> prints: the verb's arguments in Vietnamese. Answered before any host or database is
    /// made, so asking for help never creates or migrates a database.
    /// </summary>
    private static readonly Dictionary<string, string> s_help = new()
    {
        ["migrate"] = """
            Cách dùng: migrate
              Tạo hoặc nâng cấp cơ sở dữ liệu và nạp dữ liệu danh mục còn thiếu (chạy lại nhiều lần không sao). Không có tham số.
            """,
        ["create-user"] = $"""
            Cách dùng: create-user --email <địa chỉ> --password <mật khẩu> --role <vai trò> [--province <mã tỉnh>] [--region <mã vùng>]… [--name <họ tên>]
              --email      địa chỉ thư điện tử dùng để đăng nhập (bắt buộc)
              --password   mật khẩu, ít nhất 12 ký tự, không thuộc danh sách mật khẩu phổ biến (bắt buộc)
              --role       vai trò (bắt buộc): {string.Join(", ", Domain.Identity.Roles.All)}
              --province   mã tỉnh, bắt buộc với ProvinceOfficer và ProvinceApprover (ví dụ 24 là Bắc Ninh)
              --region     mã vùng BAC, MTTN hoặc NAM, bắt buộc với ConferenceOrganiser; nêu nhiều lần cho nhiều vùng
              --name       họ và tên hiển thị
            """,
        ["create-token"] = $"""
            Cách dùng: create-token --email <địa chỉ> --name <tên mã> --days <số ngày>
              Tạo một mã truy cập cá nhân cho API (/api/v1) và in mã ra một lần: hãy lưu ngay, cổng thông tin chỉ giữ bản băm.
              Mã hành động với đúng vai trò và phạm vi của tài khoản; thu hồi ở trang Tài khoản › Mã truy cập API.
              --email      tài khoản sở hữu mã (bắt buộc)
              --name       tên để nhận ra mã, ví dụ tên hệ thống dùng nó (bắt buộc)
              --days       thời hạn, từ 1 đến {Data.Identity.ApiToken.MaxDays} ngày (bắt buộc)
            """,
        ["seed-demo"] = """
            Cách dùng: seed-demo [--projects <số>] [--from <năm>] [--to <năm>] [--seed <số>]
              Tạo đề án mẫu (chỉ để thử nghiệm, không dùng trên máy chủ thật) cùng kế hoạch năm và báo cáo định kỳ mẫu.
              --projects   số đề án, mặc định 300
              --from       năm kế hoạch đầu, mặc định 2022 (từ 2012)
              --to         năm kế hoạch cuối, mặc định 2026 (đến 2035)
              --seed       hạt giống ngẫu nhiên, mặc định 2026: cùng hạt giống cho cùng dữ liệu
            """,
        ["import"] = """
            Cách dùng: import <tệp.xlsx> [--dry-run] [--correct --reason "<lý do>"]
              <tệp.xlsx>   sổ tính trao đổi dữ liệu (các trang CoSo, KeHoach, DeAn, GiaiNgan, KetQua)
              --dry-run    chỉ kiểm tra và báo lỗi, không ghi gì
              --correct    sửa dữ liệu của đề án đã lưu (thao tác của người vận hành); phải kèm --reason
              --reason     lý do sửa, ghi vào lịch sử của từng đề án được sửa
              Có lỗi thì không ghi gì: mỗi lỗi in trên một dòng, mã thoát 1.
            """,
        ["export"] = """
            Cách dùng: export <establishments|plans|projects|disbursements|outcomes> --out <tệp.xlsx> [--year <năm>] [--province <mã tỉnh>]
              <loại>       establishments (cơ sở, trang CoSo), plans (kế hoạch năm), projects (đề án), disbursements (giải ngân), outcomes (kết quả)
              --out        tệp .xlsx cần ghi (bắt buộc)
              --year       chỉ năm kế hoạch này (không áp dụng cho establishments)
              --province   chỉ tỉnh có mã này
            """,
        ["report"] = """
            Cách dùng: report conference --region <BAC|MTTN|NAM> --year <năm> --cutoff <yyyy-MM-dd> --out <tệp.xlsx|tệp.docx> [--boundaries historical|current]
              conference   báo cáo hội nghị khuyến công vùng
              --region     vùng: BAC, MTTN hoặc NAM (bắt buộc)
              --year       năm kế hoạch (bắt buộc)
              --cutoff     ngày chốt số liệu, dạng yyyy-MM-dd (bắt buộc)
              --out        tệp cần ghi (bắt buộc): .xlsx là sổ tính Excel; .docx là văn bản Word theo thể thức Nghị định
                           30/2020/NĐ-CP, với số, ký hiệu, người ký và nơi nhận mặc định (sửa trong Word trước khi trình ký)
              --boundaries historical (mặc định: tỉnh theo địa giới của năm báo cáo) hoặc current (địa giới hiện hành)
            """,
        ["outbox"] = """
            Cách dùng: outbox send
              Gửi các thư thông báo đang chờ trong hàng đợi qua máy chủ thư (Mail:Host) và in số thư đã gửi, số thư lỗi.
              Mỗi thư chỉ được gửi một lần, kể cả khi chạy lại hoặc khi cổng thông tin cũng đang gửi; thư lỗi được thử lại sau.
              Mã thoát 1 khi có thư lỗi hoặc chưa cấu hình máy chủ thư.
            """,
        ["reminders"] = """
            Cách dùng: reminders run [--date <yyyy-MM-dd>]
              run          tính các nhắc hạn đến hạn vào ngày đó (báo cáo định kỳ, đề xuất KCQG, quyết toán, ký hợp đồng,
                           nghiệm thu) và xếp hàng những nhắc hạn chưa xếp; in số nhắc hạn theo từng hạn. Chạy lại cho cùng
                           ngày không xếp thêm nhắc hạn nào.
              --date       ngày tính nhắc hạn, dạng yyyy-MM-dd; mặc định hôm nay theo giờ Việt Nam
            """,
    };

    private const string HelpFooter = """
          Chung: --Database:Provider <Sqlite|SqlServer|PostgreSQL> và --ConnectionStrings:KhuyenCong "<chuỗi kết nối>" chọn cơ sở dữ liệu
          (hoặc biến môi trường Database__Provider, ConnectionStrings__KhuyenCong). Mã thoát: 0 xong, 1 bị từ chối, 2 sai tham số,
          3 lệnh lỗi, 4 thư mục dữ liệu (Portal:DataRoot) không dùng được.
        """;

    private static string Usage => $"""
        Cách dùng: KhuyenCong.Web [lệnh] [tham số]
          Không có lệnh: mở cổng thông tin (máy chủ web). Các lệnh: {string.Join(", ", s_verbs.Keys)}.
          Xem tham số của một lệnh: <lệnh> --help
        {HelpFooter}
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        Action<IConfigurationBuilder>? configure = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (IsHelp(args[0]))
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        if (s_verbs.ContainsKey(args[0]) && args.Skip(1).Any(IsHelp))
        {
            await stdout.WriteLineAsync(s_help[args[0]] + Environment.NewLine + HelpFooter);
            return 0;
        }

        if (!s_verbs.TryGetValue(args[0], out var verb))
        {
            await stderr.WriteLineAsync($"Lỗi: không có lệnh «{args[0]}». Các lệnh: {string.Join(", ", s_verbs.Keys)}. Chạy không có lệnh nào để mở cổng thông tin.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args.Skip(1).Where(a => a.StartsWith("--Database", StringComparison.Ordinal) || a.StartsWith("--ConnectionStrings", StringComparison.Ordinal)).ToArray(),
        });
        configure?.Invoke(builder.Configuration);
        builder.Services.AddSerilog(c => c.ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Warning()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        DataRoot dataRoot;
        try
        {
            dataRoot = DataRoot.From(builder.Configuration, builder.Environment);
        }
        catch (DataRootException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 4;
        }

        builder.Services.AddPortalCore(builder.Configuration, dataRoot);
        builder.Services.AddScoped<ICurrentActor>(_ => new SystemActor("dòng lệnh"));
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            // Like the web server's first start: an embedded database is created and migrated before any verb.
            if (args[0] != "migrate" && builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            }

            return await verb(scope.ServiceProvider, new ArgumentList(args.Skip(1)), stdout, stderr);
        }
        catch (ArgumentListException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 2;
        }
#pragma warning disable CA1031 // a verb that fails says so in one line and exits non-zero; the details go to the log
        catch (Exception ex)
#pragma warning restore CA1031
        {
            host.Services.GetRequiredService<ILogger<ArgumentList>>().LogError(ex, "Verb {Verb} failed", args[0]);
            await stderr.WriteLineAsync($"Lỗi: {args[0]} không thực hiện được ({ex.GetType().Name}: {ex.Message}).");
            return 3;
        }
    }

    private static async Task<int> OutboxAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var action = args.Positional("việc cần làm (send)");
        args.EnsureNoneLeft();
        if (action != "send")
        {
            await stderr.WriteLineAsync($"Lỗi: «outbox {action}» không có; dùng «outbox send».");
            return 2;
        }

        if (!services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Notifications.MailOptions>>().Value.Enabled)
        {
            await stderr.WriteLineAsync(Notifications.MailDispatcher.Off);
            await stdout.WriteLineAsync("Đã gửi 0 thư, 0 thư lỗi.");
            return 1;
        }

        var dispatcher = services.GetRequiredService<Notifications.MailDispatcher>();
        var instance = $"cli-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        int sent = 0, failed = 0;
        Notifications.DispatchResult pass;
        do
        {
            pass = await dispatcher.SendDueAsync(instance);
            sent += pass.Sent;
            failed += pass.Failed;
        }
        while (pass.Sent + pass.Failed >= Notifications.MailDispatcher.PassSize);

        await stdout.WriteLineAsync($"Đã gửi {sent} thư, {failed} thư lỗi.");
        return failed > 0 ? 1 : 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        args.EnsureNoneLeft();
        var added = await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await stdout.WriteLineAsync($"Đã cập nhật cơ sở dữ liệu; thêm {added} dòng dữ liệu danh mục.");
        return 0;
    }

    /// <summary>The command line's identity for imports: an operator on the server, with every right.</summary>
    private static readonly Domain.Projects.ProjectActor s_operator =
        new(string.Empty, "dòng lệnh", Domain.Identity.Roles.Admin, new HashSet<int>(), new HashSet<string>());

    private static async Task<int> ImportAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var dryRun = args.Flag("--dry-run");
        var correct = args.Flag("--correct");
        var reason = args.Optional("--reason");
        var file = args.Positional("tệp .xlsx cần nhập");
        args.EnsureNoneLeft();
        if (correct && string.IsNullOrWhiteSpace(reason))
        {
            await stderr.WriteLineAsync("Lỗi: --correct phải đi kèm lý do: --reason \"…\" (ghi vào lịch sử của từng đề án được sửa).");
            return 2;
        }

        if (!correct && reason is not null)
        {
            await stderr.WriteLineAsync("Lỗi: --reason chỉ dùng với --correct.");
            return 2;
        }

        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"Lỗi: không tìm thấy tệp {file}.");
            return 2;
        }

        FileStream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Lỗi: không đọc được tệp {file}.");
            return 2;
        }

        await using var _ = stream;
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Excel.ImportLimits>>().Value;
        var result = await services.GetRequiredService<Excel.ExchangeImporter>().ImportAsync(stream, s_operator, dryRun, limits, correctionReason: correct ? reason : null);
        if (result.Errors is [{ Row: 0 } refusal])
        {
            // A refusal of the whole file (not a workbook, a broken part, a limit, busy): its one Vietnamese line.
            await stderr.WriteLineAsync(refusal.Message);
            return 1;
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync(error.ToString());
            }

            await stderr.WriteLineAsync($"Không ghi gì: {result.Errors.Count} lỗi.");
            return 1;
        }

        foreach (var c in result.Counts)
        {
            await stdout.WriteLineAsync($"{c.Sheet}: {c.Created} thêm mới, {c.Changed} thay đổi, {c.Unchanged} không đổi");
        }

        await stdout.WriteLineAsync(dryRun ? "Chạy thử: không ghi gì." : "Đã ghi toàn bộ sổ tính.");
        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var output = args.Required("--out");
        var yearText = args.Optional("--year");
        var province = args.Optional("--province");
        var kind = args.Positional("loại dữ liệu (establishments, plans, projects, disbursements, outcomes)");
        args.EnsureNoneLeft();
        if (!Excel.ExchangeExporter.Kinds.Contains(kind))
        {
            await stderr.WriteLineAsync($"Lỗi: loại dữ liệu «{kind}» phải là establishments, plans, projects, disbursements hoặc outcomes.");
            return 2;
        }

        int? year = null;
        if (yearText is not null)
        {
            if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            {
                await stderr.WriteLineAsync("Lỗi: --year phải là một năm, ví dụ 2024.");
                return 2;
            }

            year = y;
        }

        var db = services.GetRequiredService<KhuyenCongDbContext>();
        await using (var stream = File.Create(output))
        {
            Excel.ExchangeExporter.Write(stream, kind, db.Projects, db.AnnualPlans, db.Establishments, new Excel.ExportFilter(year, province));
        }

        await stdout.WriteLineAsync($"Đã xuất {kind} ra {output}.");
        return 0;
    }

    private static async Task<int> ReportAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var region = args.Required("--region").ToUpperInvariant();
        var yearText = args.Required("--year");
        var cutoffText = args.Required("--cutoff");
        var boundariesText = args.Optional("--boundaries") ?? "historical";
        var output = args.Required("--out");
        var kind = args.Positional("loại báo cáo (conference)");
        args.EnsureNoneLeft();
        if (kind != "conference")
        {
            await stderr.WriteLineAsync($"Lỗi: loại báo cáo «{kind}» chưa được hỗ trợ; dùng «conference».");
            return 2;
        }

        // The extension chooses the format: a workbook to work on, or a document to sign.
        var word = output.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
        if (!word && !output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync("Lỗi: --out phải là tệp .xlsx (sổ tính Excel) hoặc .docx (văn bản Word).");
            return 2;
        }

        if (!Domain.Geography.Region.Codes.Contains(region))
        {
            await stderr.WriteLineAsync($"Lỗi: --region phải là BAC, MTTN hoặc NAM.");
            return 2;
        }

        if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !DateOnly.TryParseExact(cutoffText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var cutoff))
        {
            await stderr.WriteLineAsync("Lỗi: --year là một năm (2024) và --cutoff là ngày dạng yyyy-MM-dd (2024-09-30).");
            return 2;
        }

        Reports.Boundaries boundaries;
        switch (boundariesText)
        {
            case "historical": boundaries = Reports.Boundaries.Historical; break;
            case "current": boundaries = Reports.Boundaries.Current; break;
            default:
                await stderr.WriteLineAsync("Lỗi: --boundaries là historical hoặc current.");
                return 2;
        }

        var reports = services.GetRequiredService<Reports.ConferenceReportService>();
        var report = await reports.ComputeAsync(region, year, cutoff, boundaries);
        if (word)
        {
            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(7));
            var (department, abbreviation) = await Reports.Documents.DocumentForms.DepartmentAsync(services.GetRequiredService<KhuyenCongDbContext>(), today);
            await using var file = File.Create(output);
            Reports.Documents.ConferenceDocument.Write(file, report, Reports.Documents.ConferenceDocument.Defaults(report, department, abbreviation, today));
        }
        else
        {
            // The command line runs with the server's own rights: the whole country, every row.
            var operatorActor = new Domain.Projects.ProjectActor("cli", "dòng lệnh", Domain.Identity.Roles.Admin, new HashSet<int>(), new HashSet<string>());
            var sources = await reports.SourceRowsAsync(region, year, cutoff, boundaries, operatorActor);
            await using var file = File.Create(output);
            Reports.ConferenceWorkbook.Write(file, report, sources);
        }

        foreach (var sentence in report.Narrative)
        {
            await stdout.WriteLineAsync(sentence);
        }

        return 0;
    }

    private static async Task<int> RemindersAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var dateText = args.Optional("--date");
        var action = args.Positional("việc cần làm (run)");
        args.EnsureNoneLeft();
        if (action != "run")
        {
            await stderr.WriteLineAsync($"Lỗi: «{action}» không phải việc của lệnh reminders; dùng «reminders run [--date yyyy-MM-dd]».");
            return 2;
        }

        var service = services.GetRequiredService<Reminders.ReminderService>();
        var date = service.Today;
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
        {
            await stderr.WriteLineAsync("Lỗi: --date là một ngày dạng yyyy-MM-dd, ví dụ 2026-06-08.");
            return 2;
        }

        var run = await service.RunAsync(date);
        foreach (var c in run.Counts)
        {
            await stdout.WriteLineAsync(string.Create(PortalApp.Culture,
                $"{Domain.Reminders.DeadlineKinds.Label(c.Deadline)}: xếp hàng {c.Queued:#,##0} nhắc hạn ({c.Due:#,##0} đến hạn, {c.Due - c.Queued:#,##0} đã xếp trước đó)"));
        }

        await stdout.WriteLineAsync(string.Create(PortalApp.Culture, $"Đã xếp hàng {run.Queued:#,##0} nhắc hạn cho ngày {Domain.Common.VietnameseCulture.Date(date)}."));
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        static int Number(string? text, int fallback, string name) =>
            text is null ? fallback
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentListException($"Tham số {name} phải là số nguyên dương.");
        var count = Number(args.Optional("--projects"), 300, "--projects");
        var from = Number(args.Optional("--from"), 2022, "--from");
        var to = Number(args.Optional("--to"), 2026, "--to");
        var seed = Number(args.Optional("--seed"), 2026, "--seed");
        args.EnsureNoneLeft();
        if (from > to || from < 2012 || to > 2035)
        {
            await stderr.WriteLineAsync("Lỗi: khoảng năm không hợp lệ (từ 2012 đến 2035, --from không lớn hơn --to).");
            return 2;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var written = await services.GetRequiredService<Projects.DemoProjects>().SeedAsync(count, from, to, seed,
            n => stdout.WriteLine($"  đã ghi {n.ToString("#,##0", Domain.Common.VietnameseCulture.Instance)} đề án"));
        await stdout.WriteLineAsync($"Đã tạo {written.ToString("#,##0", Domain.Common.VietnameseCulture.Instance)} đề án mẫu năm {from}–{to} trong {watch.Elapsed.TotalSeconds.ToString("0.0", Domain.Common.VietnameseCulture.Instance)} giây.");
        var reports = await services.GetRequiredService<Reports.PeriodicReportService>().SeedDemoAsync(seed);
        await stdout.WriteLineAsync($"Đã tạo {reports.ToString("#,##0", Domain.Common.VietnameseCulture.Instance)} báo cáo định kỳ mẫu của các kỳ đã kết thúc trong 12 tháng qua.");
        return 0;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var input = new UserInput
        {
            Email = args.Required("--email"),
            Role = args.Required("--role"),
            ProvinceCode = args.Optional("--province"),
            Regions = [.. args.Many("--region")],
            FullName = args.Optional("--name") ?? string.Empty,
        };
        var password = args.Required("--password");
        args.EnsureNoneLeft();
        var result = await services.GetRequiredService<UserAccounts>().CreateAsync(input, password);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors)
            {
                await stderr.WriteLineAsync($"Lỗi: {message}");
            }

            return 1;
        }

        await stdout.WriteLineAsync($"Đã tạo tài khoản {result.User!.Email} với vai trò {input.Role}.");
        if (Domain.Identity.Roles.RequiresTwoFactor(input.Role))
        {
            await stdout.WriteLineAsync(
                $"Vai trò {Domain.Identity.Roles.Label(input.Role)} bắt buộc xác thực hai bước: sau lần đăng nhập đầu tiên bằng mật khẩu, " +
                "người dùng phải quét mã QR (hoặc nhập khóa bí mật) bằng một ứng dụng xác thực trên điện thoại, nhập mã 6 chữ số " +
                "để xác nhận và lưu 10 mã khôi phục; trước khi làm xong bước này, tài khoản không mở được trang nào khác.");
        }

        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, ArgumentList args, TextWriter stdout, TextWriter stderr)
    {
        var email = args.Required("--email");
        var name = args.Required("--name");
        var daysText = args.Required("--days");
        args.EnsureNoneLeft();
        if (!int.TryParse(daysText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            throw new ArgumentListException($"--days phải là một số ngày từ 1 đến {Data.Identity.ApiToken.MaxDays}.");
        }

        var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.AppUser>>().FindByEmailAsync(email);
        if (user is null)
        {
            await stderr.WriteLineAsync($"Lỗi: không có tài khoản {email}.");
            return 1;
        }

        var result = await services.GetRequiredService<Api.ApiTokens>().CreateAsync(user.Id, name, days);
        if (result.Error is not null)
        {
            await stderr.WriteLineAsync($"Lỗi: {result.Error}");
            return 1;
        }

        // The secret alone on stdout, so that a script can read it; what it is goes to stderr.
        await stderr.WriteLineAsync(string.Create(PortalApp.Culture,
            $"Đã tạo mã truy cập «{result.Token!.Name}» cho {user.Email}, hết hạn {Domain.Common.VietnameseCulture.DateTime(result.Token.ExpiresAtUtc)} (giờ Việt Nam). Mã chỉ in một lần:"));
        await stdout.WriteLineAsync(result.Secret);
        return 0;
    }
}

/// <summary>A wrong command line; its message is printed as it is.</summary>
public sealed class ArgumentListException(string message) : Exception(message);

/// <summary>Options of the form <c>--name value</c>, consumed as they are read.</summary>
public sealed class ArgumentList
{
    private readonly List<string> _items;

    public ArgumentList(IEnumerable<string> args) => _items = [.. args];

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentListException($"Thiếu tham số {name}.");

    public string? Optional(string name)
    {
        var values = Many(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new ArgumentListException($"Tham số {name} chỉ được nêu một lần."),
        };
    }

    public List<string> Many(string name)
    {
        var values = new List<string>();
        int index;
        while ((index = _items.IndexOf(name)) >= 0)
        {
            if (index + 1 >= _items.Count || _items[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentListException($"Tham số {name} cần một giá trị.");
            }

            values.Add(_items[index + 1]);
            _items.RemoveRange(index, 2);
        }

        return values;
    }

    /// <summary>True when the flag is present (and removes it).</summary>
    public bool Flag(string name) => _items.Remove(name);

    /// <summary>The first argument that is not an option.</summary>
    public string Positional(string what)
    {
        var index = _items.FindIndex(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentListException($"Thiếu {what}.");
        }

        var value = _items[index];
        _items.RemoveAt(index);
        return value;
    }

    public void EnsureNoneLeft()
    {
        _items.RemoveAll(a => a.StartsWith("--Database", StringComparison.Ordinal) || a.StartsWith("--ConnectionStrings", StringComparison.Ordinal));
        if (_items.Count > 0)
        {
            throw new ArgumentListException($"Tham số không hợp lệ: {string.Join(' ', _items)}.");
        }
    }
}
