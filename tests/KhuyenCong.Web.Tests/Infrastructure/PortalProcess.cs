using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>
/// The portal as an operator runs it: <c>dotnet KhuyenCong.Web.dll</c> in its own process, on its own port, in
/// Production over plain HTTP (Portal:RequireHttps=false), configured by environment variables only. Unlike
/// <see cref="PortalFactory"/> nothing is shared with the test process (memory caches, Data Protection, the clock),
/// which is what several instances behind a load balancer are.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the process printed so far (its console log), for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The web project's build, as the test's output holds it next to the tests.</summary>
    public static string WebAssembly => typeof(Program).Assembly.Location;

    /// <summary>Starts the web server on a free local port and waits until <c>/health</c> answers 200 (at most two minutes).</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = Start(environment, "--urls", $"http://127.0.0.1:{port}");
        var portal = new PortalProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (portal._process.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped with exit code {portal._process.ExitCode}:\n{portal.Output}");
            }

            try
            {
                if ((await probe.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: it migrates first.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        await portal.DisposeAsync();
        throw new TimeoutException($"The portal did not answer /health within two minutes:\n{portal.Output}");
    }

    /// <summary>Runs a command-line verb of the same build with the same settings; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(Start(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Stops the process this test started (its id), and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The content root is the build folder, so the portal reads its appsettings.json as an installed one does.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebAssembly)!,
        };
        start.ArgumentList.Add(WebAssembly);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
