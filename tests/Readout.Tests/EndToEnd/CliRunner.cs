using System.Diagnostics;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Runs the real readout CLI as a separate process: the build beside the tests (<c>dotnet readout.dll</c>), or the
/// executable READOUT_TEST_CLI names, which <c>scripts/test.sh --native</c> sets to the native CLI ./readout builds, so
/// that the process tests check the binary users run as well as the JIT build.
/// </summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static string? Native => Environment.GetEnvironmentVariable("READOUT_TEST_CLI") is { Length: > 0 } path ? path : null;

    /// <summary>A start of the CLI with <paramref name="args"/>, output not redirected (set what the caller needs).</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo(Native ?? "dotnet") { UseShellExecute = false };
        if (Native is null) psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "readout.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>The CLI as the start of a shell command line (quoted).</summary>
    public static string ShellCommand => Native is { } path ? $"'{path}'" : $"dotnet '{Path.Combine(AppContext.BaseDirectory, "readout.dll")}'";

    public static Result Run(params string[] args) => RunWithInput(null, args);

    public static Result RunWithInput(string? stdin, params string[] args)
    {
        var psi = StartInfo(args);
        psi.RedirectStandardOutput = psi.RedirectStandardError = psi.RedirectStandardInput = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("readout " + string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Python(params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
