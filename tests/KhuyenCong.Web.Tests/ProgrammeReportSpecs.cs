using System.Net;
using ClosedXML.Excel;
using KhuyenCong.Data;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The 2019 review of the 2014–2020 programme (docs/domain.md §10) rebuilt from data this test creates: plans of
/// 2014–2018 in three old provinces, one in each region, KCQG projects with their counterpart, payments and
/// outcomes; the report must print the published figures against the seeded programme targets.
/// </summary>
public sealed class ProgrammeReportSpecs : IAsyncLifetime
{
    private const decimal Billion = 1_000_000_000m;
    private static readonly DateOnly s_cutoff = new(2019, 3, 31);
    private readonly PortalFactory _portal = new(TestDatabase.Sqlite());

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.WithDbAsync(async db =>
        {
            int Old(string code) => db.Provinces.Single(p => p.Code == code && p.ValidTo != null).Id;
            var (hanoi, binhDinh, hcm) = (Old("01"), Old("52"), Old("79"));
            void Plan(int year, int province, FundingSource source, decimal billions, DateOnly? decided = null) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = province, Source = source, Amount = billions * Billion, DecisionNumber = "x", DecisionDate = decided ?? new DateOnly(year, 1, 10) });

            // KCQG 481,407 and KCĐP 704,786 tỷ over five years; Hà Nội (north) 40 + 60, Bình Định (central) 20 + 30 a year.
            decimal[] kcqg = [90.000m, 95.000m, 100.000m, 96.407m, 100.000m];
            decimal[] kcdp = [140m, 140m, 140m, 140m, 144.786m];
            for (var i = 0; i < 5; i++)
            {
                var year = 2014 + i;
                Plan(year, hanoi, FundingSource.KCQG, 40m);
                Plan(year, binhDinh, FundingSource.KCQG, 20m);
                Plan(year, hanoi, FundingSource.KCDP, 60m);
                Plan(year, binhDinh, FundingSource.KCDP, 30m);
                Plan(year, hcm, FundingSource.KCDP, kcdp[i] - 90m);
                if (year == 2016)
                {
                    // Adjusted during the year: the version in force on 31/12 counts, not the first nor one decided in 2017.
                    Plan(year, hcm, FundingSource.KCQG, kcqg[i] - 60m + 10m);
                    Plan(year, hcm, FundingSource.KCQG, kcqg[i] - 60m, new DateOnly(2016, 7, 1));
                    Plan(year, hcm, FundingSource.KCQG, 999m, new DateOnly(2017, 1, 20));
                }
                else
                {
                    Plan(year, hcm, FundingSource.KCQG, kcqg[i] - 60m);
                }

                // The year's KCQG approved in projects in TP Hồ Chí Minh, with 460 tỷ counterpart each: 2.300 tỷ in all.
                OutcomeDraft[] outcomes = year switch
                {
                    2015 => [new("MO_HINH_TRINH_DIEN", 100, 110)],
                    2016 => [new("LUOT_HOI_CHO", 3_000, 4_363)],
                    2017 => [new("MO_HINH_TRINH_DIEN", 100, 100)],
                    _ => [],
                };
                var project = Project(db, year, hcm, FundingSource.KCQG, kcqg[i], year == 2015 ? 100m : 460m, realisedBillions: year == 2015 ? 460m : null, outcomes: outcomes);

                Pay(project, new DateOnly(year, 11, 1), kcqg[i] - 10m);
                Pay(project, new DateOnly(year + 1, 1, 15), 5m);
            }

