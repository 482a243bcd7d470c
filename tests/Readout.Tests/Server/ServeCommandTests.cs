using System.Net;
using System.Net.Sockets;
using Readout.Tests.EndToEnd;
using Xunit;

namespace Readout.Tests.Server;

/// <summary><c>readout serve</c> refusing to start, through the real CLI.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-serve-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void A_missing_database_is_RO2002_and_nothing_is_created()
    {
        var db = Path.Combine(_dir, "none.db");
        var run = CliRunner.Run("--db", db, "serve", "--port", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RO2002", run.Stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_short_api_key_is_refused()
    {
        var run = CliRunner.Run("--db", Path.Combine(_dir, "new.db"), "serve", "--port", "0", "--api-key", "short");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RO4001 --api-key", run.Stderr);
    }

    [Fact]
    public void A_taken_port_is_RO4006()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var run = CliRunner.Run("--db", Path.Combine(_dir, "new.db"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", "long-enough-key-123");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error RO4006 127.0.0.1:{port}", run.Stderr);
    }
}
