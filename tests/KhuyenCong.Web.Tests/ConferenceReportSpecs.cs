using KhuyenCong.Data;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The 2024 South conference (docs/domain.md §10) rebuilt from data this test creates: plans, projects and dated
/// disbursements; the report must print the published figures.
/// </summary>
public sealed class ConferenceReportSpecs : IAsyncLifetime
{
    private const decimal Billion = 1_000_000_000m;
    private readonly PortalFactory _portal = new(TestDatabase.Sqlite());

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.WithDbAsync(async db =>
        {
            int Old(string code) => db.Provinces.Single(p => p.Code == code && p.ValidTo != null).Id;
            var hcm = Old("79");
            var binhThuan = Old("60");
            void Plan(int year, int province, FundingSource source, decimal billions) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = province, Source = source, Amount = billions * Billion, DecisionNumber = "x", DecisionDate = new DateOnly(year, 1, 10) });
            Plan(2024, hcm, FundingSource.KCQG, 27.301m);
            Plan(2024, binhThuan, FundingSource.KCQG, 5.000m);
            Plan(2024, hcm, FundingSource.KCDP, 59.000m);
            Plan(2023, hcm, FundingSource.KCQG, 40.000m);
            Plan(2023, hcm, FundingSource.KCDP, 59.354m);
            Plan(2024, Old("01"), FundingSource.KCQG, 100.000m);
            Plan(2024, Old("01"), FundingSource.KCDP, 40.000m);

