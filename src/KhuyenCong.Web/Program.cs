using KhuyenCong.Web.Cli;
using KhuyenCong.Web.Hosting;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

WebApplication app;
try
{
    app = PortalApp.Build(args);
}
catch (DataRootException ex)
{
    // One clear line for the operator (no stack trace); the exit code tells a service manager the start failed.
    await Console.Error.WriteLineAsync(ex.Message);
    return 4;
}

await PortalApp.InitializeAsync(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
