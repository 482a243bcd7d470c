using System.IO.Compression;
using System.Text;

namespace Readout.Fuzz;

/// <summary>A seed input: its bytes and the extension that decides how Readout reads it.</summary>
public sealed record Seed(string Name, byte[] Bytes, string Extension);

/// <summary>A mutated input, named after its seed and the mutations applied.</summary>
public sealed record Mutant(string Name, byte[] Bytes, string Extension, string Mutations);

/// <summary>
/// Mutates real reports the ways hostile or unlucky inputs differ from them: byte flips, truncation,
/// random markup, deep nesting, huge lines, long runs of spaces and repeated words, NUL bytes, BOMs,
/// mixed encodings, bidirectional and zero-width characters, terminal escapes, lone surrogates in
/// JSON, noncharacters, impossible dates and 400-digit numbers. Deterministic for a seed.
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random _rng = new(seed);

    private static readonly string[] Inserts =
    [
        "\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\uFFFE", "\uFFFF", "\u0085", "\u2028", "\u001B]52;c;ZXZpbA==\u0007",
        "\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\", "\u001B[31m", "\u0000", "\t", "\r", "\r\n",
        "31 February 2023", "2023-13-45", "0000-00-00", "29 February 2023", "Monday, 32 March 2021", "September 31, 1999",
        "on 12 Smarch 2022", "in the spring of 2099", "last Friday", "9999-12-31", "1900-01-01",
        "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
        "President Xi Jinping", "Vladimir Putin", "Putin\uFFFEé", "é\uFFFE", "Zelenskyy\u0301\u0301\u0301", "İstanbul", "ǅ",
        "<script>alert(1)</script>", "<![CDATA[x]]>", "<!--", "-->", "<", "&#0;", "&#xD800;", "&amp;&lt;&gt;", "\"", "\\", "\\u0000",
        "SOCHI, Russia, Sept 4 (Wire) - ", "MOSCOW -- ", "(Reuters) - ", "Readout of the call", "said.", "Mr. ", "the two leaders",
    ];

    public Mutant Mutate(Seed s)
    {
        var bytes = s.Bytes;
        var ext = s.Extension;
        var names = new List<string>();
        var count = 1 + _rng.Next(3);
        for (var i = 0; i < count; i++)
        {
            var (name, next) = Pick(bytes, ext);
            bytes = next;
            if (name is "jsonl-mix") ext = ".jsonl";
            else if (name.StartsWith("json-", StringComparison.Ordinal) && ext is not ".jsonl") ext = ".json";
            names.Add(name);
        }
        if (_rng.Next(20) == 0) { bytes = Gzip(bytes); ext += ".gz"; names.Add("gzip"); }
        return new Mutant(s.Name, bytes, ext, string.Join("+", names));
    }

    private (string, byte[]) Pick(byte[] b, string ext)
    {
        switch (_rng.Next(24))
        {
            case 0: case 1: return ("flip", Flip(b));
            case 2: return ("truncate", b[..Math.Max(0, _rng.Next(b.Length + 1))]);
            case 3: case 4: return ("insert", InsertText(b, Inserts[_rng.Next(Inserts.Length)]));
            case 5: return ("markup", InsertText(b, RandomMarkup()));
            case 6: return ("nesting", InsertText(b, Nesting()));
            case 7: return ("spaces", InsertText(b, new string(' ', 1000 + _rng.Next(6000))));
            case 8: return ("repeat-word", InsertText(b, Repeat(new[] { "of ", "the ", "in ", "President ", "Mr. ", "and ", "said ", "- ", "., " }[_rng.Next(9)], 500 + _rng.Next(8000))));
            case 9: return ("huge-line", _rng.Next(20) == 0 ? HugeLine(b) : InsertText(b, Repeat("word ", 2000 + _rng.Next(10000))));
            case 10: return ("nul", InsertBytes(b, [0]));
            case 11: return ("bom", _rng.Next(2) == 0 ? [0xEF, 0xBB, 0xBF, .. b] : InsertBytes(b, [0xEF, 0xBB, 0xBF]));
            case 12: return ("latin1", InsertBytes(b, Encoding.Latin1.GetBytes("Zürich café naïve \u00e9")));
            case 13: return ("utf16", InsertBytes(b, Encoding.Unicode.GetBytes("Beijing 北京")));
            case 14: return ("bidi-zw", InsertText(b, "\u202Eevil\u202C\u200B\u200C\u200D\u2060\u2067x\u2069"));
            case 15: return ("json-surrogate", JsonWith(b, ext, _rng.Next(2) == 0 ? "\\udfff" : "\\ud800x"));
            case 16: return ("json-escape", JsonWith(b, ext, new[] { "\\u0000", "\\ufffe", "\\u001b[2J", "\\\"", "\\uD83D\\uDE00" }[_rng.Next(5)]));
            case 17: return ("digits", InsertText(b, new string('9', 400) + "." + new string('1', 400) + " billion"));
            case 18: return ("dates", InsertText(b, Inserts[17 + _rng.Next(11)]));
            case 19: return ("noncharacter", InsertText(b, "é\uFFFEü\uFDD0ß\uFFFF"));
            case 20: return ("duplicate", [.. b, .. b]);
            case 21: return ("lines-joined", b.Select(x => x == (byte)'\n' ? (byte)' ' : x).ToArray());
            case 22: return ("jsonl-mix", JsonLinesMix(b));
            default: return ("control", InsertText(b, "\u0001\u0002\u0003\u0007\u0008\u000B\u000C\u007F\u009B"));
        }
    }

    private byte[] Flip(byte[] b)
    {
        if (b.Length == 0) return b;
        var copy = (byte[])b.Clone();
        var n = 1 + _rng.Next(Math.Max(1, copy.Length / 500));
        for (var i = 0; i < n; i++) copy[_rng.Next(copy.Length)] ^= (byte)(1 << _rng.Next(8));
        return copy;
    }

    private byte[] InsertBytes(byte[] b, byte[] x)
    {
        var at = b.Length == 0 ? 0 : _rng.Next(b.Length + 1);
        return [.. b.AsSpan(0, at), .. x, .. b.AsSpan(at)];
    }

    private byte[] InsertText(byte[] b, string s) => InsertBytes(b, Encoding.UTF8.GetBytes(s));

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private string RandomMarkup()
    {
        string[] tags = ["div", "p", "span", "table", "td", "script", "style", "noscript", "iframe", "svg", "math", "template", "a", "h1", "time", "meta"];
        var sb = new StringBuilder();
        for (int i = 0, n = 1 + _rng.Next(30); i < n; i++)
        {
            var t = tags[_rng.Next(tags.Length)];
            sb.Append(_rng.Next(3) switch { 0 => $"<{t}>", 1 => $"</{t}>", _ => $"<{t} datetime=\"2023-02-31\" content=\"{Inserts[_rng.Next(Inserts.Length)]}\">" });
        }
        return sb.ToString();
    }

    private string Nesting()
    {
        var depth = 200 + _rng.Next(20000);
        return _rng.Next(3) switch
        {
            0 => Repeat("<div>", depth) + "text" + Repeat("</div>", depth / 2),
            1 => Repeat("[", depth) + Repeat("]", depth),
            _ => Repeat("{\"a\":", depth) + "1" + Repeat("}", depth),
        };
    }

    private byte[] HugeLine(byte[] b)
    {
        var line = Encoding.UTF8.GetString(b).Replace('\n', ' ');
        var sb = new StringBuilder();
        while (sb.Length < 500_000 + _rng.Next(1_000_000)) sb.Append(line).Append(' ');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A report as a JSON record whose text carries the escape, in the seed's own format or JSON Lines.</summary>
    private byte[] JsonWith(byte[] b, string ext, string escape)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(Encoding.UTF8.GetString(b));
        var at = 1 + _rng.Next(Math.Max(1, text.Length - 2));
        while (at > 1 && text[at - 1] == '\\') at--;   // not inside an escape
        var record = "{\"url\":\"https://example.org/r\",\"text\":" + text[..at] + escape + text[at..] + "}";
        return Encoding.UTF8.GetBytes(ext is ".jsonl" ? record + "\n" + record.Replace(escape, "") + "\n" : record);
    }

    /// <summary>Lines as `cat a.jsonl b.jsonl` makes them: good records, a blank one, one with a BOM, a truncated one.</summary>
    private byte[] JsonLinesMix(byte[] b)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(Encoding.UTF8.GetString(b));
        var good = "{\"text\":" + text + "}";
        var lines = new[] { good, "{\"text\":\"\"}", "\uFEFF" + good, good[..(good.Length / 2)], "{\"text\":" + text + ",\"url\":\"https://example.org/" + _rng.Next(1000) + "\"}", "null", "[]", "{\"html\":\"<p>\"}" };
        var picked = Enumerable.Range(0, 2 + _rng.Next(6)).Select(_ => lines[_rng.Next(lines.Length)]);
        return Encoding.UTF8.GetBytes(string.Join("\n", picked) + "\n");
    }

    private static byte[] Gzip(byte[] b)
    {
        using var o = new MemoryStream();
        using (var z = new GZipStream(o, CompressionLevel.Fastest)) z.Write(b);
        return o.ToArray();
    }
}