            Project(db, 2024, hcm, FundingSource.KCQG, 27.301m, (new(2024, 5, 1), 3.933m), (new(2024, 10, 1), 1.000m));
            Project(db, 2024, hcm, FundingSource.KCDP, 59.000m, (new(2024, 6, 1), 21.364m), (new(2024, 12, 1), 5.000m));
            Project(db, 2023, hcm, FundingSource.KCDP, 59.354m, (new(2023, 9, 30), 33.956m), (new(2023, 10, 2), 2.000m));
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
    public async Task The_south_2024_report_prints_the_published_figures()
    {
        var report = await ComputeAsync("NAM", Boundaries.Historical);
        Assert.Equal(20, report.ProvinceCount);
        Assert.Equal(
        [
            "Tổng kế hoạch kinh phí khuyến công năm 2024 được duyệt của 20 tỉnh, thành phố khu vực phía Nam là 91,301 tỷ đồng, giảm 8,11% so với kế hoạch năm 2023 (99,354 tỷ đồng).",
            "Trong đó, kinh phí khuyến công quốc gia là 32,301 tỷ đồng, giảm 19,25% so với năm 2023 (40,000 tỷ đồng), chiếm 35,38% tổng kinh phí của khu vực và bằng 24,41% kế hoạch khuyến công quốc gia cả nước; kinh phí khuyến công địa phương là 59,000 tỷ đồng, giảm 0,60% so với năm 2023 (59,354 tỷ đồng), bằng 59,60% kế hoạch khuyến công địa phương cả nước.",
            "Tính đến ngày 30/09/2024, kinh phí đã thực hiện là 25,297 tỷ đồng, đạt 27,71% kế hoạch năm; trong đó kinh phí khuyến công quốc gia 3,933 tỷ đồng, đạt 12,18%, kinh phí khuyến công địa phương 21,364 tỷ đồng, đạt 36,21% kế hoạch.",
            "So với cùng kỳ năm 2023 (33,956 tỷ đồng), kinh phí thực hiện bằng 74,50%.",
        ], report.Narrative.Take(4));
        Assert.Contains("Bình Dương chưa có kế hoạch kinh phí năm 2024.", report.Gaps);
        var content = Assert.Single(report.Contents);
        Assert.Equal(("ND03", 2, 86.301m * Billion), (content.Code, content.Projects, content.Approved));
        Assert.Contains("Bình Thuận có kế hoạch năm 2024 nhưng chưa có đề án được duyệt.", report.Gaps);

        // The narrative goes on with the projects by state, the outcomes and the gaps, as sentences.
        Assert.Contains(report.Narrative, s => s.StartsWith("Năm 2024, khu vực có ", StringComparison.Ordinal) && s.Contains(" đề án khuyến công, trong đó: ", StringComparison.Ordinal));
        Assert.Contains(report.Narrative, s => s.Contains("đã có kế hoạch năm 2024 nhưng chưa có đề án được duyệt: ", StringComparison.Ordinal) && s.Contains("Bình Thuận", StringComparison.Ordinal));
        Assert.Contains(report.Narrative, s => s.StartsWith("Còn ", StringComparison.Ordinal) && s.Contains("chưa có kế hoạch kinh phí năm 2024 trên cổng: ", StringComparison.Ordinal) && s.Contains("Bình Dương", StringComparison.Ordinal));
        // No province had sent its half-year 2024 report (due 15/07/2024) by the cut-off.
        Assert.Contains(report.Narrative, s => s.StartsWith("Đến ngày 30/09/2024, còn 20 tỉnh, thành phố chưa gửi báo cáo 6 tháng năm 2024 (hạn nộp 15/07/2024): ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restated_on_todays_provinces_Binh_Thuan_moves_with_Lam_Dong_to_the_central_region()
    {
        var south = await ComputeAsync("NAM", Boundaries.Current);
        Assert.Equal(8, south.ProvinceCount);
        Assert.Equal(86.301m * Billion, south.Total.Plan);
        Assert.StartsWith("Tổng kế hoạch kinh phí khuyến công năm 2024 được duyệt của 8 tỉnh, thành phố khu vực phía Nam là 86,301 tỷ đồng, giảm 13,14% so với kế hoạch năm 2023 (99,354 tỷ đồng).", south.Narrative[0]);
        Assert.Equal(59.354m * Billion + 40m * Billion, south.Provinces.Single(p => p.Name == "TP Hồ Chí Minh").Total.PlanPrevious);

        var central = await ComputeAsync("MTTN", Boundaries.Current);
        Assert.Equal(5m * Billion, central.Provinces.Single(p => p.Name == "Lâm Đồng").Kcqg.Plan);
    }

    [Fact]
    public async Task The_north_2012_conference_is_reproduced_and_its_misprinted_share_corrected()
    {
        await _portal.WithDbAsync(async db =>
        {
            int Old(string code) => db.Provinces.Single(p => p.Code == code && p.ValidTo != null).Id;
            void Plan(int year, string code, FundingSource source, decimal billions) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = Old(code), Source = source, Amount = billions * Billion, DecisionNumber = "x", DecisionDate = new DateOnly(year, 1, 5) });
            Plan(2012, "38", FundingSource.KCQG, 44.485m);
            Plan(2012, "38", FundingSource.KCDP, 64.504m);
            Plan(2011, "38", FundingSource.KCQG, 32.946m);
            Plan(2011, "38", FundingSource.KCDP, 52.224m);
            // Outside the north, so that the region is 55,86 % of national KCQG and 45,56 % of national KCĐP.
            Plan(2012, "52", FundingSource.KCQG, 35.152m);
            Plan(2012, "52", FundingSource.KCDP, 77.077m);
            await db.SaveChangesAsync();
            return 0;
        });
        await using var scope = _portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().ComputeAsync("BAC", 2012, new DateOnly(2012, 6, 30), Boundaries.Historical);
        Assert.Equal("Tổng kế hoạch kinh phí khuyến công năm 2012 được duyệt của 28 tỉnh, thành phố khu vực phía Bắc là 108,989 tỷ đồng, tăng 27,97% so với kế hoạch năm 2011 (85,170 tỷ đồng).", report.Narrative[0]);
        Assert.Equal("Trong đó, kinh phí khuyến công quốc gia là 44,485 tỷ đồng, tăng 35,02% so với năm 2011 (32,946 tỷ đồng), chiếm 40,82% tổng kinh phí của khu vực và bằng 55,86% kế hoạch khuyến công quốc gia cả nước; kinh phí khuyến công địa phương là 64,504 tỷ đồng, tăng 23,51% so với năm 2011 (52,224 tỷ đồng), bằng 45,56% kế hoạch khuyến công địa phương cả nước.", report.Narrative[1]);
    }

    [Fact]
    public async Task The_workbook_holds_numbers_with_formats_not_text()
    {
        var report = await ComputeAsync("NAM", Boundaries.Historical);
        using var stream = new MemoryStream();
        ConferenceWorkbook.Write(stream, report, await SourceRowsAsync("NAM", Boundaries.Historical));
        stream.Position = 0;
        using var book = new ClosedXML.Excel.XLWorkbook(stream);
        var summary = book.Worksheet("TongHop");
        Assert.Equal("Tổng cộng", summary.Cell(7, 1).GetString());
        Assert.Equal(91.301, summary.Cell(7, 2).GetDouble(), 3);
        Assert.Equal(99.354, summary.Cell(7, 3).GetDouble(), 3);
        Assert.Equal(-0.0811, summary.Cell(7, 4).GetDouble(), 4);
        Assert.Equal(0.2771, summary.Cell(7, 7).GetDouble(), 4);
        Assert.Equal("#,##0.000", summary.Cell(7, 2).Style.NumberFormat.Format);
        Assert.Equal("0.00%", summary.Cell(7, 7).Style.NumberFormat.Format);
        Assert.Equal(ClosedXML.Excel.XLPageOrientation.Landscape, summary.PageSetup.PageOrientation);
        var provinces = book.Worksheet("TheoTinh");
        // Header, 20 provinces, the total row and the note on rounding under it.
        Assert.Equal(20, provinces.RowsUsed().Count() - 3);
        Assert.Contains(report.Narrative[0], book.Worksheet("NhanXet").Cell(2, 1).GetString());

        // The total row is what a reader gets adding up the rows as printed, in every column.
        var rows = provinces.RowsUsed().Where(r => !r.Cell(1).IsEmpty() && r.RowNumber() > 1).ToList();
        var totalRow = provinces.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        foreach (var column in new[] { 3, 4, 5, 6, 8 })
        {
            Assert.Equal(rows.Sum(r => r.Cell(column).GetValue<decimal>()), totalRow.Cell(column).GetValue<decimal>());
        }

        Assert.Equal(rows.Sum(r => r.Cell(9).GetValue<int>()), totalRow.Cell(9).GetValue<int>());

        // Every sheet names its unit.
        Assert.Equal("Đơn vị: tỷ đồng", summary.Cell(3, 7).GetString());
        Assert.Equal("Kế hoạch KCQG (tỷ đồng)", provinces.Cell(1, 3).GetString());
        Assert.Equal("Kinh phí được duyệt (tỷ đồng)", book.Worksheet("TheoNoiDung").Cell(1, 5).GetString());
        Assert.Equal("Kế hoạch (theo đơn vị tính)", book.Worksheet("KetQua").Cell(1, 3).GetString());
        Assert.EndsWith("(tỷ đồng)", book.Worksheet("XuHuong").Cell(1, 1).GetString());
        Assert.Equal("Kế hoạch (đồng)", book.Worksheet("DuLieuNguon").Cell(1, 9).GetString());
        Assert.Contains("tỷ đồng", book.Worksheet("NhanXet").Cell(report.Narrative.Count + 3, 1).GetString());
    }

    [Fact]
    public async Task The_trend_covers_five_years_each_to_its_own_cut_off_and_an_empty_year_is_zero()
    {
        await _portal.WithDbAsync(async db =>
        {
            var hcm = db.Provinces.Single(p => p.Code == "79" && p.ValidTo != null).Id;
            void Plan(int year, FundingSource source, decimal billions, DateOnly decided) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = hcm, Source = source, Amount = billions * Billion, DecisionNumber = "x", DecisionDate = decided });
            Plan(2020, FundingSource.KCQG, 10.000m, new DateOnly(2020, 1, 10));
            Plan(2022, FundingSource.KCDP, 20.000m, new DateOnly(2022, 1, 10));
            // Adjusted after that year's cut-off (30/09/2022): not in force for the trend.
            Plan(2022, FundingSource.KCDP, 25.000m, new DateOnly(2022, 10, 15));
            // 2023 adjusted in March 2024: after 30/09/2023, so the trend keeps 99,354; the report's plan Y−1 (at C) takes it.
            Plan(2023, FundingSource.KCQG, 45.000m, new DateOnly(2024, 3, 1));
            Project(db, 2020, hcm, FundingSource.KCQG, 10.000m, (new(2020, 9, 30), 4.000m), (new(2020, 10, 1), 6.000m));
            Project(db, 2022, hcm, FundingSource.KCDP, 20.000m, (new(2022, 3, 1), 7.500m), (new(2023, 1, 5), 12.000m));
            await db.SaveChangesAsync();
            return 0;
        });

