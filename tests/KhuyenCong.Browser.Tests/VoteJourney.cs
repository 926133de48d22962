using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The typical-product vote in a browser (docs/domain.md §13): Bắc Ninh's officer opens a province vote and registers
/// a product of an establishment in the registry, seats a council member who scores it, records the decision, and the
/// numbered certificate appears on the establishment's page and downloads as a Word document. The portal runs on the
/// real clock, so registration and scoring both include today (registration ends the day scoring starts).
/// </summary>
public sealed class VoteJourney
{
    private const string Officer = "chuyenvien.binhchon@bacninh.vn";
    private const string Member = "hoidong@bacninh.vn";

    /// <summary>A real 1 × 1 PNG (signature, IHDR, IDAT, IEND with their CRCs) that a browser decodes.</summary>
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    [Fact]
    public async Task A_province_registers_a_product_the_council_scores_it_and_the_certificate_appears_on_the_establishments_page()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync(Officer, Roles.ProvinceOfficer, "24");
        await session.Portal.CreateUserAsync(Member, Roles.Reviewer);
        var establishment = await session.Portal.WithDbAsync(async db =>
        {
            var bacNinh = await db.Provinces.SingleAsync(p => p.Code == "24" && p.ValidTo == null);
            var e = Establishment.Register(new EstablishmentDraft("Hợp tác xã Gốm Phù Lãng", "0100109106", BeneficiaryType.Cooperative, bacNinh.Id, "Phù Lãng"), DateTime.UtcNow);
            db.Establishments.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var officer = await session.NewPageAsync();
        officer.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await session.SignInAsync(officer, Officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Bình chọn sản phẩm", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("empty")).ToContainTextAsync("Chưa có đợt bình chọn nào");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tạo đợt bình chọn" }).ClickAsync();
        await officer.GetByLabel("Cơ quan tổ chức").FillAsync("Sở Công Thương Bắc Ninh");
        await officer.GetByLabel("Đăng ký từ ngày").FillAsync(D(today.AddDays(-5)));
        await officer.Locator("#Input_RegistrationTo").FillAsync(D(today));
        await officer.GetByLabel("Chấm điểm từ ngày").FillAsync(D(today));
        await officer.Locator("#Input_ScoringTo").FillAsync(D(today.AddDays(10)));
        await officer.GetByLabel("Công bố kết quả").FillAsync(D(today.AddDays(20)));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tạo đợt bình chọn" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("no-products")).ToBeVisibleAsync();
        var voteUrl = officer.Url;

        await officer.GetByLabel("Mã số thuế hoặc mã cơ sở").FillAsync("0100109106");
        await officer.GetByLabel("Tên sản phẩm").FillAsync("Bình gốm men nâu Phù Lãng");
        await officer.GetByLabel("Nhóm sản phẩm").SelectOptionAsync(new SelectOptionValue { Value = "Handicraft" });
        await officer.GetByLabel("Mô tả").FillAsync("Gốm đất đỏ, men tro, nung củi.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đăng ký sản phẩm" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("standings")).ToContainTextAsync("Bình gốm men nâu Phù Lãng");
        await Assertions.Expect(officer.GetByTestId("standings")).ToContainTextAsync("Chưa chấm");

        // A photo of the product, attached on the vote's page, shows as a thumbnail there and on the council's phone.
        await officer.Locator("[data-testid^=upload-] input[type=file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = "binh-gom-phu-lang.png", MimeType = "image/png", Buffer = Convert.FromBase64String(OnePixelPng),
        });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tải tệp lên" }).ClickAsync();
        var thumbnail = officer.Locator("img[alt^='Ảnh sản phẩm «Bình gốm men nâu Phù Lãng»']");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        await thumbnail.ScrollIntoViewIfNeededAsync(); // loading="lazy": decoded once it is in view
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 1);

        await officer.GetByLabel("Thư điện tử của thành viên (vai trò Thành viên hội đồng bình chọn)").FillAsync(Member);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Thêm thành viên" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("council")).ToBeVisibleAsync();

        var member = await session.NewPageAsync(390, 844);
        await session.SignInAsync(member, Member);
        await member.GotoAsync(voteUrl);
        await member.GetByRole(AriaRole.Link, new() { Name = "Chấm điểm" }).ClickAsync();
        var seen = member.Locator("img[alt^='Ảnh sản phẩm «Bình gốm men nâu Phù Lãng»']");
        await Assertions.Expect(seen).ToBeVisibleAsync();
        await seen.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(seen).ToHaveJSPropertyAsync("naturalWidth", 1);
        var problems = new List<string?> { await PageLayout.OverflowAsync(member, 390, "Chấm điểm (điện thoại)") };
        var fields = member.Locator("[data-testid=score-form] input[type=number]");
        await Assertions.Expect(fields).ToHaveCountAsync(4);
        var points = new[] { "25", "30", "20", "8" };
        for (var i = 0; i < points.Length; i++)
        {
            await fields.Nth(i).FillAsync(points[i]);
        }

        await member.GetByRole(AriaRole.Button, new() { Name = "Ghi điểm" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("standings")).ToContainTextAsync("83,00");
        problems.Add(await PageLayout.OverflowAsync(member, 390, "Đợt bình chọn sau khi chấm (điện thoại)"));
        await BrowserSession.ScreenshotAsync(member, "vote-scored-phone");

        await officer.GotoAsync(voteUrl);
        await Assertions.Expect(officer.GetByTestId("standings")).ToContainTextAsync("Đạt");
        await officer.GetByLabel("Số quyết định").FillAsync("123/QĐ-UBND");
        await officer.GetByLabel("Ngày quyết định").FillAsync(D(today));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định, cấp giấy chứng nhận" }).ClickAsync();
        var number = $"001/{today.Year}/GCN-T";
        await Assertions.Expect(officer.GetByTestId("standings")).ToContainTextAsync(number);
        await Assertions.Expect(officer.GetByTestId("decision")).ToContainTextAsync("123/QĐ-UBND");

        await officer.GotoAsync($"/Establishments/Details/{establishment}");
        var awards = officer.GetByTestId("awards");
        await Assertions.Expect(awards).ToContainTextAsync("Bình gốm men nâu Phù Lãng");
        await Assertions.Expect(awards).ToContainTextAsync(number);
        await Assertions.Expect(awards).ToContainTextAsync($"Số 123/QĐ-UBND ngày {D(today)}");
        await Assertions.Expect(awards).ToContainTextAsync(D(today.AddYears(3).AddDays(-1)));
        await BrowserSession.ScreenshotAsync(officer, "establishment-certificate");

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "(tải bản Word)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserSession.ArtifactsFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var word = WordprocessingDocument.Open(path, false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Hợp tác xã Gốm Phù Lãng", text, StringComparison.Ordinal);

        // The officer's pages of the vote fit a 390 px phone too, the certificate table stacked.
        var phone = await session.NewPageAsync(390, 844);
        await session.SignInAsync(phone, Officer);
        foreach (var (url, what) in new[] { ("/Votes", "Danh sách đợt bình chọn"), ("/Votes/Create", "Tạo đợt bình chọn"), (voteUrl, "Đợt bình chọn đã có quyết định"), ($"/Establishments/Details/{establishment}", "Trang cơ sở có giấy chứng nhận") })
        {
            await phone.GotoAsync(url);
            problems.Add(await PageLayout.OverflowAsync(phone, 390, what));
        }

        await BrowserSession.ScreenshotAsync(phone, "establishment-certificate-phone");
        Assert.Equal(string.Empty, string.Join("\n", problems.Where(p => !string.IsNullOrEmpty(p))));
    }
}
