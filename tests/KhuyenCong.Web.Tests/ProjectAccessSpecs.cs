using System.Net;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Province isolation and role rights over every project page, handler and download: a user outside a project's
/// scope gets 404 whatever the URL; a user who may see it but not act gets a Vietnamese refusal and no change.
/// </summary>
public sealed class ProjectAccessSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly string[] s_everyone =
    [
        PortalFixture.OfficerBacNinh, PortalFixture.ApproverBacNinh, PortalFixture.OfficerHanoi, PortalFixture.OrganiserSouth,
        PortalFixture.OrganiserNorth, PortalFixture.MinistryOfficer, PortalFixture.MinistryApprover, PortalFixture.Viewer, PortalFixture.Admin,
    ];

    /// <summary>Who may see a project of: new Bắc Ninh (2026), old Bắc Giang (2024), Hà Nội (2026), TP Hồ Chí Minh (2026).</summary>
    private static readonly Dictionary<string, bool[]> s_sees = new()
    {
        [PortalFixture.OfficerBacNinh] = [true, true, false, false],
        [PortalFixture.ApproverBacNinh] = [true, true, false, false],
        [PortalFixture.OfficerHanoi] = [false, false, true, false],
        [PortalFixture.OrganiserSouth] = [false, false, false, true],
        [PortalFixture.OrganiserNorth] = [true, true, true, false],
        [PortalFixture.MinistryOfficer] = [true, true, true, true],
        [PortalFixture.MinistryApprover] = [true, true, true, true],
        [PortalFixture.Viewer] = [true, true, true, true],
        [PortalFixture.Admin] = [true, true, true, true],
    };

    [Fact]
    public async Task Project_pages_and_documents_answer_only_within_the_users_scope()
    {
        var portal = await fixture.GetAsync();
        int[] projects =
        [
            await new ProjectBuilder(portal).In("24", 2026).SaveAsync(),
            await new ProjectBuilder(portal).In("24", 2024).Source(FundingSource.KCDP).State(ProjectState.Accepted).SaveAsync(),
            await new ProjectBuilder(portal).In("01", 2026).Source(FundingSource.KCDP).SaveAsync(),
            await new ProjectBuilder(portal).In("79", 2026).SaveAsync(),
        ];
        var documents = new List<int>();
        foreach (var id in projects)
        {
            documents.Add(await AddDocumentAsync(portal, id));
        }

        foreach (var email in s_everyone)
        {
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            for (var i = 0; i < projects.Length; i++)
            {
                var expected = s_sees[email][i] ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True(expected == (await client.GetAsync($"/Projects/Details/{projects[i]}")).StatusCode, $"{email} opening project {i}");
                Assert.True(expected == (await client.GetAsync($"/Projects/Details/{projects[i]}?handler=Document&documentId={documents[i]}")).StatusCode, $"{email} downloading from project {i}");
                // A document id of another project, under a project the user may see, is not found either.
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Projects/Details/{projects[i]}?handler=Document&documentId={documents[(i + 1) % 4]}")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Projects/Details/987654")).StatusCode);
        }
    }

    [Fact]
    public async Task The_project_list_holds_only_the_users_scope_including_predecessor_provinces()
    {
        var portal = await fixture.GetAsync();
        await new ProjectBuilder(portal).In("24", 2024).Titled("Đề án cũ của Bắc Giang").SaveAsync();
        await new ProjectBuilder(portal).In("01", 2026).Titled("Đề án của Hà Nội").SaveAsync();

        var bacNinh = portal.Browser();
        await bacNinh.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var list = HttpForms.Text(await bacNinh.GetPageAsync("/Projects?q=de an"));
        Assert.Contains("Đề án cũ của Bắc Giang", list);
        Assert.Contains(">Bắc Giang<", list);
        Assert.DoesNotContain("Đề án của Hà Nội", list);

        var hanoi = portal.Browser();
        await hanoi.SignInOkAsync(PortalFixture.OfficerHanoi);
        var other = HttpForms.Text(await hanoi.GetPageAsync("/Projects?q=bac giang"));
        Assert.DoesNotContain("Đề án cũ của Bắc Giang", other);
    }

    [Fact]
    public async Task Only_the_provinces_officer_may_submit_a_draft_and_nobody_else_changes_it()
    {
        var portal = await fixture.GetAsync();
        var expectations = new Dictionary<string, HttpStatusCode>
        {
            [PortalFixture.OfficerHanoi] = HttpStatusCode.NotFound,
            [PortalFixture.OrganiserSouth] = HttpStatusCode.NotFound,
            [PortalFixture.ApproverBacNinh] = HttpStatusCode.OK,
            [PortalFixture.OrganiserNorth] = HttpStatusCode.OK,
            [PortalFixture.MinistryOfficer] = HttpStatusCode.OK,
            [PortalFixture.MinistryApprover] = HttpStatusCode.OK,
            [PortalFixture.Viewer] = HttpStatusCode.OK,
            [PortalFixture.Admin] = HttpStatusCode.OK,
            [PortalFixture.OfficerBacNinh] = HttpStatusCode.Redirect,
        };
        foreach (var (email, expected) in expectations)
        {
            var id = await new ProjectBuilder(portal).In("24", 2026).WithCostEstimate().SaveAsync();
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            var response = await PostActAsync(portal, client, id, ProjectAction.Submit);
            Assert.True(expected == response.StatusCode, $"{email}: {response.StatusCode}");
            var state = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync());
            Assert.Equal(expected == HttpStatusCode.Redirect ? ProjectState.Submitted : ProjectState.Draft, state);
            if (expected == HttpStatusCode.OK)
            {
                Assert.Contains("Bạn không có quyền gửi đề án lên Sở này.", HttpForms.Text(await response.Content.ReadAsStringAsync()));
            }
        }
    }

    [Theory]
    [InlineData(PortalFixture.OfficerBacNinh, HttpStatusCode.OK)]
    [InlineData(PortalFixture.ApproverBacNinh, HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.MinistryOfficer, HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OfficerHanoi, HttpStatusCode.NotFound)]
    [InlineData(PortalFixture.OrganiserSouth, HttpStatusCode.NotFound)]
    public async Task Only_the_provinces_officer_may_open_a_draft_for_editing(string email, HttpStatusCode expected)
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        Assert.Equal(expected, (await client.GetAsync($"/Projects/Edit/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(PortalFixture.OfficerBacNinh, HttpStatusCode.OK)]
    [InlineData(PortalFixture.ApproverBacNinh, HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.MinistryApprover, HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.Viewer, HttpStatusCode.Forbidden)]
    public async Task Only_province_officers_may_register_projects(string email, HttpStatusCode expected)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        Assert.Equal(expected, (await client.GetAsync("/Projects/Edit")).StatusCode);
    }

    [Fact]
    public async Task Another_provinces_officer_cannot_overwrite_a_draft_by_posting_the_edit_form()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).Titled("Tiêu đề gốc").SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerHanoi);
        var response = await client.SubmitAsync("/Projects", new Dictionary<string, string> { ["Input.Title"] = "Bị sửa", ["Input.PlanYear"] = "2026" }, postUrl: $"/Projects/Edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Tiêu đề gốc", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Another_provinces_officer_cannot_upload_to_a_project()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerHanoi);
        var response = await ProjectUploadSpecs.UploadAsync(client, "/Projects", id, "de-an.pdf", HostileUploadSpecs.Pdf());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.ProjectDocuments.AnyAsync(d => d.ProjectId == id)));
    }

    internal static async Task<HttpResponseMessage> PostActAsync(PortalFactory portal, HttpClient client, int id, ProjectAction action, Dictionary<string, string>? fields = null)
    {
        var version = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var form = new Dictionary<string, string>(fields ?? []) { ["Command.Action"] = action.ToString(), ["Command.Version"] = version.ToString() };
        return await client.SubmitAsync("/Projects", form, postUrl: $"/Projects/Details/{id}?handler=Act");
    }

    private async Task<int> AddDocumentAsync(PortalFactory portal, int projectId)
    {
        var storage = $"{Guid.NewGuid():N}.pdf";
        Directory.CreateDirectory(fixture.DocumentsFolder);
        await File.WriteAllBytesAsync(Path.Combine(fixture.DocumentsFolder, storage), "%PDF-1.7 hồ sơ"u8.ToArray());
        return await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Documents).SingleAsync(p => p.Id == projectId);
            var uploader = new ProjectActor("test", "test", Domain.Identity.Roles.ProvinceOfficer, new HashSet<int> { project.ProvinceId }, new HashSet<string>());
            var attached = project.AttachDocument("Dự toán kinh phí", "du-toan.pdf", "application/pdf", 10, storage, "x", new ActContext(uploader, DateTime.UtcNow, ProjectLimits.Default));
            Assert.True(attached.Done, attached.Message);
            await db.SaveChangesAsync();
            var document = project.Documents.Single();
            return document.Id;
        });
    }
}
