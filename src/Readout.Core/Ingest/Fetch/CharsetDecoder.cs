using System.Text;
using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Ingest.Fetch;

/// <summary>A decoded body and the character set it was read in, with where that was declared.</summary>
public sealed record DecodedText(string Text, string Charset, string DeclaredBy);

/// <summary>
/// Decodes a web response in the character set it declares, in the order browsers follow: a byte-order
/// mark, then the Content-Type header's charset, then the document's own declaration (an HTML
/// <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> tag, or an XML declaration's encoding) in its first
/// bytes. Many official sites still serve windows-1251, GB2312/GBK, Shift_JIS or ISO-8859 pages; the
/// legacy code pages come from <see cref="CodePagesEncodingProvider"/>. Without any declaration the
/// body must be UTF-8: Readout does not guess.
/// </summary>
public static partial class CharsetDecoder
{
    private const int PrescanBytes = 4096;

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="ReadoutException">RO1107 for a character set Readout cannot decode; RO1004 for a body
    /// that declares UTF-8 (or nothing) and is not valid UTF-8.</exception>
    public static DecodedText Decode(byte[] body, string? headerCharset, string uri)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Bom(body) is { } bom)
            return new DecodedText(bom.Encoding.GetString(body, bom.Length, body.Length - bom.Length), bom.Encoding.WebName, "byte-order mark");
        if (!string.IsNullOrWhiteSpace(headerCharset))
            return DecodeAs(body, headerCharset, "Content-Type header", uri);
        if (Declared(body) is { } declared)
            return DecodeAs(body, declared.Label, declared.Where, uri);
        try
        {
            return new DecodedText(new UTF8Encoding(false, true).GetString(body), "utf-8", "no declaration (UTF-8)");
        }
        catch (DecoderFallbackException e)
        {
            throw new ReadoutException(ErrorCodes.InvalidUtf8, uri,
                $"declares no character set and is not valid UTF-8 (bad byte at offset {e.Index}); save it and convert it with iconv", e);
        }
    }

    /// <summary>The encoding a charset label names (WHATWG's aliases: latin1 and ascii read as windows-1252, gb2312 as GBK), or null.</summary>
    public static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant() switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp1252" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" or "csgb2312" or "chinese" or "cp936" => "gbk",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "x-sjis" or "sjis" or "ms_kanji" => "shift_jis",
            "cp1251" or "x-cp1251" => "windows-1251",
            var other => other,
        };
        try { return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback); }
        catch (ArgumentException) { return null; }
    }

    private static DecodedText DecodeAs(byte[] body, string label, string where, string uri)
    {
        var encoding = Resolve(label)
            ?? throw new ReadoutException(ErrorCodes.UnknownCharset, uri, $"its {where} declares the character set '{label}', which Readout cannot decode");
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            try { return new DecodedText(new UTF8Encoding(false, true).GetString(body), "utf-8", where); }
            catch (DecoderFallbackException e)
            {
                throw new ReadoutException(ErrorCodes.InvalidUtf8, uri, $"its {where} declares UTF-8 but the body is not valid UTF-8 (bad byte at offset {e.Index})", e);
            }
        }
        // a legacy code page: a byte it has no character for becomes U+FFFD rather than failing the page
        return new DecodedText(encoding.GetString(body), encoding.WebName, where);
    }

    private static (Encoding Encoding, int Length)? Bom(byte[] b) =>
        b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? (new UTF8Encoding(false, false), 3)
        : b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE ? (Encoding.Unicode, 2)
        : b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF ? (Encoding.BigEndianUnicode, 2)
        : null;

    /// <summary>The charset the document declares in its first bytes (read as Latin-1, which every ASCII-compatible charset agrees with there).</summary>
    private static (string Label, string Where)? Declared(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, PrescanBytes));
        if (XmlDeclaration().Match(head) is { Success: true } x) return (x.Groups[1].Value, "XML declaration");
        if (MetaCharset().Match(head) is { Success: true } m) return (m.Groups[1].Value, "<meta> tag");
        return null;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex XmlDeclaration();

    // <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x"> alike
    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
