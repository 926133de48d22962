using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The typical-product vote over HTTP (docs/domain.md §13): Bắc Ninh's officer opens the province vote and registers
/// a product, seats a council member who scores it, records the decision, and the numbered certificate downloads as a
/// Word document; a reviewer sees only the votes they sit on, a province officer cannot score, a region vote lists the
/// region's provinces after the 2025 merger and keeps a member from scoring their own province; the product's photos
/// and documents are attached by its province, shown to the council, hidden from other provinces and frozen by the
/// decision, and a bad upload is refused with nothing stored.
/// </summary>
public sealed class VoteSpecs : IAsyncLifetime
{
    private const string OfficerBacNinh = "chuyenvien.bacninh@test.vn";
    private const string OfficerHanoi = "chuyenvien.hanoi@test.vn";
    private const string OrganiserNorth = "bantochuc.bac@test.vn";
    private const string Member = "hoidong.a@test.vn";
    private const string MemberBacNinh = "hoidong.bacninh@test.vn";
    private const string Stranger = "hoidong.khac@test.vn";
    private const string Ministry = "chuyenvien.cuc@test.vn";

    private readonly TestClock _clock = new(new DateTimeOffset(2026, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _portal;
    private const string TaxCodeOfPhuLang = "0100109106";

    /// <summary>The product files of this class's portals: its own folder, so that "nothing stored" is counted there.</summary>
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"kc-vote-files-{Guid.NewGuid():N}");

    public VoteSpecs() => _portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
    {
        ["Documents:Path"] = _folder, ["Documents:MaxPerVoteProduct"] = "3", ["Documents:MaxBytes"] = "65536",
    }, _clock);

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.CreateUserAsync(OfficerBacNinh, Roles.ProvinceOfficer, "24");
        await _portal.CreateUserAsync(OfficerHanoi, Roles.ProvinceOfficer, "01");
        await _portal.CreateUserAsync(OrganiserNorth, Roles.ConferenceOrganiser, null, "BAC");
        await _portal.CreateUserAsync(Member, Roles.Reviewer);
        await _portal.CreateUserAsync(MemberBacNinh, Roles.Reviewer);
        await _portal.CreateUserAsync(Stranger, Roles.Reviewer);
        await _portal.CreateUserAsync(Ministry, Roles.MinistryOfficer);
        await _portal.WithDbAsync(async db =>
        {
            var bacNinh = await db.Provinces.SingleAsync(p => p.Code == "24" && p.ValidTo == null);
            db.Establishments.Add(Establishment.Register(new EstablishmentDraft("Hợp tác xã Gốm Phù Lãng", TaxCodeOfPhuLang, BeneficiaryType.Cooperative, bacNinh.Id, "Phù Lãng"), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    private int StoredFileCount() => Directory.Exists(_folder) ? Directory.GetFiles(_folder).Length : 0;

    /// <summary>Posts one file to a product's upload form on the vote's page, as the browser does (multipart, with the page's token).</summary>
    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, int vote, int product, string fileName, byte[] content, string contentType)
    {
        var url = $"/Votes/Details/{vote}";
        var page = await client.GetAsync(url);
        var token = HttpForms.Token(page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : await client.GetPageAsync("/Votes"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(product.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ProductId");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"{url}?handler=Upload", form);
    }

    private static async Task<HttpResponseMessage> DeleteFileAsync(HttpClient client, int vote, int fileId)
    {
        var url = $"/Votes/Details/{vote}";
        return await client.SubmitAsync(url, new Dictionary<string, string> { ["fileId"] = fileId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url + "?handler=DeleteFile");
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        return client;
    }

    private static Dictionary<string, string> VoteForm(string title, string? region = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Level"] = region is null ? "Province" : "Region", ["Input.Year"] = "2026", ["Input.Title"] = title, ["Input.Organiser"] = region is null ? "Sở Công Thương Bắc Ninh" : "Cục ĐCK, Bộ Công Thương",
            ["Input.RegistrationFrom"] = "01/08/2026", ["Input.RegistrationTo"] = "31/08/2026", ["Input.ScoringFrom"] = "01/09/2026", ["Input.ScoringTo"] = "30/09/2026", ["Input.ResultsOn"] = "15/10/2026",
        };
        if (region is not null)
        {
            form["Input.Region"] = region;
        }

        return form;
    }

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Bắc Ninh's province vote with one registered product and <see cref="Member"/> on its council.</summary>
    private async Task<(int Vote, int Product)> ProvinceVoteWithProductAsync(HttpClient officer)
    {
        var vote = IdFrom(await officer.SubmitAsync("/Votes/Create", VoteForm("Bình chọn sản phẩm CNNT tiêu biểu tỉnh Bắc Ninh 2026")));
        var url = $"/Votes/Details/{vote}";
        var registered = await officer.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Establishment"] = TaxCodeOfPhuLang, ["ProductName"] = "Bình gốm men nâu Phù Lãng", ["Group"] = "Handicraft", ["Description"] = "Gốm đất đỏ, men tro.",
        }, url + "?handler=Register");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var seated = await officer.SubmitAsync(url, new Dictionary<string, string> { ["MemberEmail"] = Member }, url + "?handler=Member");
        Assert.Equal(HttpStatusCode.Redirect, seated.StatusCode);
        var product = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == vote).Select(p => p.Id).SingleAsync());
        return (vote, product);
    }

    private async Task<Dictionary<string, string>> PointsAsync(params int[] points)
    {
        var ids = await _portal.WithDbAsync(db => db.VoteCriteria.OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync());
        return ids.Select((id, i) => (id, i)).ToDictionary(x => $"Points[{x.id}]", x => points[x.i].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_province_registers_a_product_the_council_scores_it_and_the_numbered_certificate_downloads_as_a_word_document()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, product) = await ProvinceVoteWithProductAsync(officer);

        _clock.SetVietnamTime(2026, 9, 10);
        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh); // a month on, the first session has expired
        using var member = await SignedInAsync(Member);
        var scored = await member.SubmitAsync($"/Votes/Score/{product}", await PointsAsync(25, 30, 20, 8));
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        var page = HttpForms.Text(await member.GetPageAsync($"/Votes/Details/{vote}"));
        Assert.Contains("83,00", page, StringComparison.Ordinal);
        Assert.Contains("Đạt", page, StringComparison.Ordinal);

        var url = $"/Votes/Details/{vote}";
        var decided = await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "123/QĐ-UBND", ["DecisionDate"] = "15/10/2026", ["Version"] = HttpForms.Field(await officer.GetPageAsync(url), "Version") }, url + "?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        page = HttpForms.Text(await officer.GetPageAsync(url));
        Assert.Contains("Giấy chứng nhận số 001/2026/GCN-T, đến 14/10/2029", page.Replace("<strong>", "").Replace("</strong>", ""), StringComparison.Ordinal);
        Assert.Contains("Số 123/QĐ-UBND ngày 15/10/2026", page, StringComparison.Ordinal);

        var download = await officer.GetAsync($"{url}?handler=Certificate&product={product}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.EndsWith(".docx", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("GIẤY CHỨNG NHẬN", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("Bình gốm men nâu Phù Lãng", text, StringComparison.Ordinal);
        Assert.Contains("001/2026/GCN-T", text, StringComparison.Ordinal);
        Assert.Contains("Hợp tác xã Gốm Phù Lãng", text, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH BẮC NINH", text, StringComparison.Ordinal); // the provincial People's Committee issues it, in the province
        Assert.Contains("Bắc Ninh, ngày 15 tháng 10 năm 2026", text, StringComparison.Ordinal);

        // Scores are closed by the decision.
        var late = HttpForms.Text(await member.GetPageAsync($"/Votes/Score/{product}"));
        Assert.Contains("đã có quyết định công nhận kết quả", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_sees_only_the_votes_they_sit_on_and_a_province_officer_cannot_score()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, product) = await ProvinceVoteWithProductAsync(officer);
        _clock.SetVietnamTime(2026, 9, 10);
        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh);

        using var member = await SignedInAsync(Member);
        Assert.Contains("Bình chọn sản phẩm CNNT tiêu biểu tỉnh Bắc Ninh 2026", HttpForms.Text(await member.GetPageAsync("/Votes")), StringComparison.Ordinal);

        using var stranger = await SignedInAsync(Stranger);
        Assert.Contains("Chưa có đợt bình chọn nào", HttpForms.Text(await stranger.GetPageAsync("/Votes")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Votes/Details/{vote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Votes/Score/{product}")).StatusCode);

        using var hanoi = await SignedInAsync(OfficerHanoi);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/Votes/Details/{vote}")).StatusCode);

        // The province's own officer sees the product but is refused the form, and a forged post records nothing.
        var form = HttpForms.Text(await officer.GetPageAsync($"/Votes/Score/{product}"));
        Assert.Contains("Chỉ thành viên hội đồng bình chọn của đợt này mới chấm điểm được.", form, StringComparison.Ordinal);
        var forged = await officer.SubmitAsync($"/Votes/Score/{product}", await PointsAsync(30, 35, 25, 10));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.VoteScores.CountAsync()));
    }

    [Fact]
    public async Task A_region_vote_covers_the_regions_provinces_after_the_merger_a_product_put_forward_takes_its_photos_and_a_member_cannot_score_their_own_province()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (provinceVote, product) = await ProvinceVoteWithProductAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, provinceVote, product, "binh-gom.png", HostileUploadSpecs.Png(), "image/png")).StatusCode);

        using var organiser = await SignedInAsync(OrganiserNorth);
        var regionVote = IdFrom(await organiser.SubmitAsync("/Votes/Create", VoteForm("Bình chọn sản phẩm CNNT tiêu biểu khu vực phía Bắc 2026", "BAC")));
        var regionUrl = $"/Votes/Details/{regionVote}";
        var provinces = HttpForms.Text(await organiser.GetPageAsync(regionUrl));
        Assert.Contains("Bắc Ninh", provinces, StringComparison.Ordinal);
        Assert.DoesNotContain("Bắc Giang", provinces, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Giang", provinces, StringComparison.Ordinal);
        var expected = await _portal.WithDbAsync(db => db.ProvinceRegionMemberships.CountAsync(m => m.Region!.Code == "BAC" && m.ValidTo == null));
        Assert.Equal(expected, await _portal.WithDbAsync(db => db.VoteProvinces.CountAsync(p => p.VoteId == regionVote)));

        foreach (var email in new[] { Member, MemberBacNinh })
        {
            var seated = await organiser.SubmitAsync(regionUrl, new Dictionary<string, string> { ["MemberEmail"] = email, ["MemberProvince"] = email == MemberBacNinh ? "24" : "" }, regionUrl + "?handler=Member");
            Assert.Equal(HttpStatusCode.Redirect, seated.StatusCode);
        }

        // The province's winner, put forward to the region.
        _clock.SetVietnamTime(2026, 8, 20);
        await _portal.WithDbAsync(async db =>
        {
            var p = await db.VoteProducts.SingleAsync(x => x.Id == product);
            p.CertificateNumber = "001/2026/GCN-T";
            p.CertificateValidUntil = new DateOnly(2029, 8, 19);
            var v = await db.Votes.SingleAsync(x => x.Id == provinceVote);
            (v.DecisionNumber, v.DecisionDate) = ("9/QĐ-UBND", new DateOnly(2026, 8, 20));
            return await db.SaveChangesAsync();
        });
        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh);
        var provinceUrl = $"/Votes/Details/{provinceVote}";
        var nominated = await officer.SubmitAsync(provinceUrl, new Dictionary<string, string> { ["ProductId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ToVoteId"] = regionVote.ToString(System.Globalization.CultureInfo.InvariantCulture) }, provinceUrl + "?handler=Nominate");
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        var regional = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == regionVote).Select(p => p.Id).SingleAsync());

        // The product's photo goes up with it: the region's council sees the same stored file.
        var (original, copy) = await _portal.WithDbAsync(async db => (await db.VoteProductFiles.SingleAsync(f => f.ProductId == product), await db.VoteProductFiles.SingleAsync(f => f.ProductId == regional)));
        Assert.Equal((original.StorageName, original.FileName, original.Sha256), (copy.StorageName, copy.FileName, copy.Sha256));

        _clock.SetVietnamTime(2026, 9, 10);
        using var bacNinhMember = await SignedInAsync(MemberBacNinh);
        Assert.Contains("Thành viên hội đồng không chấm điểm sản phẩm của tỉnh mình ở cấp khu vực.", HttpForms.Text(await bacNinhMember.GetPageAsync($"/Votes/Score/{regional}")), StringComparison.Ordinal);
        await bacNinhMember.SubmitAsync($"/Votes/Score/{regional}", await PointsAsync(30, 35, 25, 10));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.VoteScores.CountAsync()));

        using var member = await SignedInAsync(Member);
        Assert.Equal(HostileUploadSpecs.Png(), await (await member.GetAsync($"{regionUrl}?handler=File&fileId={copy.Id}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/Votes/Score/{regional}", await PointsAsync(30, 35, 25, 10))).StatusCode);
        Assert.Equal(4, await _portal.WithDbAsync(db => db.VoteScores.CountAsync()));
    }

    [Fact]
    public async Task The_council_average_ranks_the_products_only_those_reaching_the_pass_mark_get_certificates_and_they_show_on_the_establishments_page()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, first) = await ProvinceVoteWithProductAsync(officer);
        var url = $"/Votes/Details/{vote}";
        foreach (var name in new[] { "Chum gốm Phù Lãng", "Lọ hoa gốm chưa chấm" })
        {
            var registered = await officer.SubmitAsync(url, new Dictionary<string, string> { ["Establishment"] = TaxCodeOfPhuLang, ["ProductName"] = name, ["Group"] = "Handicraft" }, url + "?handler=Register");
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(url, new Dictionary<string, string> { ["MemberEmail"] = Stranger }, url + "?handler=Member")).StatusCode);
        var second = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == vote && p.Name == "Chum gốm Phù Lãng").Select(p => p.Id).SingleAsync());

        // Scores before the scoring dates are refused; bad input answers the form with a message, not an error.
        using (var early = await SignedInAsync(Member))
        {
            Assert.Contains("Chỉ chấm điểm từ 01/09/2026 đến 30/09/2026.", HttpForms.Text(await early.GetPageAsync($"/Votes/Score/{first}")), StringComparison.Ordinal);
        }

        _clock.SetVietnamTime(2026, 9, 10);
        using var member = await SignedInAsync(Member);
        var tooMany = await member.SubmitAsync($"/Votes/Score/{first}", await PointsAsync(31, 30, 20, 8));
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("phải từ 0 đến 30", HttpForms.Text(await tooMany.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var words = await PointsAsync(25, 30, 20, 8);
        words[words.Keys.First()] = "hai mươi";
        var notANumber = await member.SubmitAsync($"/Votes/Score/{first}", words);
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.VoteScores.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/Votes/Score/{first}", await PointsAsync(25, 30, 20, 8))).StatusCode); // 83
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/Votes/Score/{second}", await PointsAsync(15, 20, 15, 5))).StatusCode); // 55
        using var other = await SignedInAsync(Stranger);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/Votes/Score/{first}", await PointsAsync(20, 30, 20, 7))).StatusCode); // 77
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/Votes/Score/{second}", await PointsAsync(20, 20, 16, 6))).StatusCode); // 62

        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh);
        var page = HttpForms.Cells(await officer.GetPageAsync(url));
        var firstAt = page.IndexOf("80,00", StringComparison.Ordinal);
        var secondAt = page.IndexOf("58,50", StringComparison.Ordinal);
        Assert.True(firstAt > 0 && secondAt > firstAt, "80,00 (hạng 1) đứng trước 58,50 (hạng 2)");
        Assert.Contains("Chưa đạt", page, StringComparison.Ordinal);
        Assert.Contains("Chưa chấm", page, StringComparison.Ordinal);

        // A stale decision form is refused; the fresh one certifies only the product at or above the pass mark (60).
        var version = HttpForms.Field(await officer.GetPageAsync(url), "Version");
        var stale = await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "5/QĐ-UBND", ["DecisionDate"] = "15/10/2026", ["Version"] = Guid.NewGuid().ToString() }, url + "?handler=Decide");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", HttpForms.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badDate = await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "5/QĐ-UBND", ["DecisionDate"] = "32/13/2026", ["Version"] = version }, url + "?handler=Decide");
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "5/QĐ-UBND", ["DecisionDate"] = "15/10/2026", ["Version"] = version }, url + "?handler=Decide")).StatusCode);
        var certificates = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == vote).OrderBy(p => p.Id).Select(p => p.CertificateNumber).ToListAsync());
        Assert.Equal(["001/2026/GCN-T", null, null], certificates);

        var establishment = await _portal.WithDbAsync(db => db.Establishments.Where(e => e.TaxCode == TaxCodeOfPhuLang).Select(e => e.Id).SingleAsync());
        var awards = HttpForms.Words(await officer.GetPageAsync($"/Establishments/Details/{establishment}"));
        Assert.Contains("Bình gốm men nâu Phù Lãng", awards, StringComparison.Ordinal);
        Assert.Contains("001/2026/GCN-T", awards, StringComparison.Ordinal);
        Assert.Contains("Số 5/QĐ-UBND ngày 15/10/2026", awards, StringComparison.Ordinal);
        Assert.Contains("14/10/2029", awards, StringComparison.Ordinal);
        Assert.DoesNotContain("Chum gốm Phù Lãng", awards, StringComparison.Ordinal);
        officer.Dispose();
    }

    [Fact]
    public async Task Each_level_is_run_by_its_own_role_and_another_province_cannot_register_or_decide()
    {
        using var hanoi = await SignedInAsync(OfficerHanoi);
        using var organiser = await SignedInAsync(OrganiserNorth);
        using var member = await SignedInAsync(Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Votes/Create")).StatusCode);

        // An organiser posting a province vote, or a province officer a region vote, gets the form back and no vote.
        var asProvince = VoteForm("Đợt giả mạo cấp tỉnh");
        Assert.Equal(HttpStatusCode.OK, (await organiser.SubmitAsync("/Votes/Create", asProvince)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hanoi.SubmitAsync("/Votes/Create", VoteForm("Đợt giả mạo cấp vùng", "BAC"))).StatusCode);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Votes.CountAsync()));

        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, _) = await ProvinceVoteWithProductAsync(officer);
        var url = $"/Votes/Details/{vote}";

        // Hà Nội's officer cannot reach Bắc Ninh's vote at all: every handler answers 404.
        var token = HttpForms.Token(await hanoi.GetPageAsync("/Votes"));
        foreach (var handler in new[] { "Register", "Member", "Decide", "Nominate" })
        {
            var post = await hanoi.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Establishment"] = TaxCodeOfPhuLang, ["ProductName"] = "Giả mạo", ["Group"] = "Handicraft",
                ["MemberEmail"] = Stranger, ["DecisionNumber"] = "1/QĐ", ["DecisionDate"] = "15/10/2026",
            }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // The region's organiser sees the province vote's region but may not run Bắc Ninh's vote.
        var refused = await organiser.PostAsync($"{url}?handler=Member", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpForms.Token(await organiser.GetPageAsync(url)), ["MemberEmail"] = Stranger,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chỉ đơn vị tổ chức đợt bình chọn mới làm được việc này.", HttpForms.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.VoteProducts.CountAsync()));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.VoteCouncilMembers.CountAsync()));
        officer.Dispose();
    }

    [Fact]
    public async Task The_certificates_count_in_the_outcome_of_the_project_that_paid_for_the_vote_and_the_acceptance_form_proposes_them()
    {
        var project = await new ProjectBuilder(_portal).In("24", 2026).State(ProjectState.Contracted).ForTypicalProducts().SaveAsync();
        var hanoiProject = await new ProjectBuilder(_portal).In("01", 2026).State(ProjectState.Contracted).ForTypicalProducts().SaveAsync();
        var unrelated = await new ProjectBuilder(_portal).In("24", 2026).State(ProjectState.Contracted).SaveAsync();
        var codes = await _portal.WithDbAsync(db => db.Projects.ToDictionaryAsync(p => p.Id, p => p.Code));

        // The picker offers the province's own ND04 projects only, and a forged code of another province is refused.
        var officer = await SignedInAsync(OfficerBacNinh);
        var create = await officer.GetPageAsync("/Votes/Create");
        Assert.Contains($"value=\"{codes[project]}\"", create, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[hanoiProject], create, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[unrelated], create, StringComparison.Ordinal);
        var forged = VoteForm("Bình chọn sản phẩm CNNT tiêu biểu tỉnh Bắc Ninh 2026");
        forged["Input.ProjectCode"] = codes[hanoiProject];
        var refused = await officer.SubmitAsync("/Votes/Create", forged);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"Không có đề án mã «{codes[hanoiProject]}» có nội dung ND04 trong phạm vi của bạn.", HttpForms.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Votes.CountAsync()));

        var form = VoteForm("Bình chọn sản phẩm CNNT tiêu biểu tỉnh Bắc Ninh 2026");
        form["Input.ProjectCode"] = codes[project];
        var vote = IdFrom(await officer.SubmitAsync("/Votes/Create", form));
        var url = $"/Votes/Details/{vote}";
        foreach (var name in new[] { "Bình gốm men nâu Phù Lãng", "Chum gốm Phù Lãng" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(url, new Dictionary<string, string> { ["Establishment"] = TaxCodeOfPhuLang, ["ProductName"] = name, ["Group"] = "Handicraft" }, url + "?handler=Register")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(url, new Dictionary<string, string> { ["MemberEmail"] = Member }, url + "?handler=Member")).StatusCode);
        var pending = HttpForms.Words(await officer.GetPageAsync($"/Projects/Details/{project}"));
        Assert.Contains("Bình chọn sản phẩm CNNT tiêu biểu tỉnh Bắc Ninh 2026 — 2 sản phẩm đăng ký, chưa có quyết định công nhận", pending, StringComparison.Ordinal);

        _clock.SetVietnamTime(2026, 9, 10);
        using (var member = await SignedInAsync(Member))
        {
            var products = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == vote).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/Votes/Score/{products[0]}", await PointsAsync(25, 30, 20, 8))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/Votes/Score/{products[1]}", await PointsAsync(10, 10, 10, 5))).StatusCode);
        }

        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "123/QĐ-UBND", ["DecisionDate"] = "15/10/2026", ["Version"] = HttpForms.Field(await officer.GetPageAsync(url), "Version") }, url + "?handler=Decide")).StatusCode);

        var page = await officer.GetPageAsync($"/Projects/Details/{project}");
        Assert.Contains("quyết định số 123/QĐ-UBND ngày 15/10/2026, 1 sản phẩm được công nhận trên 2 sản phẩm dự bình chọn", HttpForms.Words(page), StringComparison.Ordinal);
        var proposed = HttpForms.Field(page, "Command.Actuals[SAN_PHAM_TIEU_BIEU]");
        Assert.Equal("1", proposed);

        _clock.SetVietnamTime(2026, 10, 25);
        officer.Dispose();
        officer = await SignedInAsync(OfficerBacNinh);
        await ProjectLifecycleSpecs.ActOkAsync(_portal, officer, project, ProjectAction.RecordAcceptance, new()
        {
            ["Command.Date"] = "20/10/2026", ["Command.Reference"] = "5/BB-NT", ["Command.Amount"] = "400.000.000", ["Command.Counterpart"] = "1.200.000.000", ["Command.Actuals[SAN_PHAM_TIEU_BIEU]"] = proposed,
        });
        Assert.Equal(1m, await _portal.WithDbAsync(db => db.ProjectOutcomes.Where(o => o.ProjectId == project && o.IndicatorCode == "SAN_PHAM_TIEU_BIEU").Select(o => o.Actual).SingleAsync()));
        var accepted = HttpForms.Words(await officer.GetPageAsync($"/Projects/Details/{project}"));
        Assert.Contains("Sản phẩm CNNT tiêu biểu được bình chọn (sản phẩm) 2 1", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain("khác số giấy chứng nhận trên cổng", accepted, StringComparison.Ordinal);
        officer.Dispose();
    }

    [Fact]
    public async Task A_score_posted_from_a_stale_form_is_refused_and_the_points_already_recorded_stay()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (_, product) = await ProvinceVoteWithProductAsync(officer);
        officer.Dispose();
        _clock.SetVietnamTime(2026, 9, 10);
        using var member = await SignedInAsync(Member);
        var url = $"/Votes/Score/{product}";
        var first = await member.GetPageAsync(url);
        var second = await member.GetPageAsync(url); // a second tab, opened before the first is posted

        async Task<HttpResponseMessage> PostAsync(string page, params int[] points)
        {
            var fields = await PointsAsync(points);
            fields["Seen"] = HttpForms.Field(page, "Seen");
            return await member.SubmitAsync(url, fields, page: page);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, 25, 30, 20, 8)).StatusCode);
        var stale = await PostAsync(second, 10, 10, 10, 5);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var answer = await stale.Content.ReadAsStringAsync();
        Assert.Contains("đã được ghi ở một trang khác sau khi bạn mở trang này", HttpForms.Text(answer), StringComparison.Ordinal);
        Assert.Equal(83, await _portal.WithDbAsync(db => db.VoteScores.SumAsync(s => s.Points)));

        // The answered form stands on the points just read: posting it again is a deliberate correction.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(answer, 10, 10, 10, 5)).StatusCode);
        Assert.Equal(35, await _portal.WithDbAsync(db => db.VoteScores.SumAsync(s => s.Points)));
        Assert.Equal(4, await _portal.WithDbAsync(db => db.VoteScores.CountAsync()));
    }

    [Fact]
    public async Task A_region_winner_is_put_forward_to_the_national_vote_by_the_regions_organiser_only()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (provinceVote, product) = await ProvinceVoteWithProductAsync(officer);
        using var organiser = await SignedInAsync(OrganiserNorth);
        var regionVote = IdFrom(await organiser.SubmitAsync("/Votes/Create", VoteForm("Bình chọn sản phẩm CNNT tiêu biểu khu vực phía Bắc 2026", "BAC")));
        using var ministry = await SignedInAsync(Ministry);
        var national = VoteForm("Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia 2026");
        (national["Input.Level"], national["Input.Organiser"]) = ("National", "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công");
        var nationalVote = IdFrom(await ministry.SubmitAsync("/Votes/Create", national));
        Assert.Equal(await _portal.WithDbAsync(db => db.Provinces.CountAsync(p => p.ValidFrom <= new DateOnly(2026, 8, 1) && (p.ValidTo == null || p.ValidTo >= new DateOnly(2026, 8, 1)))),
            await _portal.WithDbAsync(db => db.VoteProvinces.CountAsync(p => p.VoteId == nationalVote)));

        // Bắc Ninh's winner goes to the region; the region decides (as the council would have) and certifies it.
        await CertifyAsync(provinceVote, product, "001/2026/GCN-T");
        var provinceUrl = $"/Votes/Details/{provinceVote}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(provinceUrl, Nomination(product, regionVote), provinceUrl + "?handler=Nominate")).StatusCode);
        var regional = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == regionVote).Select(p => p.Id).SingleAsync());
        await CertifyAsync(regionVote, regional, "001/2026/GCN-KV");

        // Not the province, and not the province's winner skipping the region: the region's organiser, with the region's product.
        var regionUrl = $"/Votes/Details/{regionVote}";
        var byProvince = await officer.PostAsync(regionUrl + "?handler=Nominate", new FormUrlEncodedContent(new Dictionary<string, string>(Nomination(regional, nationalVote))
        {
            ["__RequestVerificationToken"] = HttpForms.Token(await officer.GetPageAsync(regionUrl)),
        }));
        Assert.Equal(HttpStatusCode.OK, byProvince.StatusCode);
        Assert.Contains("Chỉ đơn vị tổ chức đợt bình chọn cấp dưới mới đề cử được sản phẩm của đợt đó.", HttpForms.Text(await byProvince.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var skipping = await officer.SubmitAsync(provinceUrl, Nomination(product, nationalVote), provinceUrl + "?handler=Nominate");
        Assert.Equal(HttpStatusCode.OK, skipping.StatusCode);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.VoteProducts.CountAsync(p => p.VoteId == nationalVote)));

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(regionUrl, Nomination(regional, nationalVote), regionUrl + "?handler=Nominate")).StatusCode);
        var again = await organiser.SubmitAsync(regionUrl, Nomination(regional, nationalVote), regionUrl + "?handler=Nominate");
        Assert.Contains("Sản phẩm này đã được đề cử lên đợt bình chọn đó.", HttpForms.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var entered = await _portal.WithDbAsync(db => db.VoteProducts.Where(p => p.VoteId == nationalVote).Select(p => new { p.NominatedFromId, p.Name, p.ProvinceId }).SingleAsync());
        Assert.Equal(regional, entered.NominatedFromId);
        Assert.Equal("Bình gốm men nâu Phù Lãng", entered.Name);
        Assert.Contains("Bình gốm men nâu Phù Lãng", HttpForms.Words(await ministry.GetPageAsync($"/Votes/Details/{nationalVote}")), StringComparison.Ordinal);
        officer.Dispose();
    }

    private static Dictionary<string, string> Nomination(int product, int toVote) => new()
    {
        ["ProductId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ToVoteId"] = toVote.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A vote decided with one certified product, written as the decision would leave it.</summary>
    private Task<int> CertifyAsync(int vote, int product, string number) => _portal.WithDbAsync(async db =>
    {
        var p = await db.VoteProducts.SingleAsync(x => x.Id == product);
        (p.CertificateNumber, p.CertificateValidUntil) = (number, new DateOnly(2029, 8, 19));
        var v = await db.Votes.SingleAsync(x => x.Id == vote);
        (v.DecisionNumber, v.DecisionDate) = ("9/QĐ", new DateOnly(2026, 8, 20));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_provinces_photos_and_documents_of_a_product_are_shown_to_the_council_hidden_from_another_province_and_frozen_by_the_decision()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, product) = await ProvinceVoteWithProductAsync(officer);
        var url = $"/Votes/Details/{vote}";
        var png = HostileUploadSpecs.Png();
        var pdf = HostileUploadSpecs.Pdf();

        var attached = await AttachAsync(officer, vote, product, "ảnh bình gốm.png", png, "image/png");
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, vote, product, "Thuyết minh sản phẩm.pdf", pdf, "application/pdf")).StatusCode);
        var files = await _portal.WithDbAsync(db => db.VoteProductFiles.Where(f => f.ProductId == product).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(["image/png", "application/pdf"], files.Select(f => f.ContentType));
        Assert.Equal(2, StoredFileCount());
        var (photo, document) = (files[0], files[1]);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(png)), photo.Sha256);
        var photoUrl = $"{url}?fileId={photo.Id}&handler=File";
        var documentUrl = $"{url}?fileId={document.Id}&handler=File";

        // The vote's page: a lazy thumbnail with a Vietnamese alt text, served by the page (not wwwroot), and the document's link.
        var page = HttpForms.Text(await officer.GetPageAsync(url));
        Assert.Contains($"<img src=\"{photoUrl}\" alt=\"Ảnh sản phẩm «Bình gốm men nâu Phù Lãng» (ảnh bình gốm.png)\" loading=\"lazy\"", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{documentUrl}\">Thuyết minh sản phẩm.pdf</a>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"upload-" + product, page, StringComparison.Ordinal);
        Assert.Contains("accept=\".jpg,.jpeg,.png,.pdf,.docx\"", page, StringComparison.Ordinal);
        Assert.Contains("tối đa 0,06 MB mỗi tệp và 3 tệp mỗi sản phẩm", page, StringComparison.Ordinal);

        // The council member opens the photo (the same bytes, as a PNG) and the document, and sees both on the scoring page.
        using var member = await SignedInAsync(Member);
        var shown = await member.GetAsync(photoUrl);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await shown.Content.ReadAsByteArrayAsync());
        var downloaded = await member.GetAsync(documentUrl);
        Assert.Equal("application/pdf", downloaded.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Thuyết minh sản phẩm.pdf", downloaded.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(pdf, await downloaded.Content.ReadAsByteArrayAsync());
        var scoring = HttpForms.Text(await member.GetPageAsync($"/Votes/Score/{product}"));
        Assert.Contains($"<img src=\"{photoUrl}\"", scoring, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{documentUrl}\">Thuyết minh sản phẩm.pdf</a>", scoring, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-", scoring, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-", HttpForms.Text(await member.GetPageAsync(url)), StringComparison.Ordinal);

        // The member may look but not attach; Hà Nội's officer and a reviewer of another council do not find the files at all.
        var byMember = await AttachAsync(member, vote, product, "anh-khac.png", png, "image/png");
        Assert.Equal(HttpStatusCode.OK, byMember.StatusCode);
        Assert.Contains("Chỉ chuyên viên Sở Công Thương của tỉnh có sản phẩm mới đính kèm hoặc xóa được ảnh, hồ sơ của sản phẩm.", HttpForms.Text(await byMember.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var hanoi = await SignedInAsync(OfficerHanoi);
        using var stranger = await SignedInAsync(Stranger);
        foreach (var outsider in new[] { hanoi, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(photoUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(documentUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(outsider, vote, product, "gia-mao.png", png, "image/png")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"{url}?handler=DeleteFile", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HttpForms.Token(await outsider.GetPageAsync("/Votes")), ["fileId"] = photo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }))).StatusCode);
        }

        // A file id that is none of this vote's products' files is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{url}?handler=File&fileId={photo.Id + 100}")).StatusCode);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.VoteProductFiles.CountAsync()));

        // After the decision the files are frozen: no form, an upload or a removal is refused, and nothing changes.
        var decided = await officer.SubmitAsync(url, new Dictionary<string, string> { ["DecisionNumber"] = "123/QĐ-UBND", ["DecisionDate"] = "15/10/2026", ["Version"] = HttpForms.Field(await officer.GetPageAsync(url), "Version") }, url + "?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.DoesNotContain("data-testid=\"upload-", HttpForms.Text(await officer.GetPageAsync(url)), StringComparison.Ordinal);
        var late = await AttachAsync(officer, vote, product, "anh-muon.png", png, "image/png");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Đợt bình chọn đã có quyết định công nhận kết quả; ảnh và hồ sơ của sản phẩm không thay đổi được nữa.", HttpForms.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var lateDelete = await DeleteFileAsync(officer, vote, photo.Id);
        Assert.Equal(HttpStatusCode.OK, lateDelete.StatusCode);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.VoteProductFiles.CountAsync()));
        Assert.Equal(2, StoredFileCount());
        Assert.Equal(png, await (await member.GetAsync(photoUrl)).Content.ReadAsByteArrayAsync());
        officer.Dispose();
    }

    [Fact]
    public async Task A_product_file_that_is_not_what_it_says_too_large_or_one_too_many_is_refused_in_vietnamese_with_nothing_stored_and_a_file_can_be_removed()
    {
        var officer = await SignedInAsync(OfficerBacNinh);
        var (vote, product) = await ProvinceVoteWithProductAsync(officer);
        var url = $"/Votes/Details/{vote}";

        (string Name, byte[] Content, string Type, string Message)[] refused =
        [
            ("anh-san-pham.png", HostileUploadSpecs.Pdf(), "image/png", "Nội dung tệp không phải là PNG như tên tệp cho biết; tệp không được nhận."),
            ("setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "application/octet-stream", "Chỉ nhận ảnh sản phẩm JPEG, PNG (.jpg, .jpeg, .png) và hồ sơ PDF, Word (.pdf, .docx)."),
            ("bang-gia.xlsx", [0x50, 0x4B, 0x03, 0x04], "application/octet-stream", "Chỉ nhận ảnh sản phẩm JPEG, PNG"),
            ("ho-so-lon.pdf", HostileUploadSpecs.Pdf(padding: 70_000), "application/pdf", "Tệp quá lớn: tối đa 0,06 MB."),
            ("trong.jpg", [], "image/jpeg", "Tệp «trong.jpg» rỗng (0 byte); hãy chọn đúng tệp."),
        ];
        foreach (var (name, content, type, message) in refused)
        {
            var response = await AttachAsync(officer, vote, product, name, content, type);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, HttpForms.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(0, await _portal.WithDbAsync(db => db.VoteProductFiles.CountAsync()));
        Assert.Equal(0, StoredFileCount());

        // Three files is this portal's limit per product: the fourth is refused naming it.
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, vote, product, "mat-truoc.jpg", HostileUploadSpecs.Jpeg(), "image/jpeg")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, vote, product, "mat-sau.png", HostileUploadSpecs.Png(), "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, vote, product, "ho-so.pdf", HostileUploadSpecs.Pdf(), "application/pdf")).StatusCode);
        var fourth = await AttachAsync(officer, vote, product, "them.png", HostileUploadSpecs.Png(), "image/png");
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Contains("Sản phẩm đã có 3 tệp ảnh, hồ sơ, bằng giới hạn 3 tệp mỗi sản phẩm; tệp không được nhận.", HttpForms.Text(await fourth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await _portal.WithDbAsync(db => db.VoteProductFiles.CountAsync()));
        Assert.Equal(3, StoredFileCount());

        // Removing asks first (data-confirm) and takes the file off the product's page; a place is free again.
        var jpeg = await _portal.WithDbAsync(db => db.VoteProductFiles.SingleAsync(f => f.FileName == "mat-truoc.jpg"));
        var page = HttpForms.Text(await officer.GetPageAsync(url));
        Assert.Contains("data-confirm=\"Xóa ảnh «mat-truoc.jpg» của sản phẩm «Bình gốm men nâu Phù Lãng»?", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteFileAsync(officer, vote, jpeg.Id)).StatusCode);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.VoteProductFiles.CountAsync()));
        Assert.DoesNotContain($"fileId={jpeg.Id}&handler=File", HttpForms.Text(await officer.GetPageAsync(url)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{url}?handler=File&fileId={jpeg.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(officer, vote, product, "mat-truoc-moi.jpg", HostileUploadSpecs.Jpeg(), "image/jpeg")).StatusCode);
        officer.Dispose();
    }
}
