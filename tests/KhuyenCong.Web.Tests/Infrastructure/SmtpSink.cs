using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port for the mail specs: aiosmtpd (Debian's <c>python3-aiosmtpd</c>, installed by
/// <c>.ci/run</c>) with its Mailbox handler, which stores every message it accepts in a Maildir that this class reads
/// back in arrival order. It can be stopped and started again on the same port, as a relay that goes down and comes back.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() =>
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
            probe!.WaitForExit(20_000);
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"kc-smtp-{Guid.NewGuid():N}");
    private readonly List<MimeMessage> _messages = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Process? _server;

    public SmtpSink()
    {
        // A free port, kept for every later start.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        if (s_available.Value)
        {
            Start();
        }
    }

    /// <summary>Skips the calling test without aiosmtpd (fails it when optional parts are required, as in CI).</summary>
    public static void Require() =>
        Optional.Require(s_available.Value, $"SMTP: {Python} with the aiosmtpd module (Debian: python3-aiosmtpd; .ci/run installs it).");

    public int Port { get; }

    /// <summary>The messages accepted so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                var fresh = new DirectoryInfo(Path.Combine(_maildir, "new"));
                if (fresh.Exists)
                {
                    foreach (var file in fresh.GetFiles().Where(f => !_read.Contains(f.Name)).OrderBy(f => Arrival(f.Name)))
                    {
                        _messages.Add(MimeMessage.Load(file.FullName));
                        _read.Add(file.Name);
                    }
                }

                return [.. _messages];
            }
        }
    }

    public bool Running => _server is { HasExited: false };

    public void Start()
    {
        Require();
        if (Running)
        {
            return;
        }

        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!Listening())
        {
            if (_server.HasExited || DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"aiosmtpd did not start on port {Port}.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The relay goes down: the port refuses connections until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        _server = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (or the time is up).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Messages.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Python's Maildir names a message "seconds.M{microseconds}P{pid}Q{n}.host": its arrival time.</summary>
    private static (long Seconds, long Micro, string Name) Arrival(string name)
    {
        var parts = name.Split('.');
        var seconds = parts.Length > 0 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var micro = parts.Length > 1 && parts[1].StartsWith('M') && long.TryParse(new string([.. parts[1].Skip(1).TakeWhile(char.IsAsciiDigit)]), CultureInfo.InvariantCulture, out var m) ? m : 0;
        return (seconds, micro, name);
    }
}