        var report = await ComputeAsync("NAM", Boundaries.Historical);

        Assert.Equal([2020, 2021, 2022, 2023, 2024], report.Trend.Select(t => t.Year));
        Assert.Equal([new DateOnly(2020, 9, 30), new DateOnly(2021, 9, 30), new DateOnly(2022, 9, 30), new DateOnly(2023, 9, 30), new DateOnly(2024, 9, 30)], report.Trend.Select(t => t.Cutoff));
        Assert.Equal(
            [(10.000m, 0m, 4.000m, 0m), (0m, 0m, 0m, 0m), (0m, 20.000m, 0m, 7.500m), (40.000m, 59.354m, 0m, 33.956m), (32.301m, 59.000m, 3.933m, 21.364m)],
            report.Trend.Select(t => (t.PlanKcqg / Billion, t.PlanKcdp / Billion, t.ExecutedKcqg / Billion, t.ExecutedKcdp / Billion)));
        // Year Y and Y−1 of the trend are the report's executed figures; plan Y−1 differs by the later adjustment.
        Assert.Equal((report.Total.Plan, report.Total.Executed), (report.Trend[^1].Plan, report.Trend[^1].Executed));
        Assert.Equal(report.Total.ExecutedPrevious, report.Trend[^2].Executed);
        Assert.Equal(104.354m * Billion, report.Total.PlanPrevious);

