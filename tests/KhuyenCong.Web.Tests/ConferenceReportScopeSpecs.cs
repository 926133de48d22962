using System.Net;
using ClosedXML.Excel;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The north conference report of 2026 as a Hà Nội province user gets it: the region's totals as everyone gets
/// them, but row by row (projects, beneficiaries, plan decisions) only Hà Nội's, old and new; Bắc Ninh (new "24",
/// and its predecessors old Bắc Ninh and old Bắc Giang) appears in the totals only. Ministry staff and the north's
/// organisers still get every row.
/// </summary>
public sealed class ConferenceReportScopeSpecs : IAsyncLifetime
{
    private const decimal Billion = 1_000_000_000m;
    private const string OfficerHanoi = "chuyenvien.hanoi@test.vn";
    private const string ApproverHanoi = "lanhdao.hanoi@test.vn";
    private const string Ministry = "chuyenvien.cuc@test.vn";
    private const string OrganiserNorth = "bantochuc.bac@test.vn";
    private const string Query = "region=BAC&year=2026&cutoff=30/09/2026";

    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _portal;

    /// <summary>What Hà Nội users may see listed: its project codes and plan decisions of 2026 (new) and 2025 (old Hà Nội).</summary>
    private readonly List<string> _hanoiCodes = [];

    /// <summary>What Hà Nội users may not see: Bắc Ninh's and its predecessors' codes, titles, beneficiaries, decisions.</summary>
    private readonly List<string> _bacNinhCodes = [];

    private static readonly string[] HanoiDecisions = ["101/QĐ-UBND-HN", "102/QĐ-UBND-HN"];
    private static readonly string[] BacNinhDecisions = ["202/QĐ-UBND-BN", "203/QĐ-UBND-BN", "204/QĐ-UBND-BN"];
    private static readonly string[] BacNinhTitles = ["Dây chuyền chế biến đồ gỗ Đồng Kỵ", "Máy in tranh dân gian Đông Hồ", "Lò sấy vải thiều Lục Ngạn"];
    private static readonly string[] BacNinhBeneficiaries = ["Công ty TNHH Đồ gỗ Đồng Kỵ", "Hợp tác xã Tranh Đông Hồ", "Hợp tác xã Vải thiều Lục Ngạn"];

    public ConferenceReportScopeSpecs() => _portal = new PortalFactory(TestDatabase.Sqlite(), null, _clock);

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.CreateUserAsync(OfficerHanoi, Roles.ProvinceOfficer, "01");
        await _portal.CreateUserAsync(ApproverHanoi, Roles.ProvinceApprover, "01");
        await _portal.CreateUserAsync(Ministry, Roles.MinistryOfficer);
        await _portal.CreateUserAsync(OrganiserNorth, Roles.ConferenceOrganiser, null, "BAC");

