using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>The SQL commands EF sends to one test database (by its connection's data source), and those on Identity tables.</summary>
public sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataSource;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _commands = [];

    public CommandLog(string connectionString)
    {
        _dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Commands since the last call: all of them, and those that read or write an AspNet* table.</summary>
    public (int All, int Identity) Take()
    {
        var commands = TakeCommands();
        return (commands.Count, commands.Count(c => c.Contains("AspNet", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The commands' texts since the last call.</summary>
    public List<string> TakeCommands()
    {
        lock (_commands)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && data.Command.Connection?.DataSource == _dataSource)
        {
            lock (_commands)
            {
                _commands.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