        // Restated on today's provinces, Bình Thuận's 5 tỷ leaves the south with Lâm Đồng.
        var restated = await ComputeAsync("NAM", Boundaries.Current);
        Assert.Equal(86.301m * Billion, restated.Trend[^1].Plan);
        Assert.Equal(10.000m * Billion, restated.Trend[0].Plan);
    }

    [Fact]
    public async Task The_workbook_trend_and_source_rows_sum_to_the_report_totals()
    {
        await _portal.WithDbAsync(async db =>
        {
            var hcm = db.Provinces.Single(p => p.Code == "79" && p.ValidTo != null).Id;
            Project(db, 2024, hcm, FundingSource.KCQG, 1.250m, (new(2024, 9, 30), 0.750m));
            Project(db, 2024, hcm, FundingSource.KCDP, 3.000m, ProjectState.Draft);
            await db.SaveChangesAsync();
            return 0;
        });
        var report = await ComputeAsync("NAM", Boundaries.Historical);
        using var stream = new MemoryStream();
        ConferenceWorkbook.Write(stream, report, await SourceRowsAsync("NAM", Boundaries.Historical));
        stream.Position = 0;
        using var book = new ClosedXML.Excel.XLWorkbook(stream);

        var trend = book.Worksheet("XuHuong");
        Assert.Equal([2020, 2021, 2022, 2023, 2024], Enumerable.Range(3, 5).Select(r => trend.Cell(r, 1).GetValue<int>()));
        Assert.Equal((double)(report.Total.Plan / Billion), trend.Cell(7, 5).GetDouble(), 3);
        Assert.Equal((double)(report.Total.Executed / Billion), trend.Cell(7, 8).GetDouble(), 3);
        Assert.Equal((double)(report.Total.ExecutedPrevious / Billion), trend.Cell(6, 8).GetDouble(), 3);
        Assert.Equal(0, trend.Cell(3, 5).GetDouble());

        var rows = book.Worksheet("DuLieuNguon");
        Assert.Equal("Kế hoạch (đồng)", rows.Cell(1, 9).GetString());
        Assert.Equal(1, rows.SheetView.SplitRow);
        Assert.Equal(18, rows.Column(9).Width);
        var data = rows.RowsUsed().Skip(1).ToList();
        decimal Sum(int year, int column) => data.Where(r => r.Cell(2).GetValue<int>() == year && r.Cell(column).DataType == ClosedXML.Excel.XLDataType.Number)
            .Sum(r => r.Cell(column).GetValue<decimal>());
        Assert.Equal(report.Total.Plan, Sum(2024, 9));
        Assert.Equal(report.Total.PlanPrevious, Sum(2023, 9));
        Assert.Equal(report.Total.Support, Sum(2024, 10));
        Assert.Equal(report.Total.Counterpart, Sum(2024, 11));
        Assert.Equal(report.Total.Executed, Sum(2024, 13));
        Assert.Equal(report.Total.ExecutedPrevious, Sum(2023, 13));
        Assert.Equal(87.551m * Billion, report.Total.Support);
        Assert.Equal(26.047m * Billion, report.Total.Executed);
        // Plans of 2024 (three in the south) and 2023 (two), projects of 2024 (three approved) and 2023 (one); no draft, no Hà Nội.
        Assert.Equal(9, data.Count);
        Assert.DoesNotContain(data, r => r.Cell(8).GetString() == "Nháp" || r.Cell(3).GetString() == "01");
        var project = data.First(r => r.Cell(1).GetString() == "Đề án");
        Assert.Equal("#,##0", project.Cell(13).Style.NumberFormat.Format);
        Assert.Equal(ClosedXML.Excel.XLDataType.Number, project.Cell(13).DataType);
        Assert.Equal("Đã nghiệm thu", project.Cell(8).GetString());
    }

    [Fact]
    public async Task A_year_without_data_prints_dashes_and_does_not_fail()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().ComputeAsync("MTTN", 2019, new DateOnly(2019, 9, 30), Boundaries.Historical);
        Assert.Equal(15, report.ProvinceCount);
        Assert.Contains("là 0,000 tỷ đồng, — so với kế hoạch năm 2018 (0,000 tỷ đồng).", report.Narrative[0]);
        Assert.Contains("đạt — kế hoạch năm", report.Narrative[2]);
        // Each of the 15 provinces has no plan, and none had sent its half-year 2019 report (due 15/07/2019).
        Assert.Equal(30, report.Gaps.Count);
        Assert.Contains("Năm 2019, khu vực chưa có đề án khuyến công nào trên cổng.", report.Narrative);
    }

    private async Task<ConferenceReport> ComputeAsync(string region, Boundaries boundaries)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().ComputeAsync(region, 2024, new DateOnly(2024, 9, 30), boundaries);
    }

    private async Task<ConferenceSourceRows> SourceRowsAsync(string region, Boundaries boundaries)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().SourceRowsAsync(region, 2024, new DateOnly(2024, 9, 30), boundaries,
            new ProjectActor("t", "Cục", Domain.Identity.Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>()));
    }

    private static Project Project(KhuyenCongDbContext db, int year, int province, FundingSource source, decimal approvedBillions, params (DateOnly Date, decimal Billions)[] payments) =>
        Project(db, year, province, source, approvedBillions, ProjectState.Accepted, payments);

    private static Project Project(KhuyenCongDbContext db, int year, int province, FundingSource source, decimal approvedBillions, ProjectState state, params (DateOnly Date, decimal Billions)[] payments)
    {
        var project = ProjectBuilder.Historical(year, province, source, state, approvedBillions * Billion, approvedBillions * Billion * 2, approvedBillions * Billion * 3, prefix: "BC");
        foreach (var (date, billions) in payments)
        {
            ProjectBuilder.Pay(project, date, billions * Billion);
        }

        db.Projects.Add(project);
        return project;
    }
}