        // 2026 on today's provinces; 2025 (the year before) on the old ones: old Hà Nội "01", old Bắc Giang "24", old Bắc Ninh "27".
        var hanoi2026 = await Approved("01", 2026, "Máy dệt lụa Vạn Phúc", "Cơ sở dệt lụa Vạn Phúc", 3.0m, (new DateOnly(2026, 5, 1), 1.0m));
        var hanoi2025 = await Approved("01", 2025, "Mô hình gốm Bát Tràng", "Hợp tác xã Gốm Bát Tràng", 2.0m, (new DateOnly(2025, 6, 1), 0.8m));
        var bacNinh2026 = await Approved("24", 2026, BacNinhTitles[0], BacNinhBeneficiaries[0], 4.0m, (new DateOnly(2026, 4, 1), 0.5m));
        var oldBacNinh2025 = await Approved("27", 2025, BacNinhTitles[1], BacNinhBeneficiaries[1], 1.5m, (new DateOnly(2025, 7, 1), 0.3m));
        var oldBacGiang2025 = await Approved("24", 2025, BacNinhTitles[2], BacNinhBeneficiaries[2], 1.0m);
        await _portal.WithDbAsync(async db =>
        {
            var codes = await db.Projects.ToDictionaryAsync(p => p.Id, p => p.Code);
            _hanoiCodes.AddRange([codes[hanoi2026], codes[hanoi2025]]);
            _bacNinhCodes.AddRange([codes[bacNinh2026], codes[oldBacNinh2025], codes[oldBacGiang2025]]);
            int Province(string code, int year) => db.Provinces.Single(p => p.Code == code && p.ValidFrom <= new DateOnly(year, 1, 1) && (p.ValidTo == null || p.ValidTo >= new DateOnly(year, 1, 1))).Id;
            void Plan(int year, string province, FundingSource source, decimal billions, string decision) =>
                db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = Province(province, year), Source = source, Amount = billions * Billion, DecisionNumber = decision, DecisionDate = new DateOnly(year, 1, 10) });
            Plan(2026, "01", FundingSource.KCQG, 10m, HanoiDecisions[0]);
            Plan(2025, "01", FundingSource.KCQG, 9m, HanoiDecisions[1]);
            Plan(2026, "24", FundingSource.KCQG, 8m, BacNinhDecisions[0]);
            Plan(2026, "24", FundingSource.KCDP, 4m, BacNinhDecisions[1]);
            Plan(2025, "27", FundingSource.KCQG, 6m, BacNinhDecisions[2]);
            return await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
    }

    private IEnumerable<string> BacNinhRows => [.. _bacNinhCodes, .. BacNinhTitles, .. BacNinhBeneficiaries, .. BacNinhDecisions];

    [Theory]
    [InlineData(OfficerHanoi, "Historical")]
    [InlineData(OfficerHanoi, "Current")]
    [InlineData(ApproverHanoi, "Historical")]
    public async Task A_province_users_workbook_lists_only_their_own_rows_and_keeps_the_regions_totals(string email, string boundaries)
    {
        using var mine = await ConferenceWorkbookAsync(email, boundaries);
        using var ministry = await ConferenceWorkbookAsync(Ministry, boundaries);

        var text = AllText(mine);
        Assert.All(BacNinhRows, leaked => Assert.DoesNotContain(leaked, text, StringComparison.Ordinal));

        // Every sheet of totals is the ministry's, cell for cell.
        foreach (var sheet in ministry.Worksheets.Where(s => s.Name != "DuLieuNguon"))
        {
            Assert.Equal(Cells(sheet), Cells(mine.Worksheet(sheet.Name)));
        }

        var summary = mine.Worksheet("TongHop");
        Assert.Equal(22.0, summary.Cell(7, 2).GetDouble(), 3);
        Assert.Equal(15.0, summary.Cell(7, 3).GetDouble(), 3);
        Assert.Equal(1.5, summary.Cell(7, 6).GetDouble(), 3);
        Assert.Contains(mine.Worksheet("TheoTinh").RowsUsed(), r => r.Cell(2).GetString() == "Bắc Ninh" && r.Cell(5).GetDouble() == 12.0);

        // Hà Nội's own rows, new and old Hà Nội, and the note under them.
        var rows = mine.Worksheet("DuLieuNguon");
        var data = rows.RowsUsed().Skip(1).Where(r => r.Cell(2).DataType == XLDataType.Number).ToList();
        Assert.Equal(4, data.Count);
        Assert.All(data, r => Assert.Equal("01", r.Cell(3).GetString()));
        Assert.Equal([.. HanoiDecisions, .. _hanoiCodes], data.Select(r => r.Cell(6).GetString()));
        Assert.Equal(ConferenceWorkbook.OwnProvincesNote, rows.Cell(data[^1].RowNumber() + 2, 1).GetString());
        Assert.Equal(data[^1].RowNumber(), rows.AutoFilter.Range.LastRow().RowNumber());
    }

    [Theory]
    [InlineData(Ministry)]
    [InlineData(OrganiserNorth)]
    public async Task Ministry_staff_and_the_regions_organisers_still_get_every_row(string email)
    {
        using var book = await ConferenceWorkbookAsync(email, "Historical");
        var rows = book.Worksheet("DuLieuNguon");
        var listed = rows.RowsUsed().Skip(1).Select(r => r.Cell(6).GetString()).ToList();
        Assert.Equal(
            HanoiDecisions.Concat(BacNinhDecisions).Concat(_hanoiCodes).Concat(_bacNinhCodes).Order(StringComparer.Ordinal),
            listed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ConferenceWorkbook.OwnProvincesNote, AllText(book), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_users_report_page_shows_the_regions_totals_and_no_other_provinces_rows()
    {
        var mine = await PageAsync(OfficerHanoi);
        var ministry = await PageAsync(Ministry);
        Assert.All(BacNinhRows, leaked => Assert.DoesNotContain(leaked, mine, StringComparison.Ordinal));
        Assert.Equal(ReportBody(ministry), ReportBody(mine));
        Assert.Contains("<td>Bắc Ninh</td>", mine);
        Assert.Contains("là 22,000 tỷ đồng", mine);
    }

    [Fact]
    public async Task The_Programme_report_of_the_region_is_the_same_totals_for_a_province_user_and_lists_no_rows()
    {
        const string programme = "/Reports/Programme?from=2025&to=2026&region=BAC&cutoff=30/09/2026";
        var mine = await PageAsync(OfficerHanoi, programme);
        var ministry = await PageAsync(Ministry, programme);
        Assert.All(BacNinhRows, leaked => Assert.DoesNotContain(leaked, mine, StringComparison.Ordinal));
        static string Body(string html)
        {
            var start = html.IndexOf("data-testid=\"narrative\"", StringComparison.Ordinal);
            var targets = html.IndexOf("data-testid=\"targets\"", StringComparison.Ordinal);
            Assert.True(start >= 0 && targets > start, "No programme report on the page.");
            return html[start..html.IndexOf("</table>", targets, StringComparison.Ordinal)];
        }

        Assert.Equal(Body(ministry), Body(mine));
        Assert.Contains("là 37,000 tỷ đồng", mine);

        using var myBook = await DownloadAsync(OfficerHanoi, programme.Replace("?", "?handler=Excel&", StringComparison.Ordinal));
        using var ministryBook = await DownloadAsync(Ministry, programme.Replace("?", "?handler=Excel&", StringComparison.Ordinal));
        Assert.All(BacNinhRows, leaked => Assert.DoesNotContain(leaked, AllText(myBook), StringComparison.Ordinal));
        Assert.Equal(ministryBook.Worksheets.Select(w => w.Name), myBook.Worksheets.Select(w => w.Name));
        foreach (var sheet in ministryBook.Worksheets)
        {
            Assert.Equal(Cells(sheet), Cells(myBook.Worksheet(sheet.Name)));
        }
    }

    [Fact]
    public async Task An_unlisted_province_cannot_be_asked_for_through_the_handler()
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(OfficerHanoi);
        var response = await client.GetAsync($"/Reports/Conference?handler=Excel&region=NAM&year=2026&cutoff=30/09/2026");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<int> Approved(string province, int year, string title, string beneficiary, decimal billions, params (DateOnly Date, decimal Billions)[] payments)
    {
        var id = await new ProjectBuilder(_portal).In(province, year).Titled(title).BenefitingTo(beneficiary)
            .State(ProjectState.InProgress, billions * Billion).SaveAsync();
        await ProjectBuilder.PayAsync(_portal, id, [.. payments.Select(p => (p.Date, p.Billions * Billion, MoneySource.State))]);
        return id;
    }

    private Task<XLWorkbook> ConferenceWorkbookAsync(string email, string boundaries) =>
        DownloadAsync(email, $"/Reports/Conference?handler=Excel&{Query}&boundaries={boundaries}");

    private async Task<XLWorkbook> DownloadAsync(string email, string url)
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return new XLWorkbook(stream);
    }

    private async Task<string> PageAsync(string email, string url = $"/Reports/Conference?{Query}")
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        return HttpForms.Text(await client.GetPageAsync(url));
    }

    /// <summary>The report part of the page, from the narrative to the projects by state (the menu differs by role).</summary>
    private static string ReportBody(string html)
    {
        var start = html.IndexOf("data-testid=\"narrative\"", StringComparison.Ordinal);
        var states = html.IndexOf("Số đề án theo trạng thái", StringComparison.Ordinal);
        Assert.True(start >= 0 && states > start, "No report on the page.");
        return html[start..html.IndexOf("</ul>", states, StringComparison.Ordinal)];
    }

    private static string AllText(XLWorkbook book) =>
        string.Join("\n", book.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.HasFormula ? c.FormulaA1 : c.Value.ToString()));

    private static List<(string Address, string Value)> Cells(IXLWorksheet sheet) =>
        [.. sheet.CellsUsed().Select(c => (c.Address.ToString()!, c.HasFormula ? c.FormulaA1 : c.Value.ToString() ?? string.Empty))];
}
