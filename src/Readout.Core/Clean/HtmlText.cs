using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Readout.Clean;

/// <summary>
/// Reads the visible article text out of an HTML page: scripts, styles, navigation, cookie banners, share
/// bars, related-story lists, figures and footers are dropped; block elements become lines. The walk is
/// iterative so that a deeply nested page cannot overflow the stack.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "iframe",
        "svg", "figure", "figcaption", "select", "option", "head", "title", "meta", "link", "cite",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article",
        "main", "br", "tr", "table", "dd", "dt", "pre", "time", "span_block",
    };

    private static readonly string[] JunkClassWords =
    [
        "cookie", "banner", "share", "social", "related", "breadcrumb", "ad-slot", "advert", "ads", "promo",
        "newsletter", "subscribe", "tags", "topbar", "menu", "more", "read-next", "photo-credit", "caption",
        "comment", "pullquote", "kicker", "paywall", "footer", "header", "nav", "dek", "standfirst",
    ];

    public sealed record Result(IReadOnlyList<(string Line, int Offset)> Lines, IDocument Dom);

    public static Result Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var dom = parser.ParseDocument(html);
        var lines = new List<(string, int)>();
        var current = new StringBuilder();
        var currentOffset = -1;

        void Flush()
        {
            var s = Collapse(current.ToString());
            if (s.Length > 0) lines.Add((s, Math.Max(currentOffset, 0)));
            current.Clear();
            currentOffset = -1;
        }

        var body = (INode?)dom.Body ?? dom.DocumentElement;
        if (body is null) return new Result(lines, dom);
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((body, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement el)
            {
                if (!exit)
                {
                    if (Dropped.Contains(el.LocalName) || IsJunkContainer(el)) continue;
                    if (Blocks.Contains(el.LocalName)) Flush();
                    stack.Push((el, true));
                    for (int i = el.ChildNodes.Length - 1; i >= 0; i--) stack.Push((el.ChildNodes[i], false));
                }
                else if (Blocks.Contains(el.LocalName)) Flush();
            }
            else if (node is IText text)
            {
                if (currentOffset < 0 && !string.IsNullOrWhiteSpace(text.Data))
                    currentOffset = text.ParentElement?.SourceReference?.Position.Index ?? 0;
                current.Append(text.Data);
            }
        }
        Flush();
        return new Result(lines, dom);
    }

    private static bool IsJunkContainer(IElement el)
    {
        var cls = ((el.GetAttribute("class") ?? "") + " " + (el.GetAttribute("id") ?? "")).ToLowerInvariant();
        if (cls.Trim().Length == 0) return false;
        foreach (var token in cls.Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries))
            foreach (var w in JunkClassWords)
                if (token == w || token.StartsWith(w + "-", StringComparison.Ordinal) || token.EndsWith("-" + w, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
