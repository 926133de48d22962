using KhuyenCong.Web.Cli;
using KhuyenCong.Web.Hosting;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var app = PortalApp.Build(args);
await PortalApp.InitializeAsync(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