            // A payment after the cut-off and a rejected project do not count.
            Pay(Project(db, 2018, hcm, FundingSource.KCQG, 0.001m, 0m), new DateOnly(2019, 6, 1), 0.001m);
            Project(db, 2017, hcm, FundingSource.KCQG, 50m, 999m, ProjectState.Rejected, outcomes: new OutcomeDraft("MO_HINH_TRINH_DIEN", 50));
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
    }

    [Fact]
    public async Task The_2014_2018_review_prints_the_published_figures_against_the_programme_targets()
    {
        var report = await ComputeAsync(2014, 2018, null);
        Assert.Equal(481.407m * Billion + 0.001m * Billion, report.Kcqg.Support);
        Assert.Equal(704.786m * Billion, report.Kcdp.Plan);
        Assert.Equal(2_300m * Billion, report.Kcqg.Counterpart);
        Assert.Equal("Tổng kế hoạch kinh phí khuyến công giai đoạn 2014–2018 của cả nước đã được phê duyệt là 1.186,193 tỷ đồng.", report.Narrative[0]);
        Assert.Equal("Trong đó: kinh phí khuyến công quốc gia là 481,407 tỷ đồng, chiếm 40,58% tổng kinh phí, đạt 39,72% so với kinh phí khuyến công quốc gia dự kiến của chương trình; kinh phí khuyến công địa phương là 704,786 tỷ đồng, chiếm 59,42% tổng kinh phí.", report.Narrative[1]);
        // Paid by the cut-off: the year's payments and those of January of the next year, not the June 2019 one.
        Assert.Equal((481.407m - 50m + 25m) * Billion, report.Total.Executed);
        Assert.StartsWith("Tính đến ngày 31/03/2019, kinh phí đã thực hiện là 456,407 tỷ đồng, đạt 38,48% tổng kế hoạch;", report.Narrative[2]);
        Assert.Equal("Tổng vốn đối ứng của các cơ sở thụ hưởng kinh phí khuyến công quốc gia là 2.300,000 tỷ đồng; trung bình 01 đồng kinh phí khuyến công quốc gia thu hút được 4,78 đồng vốn đối ứng.", report.Narrative[3]);
        Assert.Contains("Mô hình trình diễn kỹ thuật: thực hiện 210 mô hình, đạt 105,00% so với mục tiêu của chương trình (200 mô hình; chưa đối chiếu được văn bản).", report.Narrative);
        Assert.Contains("Lượt cơ sở tham gia hội chợ, triển lãm: thực hiện 4.363 lượt cơ sở, đạt 129,01% so với mục tiêu của chương trình (3.382 lượt cơ sở; chưa đối chiếu được văn bản).", report.Narrative);
        Assert.Equal(new TargetSource("QĐ 1288/QĐ-TTg ngày 01/08/2014, Điều 1 khoản 2 (Mục tiêu cụ thể)", "Suy ra từ báo cáo sơ kết 2014–2018 (210 mô hình, vượt 5 %)", false),
            report.Targets.Single(t => t.Measure == "MO_HINH_TRINH_DIEN").Source);

        Assert.Equal(100m * Billion, report.Years.Single(y => y.Year == 2016).Kcqg.Plan);
        var kcqgTarget = report.Targets.Single(t => t.Measure == ProgrammeMeasures.Kcqg);
        Assert.Equal((1_212_000_000_000m, 481.407m * Billion), (kcqgTarget.Target!.Value, kcqgTarget.Actual));
        Assert.Null(report.Targets.Single(t => t.Measure == ProgrammeMeasures.Kcdp).Target);
        var models = report.Targets.Single(t => t.Measure == "MO_HINH_TRINH_DIEN");
        Assert.Equal((200m, 200m, 210m), (models.Target!.Value, models.ProjectTargets!.Value, models.Actual));
        Assert.Equal("Chương trình khuyến công quốc gia giai đoạn 2014–2020", report.ProgrammeName);
    }

    [Fact]
    public async Task A_region_report_counts_only_the_provinces_of_that_region()
    {
        var north = await ComputeAsync(2014, 2018, "BAC");
        Assert.Equal(500m * Billion, north.Total.Plan);
        Assert.Equal(0m, north.Total.Support);
        Assert.Equal($"Tổng kế hoạch kinh phí khuyến công giai đoạn 2014–2018 của {north.ProvinceCount} tỉnh, thành phố khu vực phía Bắc đã được phê duyệt là 500,000 tỷ đồng.", north.Narrative[0]);
        Assert.Equal(28, north.ProvinceCount);
        Assert.Contains("chiếm 40,00% tổng kinh phí, bằng 16,50% so với kinh phí khuyến công quốc gia dự kiến của chương trình", north.Narrative[1]);
        Assert.Contains("thu hút được — đồng vốn đối ứng.", north.Narrative[3]);

        var south = await ComputeAsync(2014, 2018, "NAM");
        Assert.Equal(181.407m * Billion, south.Kcqg.Plan);
        Assert.Equal(2_300m * Billion, south.Kcqg.Counterpart);
        Assert.Equal(210m, south.Targets.Single(t => t.Measure == "MO_HINH_TRINH_DIEN").Actual);
    }

    [Fact]
    public async Task Years_without_data_print_dashes_and_do_not_fail()
    {
        var report = await ComputeAsync(2009, 2010, null);
        Assert.Null(report.ProgrammeName);
        Assert.Equal([2009, 2010], report.Years.Select(y => y.Year));
        Assert.Equal("Tổng kế hoạch kinh phí khuyến công giai đoạn 2009–2010 của cả nước đã được phê duyệt là 0,000 tỷ đồng.", report.Narrative[0]);
        Assert.Equal("Trong đó: kinh phí khuyến công quốc gia là 0,000 tỷ đồng, chiếm — tổng kinh phí; kinh phí khuyến công địa phương là 0,000 tỷ đồng, chiếm — tổng kinh phí.", report.Narrative[1]);
        Assert.Contains("đạt — tổng kế hoạch", report.Narrative[2]);
        Assert.All(report.Targets, t => Assert.Null(t.Target));

        using var stream = new MemoryStream();
        ProgrammeWorkbook.Write(stream, report);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        Assert.Equal(ReportFormat.Missing, book.Worksheet("TheoNam").Cell(7, 6).GetString());
    }

    [Fact]
    public async Task A_range_longer_than_ten_years_is_refused()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            scope.ServiceProvider.GetRequiredService<ProgrammeReportService>().ComputeAsync(2014, 2024, null, s_cutoff));
    }

    private async Task<ProgrammeReport> ComputeAsync(int from, int to, string? region)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReportService>().ComputeAsync(from, to, region, s_cutoff);
    }

    private static void Pay(Project project, DateOnly date, decimal billions) => ProjectBuilder.Pay(project, date, billions * Billion);

    private static Project Project(KhuyenCongDbContext db, int year, int province, FundingSource source, decimal approvedBillions, decimal counterpartBillions,
        ProjectState state = ProjectState.Accepted, decimal? realisedBillions = null, params OutcomeDraft[] outcomes)
    {
        var project = ProjectBuilder.Historical(year, province, source, state, approvedBillions * Billion, counterpartBillions * Billion, (approvedBillions + counterpartBillions) * Billion,
            outcomes, realisedBillions * Billion, prefix: "GD");
        db.Projects.Add(project);
        return project;
    }
}

