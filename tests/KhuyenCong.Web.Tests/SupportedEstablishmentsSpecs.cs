using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Cơ sở được hỗ trợ (docs/domain.md §8.1 item 5, §12) on data this test creates in plan year 2026: in new Bắc Ninh
/// (north), establishment A (women-owned, priority area) benefits from two approved projects and counts once, B
/// (ethnic-minority employer, priority area) and F (no flag) from one; C is only in a rejected project and D only in a
/// draft, so neither counts; E (women-owned) is in TP Hồ Chí Minh (south). North: 3 establishments, 1 women-owned
/// (33,33%), 1 ethnic-minority employer (33,33%), 2 in a priority area (66,67%); the country adds E.
/// </summary>
public sealed class SupportedEstablishmentsSpecs : IAsyncLifetime
{
    private static readonly DateOnly s_cutoff = new(2026, 9, 30);
    private readonly PortalFactory _portal = new(TestDatabase.Sqlite());

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.CreateUserAsync(PortalFixture.MinistryOfficer, Domain.Identity.Roles.MinistryOfficer);
        await _portal.WithDbAsync(async db =>
        {
            var today = new DateOnly(2026, 1, 1);
            int New(string code) => db.Provinces.Single(p => p.Code == code && p.ValidFrom <= today && p.ValidTo == null).Id;
            var (bacNinh, hcm) = (New("24"), New("79"));
            var codes = Enumerable.Range(0, 6).Select(_ => EstablishmentExchangeSpecs.NewTaxCode()).ToArray();
            BeneficiaryDraft Line(int i, bool women = false, bool ethnic = false, bool priority = false) =>
                new($"Cơ sở {(char)('A' + i)}", codes[i], BeneficiaryType.HouseholdBusiness, "Xã Tân Yên", women, ethnic, priority);
            var (a, b, c, d, e, f) = (Line(0, women: true, priority: true), Line(1, ethnic: true, priority: true), Line(2, women: true), Line(3, women: true), Line(4, women: true), Line(5));
            db.Projects.AddRange(
                Project(bacNinh, ProjectState.Approved, a, f),
                Project(bacNinh, ProjectState.InProgress, a, b),
                Project(bacNinh, ProjectState.Rejected, c),
                Project(bacNinh, ProjectState.Draft, d),
                Project(hcm, ProjectState.Settled, e));
            return await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    private static Project Project(int province, ProjectState state, params BeneficiaryDraft[] lines)
    {
        var draft = new ProjectDraft(2026, province, FundingSource.KCQG, ProjectKind.Thuong, "Đề án", "Trung tâm", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 100_000_000,
            [new ContentDraft("ND03", 600_000_000, 500_000_000)], lines, []);
        var approved = state is ProjectState.Draft or ProjectState.Rejected ? (decimal?)null : 400_000_000;
        var (project, result) = Domain.Projects.Project.LoadHistorical($"SE-{Guid.NewGuid():N}"[..16], new HistoricalProject(draft, state, approved, approved is null ? null : new DateOnly(2026, 2, 1)),
            new ActContext(ProjectBuilder.Operator, DateTime.UtcNow, ProjectLimits.Default));
        Assert.True(result.Done, result.Message);
        return project!;
    }

    [Fact]
    public async Task The_conference_report_counts_each_establishment_once_and_the_shares_of_its_flags()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var north = await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().ComputeAsync("BAC", 2026, s_cutoff, Boundaries.Historical);

        Assert.Equal(new EstablishmentFigures(3, 1, 1, 2), north.Establishments);
        Assert.Contains("Các đề án được duyệt năm 2026 của khu vực đã hỗ trợ 3 cơ sở công nghiệp nông thôn (mỗi cơ sở tính một lần), trong đó 1 cơ sở do phụ nữ làm chủ (33,33%), "
            + "1 cơ sở sử dụng lao động là người dân tộc thiểu số (33,33%), 2 cơ sở ở địa bàn ưu tiên (66,67%).", north.Narrative);
        var central = await scope.ServiceProvider.GetRequiredService<ConferenceReportService>().ComputeAsync("MTTN", 2026, s_cutoff, Boundaries.Historical);
        Assert.Equal(EstablishmentFigures.Zero, central.Establishments);
        Assert.Contains("Các đề án được duyệt năm 2026 của khu vực chưa ghi cơ sở thụ hưởng nào trong danh mục cơ sở.", central.Narrative);
    }

    [Fact]
    public async Task The_programme_report_counts_the_country_and_the_region_by_the_same_rule()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ProgrammeReportService>();

        Assert.Equal(new EstablishmentFigures(4, 2, 1, 2), (await service.ComputeAsync(2026, 2026, null, s_cutoff)).Establishments);
        var north = await service.ComputeAsync(2026, 2026, "BAC", s_cutoff);
        Assert.Equal(new EstablishmentFigures(3, 1, 1, 2), north.Establishments);
        Assert.Contains(north.Narrative, s => s.StartsWith("Các đề án được duyệt giai đoạn 2026–2026 đã hỗ trợ 3 cơ sở", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_the_workbooks_the_document_and_the_API_print_the_same_figures()
    {
        var browser = _portal.Browser();
        await browser.SignInOkAsync(PortalFixture.MinistryOfficer);
        const string query = "region=BAC&year=2026&cutoff=30/09/2026";

        var page = HttpForms.Words(await browser.GetPageAsync($"/Reports/Conference?{query}"));
        Assert.Contains("Cơ sở công nghiệp nông thôn được hỗ trợ Chỉ tiêu Số cơ sở Tỷ lệ Cơ sở được hỗ trợ 3 Trong đó: do phụ nữ làm chủ 1 33,33%", page);
        Assert.Contains("Trong đó: ở địa bàn ưu tiên 2 66,67%", HttpForms.Words(await browser.GetPageAsync("/Reports/Programme?from=2026&to=2026&cutoff=30/09/2026&region=BAC")));

        foreach (var url in new[] { $"/Reports/Conference?handler=Excel&{query}", "/Reports/Programme?handler=Excel&from=2026&to=2026&cutoff=30/09/2026&region=BAC" })
        {
            var excel = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
            using var book = new XLWorkbook(await excel.Content.ReadAsStreamAsync());
            var sheet = book.Worksheet("CoSoHoTro");
            Assert.StartsWith("Đơn vị: số cơ sở", sheet.Cell(2, 1).GetString());
            Assert.Equal((3, 1, 1, 2), (sheet.Cell(5, 2).GetValue<int>(), sheet.Cell(6, 2).GetValue<int>(), sheet.Cell(7, 2).GetValue<int>(), sheet.Cell(8, 2).GetValue<int>()));
            Assert.Equal(0.6667m, sheet.Cell(8, 3).GetValue<decimal>());
        }

        var word = await browser.GetAsync($"/Reports/Conference?handler=Word&{query}");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("7. Cơ sở công nghiệp nông thôn được hỗ trợ", text);
            Assert.Contains("Trong đó: sử dụng lao động là người dân tộc thiểu số133,33%", text);
        }

        var api = await _portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var answer = await api.GetAsync("/api/v1/conference?region=BAC&year=2026&cutoff=2026-09-30");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var establishments = body.RootElement.GetProperty("establishments");
        Assert.Equal((3, 1, 2, 0.6667m), (establishments.GetProperty("supported").GetInt32(), establishments.GetProperty("womenOwned").GetInt32(),
            establishments.GetProperty("priorityArea").GetInt32(), establishments.GetProperty("priorityAreaShare").GetDecimal()));
    }

    [Fact]
    public async Task Linked_lines_are_what_is_counted()
    {
        // The fixture's premise: every line is linked to the registry, six establishments on seven lines (A on two).
        Assert.Equal((7, 6), await _portal.WithDbAsync(async db => (await db.Beneficiaries.CountAsync(b => b.EstablishmentId != null), await db.Establishments.CountAsync())));
    }
}
