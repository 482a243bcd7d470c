using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Readout.Clean;

/// <summary>What a Markdown file's YAML front matter says of the document.</summary>
public sealed record FrontMatter(string? Title, string? Published, string? Url, int TitleOffset);

/// <summary>
/// Markdown to lines of text, one per block (paragraph, heading, list item), with soft line breaks joined:
/// a hard-wrapped paragraph becomes one line, as a reader sees it, and names split across lines
/// ("Prime Minister Mustafa\nAl-Kadhimi") are whole again. The YAML front matter is read as metadata
/// (YamlDotNet), not as text. Each line starts at the offset of its first character in the file; inside a
/// line, offsets drift by the markup removed (escapes, emphasis marks).
/// </summary>
public static partial class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n")]
    private static partial Regex FrontMatterStart();

    [GeneratedRegex(@"^(---|\.\.\.)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    public static (FrontMatter? Meta, List<(string Line, int Offset)> Lines) Extract(string content)
    {
        var (meta, bodyStart) = ReadFrontMatter(content);
        var lines = new List<(string, int)>();
        if (meta?.Title is { } title) { lines.Add((title, meta.TitleOffset)); lines.Add(("", meta.TitleOffset)); }
        var body = content[bodyStart..];
        MarkdownDocument doc;
        try { doc = Markdown.Parse(body, Pipeline); }
        catch (ArgumentException)
        {
            // Markdig refuses markup nested past its depth limit ("[[[[..." thousands deep; found by the
            // fuzzer): such a body is read as plain text, a line to a line, rather than lost
            AddPlainLines(body, bodyStart, lines);
            return (meta, lines);
        }
        foreach (var block in doc.Descendants<LeafBlock>())
        {
            var sb = new StringBuilder();
            var first = -1;
            if (block is CodeBlock or HtmlBlock)
            {
                // an indented "code" block of a text saved as .md is prose; an HTML block's tags are not
                foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
                {
                    var s = block is HtmlBlock ? Tag().Replace(line.Slice.ToString(), " ") : line.Slice.ToString();
                    if (string.IsNullOrWhiteSpace(s)) continue;
                    if (first < 0) first = line.Slice.Start;
                    if (sb.Length > 0) sb.Append(' ');
                    sb.Append(s.Trim());
                }
            }
            else if (block.Inline is { } inline) Append(inline, sb, ref first);
            var text = Regex.Replace(sb.ToString(), @"[ \t]+", " ").Trim();
            if (text.Length == 0 || !text.Any(char.IsLetterOrDigit)) continue;   // "###" end marks, rules
            lines.Add((text, bodyStart + Math.Max(first, block.Span.Start)));
            lines.Add(("", bodyStart + block.Span.End));   // blocks are paragraphs
        }
        return (meta, lines);
    }

    /// <summary>The body as plain text: each non-blank line at its offset, a blank line between paragraphs.</summary>
    private static void AddPlainLines(string body, int bodyStart, List<(string Line, int Offset)> lines)
    {
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            var line = body[start..end].TrimEnd('\r');
            if (line.Any(char.IsLetterOrDigit)) lines.Add((line.Trim(), bodyStart + start + (line.Length - line.TrimStart().Length)));
            else if (lines.Count > 0 && lines[^1].Line.Length > 0) lines.Add(("", bodyStart + start));
            start = end + 1;
        }
    }

    private static void Append(ContainerInline container, StringBuilder sb, ref int first)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    if (first < 0) first = lit.Span.Start;
                    sb.Append(lit.Content.ToString());
                    break;
                case LineBreakInline: sb.Append(' '); break;
                case CodeInline code: sb.Append(code.Content); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
                case AutolinkInline auto: sb.Append(auto.Url); break;
                case LinkInline { IsImage: true }: break;                 // image alt text is not the story
                case ContainerInline inner: Append(inner, sb, ref first); break;   // emphasis, link text
            }
        }
    }

    /// <summary>The YAML block between the opening "---" and the closing "---" or "...", read as metadata.</summary>
    private static (FrontMatter? Meta, int BodyStart) ReadFrontMatter(string content)
    {
        var open = FrontMatterStart().Match(content);
        if (!open.Success) return (null, 0);
        var close = FrontMatterEnd().Match(content, open.Length);
        if (!close.Success) return (null, 0);
        var yaml = content[open.Length..close.Index];
        var bodyStart = Math.Min(content.Length, close.Index + close.Length + 1);
        Dictionary<string, string?>? root;
        try
        {
            root = RootScalars(yaml);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // not YAML after all (a story that opens with a rule): the whole file is text. YamlDotNet's
            // scanner throws InvalidOperationException on some broken flow mappings ("{ource_url: ...";
            // found by the fuzzer), which is the same verdict
            return (null, 0);
        }
        if (root is null) return (null, 0);
        string? Scalar(params string[] keys)
        {
            foreach (var k in keys)
                if (root.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
                    return Regex.Replace(v, @"\s+", " ").Trim();
            return null;
        }
        var titleOffset = open.Length;
        var titleKey = Regex.Match(yaml, @"^title:", RegexOptions.Multiline);
        if (titleKey.Success) titleOffset += titleKey.Index;
        return (new FrontMatter(Scalar("title"), Scalar("date", "published", "published_time", "publish_date", "pubDate"),
            Scalar("source_url", "url", "link", "canonical_url"), titleOffset), bodyStart);
    }

    /// <summary>
    /// The scalar values of the first document's root mapping, by key (a value that is not a scalar is null), or
    /// null when the root is not a mapping. Read from YamlDotNet's event parser, which keeps its own stack:
    /// its node model recurses once per level and a front matter nested thousands deep ({"a":{"a":...) ended
    /// the process with a stack overflow (found by the fuzzer). The whole stream is read, so a syntax error
    /// anywhere still throws; a key given twice throws, as the node model does.
    /// </summary>
    private static Dictionary<string, string?>? RootScalars(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        Dictionary<string, string?>? root = null;
        var documents = 0;
        var depth = 0;            // open mappings and sequences
        var atKey = true;         // in the root mapping, the next node at depth 1 is a key
        string? key = null;
        var readingRoot = false;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    documents++;
                    break;
                case MappingStart when documents == 1 && depth == 0:
                    root = new Dictionary<string, string?>(StringComparer.Ordinal);
                    readingRoot = true;
                    depth++;
                    break;
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    if (readingRoot && depth == 0) readingRoot = false;
                    else if (readingRoot && depth == 1) Finished(null);
                    break;
                case Scalar scalar when readingRoot && depth == 1:
                    Finished(scalar.Value);
                    break;
                case AnchorAlias when readingRoot && depth == 1:
                    Finished(null);
                    break;
            }
        }
        return root;

        // a whole node at depth 1 of the root mapping: a key, or the value of the key before it
        void Finished(string? scalar)
        {
            if (atKey) key = scalar;
            else if (key is not null && !root!.TryAdd(key, scalar))
                throw new YamlException($"duplicate key '{key}' in the front matter");
            atKey = !atKey;
        }
    }
}
