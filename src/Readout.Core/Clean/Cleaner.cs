using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Clean;

/// <summary>The clean stage: raw page in, readable text with metadata and an offset map out.</summary>
public sealed partial class Cleaner
{
    private readonly Func<string, bool> _isCity;
    private readonly MetadataReader _metadata;
    private readonly JunkLineFilter _junk;

    /// <param name="isCity">Whether a dateline's place is a city of the gazetteer (to tell a dateline from a heading).</param>
    public Cleaner(Lexicon lexicon, Func<string, bool> isCity)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _isCity = isCity;
        _metadata = new MetadataReader(lexicon.Dates);
        _junk = new JunkLineFilter(lexicon.JunkLines, _metadata);
    }

    public CleanDocument Clean(RawDocument raw, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        string? title = raw.Title;
        var address = raw.Url;
        PublicationDate? published = _metadata.FromField(raw.Published, "the input's \"published\" field");
        IReadOnlyList<(string, int)> lines;
        if (raw.Format == "html")
        {
            var html = HtmlText.Extract(raw.Content);
            lines = html.Lines;
            title ??= Nonempty(html.Dom.QuerySelector("h1")?.TextContent) ?? Nonempty(html.Dom.QuerySelector("meta[property='og:title']")?.GetAttribute("content")) ?? Nonempty(html.Dom.Title);
            published ??= _metadata.FromHtml(html.Dom);
            address ??= Nonempty(html.Dom.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) ?? Nonempty(html.Dom.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
            if (lines.Count == 0 && title is not null) lines = [(title, 0)];
        }
        else if (raw.Format == "markdown")
        {
            var (meta, mdLines) = MarkdownText.Extract(raw.Content);
            lines = mdLines;
            title ??= meta?.Title;
            published ??= _metadata.FromField(meta?.Published, "the front matter's date");
            address ??= meta?.Url;
        }
        else
        {
            lines = SplitLines(raw.Content);
            // a record's own title (a .json input's "title") is the story's headline: read it as the text's first
            // paragraph, as a page's or a front matter's is, so that it can be evidence (its offsets point at the
            // start of the content, the title not being part of it)
            if (Nonempty(title) is { } headline && !raw.Content.TrimStart().StartsWith(headline[..Math.Min(40, headline.Length)], StringComparison.Ordinal))
                lines = [(headline, 0), ("", 0), .. lines];
        }
        var (text, map) = _junk.Filter(lines, linesAreParagraphs: raw.Format == "html");
        // a no-break space is a space to every later stage (sentences, names); the length, and so every offset, stays
        text = text.Replace('\u00A0', ' ');
        if (string.IsNullOrWhiteSpace(text))
            throw new ReadoutException(ErrorCodes.NoText, raw.Uri, "no readable text is left after removing page markup and boilerplate");
        published ??= _metadata.FromHeader(text);
        title ??= GuessTitle(text);
        // the dateline opens the body, after the headline
        var bodyStart = title is not null && text.StartsWith(title, StringComparison.Ordinal) ? title.Length : 0;
        var dateline = _metadata.FindDateline(text[bodyStart..], _isCity) is { } dl
            ? dl with { Span = new TextSpan(dl.Span.Start + bodyStart, dl.Span.End + bodyStart) }
            : null;
        return new CleanDocument(raw, text, map, title?.Trim(), published, dateline) { Address = address };
    }

    private static string? Nonempty(string? s) => string.IsNullOrWhiteSpace(s) ? null : Regex.Replace(s.Trim(), @"\s+", " ");

    private static List<(string, int)> SplitLines(string content)
    {
        var list = new List<(string, int)>();
        int start = 0;
        for (int i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == '\n')
            {
                list.Add((content[start..i].TrimEnd('\r'), start));
                start = i + 1;
            }
        }
        return list;
    }

    /// <summary>The first line that reads like a headline: several words, no closing period, not a date line.</summary>
    private string? GuessTitle(string text)
    {
        foreach (var line in text.Split('\n').Take(8))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 4 && line.Length < 250 && !line.TrimEnd().EndsWith('.') && _metadata.ParseAnyDate(line) is null)
                return line.Trim();
        }
        // a first line that reads as a sentence is the story, not its title
        return text.Split('\n')[0].Trim() is { Length: > 0 and < 120 } first && !first.EndsWith('.') ? first : null;
    }
}