/// <summary>Who may open which region's conference report, over HTTP.</summary>
public sealed class ConferenceReportPageSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task An_empty_cut_off_is_the_end_of_the_chosen_year_and_is_not_carried_to_another_year()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryApprover);

        // The form as a user submits it after changing the year: the cut-off field left empty.
        var html = HttpForms.Text(await client.GetPageAsync("/Reports/Conference?region=NAM&year=2025&cutoff=&boundaries=Historical"));
        Assert.Contains("Tính đến ngày 31/12/2025,", html);
        Assert.Contains("id=\"cutoff\" name=\"cutoff\" placeholder=\"31/12/2025\"", html);

        var typed = HttpForms.Text(await client.GetPageAsync("/Reports/Conference?region=NAM&year=2025&cutoff=30/06/2025"));
        Assert.Contains("Tính đến ngày 30/06/2025,", typed);
        Assert.Contains("value=\"30/06/2025\"", typed);
    }

    [Theory]
    [InlineData(PortalFixture.OrganiserSouth, "NAM", System.Net.HttpStatusCode.OK)]
    [InlineData(PortalFixture.OrganiserSouth, "BAC", System.Net.HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OfficerBacNinh, "BAC", System.Net.HttpStatusCode.OK)]
    [InlineData(PortalFixture.OfficerBacNinh, "NAM", System.Net.HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.Viewer, "MTTN", System.Net.HttpStatusCode.OK)]
    [InlineData(PortalFixture.MinistryApprover, "NAM", System.Net.HttpStatusCode.OK)]
    public async Task A_report_is_refused_for_a_region_outside_the_users_scope(string email, string region, System.Net.HttpStatusCode expected)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var page = await client.GetAsync($"/Reports/Conference?region={region}&year=2024&cutoff=30/09/2024");
        Assert.Equal(expected, page.StatusCode);
        var excel = await client.GetAsync($"/Reports/Conference?handler=Excel&region={region}&year=2024&cutoff=30/09/2024");
        Assert.Equal(expected, excel.StatusCode);
        if (expected == System.Net.HttpStatusCode.OK)
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Tổng kế hoạch kinh phí khuyến công năm 2024 được duyệt của", HttpForms.Text(html));
            // The trend chart reads its data from an attribute (no inline script under the CSP).
            Assert.Contains("id=\"five-year-trend\"", html);
            Assert.Contains("data-trend=", html);
        }
    }
}