/// <summary>Who may open which scope of the programme-period report, over HTTP, and the workbook it downloads.</summary>
public sealed class ProgrammeReportPageSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string Range = "from=2014&to=2018&cutoff=31/03/2019";

    [Theory]
    [InlineData(PortalFixture.OrganiserSouth, "NAM", HttpStatusCode.OK)]
    [InlineData(PortalFixture.OrganiserSouth, "BAC", HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OrganiserSouth, "", HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OfficerBacNinh, "BAC", HttpStatusCode.OK)]
    [InlineData(PortalFixture.OfficerBacNinh, "", HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.MinistryOfficer, "", HttpStatusCode.OK)]
    [InlineData(PortalFixture.MinistryOfficer, "MTTN", HttpStatusCode.OK)]
    [InlineData(PortalFixture.Viewer, "", HttpStatusCode.OK)]
    public async Task A_report_is_refused_outside_the_users_scope(string email, string region, HttpStatusCode expected)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var page = await client.GetAsync($"/Reports/Programme?{Range}&region={region}");
        Assert.Equal(expected, page.StatusCode);
        var excel = await client.GetAsync($"/Reports/Programme?handler=Excel&{Range}&region={region}");
        Assert.Equal(expected, excel.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("Tổng kế hoạch kinh phí khuyến công giai đoạn 2014–2018 của", HttpForms.Text(await page.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_form_opens_empty_and_a_chosen_programme_period_sets_the_years()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var empty = HttpForms.Text(await client.GetPageAsync("/Reports/Programme"));
        Assert.Contains("Cả nước", empty);
        Assert.DoesNotContain("Dự thảo nội dung", empty);

        var period = await portal.WithDbAsync(db => Task.FromResult(db.ProgrammePeriods.Single(p => p.FromYear == 2014).Id));
        var html = HttpForms.Text(await client.GetPageAsync($"/Reports/Programme?period={period}&region=&cutoff=31/12/2020"));
        Assert.Contains("Tổng kế hoạch kinh phí khuyến công giai đoạn 2014–2020 của cả nước", html);
        Assert.Contains("Chương trình khuyến công quốc gia giai đoạn 2014–2020", html);

        var refused = HttpForms.Text(await client.GetPageAsync("/Reports/Programme?from=2014&to=2025&region="));
        Assert.Contains("Báo cáo giai đoạn gồm tối đa 10 năm.", refused);
    }

    [Fact]
    public async Task The_2021_2025_report_shows_the_targets_of_decision_1881_with_their_source_and_what_is_not_checked()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var period = await portal.WithDbAsync(db => Task.FromResult(db.ProgrammePeriods.Single(p => p.FromYear == 2021).Id));
        var html = HttpForms.Text(await client.GetPageAsync($"/Reports/Programme?period={period}&region=&cutoff=31/12/2025"));
        Assert.Contains("Chương trình khuyến công quốc gia giai đoạn 2021–2025 (QĐ 1881/QĐ-TTg ngày 20/11/2020)", html);
        var targets = html[html.IndexOf("data-testid=\"targets\"", StringComparison.Ordinal)..];
        foreach (var indicator in new[] { "Mô hình trình diễn kỹ thuật", "Lao động được đào tạo" })
        {
            Assert.Contains($"<td>{indicator}</td>", targets);
        }

        Assert.Contains("QĐ 1881/QĐ-TTg ngày 20/11/2020, Điều 1 khoản 2 (Mục tiêu cụ thể)", targets);
        Assert.Contains("chưa đối chiếu được văn bản", targets);
        Assert.DoesNotContain("QĐ 1288/QĐ-TTg", targets);
        Assert.Contains("cổng chưa có con số của các mục tiêu này (chưa đối chiếu được văn bản)", html);

        var excel = await client.GetAsync($"/Reports/Programme?handler=Excel&from=2021&to=2025&region=&cutoff=31/12/2025");
        using var book = new XLWorkbook(await excel.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("MucTieu");
        Assert.Contains(sheet.RowsUsed(), r => r.Cell(1).GetString() == "Mô hình trình diễn kỹ thuật"
            && r.Cell(7).GetString() == "QĐ 1881/QĐ-TTg ngày 20/11/2020, Điều 1 khoản 2 (Mục tiêu cụ thể) (chưa đối chiếu được văn bản)");
    }

    [Fact]
    public async Task The_workbook_holds_numbers_with_formats_not_text()
    {
        var portal = await fixture.GetAsync();
        await portal.WithDbAsync(async db =>
        {
            var province = db.Provinces.Single(p => p.Code == "38" && p.ValidTo != null).Id;
            db.AnnualPlans.Add(new AnnualPlan { Year = 2014, ProvinceId = province, Source = FundingSource.KCQG, Amount = 12_345_000_000m, DecisionNumber = "x", DecisionDate = new DateOnly(2014, 1, 5) });
            await db.SaveChangesAsync();
            return 0;
        });
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var response = await client.GetAsync($"/Reports/Programme?handler=Excel&{Range}&region=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var years = book.Worksheet("TheoNam");
        Assert.Equal(2014, years.Cell(5, 1).GetDouble());
        Assert.Equal(XLDataType.Number, years.Cell(5, 2).DataType);
        Assert.Equal(12.345, years.Cell(5, 2).GetDouble(), 3);
        Assert.Equal("#,##0.000", years.Cell(5, 2).Style.NumberFormat.Format);
        Assert.Equal("Tổng cộng", years.Cell(10, 1).GetString());
        Assert.Equal(XLDataType.Number, years.Cell(10, 4).DataType);
        var targets = book.Worksheet("MucTieu");
        Assert.Equal(XLDataType.Number, targets.Cell(4, 3).DataType);
        Assert.Equal(1_212.0, targets.Cell(4, 3).GetDouble(), 3);
        Assert.Equal(XLDataType.Number, targets.Cell(4, 6).DataType);
        Assert.Equal("0.00%", targets.Cell(4, 6).Style.NumberFormat.Format);
        Assert.StartsWith("Tổng kế hoạch kinh phí khuyến công giai đoạn 2014–2018 của cả nước", book.Worksheet("NhanXet").Cell(2, 1).GetString());
    }

    [Fact]
    public async Task Targets_are_reference_data_that_only_an_admin_edits_and_that_are_checked()
    {
        var portal = await fixture.GetAsync();
        var viewer = portal.Browser();
        await viewer.SignInOkAsync(PortalFixture.Viewer);
        Assert.Contains("1.212.000.000.000", await viewer.GetPageAsync("/Reference/Targets"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Reference/Targets/Edit")).StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var period = await portal.WithDbAsync(db => Task.FromResult(db.ProgrammePeriods.Single(p => p.FromYear == 2014).Id));
        async Task<string> PostAsync(string measure, string target, string note = "QĐ 1288/QĐ-TTg")
        {
            var response = await admin.SubmitAsync("/Reference/Targets/Edit", new Dictionary<string, string>
            {
                ["Input.PeriodId"] = period.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Measure"] = measure,
                ["Input.Target"] = target,
                ["Input.Note"] = note,
            });
            return response.StatusCode == HttpStatusCode.Redirect ? "saved" : HttpForms.Text(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Giai đoạn này đã có mục tiêu cho KCQG.", await PostAsync("KCQG", "1.000"));
        Assert.Contains("Chỉ tiêu phải là KCQG, KCDP hoặc mã một chỉ tiêu kết quả đã có; không có mã KHONG_CO.", await PostAsync("KHONG_CO", "5"));
        Assert.Contains("Mục tiêu là số nguyên không âm", await PostAsync("KCDP", "-5"));
        Assert.Contains("Ghi chú tối đa 500 ký tự.", await PostAsync("KCDP", "5", new string('x', 501)));
        Assert.Equal("saved", await PostAsync("KCDP", "1.600.000.000.000"));
        Assert.Equal(1_600_000_000_000m, await portal.WithDbAsync(db => Task.FromResult(db.ProgrammeTargets.Single(t => t.ProgrammePeriodId == period && t.Measure == "KCDP").Target)));
    }
}
