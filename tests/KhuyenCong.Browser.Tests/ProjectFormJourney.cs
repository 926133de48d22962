using KhuyenCong.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The project form in Chromium with its scripts: rows added and removed in the page (form-rows.js), contents and
/// indicators picked from lists, the validators' rules checked in the browser before anything is sent (jQuery
/// unobtrusive validation fed by FluentValidation.AspNetCore), all under the CSP and, on a 390 px phone, without
/// sideways scrolling.
/// </summary>
public sealed class ProjectFormJourney
{
    [Fact]
    public async Task An_officer_adds_rows_picks_from_lists_is_told_in_the_page_what_is_missing_and_saves()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("bieumau@bacninh.vn", Roles.ProvinceOfficer, "24");
        var page = await session.NewPageAsync();
        var problems = new List<string>();
        var posts = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"console on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.Url);
            }
        };

        await session.SignInAsync(page, "bieumau@bacninh.vn");
        await page.GotoAsync("/Projects/Edit");
        var rows = page.Locator("[data-rows='Contents'] [data-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        posts.Clear();

        // Two rows more, in the page; then the middle one is removed and the last takes its place and its number.
        var addContent = page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng nội dung" });
        await addContent.ClickAsync();
        await addContent.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.Locator("[name='Input.Contents[0].ContentCode']").SelectOptionAsync("ND01");
        await page.Locator("[name='Input.Contents[1].ContentCode']").SelectOptionAsync("ND02");
        await page.Locator("[name='Input.Contents[2].ContentCode']").SelectOptionAsync(new SelectOptionValue { Label = "ND03 – Mô hình trình diễn kỹ thuật; chuyển giao công nghệ, ứng dụng máy móc tiên tiến; mô hình thí điểm sản xuất sạch hơn" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa nội dung 2" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[name='Input.Contents[1].ContentCode']")).ToHaveValueAsync("ND03");
        await Assertions.Expect(page.Locator("[name='Input.Contents[2].ContentCode']")).ToHaveCountAsync(0);
        await addContent.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[name='Input.Contents[2].ContentCode']")).ToHaveValueAsync("");
        await page.Locator("[name='Input.Contents[2].ContentCode']").SelectOptionAsync("ND05");
        for (var i = 0; i < 3; i++)
        {
            await page.Locator($"[name='Input.Contents[{i}].TotalCost']").FillAsync("500.000.000");
            await page.Locator($"[name='Input.Contents[{i}].RequestedAmount']").FillAsync("100.000.000");
        }

        await page.Locator("[name='Input.PlanYear']").FillAsync("2026");
        await page.Locator("[name='Input.Source']").SelectOptionAsync("KCDP");
        await page.Locator("[name='Input.ImplementingUnit']").FillAsync("Trung tâm Khuyến công Bắc Ninh");
        await page.Locator("[name='Input.EndDate']").FillAsync("30/11/2026");
        await page.Locator("[name='Input.Beneficiaries[0].Name']").FillAsync("Cơ sở mây tre đan Phú Lãng");
        await page.Locator("[name='Input.Beneficiaries[0].Commune']").FillAsync("xã Phù Lãng");
        await page.Locator("[name='Input.Outcomes[0].IndicatorCode']").SelectOptionAsync("LAO_DONG_DAO_TAO");
        await page.Locator("[name='Input.Outcomes[0].Target']").FillAsync("30");
        Assert.Empty(posts);

        // The title and the start date are left empty: the page says so itself, nothing is posted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToHaveTextAsync("Hãy nhập tên đề án.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.StartDate']")).ToHaveTextAsync("Hãy nhập ngày bắt đầu.");
        await BrowserSession.ScreenshotAsync(page, "project-form-client-validation");
        Assert.Empty(posts);
        Assert.Contains("/Projects/Edit", page.Url, StringComparison.Ordinal);

        // A message goes as its field is typed in. The date is pasted (no key pressed) and "Lưu nháp" pressed
        // straight away: it still saves, as no check on leaving the field shifts the button from under the pointer.
        await page.Locator("[name='Input.Title']").PressSequentiallyAsync("Đào tạo nghề mây tre đan Phù Lãng");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToHaveTextAsync("");
        await page.Locator("[name='Input.StartDate']").FillAsync("01/03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("Nháp");
        var contents = await session.Portal.WithDbAsync(db => db.Projects.Where(p => p.Title == "Đào tạo nghề mây tre đan Phù Lãng")
            .SelectMany(p => p.Contents).Select(c => c.ContentCode).OrderBy(c => c).ToListAsync());
        Assert.Equal(["ND01", "ND03", "ND05"], contents);

        // On a phone the form fits the screen, a row added included.
        var phone = await session.NewPageAsync(390, 844);
        phone.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"console on {phone.Url}: {message.Text}");
            }
        };
        await session.SignInAsync(phone, "bieumau@bacninh.vn");
        await phone.GotoAsync("/Projects/Edit");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Thêm cơ sở thụ hưởng" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-rows='Beneficiaries'] [data-row]")).ToHaveCountAsync(2);
        // The copy starts empty, with the type a new row has on the server.
        await Assertions.Expect(phone.Locator("[name='Input.Beneficiaries[1].Type']")).ToHaveValueAsync("HouseholdBusiness");
        await Assertions.Expect(phone.Locator("[name='Input.Beneficiaries[1].Name']")).ToHaveValueAsync("");
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await BrowserSession.ScreenshotAsync(phone, "project-form-phone");
        Assert.True(width <= 390, $"the form is {width} px wide on a 390 px phone");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
