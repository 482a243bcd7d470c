using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Readout.Documents;

namespace Readout.Ingest;

/// <summary>One input that could not be read, with the numbered error to show the user.</summary>
public sealed record InputFailure(string Uri, ReadoutException Error);

/// <summary>
/// Turns paths (files, folders, '-' for standard input) into raw documents. Reading is lazy so that a
/// large folder streams; every failure names its file and the rest of the batch goes on.
/// </summary>
public sealed class InputReader(long maxBytes = InputReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public static readonly string[] Extensions = [".txt", ".text", ".html", ".htm", ".md", ".markdown", ".json", ".jsonl"];

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
                        .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
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

    /// <summary>Reads one file (or stdin) into one or more raw documents (a .jsonl file holds many).</summary>
    public IReadOnlyList<RawDocument> Read(string path, TextReader? stdin = null)
    {
        byte[] bytes;
        string uri = path == "-" ? "stdin" : path;
        try
        {
            if (path == "-")
            {
                var text = (stdin ?? Console.In).ReadToEnd();
                bytes = Encoding.UTF8.GetBytes(text);
            }
            else
            {
                var info = new FileInfo(path);
                if (info.Length > maxBytes)
                    throw new ReadoutException(ErrorCodes.TooLarge, uri, $"file is {info.Length / (1024.0 * 1024):F1} MB, over the {maxBytes / (1024 * 1024)} MB limit (raise it with --max-size)");
                bytes = File.ReadAllBytes(path);
            }
        }
        catch (ReadoutException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReadoutException(ErrorCodes.Unreadable, uri, "cannot be read: " + e.Message, e);
        }
        if (bytes.LongLength > maxBytes)
            throw new ReadoutException(ErrorCodes.TooLarge, uri, $"input is over the {maxBytes / (1024 * 1024)} MB limit");
        var content = Decode(bytes, uri);
        var ext = path == "-" ? Sniff(content) : Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".html" or ".htm" => [Make(uri, content, "html")],
            ".md" or ".markdown" => [Make(uri, content, "markdown")],
            ".json" => ReadJson(uri, content),
            ".jsonl" => ReadJsonLines(uri, content),
            _ => [Make(uri, content, LooksLikeHtml(content) ? "html" : "text")],
        };
    }

    private static string Sniff(string content) =>
        content.TrimStart().StartsWith('{') ? ".jsonl" : LooksLikeHtml(content) ? ".html" : ".txt";

    internal static bool LooksLikeHtml(string content)
    {
        var head = content.Length > 2000 ? content[..2000] : content;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static string Decode(byte[] bytes, string uri)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            throw new ReadoutException(ErrorCodes.Empty, uri, "is empty");
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (sample.Contains((byte)0))
            throw new ReadoutException(ErrorCodes.Binary, uri, "looks binary (contains NUL bytes); Readout reads text, HTML, Markdown and JSON");
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
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

    private static IReadOnlyList<RawDocument> ReadJson(string uri, string content)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(content); }
        catch (JsonException e) { throw new ReadoutException(ErrorCodes.BadJson, uri, "is not valid JSON: " + e.Message, e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
                return doc.RootElement.EnumerateArray().Select((e, i) => FromJson($"{uri}#{i + 1}", e)).ToList();
            return [FromJson(uri, doc.RootElement)];
        }
    }

    private static IReadOnlyList<RawDocument> ReadJsonLines(string uri, string content)
    {
        var list = new List<RawDocument>();
        var n = 0;
        foreach (var line in content.Split('\n'))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                list.Add(FromJson($"{uri}#L{n}", doc.RootElement));
            }
            catch (JsonException e) { throw new ReadoutException(ErrorCodes.BadJson, $"{uri}#L{n}", "is not valid JSON: " + e.Message, e); }
        }
        if (list.Count == 0) throw new ReadoutException(ErrorCodes.Empty, uri, "has no JSON lines");
        return list;
    }

    private static RawDocument FromJson(string uri, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ReadoutException(ErrorCodes.BadJson, uri, "each JSON record must be an object with \"text\" or \"html\"");
        string? Get(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var url = Get("url");
        var title = Get("title");
        var published = Get("published") ?? Get("date");
        var id = url ?? uri;
        if (Get("html") is { } html) return Make(id, html, "html", title, published, url);
        if (Get("text") is { } text) return Make(id, text, "text", title, published, url);
        throw new ReadoutException(ErrorCodes.BadJson, uri, "has neither a \"text\" nor an \"html\" string field");
    }
}
