using System.Globalization;

namespace Readout.Pipeline;

/// <summary>
/// Where the stack traces of unexpected errors (RO9000) go, so the console keeps one line per error:
/// <c>$READOUT_ERROR_LOG</c>, else <c>$XDG_STATE_HOME/readout/errors.log</c>, else
/// <c>~/.local/state/readout/errors.log</c>. Safe to share between threads.
/// </summary>
public sealed class ErrorLog(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    /// <summary>The log the environment names.</summary>
    public static ErrorLog Default()
    {
        if (Environment.GetEnvironmentVariable("READOUT_ERROR_LOG") is { Length: > 0 } file) return new ErrorLog(file);
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return new ErrorLog(System.IO.Path.Combine(state, "readout", "errors.log"));
    }

    /// <summary>Appends the error with its stack trace; returns where it went, or why it could not be written.</summary>
    public string Write(string document, Exception error)
    {
        var entry = string.Create(CultureInfo.InvariantCulture, $"--- {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {document}\n{error}\n");
        try
        {
            lock (_gate)
            {
                if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } dir) Directory.CreateDirectory(dir);
                File.AppendAllText(Path, entry);
            }
            return "the stack trace is in " + Path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the stack trace could not be written to {Path} ({e.Message})";
        }
    }
}
