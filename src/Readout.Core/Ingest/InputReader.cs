using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Readout.Documents;

namespace Readout.Ingest;

/// <summary>One input that could not be read, with the numbered error to show the user.</summary>
public sealed record InputFailure(string Uri, ReadoutException Error);

/// <summary>One thing read from an input: a report, or the error of one file or one record of it.</summary>
public sealed record InputItem(RawDocument? Document, ReadoutException? Error);

/// <summary>
/// Turns paths (files, folders, '-' for standard input) into raw documents. Reading is lazy so that a
/// large folder streams; a JSON Lines file (plain or gzipped) is read a line at a time, so its size is
/// not limited, only each record's. Every failure names its file, or its record (<c>file#L12</c>), and
/// the rest goes on: one bad line is one error.
/// </summary>
public sealed class InputReader(long maxBytes = InputReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public static readonly string[] Extensions = [".txt", ".text", ".html", ".htm", ".md", ".markdown", ".json", ".jsonl"];

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The extension that decides how a file is read: that of <c>a.jsonl</c>, and of <c>a.jsonl.gz</c> too.</summary>
    public static string FormatExtension(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext == ".gz" ? Path.GetExtension(path[..^3]).ToLowerInvariant() : ext;
    }

    private static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files a set of paths stands for, in a stable order; folders are walked recursively.</summary>
    public IEnumerable<string> Expand(IEnumerable<string> paths, List<InputFailure> failures)
    {
        foreach (var p in paths)
        {
            if (p == "-") { yield return "-"; continue; }
            if (Directory.Exists(p))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                        .Where(f => Extensions.Contains(FormatExtension(f)))
                        .Where(f => !f.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".statements.json", StringComparison.OrdinalIgnoreCase))
                        .OrderBy(f => f, StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new InputFailure(p, new ReadoutException(ErrorCodes.Unreadable, p, "folder cannot be read: " + e.Message, e)));
                    continue;
                }
                foreach (var f in files) yield return f;
            }
            else if (File.Exists(p)) yield return p;
            else if (Fetch.FetchOptions.IsOtherScheme(p))
                failures.Add(new InputFailure(p, new ReadoutException(ErrorCodes.Unsupported, p, "is an address Readout does not fetch: only http and https pages are fetched (readout ingest URL)")));
            else
                failures.Add(new InputFailure(p, new ReadoutException(ErrorCodes.NotFound, p, "no such file or folder")));
        }
    }

    /// <summary>
    /// Reads one file (or stdin) into raw documents, stopping at the first error: for inputs that are one
    /// report (an HTTP body). Batches read with <see cref="ReadAll"/>, which goes on after a bad record.
    /// </summary>
    public IReadOnlyList<RawDocument> Read(string path, TextReader? stdin = null)
    {
        var docs = new List<RawDocument>();
        var input = stdin is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));
        foreach (var item in ReadAll(path, input))
        {
            if (item.Error is { } e) throw e;
            docs.Add(item.Document!);
        }
        return docs;
    }

    /// <summary>
    /// Reads one file, or standard input for "-" (<paramref name="stdin"/> replaces the process's own), as
    /// a stream of reports and errors. A JSON Lines file yields each line's record or error in turn.
    /// </summary>
    public IEnumerable<InputItem> ReadAll(string path, Stream? stdin = null)
    {
        var uri = path == "-" ? "stdin" : path;
        var ext = path == "-" ? null : FormatExtension(path);
        if (ext == ".jsonl") return Guard(uri, () => ReadJsonLinesFile(path, uri));
        return Guard(uri, () => ReadWhole(path, uri, ext, stdin));
    }

    /// <summary>Turns an I/O failure while enumerating into the file's error, after the items already read.</summary>
    private static IEnumerable<InputItem> Guard(string uri, Func<IEnumerable<InputItem>> read)
    {
        IEnumerator<InputItem> items;
        try { items = read().GetEnumerator(); }
        catch (ReadoutException e) { return [new InputItem(null, e)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputItem(null, new ReadoutException(ErrorCodes.Unreadable, uri, "cannot be read: " + e.Message, e))];
        }
        return Drain(uri, items);
    }

    private static IEnumerable<InputItem> Drain(string uri, IEnumerator<InputItem> items)
    {
        using (items)
        {
            while (true)
            {
                InputItem item;
                try
                {
                    if (!items.MoveNext()) yield break;
                    item = items.Current;
                }
                catch (ReadoutException e) { item = new InputItem(null, e); }
                catch (InvalidDataException e) { item = new InputItem(null, new ReadoutException(ErrorCodes.BadGzip, uri, "is not a readable gzip file (" + e.Message + "); check that the download is complete", e)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { item = new InputItem(null, new ReadoutException(ErrorCodes.Unreadable, uri, "cannot be read: " + e.Message, e)); }
                yield return item;
                if (item.Error is { } err && err.Document == uri) yield break;   // a file-level error ends the file
            }
        }
    }

    private Stream Open(string path, string uri)
    {
        try
        {
            Stream s = File.OpenRead(path);
            if (!IsGzip(path)) return s;
            Span<byte> magic = stackalloc byte[2];
            var n = s.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            if (n < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            {
                s.Dispose();
                throw new ReadoutException(ErrorCodes.BadGzip, uri, "is named .gz but is not gzip-compressed; rename it or compress it");
            }
            s.Position = 0;
            return new GZipStream(s, CompressionMode.Decompress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReadoutException(ErrorCodes.Unreadable, uri, "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>A whole-file input (text, HTML, Markdown, one JSON document, or standard input), read up to the size limit.</summary>
    private IEnumerable<InputItem> ReadWhole(string path, string uri, string? ext, Stream? stdin)
    {
        byte[] bytes;
        if (path != "-" && !IsGzip(path) && new FileInfo(path) is { } info && info.Length > maxBytes)
            throw new ReadoutException(ErrorCodes.TooLarge, uri, $"file is {info.Length / (1024.0 * 1024):F1} MB, over the {maxBytes / (1024 * 1024)} MB limit (raise it with --max-size)");
        using (var s = path == "-" ? stdin ?? Console.OpenStandardInput() : Open(path, uri))
            bytes = ReadBounded(s, uri);
        var content = Decode(bytes, uri);
        ext ??= Sniff(content);
        return ext switch
        {
            ".html" or ".htm" => [Item(uri, () => Make(uri, content, "html"))],
            ".md" or ".markdown" => [Item(uri, () => Make(uri, content, "markdown"))],
            ".json" => ReadJson(uri, content),
            ".jsonl" => ReadJsonLines(uri, new MemoryStream(bytes)),
            _ => [Item(uri, () => Make(uri, content, LooksLikeHtml(content) ? "html" : "text"))],
        };
    }

    /// <summary>All of a stream, refused once it passes the size limit (so a small .gz cannot fill the memory).</summary>
    private byte[] ReadBounded(Stream s, string uri)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes)
                throw new ReadoutException(ErrorCodes.TooLarge, uri, $"input is over the {maxBytes / (1024 * 1024)} MB limit (raise it with --max-size)");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static InputItem Item(string origin, Func<RawDocument> make)
    {
        try { return new InputItem(make() with { Origin = origin }, null); }
        catch (ReadoutException e) { return new InputItem(null, e.For(origin)); }
    }

    private static string Sniff(string content) =>
        content.TrimStart().StartsWith('{') ? ".jsonl" : LooksLikeHtml(content) ? ".html" : ".txt";

    internal static bool LooksLikeHtml(string content)
    {
        var head = content.Length > 2000 ? content[..2000] : content;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string uri)
    {
        if (bytes.Length == 0 || bytes.IndexOfAnyExcept(" \n\r\t"u8) < 0)
            throw new ReadoutException(ErrorCodes.Empty, uri, "is empty");
        if (bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
            throw new ReadoutException(ErrorCodes.Binary, uri, "looks binary (contains NUL bytes); Readout reads text, HTML, Markdown and JSON, plain or gzipped");
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new ReadoutException(ErrorCodes.InvalidUtf8, uri, $"is not valid UTF-8 (bad byte at offset {e.Index}); convert it first, e.g. with iconv", e);
        }
    }

    private static RawDocument Make(string uri, string content, string format, string? title = null, string? published = null, string? url = null)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new ReadoutException(ErrorCodes.Empty, uri, "has no text");
        return new RawDocument(uri, content, format, Hash(format + "\n" + content), title, published, url);
    }

    public static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    private static IEnumerable<InputItem> ReadJson(string uri, string content)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(content); }
        catch (JsonException e) { throw new ReadoutException(ErrorCodes.BadJson, uri, "is not valid JSON: " + e.Message, e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [Item(uri, () => FromJson(uri, doc.RootElement))];
            var items = doc.RootElement.EnumerateArray().Select((e, i) => Item($"{uri}#{i + 1}", () => FromJson($"{uri}#{i + 1}", e))).ToList();
            return items.Count > 0 ? items : throw new ReadoutException(ErrorCodes.Empty, uri, "is an empty JSON array");
        }
    }

    private IEnumerable<InputItem> ReadJsonLinesFile(string path, string uri)
    {
        var stream = Open(path, uri);
        using (stream)
            foreach (var item in ReadJsonLines(uri, stream)) yield return item;
    }

    /// <summary>Each line of a JSON Lines stream decoded and parsed by itself: a bad line is that line's error only.</summary>
    private IEnumerable<InputItem> ReadJsonLines(string uri, Stream stream)
    {
        var any = false;
        var lines = new ByteLines(stream, maxBytes);
        while (lines.Next() is { } line)
        {
            var origin = $"{uri}#L{lines.Number}";
            if (line.TooLong)
            {
                any = true;
                yield return new InputItem(null, new ReadoutException(ErrorCodes.TooLarge, origin, $"the line is over the {maxBytes / (1024 * 1024)} MB limit (raise it with --max-size)"));
                continue;
            }
            var bytes = line.Bytes.Span;
            if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];   // a byte order mark, as `cat a.jsonl b.jsonl` leaves one
            if (bytes.IndexOfAnyExcept((byte)' ', (byte)'\r', (byte)'\t') < 0) continue;
            any = true;
            yield return ParseLine(origin, bytes);
        }
        if (!any) throw new ReadoutException(ErrorCodes.Empty, uri, "has no JSON lines");
    }

    private static InputItem ParseLine(string origin, ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            using var doc = JsonDocument.Parse(bytes.ToArray());
            return Item(origin, () => FromJson(origin, doc.RootElement));
        }
        catch (DecoderFallbackException e)
        {
            return new InputItem(null, new ReadoutException(ErrorCodes.InvalidUtf8, origin, $"is not valid UTF-8 (bad byte at offset {e.Index} of the line); convert the file first, e.g. with iconv", e));
        }
        catch (JsonException e)
        {
            return new InputItem(null, new ReadoutException(ErrorCodes.BadJson, origin, "is not valid JSON: " + e.Message, e));
        }
    }

    private static RawDocument FromJson(string origin, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ReadoutException(ErrorCodes.BadJson, origin, "each JSON record must be an object with \"text\" or \"html\"");
        string? Get(string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return null;
            try { return v.GetString(); }
            catch (InvalidOperationException x)
            {
                // an escape such as "\udfff" (half of a surrogate pair) decodes to no character at all
                throw new ReadoutException(ErrorCodes.BadJson, origin, $"the \"{name}\" field holds an escape that is not a character (a lone surrogate such as \\udfff); mend the record", x);
            }
        }
        var url = Get("url");
        var title = Get("title");
        var published = Get("published") ?? Get("date");
        var id = url ?? origin;
        if (Get("html") is { } html) return Make(id, html, "html", title, published, url);
        // a wire's dateline given apart from its text ("BUENOS AIRES, March 2 -") opens the text, as the wire printed it:
        // the report's date and place are read there, with the text as their evidence
        if (Get("text") is { } text)
            return Make(id, Get("dateline") is { Length: > 0 } dateline && text.Length > 0 ? dateline.Trim() + " " + text : text, "text", title, published, url);
        throw new ReadoutException(ErrorCodes.BadJson, origin, "has neither a \"text\" nor an \"html\" string field");
    }
}
