using System.Net;
using System.Text.Json;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The establishment registry's pages (issue 10, docs/domain.md §12): scope by the province an establishment was
/// registered in, search and filters that follow the merger, the form's checks (tax code, near duplicates, stale
/// edits), the project form's picker, and the double-support warning across merged provinces.
/// </summary>
public abstract class EstablishmentSpecs(PortalFixture fixture)
{
    [Fact]
    public async Task A_province_user_neither_sees_nor_picks_an_establishment_of_another_province()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("pv");
        var name = $"Hộ kinh doanh Mây tre {tag}";
        var projectId = await new ProjectBuilder(portal).In("01", 2026).BenefitingTo(name, NewTaxCode(), "xã Phú Nghĩa").SaveAsync();
        var id = await EstablishmentOfAsync(portal, projectId);

        var bacNinh = portal.Browser();
        await bacNinh.SignInOkAsync(PortalFixture.OfficerBacNinh);
        Assert.Equal(HttpStatusCode.NotFound, (await bacNinh.GetAsync($"/Establishments/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bacNinh.GetAsync($"/Establishments/Edit/{id}")).StatusCode);
        var list = HttpForms.Text(await bacNinh.GetPageAsync($"/Establishments?q={tag}"));
        Assert.DoesNotContain(name, list);
        Assert.Contains("Chưa có cơ sở nào khớp điều kiện lọc", list);
        Assert.DoesNotContain(id, await LookupAsync(bacNinh, tag));

        var hanoi = portal.Browser();
        await hanoi.SignInOkAsync(PortalFixture.OfficerHanoi);
        Assert.Contains(name, HttpForms.Text(await hanoi.GetPageAsync($"/Establishments?q={tag}")));
        Assert.Equal([id], await LookupAsync(hanoi, tag));

        var ministry = portal.Browser();
        await ministry.SignInOkAsync(PortalFixture.MinistryOfficer);
        var page = HttpForms.Text(await ministry.GetPageAsync($"/Establishments/Details/{id}"));
        Assert.Contains(name, page);
        Assert.Contains($"/Projects/Details/{projectId}", page);
        Assert.Contains("Sản phẩm CNNT tiêu biểu và giấy chứng nhận", page);
        Assert.Contains("Chưa có sản phẩm được bình chọn", page);
    }

    [Fact]
    public async Task The_list_searches_without_diacritics_and_filters_by_a_province_with_those_it_was_formed_from()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("ds");
        var taxCode = NewTaxCode();
        var oldBacNinh = await EstablishmentOfAsync(portal, await new ProjectBuilder(portal).In("27", 2024).BenefitingTo($"Hợp tác xã Đồ gỗ {tag} An Phú", taxCode, "phường Đồng Kỵ").SaveAsync());
        var hanoi = await EstablishmentOfAsync(portal, await new ProjectBuilder(portal).In("01", 2024).BenefitingTo($"Hợp tác xã Đồ gỗ {tag} Bình Minh", NewTaxCode(), "xã Vạn Điểm").SaveAsync());

        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        Assert.Equal([oldBacNinh, hanoi], Ids(await client.GetPageAsync($"/Establishments?q={Uri.EscapeDataString("do go " + tag)}")));
        Assert.Equal([hanoi, oldBacNinh], Ids(await client.GetPageAsync($"/Establishments?q={Uri.EscapeDataString("do go " + tag)}&sort=name&dir=desc")));
        var commune = Ids(await client.GetPageAsync($"/Establishments?q={Uri.EscapeDataString("phuong dong ky")}"));
        Assert.Contains(oldBacNinh, commune);
        Assert.DoesNotContain(hanoi, commune);
        Assert.Equal([oldBacNinh], Ids(await client.GetPageAsync($"/Establishments?q={taxCode}")));

        // Today's Bắc Ninh (24) stands for old Bắc Ninh (27) too; Hà Nội does not.
        var filtered = await client.GetPageAsync($"/Establishments?q={tag}&province=24&type=Cooperative");
        Assert.Equal([oldBacNinh], Ids(filtered));
        Assert.Contains("<option value=\"24\" selected=\"selected\">", filtered);
        Assert.Empty(Ids(await client.GetPageAsync($"/Establishments?q={tag}&type=HouseholdBusiness")));
        Assert.Empty(Ids(await client.GetPageAsync($"/Establishments?q={tag}&flag=women")));

        // A hostile query is a page, not an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Establishments?q={tag}&type=99&flag=x&sort=zz&dir=up&p=-4")).StatusCode);
    }

    [Fact]
    public async Task A_new_establishment_near_one_of_its_commune_is_saved_only_once_confirmed()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("nd");
        var hanoiId = await ProvinceIdAsync(portal, "01");
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);

