using Readout.Documents;
using System.CommandLine;
using System.Text;
using Readout.Export;

namespace Readout.Cli.Commands;

/// <summary><c>readout export --format jsonl|csv</c>: write stored interactions for other tools.</summary>
public static class ExportCommand
{
    public static Command Build(Option<string> db)
    {
        var format = new Option<string>("--format", "-f") { Description = "jsonl (full records with evidence), csv (one flat row each), gdelt (CAMEO-coded tab-separated events) or plover (PLOVER JSON Lines)", Required = true }
            .OneOf(["jsonl", "csv", "gdelt", "plover"]);
        var what = new Option<string>("--what", "-w") { Description = "interactions (default), statements or figures (for jsonl and csv)", DefaultValueFactory = _ => "interactions" }
            .OneOf(["interactions", "statements", "figures"]);
        var output = new Option<string?>("--out", "-o") { Description = "Write to FILE instead of standard output", HelpName = "FILE" };
        var filter = new FilterOptions();

        var command = new Command("export",
            """
            Export stored interactions, by date, in the format of the README's "Export format" section.
            Takes the same filters as 'events'. Corrections people made are applied (review_status and
            reviewed_fields say which); rejected records are left out unless --review asks for them.
            Exit codes: 0 success, 1 usage error, no database or the output cannot be written (RO3003).
            """);
        command.Options.Add(format);
        command.Options.Add(what);
        command.Options.Add(output);
        filter.AddTo(command);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var rows = store.Query(filter.Read(p));
            var fmt = p.GetValue(format)!;
            var kind = p.GetValue(what)!;
            var ids = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var statements = fmt is "gdelt" or "plover" || kind == "statements"
                ? store.Statements().Where(s => s.Record is null ? kind == "statements" : ids.Contains(s.Record)).ToList()
                : [];
            var figures = kind == "figures" ? store.Figures() : [];
            var written = 0;
            void Write(TextWriter w) => written = (fmt, kind) switch
            {
                ("gdelt", _) => Gdelt(rows, statements, w),
                ("plover", _) => PloverExporter.Write(rows, statements, w),
                ("jsonl", "statements") => StatementExporter.WriteJsonl(statements, w),
                ("csv", "statements") => StatementExporter.WriteCsv(statements, w),
                ("jsonl", "figures") => FigureExporter.WriteJsonl(figures, w),
                ("csv", "figures") => FigureExporter.WriteCsv(figures, w),
                ("csv", _) => CsvExporter.Write(rows, w),
                _ => JsonlExporter.Write(rows, w),
            };
            int Gdelt(IReadOnlyList<Readout.Extract.Interaction> records, List<Readout.Extract.Statement> st, TextWriter w)
            {
                var (n, undated) = GdeltExporter.Write(records, st, Readout.Code.Codebook.LoadEmbedded(), w);
                if (undated > 0) Console.Error.WriteLine($"left out {undated} events with neither a day nor a dated report (SQLDATE cannot be empty)");
                return n;
            }
            var outPath = p.GetValue(output);
            var utf8 = new UTF8Encoding(false);

            if (string.IsNullOrEmpty(outPath) || outPath == "-")
            {
                try
                {
                    // file descriptor 1 itself: the console stream would let a failed write (a full disk) pass silently
                    using var stdout = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
                    using var w = new StreamWriter(stdout, utf8, 65536) { NewLine = "\n" };
                    Write(w);
                }
                catch (IOException e) when (IsBrokenPipe(e))
                {
                    return ExitCodes.Ok;   // the reader went away (export | head): what it read was written whole
                }
                catch (IOException e)
                {
                    Cli.Error(ErrorCodes.CannotWrite, "standard output", "cannot be written: " + e.Message + "; the export is incomplete");
                    return ExitCodes.Error;
                }
                return ExitCodes.Ok;
            }

            // write beside the target and move into place, so a failed export leaves no half file
            var full = Path.GetFullPath(outPath);
            if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
            {
                Cli.Error(ErrorCodes.CannotWrite, outPath, $"cannot be written: the folder {dir} does not exist");
                return ExitCodes.Error;
            }
            var tmp = full + ".tmp-" + Environment.ProcessId;
            if (IsSpecialFile(full))
            {
                // a device or a pipe (/dev/stdout, a FIFO): written in place, never replaced by a file
                try
                {
                    using var target = new FileStream(full, FileMode.Open, FileAccess.Write);
                    using var w = new StreamWriter(target, utf8, 65536) { NewLine = "\n" };
                    Write(w);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Cli.Error(ErrorCodes.CannotWrite, outPath, "cannot be written: " + e.Message);
                    return ExitCodes.Error;
                }
                Console.Error.WriteLine($"wrote {written} {(fmt is "gdelt" or "plover" ? "events" : kind)} to {outPath}");
                return ExitCodes.Ok;
            }
            try
            {
                using (var w = new StreamWriter(tmp, false, utf8) { NewLine = "\n" }) Write(w);
                File.Move(tmp, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(tmp); } catch (Exception) { /* nothing to clean up */ }
                Cli.Error(ErrorCodes.CannotWrite, outPath, "cannot be written: " + e.Message);
                return ExitCodes.Error;
            }
            Console.Error.WriteLine($"wrote {written} {(fmt is "gdelt" or "plover" ? "events" : kind)} to {outPath}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A device or a link to one (/dev/stdout, /dev/null, /dev/fd/3): written in place, never replaced by
    /// a regular file, as writing beside it and moving the file over it would do.
    /// </summary>
    private static bool IsSpecialFile(string path) =>
        File.Exists(path) && (path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal)
            || File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint) && File.ResolveLinkTarget(path, true) is { } target
               && (target.FullName.StartsWith("/dev/", StringComparison.Ordinal) || target.FullName.StartsWith("/proc/", StringComparison.Ordinal)));

    /// <summary>EPIPE: the reading end of the pipe was closed. Any other error (ENOSPC on a full disk...) means a lost export.</summary>
    private static bool IsBrokenPipe(IOException e) => e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