        var badTax = await client.SubmitAsync("/Establishments/Edit", Fields($"Hợp tác xã Gốm sứ {tag}", "0100109107", hanoiId, "xã Bát Tràng"));
        Assert.Equal(HttpStatusCode.OK, badTax.StatusCode);
        Assert.Contains("sai chữ số kiểm tra", HttpForms.Text(await badTax.Content.ReadAsStringAsync()));

        var first = await client.SubmitAsync("/Establishments/Edit", Fields($"Hợp tác xã Gốm sứ {tag}", null, hanoiId, "xã Bát Tràng"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var near = await client.SubmitAsync("/Establishments/Edit", Fields($"hop tac xa gom su {tag} Bat Trang", null, hanoiId, "Xã Bát Tràng"));
        Assert.Equal(HttpStatusCode.OK, near.StatusCode);
        var warning = HttpForms.Text(await near.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"near-duplicates\"", warning);
        Assert.Contains($"Hợp tác xã Gốm sứ {tag}", warning);
        Assert.Equal(1, await CountAsync(portal, tag));

        var confirmed = Fields($"hop tac xa gom su {tag} Bat Trang", null, hanoiId, "Xã Bát Tràng");
        confirmed["ConfirmNearDuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Establishments/Edit", confirmed)).StatusCode);
        Assert.Equal(2, await CountAsync(portal, tag));
    }

    [Fact]
    public async Task An_edit_of_a_version_changed_meanwhile_is_refused_and_the_change_is_in_the_history()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("st");
        var id = await EstablishmentOfAsync(portal, await new ProjectBuilder(portal).In("01", 2026).BenefitingTo($"Cơ sở Dệt lụa {tag}", NewTaxCode(), "xã Vạn Phúc").SaveAsync());
        var hanoiId = await ProvinceIdAsync(portal, "01");
        var first = portal.Browser();
        var second = portal.Browser();
        await first.SignInOkAsync(PortalFixture.OfficerHanoi);
        await second.SignInOkAsync(PortalFixture.MinistryOfficer);
        var url = $"/Establishments/Edit/{id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);
        string Tax(string page) => HttpForms.Field(page, "Input.TaxCode");

        var saved = await first.SubmitAsync(url, Fields($"Cơ sở Dệt lụa {tag}", Tax(firstPage), hanoiId, "xã Vạn Phúc", workers: "40", version: HttpForms.Field(firstPage, "Version")), page: firstPage);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.SubmitAsync(url, Fields($"Cơ sở Dệt lụa {tag}", Tax(secondPage), hanoiId, "xã Vạn Phúc", workers: "55", version: HttpForms.Field(secondPage, "Version")), page: secondPage);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = HttpForms.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác thay đổi", html);
        Assert.Contains("value=\"55\"", html);
        Assert.Equal(40, await portal.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Workers).SingleAsync()));

        var details = HttpForms.Text(await second.GetPageAsync($"/Establishments/Details/{id}"));
        Assert.Contains("Lịch sử thay đổi", details);
        Assert.DoesNotContain("Chưa có thay đổi nào được ghi nhận", details);
        Assert.Contains("Số lao động", details);

        // A province officer of another province may not change it, whatever they post.
        var bacNinh = portal.Browser();
        await bacNinh.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var content = new FormUrlEncodedContent(Fields("Chiếm quyền", null, hanoiId, "xã Vạn Phúc", version: Guid.Empty.ToString()).Append(new("__RequestVerificationToken", HttpForms.Token(await bacNinh.GetPageAsync("/Establishments/Edit")))));
        Assert.Equal(HttpStatusCode.NotFound, (await bacNinh.PostAsync(url, content)).StatusCode);
    }

    [Fact]
    public async Task The_appraiser_is_warned_of_double_support_across_two_provinces_that_merged()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("dbl");
        var taxCode = NewTaxCode();
        // Old Bắc Giang (24 until 30/06/2025) supported the establishment in 2024; today's Bắc Ninh (24) asks again in 2026.
        var earlier = await new ProjectBuilder(portal).In("24", 2024).State(ProjectState.Settled).BenefitingTo($"Công ty TNHH Cơ khí {tag}", taxCode, "xã Tân Yên").SaveAsync();
        var now = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Submitted).BenefitingTo($"Cong ty TNHH Co khi {tag}", taxCode, "xã Tân Yên").SaveAsync();
        var other = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Submitted).BenefitingTo($"Cơ sở khác {tag}", NewTaxCode(), "xã Tân Yên").SaveAsync();
        var establishment = await EstablishmentOfAsync(portal, now);
        Assert.Equal(establishment, await EstablishmentOfAsync(portal, earlier));
        var earlierCode = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == earlier).Select(p => p.Code).SingleAsync());

        var appraiser = portal.Browser();
        await appraiser.SignInOkAsync(PortalFixture.ApproverBacNinh);
        var page = HttpForms.Text(await appraiser.GetPageAsync($"/Projects/Details/{now}"));
        Assert.Contains("Cảnh báo hỗ trợ trùng", page);
        var warning = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"double-support\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Matches($"<a [^>]*href=\"/Projects/Details/{earlier}\"[^>]*>{earlierCode}</a>", warning);
        Assert.Contains("năm 2024, Bắc Giang", warning);
        Assert.Contains("không hỗ trợ trùng trong 3 năm", HttpForms.Text(warning));
        Assert.DoesNotContain("Cảnh báo hỗ trợ trùng", HttpForms.Text(await appraiser.GetPageAsync($"/Projects/Details/{other}")));

        // The officer who registered it is not appraising: no warning on their page; the establishment page shows it to all.
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        Assert.DoesNotContain("Cảnh báo hỗ trợ trùng", HttpForms.Text(await officer.GetPageAsync($"/Projects/Details/{now}")));
        var registry = HttpForms.Text(await officer.GetPageAsync($"/Establishments/Details/{establishment}"));
        Assert.Contains("data-testid=\"double-support\"", registry);
        Assert.Contains(earlierCode, registry);
    }

    [Fact]
    public async Task The_project_form_keeps_a_picked_establishment_only_within_the_users_scope()
    {
        var portal = await fixture.GetAsync();
        var tag = Tag("pk");
        var hanoiTax = NewTaxCode();
        var hanoiEstablishment = await EstablishmentOfAsync(portal, await new ProjectBuilder(portal).In("01", 2026).BenefitingTo($"Cơ sở Hà Nội {tag}", hanoiTax, "xã Phú Nghĩa").SaveAsync());
        var bacNinhEstablishment = await EstablishmentOfAsync(portal, await new ProjectBuilder(portal).In("24", 2026).BenefitingTo($"Cơ sở Bắc Ninh {tag}", NewTaxCode(), "xã Tân Yên").SaveAsync());
        var bacNinhId = await ProvinceIdAsync(portal, "24");

        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        Assert.Equal([bacNinhEstablishment], await LookupAsync(officer, tag));
        var form = await officer.GetPageAsync("/Projects/Edit");
        Assert.Contains("establishment-picker.js", form);
        Assert.Contains("list=\"establishment-options\"", form);

        // A forged id of Hà Nội's establishment with its tax code: the line is linked by its tax code all the same (the
        // same establishment, nationwide), never by the posted id of a line that says something else.
        var fields = new Dictionary<string, string>
        {
            ["Input.PlanYear"] = "2026", ["Input.ProvinceId"] = bacNinhId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Source"] = "KCDP", ["Input.Kind"] = "Thuong",
            ["Input.Title"] = $"Đề án chọn cơ sở {tag}", ["Input.ImplementingUnit"] = "Trung tâm Khuyến công", ["Input.StartDate"] = "01/03/2026", ["Input.EndDate"] = "31/10/2026",
            ["Input.CounterpartCommitted"] = "100.000.000",
            ["Input.Contents[0].ContentCode"] = "ND03", ["Input.Contents[0].TotalCost"] = "300.000.000", ["Input.Contents[0].RequestedAmount"] = "100.000.000",
            ["Input.Beneficiaries[0].EstablishmentId"] = hanoiEstablishment.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Beneficiaries[0].Name"] = $"Cơ sở mới {tag}",
            ["Input.Beneficiaries[0].TaxCode"] = "", ["Input.Beneficiaries[0].Type"] = "HouseholdBusiness", ["Input.Beneficiaries[0].Commune"] = "xã Tân Yên",
            ["Input.Beneficiaries[1].EstablishmentId"] = bacNinhEstablishment.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Beneficiaries[1].Name"] = $"Cơ sở Bắc Ninh {tag}",
            ["Input.Beneficiaries[1].TaxCode"] = await portal.WithDbAsync(db => db.Establishments.Where(e => e.Id == bacNinhEstablishment).Select(e => e.TaxCode!).SingleAsync()),
            ["Input.Beneficiaries[1].Type"] = "Cooperative", ["Input.Beneficiaries[1].Commune"] = "xã Tân Yên",
        };
        var saved = await officer.SubmitAsync("/Projects/Edit", fields, page: form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var links = await portal.WithDbAsync(db => db.Beneficiaries.Where(b => b.Name.Contains(tag) && db.Projects.Any(p => p.Id == b.ProjectId && p.Title.Contains(tag)))
            .OrderBy(b => b.Name).Select(b => new { b.Name, b.EstablishmentId }).ToListAsync());
        Assert.Equal(2, links.Count);
        Assert.Equal(bacNinhEstablishment, links.Single(l => l.Name.StartsWith("Cơ sở Bắc Ninh", StringComparison.Ordinal)).EstablishmentId);
        var fresh = links.Single(l => l.Name.StartsWith("Cơ sở mới", StringComparison.Ordinal)).EstablishmentId;
        Assert.NotNull(fresh);
        Assert.NotEqual(hanoiEstablishment, fresh);
    }

    private static string Tag(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..14];

    /// <summary>A 10-digit tax code whose check digit is right, new to the test database.</summary>
    private static string NewTaxCode()
    {
        while (true)
        {
            var nine = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TaxCode.CheckDigitOf(nine) is { } check)
            {
                return nine + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static Dictionary<string, string> Fields(string name, string? taxCode, int provinceId, string commune, string workers = "", string? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.TaxCode"] = taxCode ?? string.Empty, ["Input.Type"] = nameof(BeneficiaryType.Cooperative),
            ["Input.ProvinceId"] = provinceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Commune"] = commune, ["Input.Workers"] = workers,
        };
        if (version is not null)
        {
            fields["Version"] = version;
        }

        return fields;
    }

    private static Task<int> EstablishmentOfAsync(PortalFactory portal, int projectId) =>
        portal.WithDbAsync(db => db.Beneficiaries.Where(b => b.ProjectId == projectId).Select(b => b.EstablishmentId!.Value).SingleAsync());

    private static Task<int> ProvinceIdAsync(PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == code && p.ValidTo == null).Select(p => p.Id).SingleAsync());

    private static Task<int> CountAsync(PortalFactory portal, string tag) =>
        portal.WithDbAsync(db => db.Establishments.CountAsync(e => e.Name.Contains(tag)));

    private static async Task<List<int>> LookupAsync(HttpClient client, string text)
    {
        var response = await client.GetAsync($"/Establishments?handler=Lookup&q={Uri.EscapeDataString(text)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];
    }

    private static List<int> Ids(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"/Establishments/Details/(\\d+)\">").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class EstablishmentOnSqlite(SqlitePortalFixture fixture) : EstablishmentSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class EstablishmentOnPostgreSql(PostgresPortalFixture fixture) : EstablishmentSpecs(fixture), IClassFixture<PostgresPortalFixture>;
