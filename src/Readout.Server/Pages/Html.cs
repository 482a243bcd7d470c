using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Readout.Extract;
using Readout.Store;

namespace Readout.Server.Pages;

/// <summary>
/// Building blocks of the pages. Every value that comes from the store (report text, names, titles,
/// uris) goes through <see cref="E"/> or <see cref="U"/>; markup is only ever written by this code.
/// </summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text as HTML text or attribute value: &lt; &gt; &amp; and quotes escaped.</summary>
    public static string E(string? s) => s is null ? "" : Encoder.Encode(s);

    /// <summary>A value as one escaped URL path segment or query value.</summary>
    public static string U(string s) => Uri.EscapeDataString(s);

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Layout(string title, string body, string? heading = null)
    {
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Readout</title>
            <link rel="stylesheet" href="/app.css">
            </head>
            <body>
            <header class="top">
              <a class="brand" href="/">Readout</a>
              <nav><a href="/">Timeline</a><a href="/actors">Actors</a><a href="/sources">Sources</a><a href="/feeds">Feeds</a><a href="/review">Review</a><a href="/api-docs">API</a></nav>
              <form class="searchbox" action="/search" method="get" role="search">
                <input type="search" name="q" placeholder="Search all report text" aria-label="Search all report text">
                <button type="submit">Search</button>
              </form>
            </header>
            <main>
            <h1>{E(heading ?? title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>A small drawing for each mode, with its name for screen readers and as a tooltip.</summary>
    public static string ModeIcon(InteractionMode mode)
    {
        var shape = mode switch
        {
            InteractionMode.Phone => """<path d="M3.5 1.5h2.7l1.2 3.2-1.7 1.1a8 8 0 0 0 4.5 4.5l1.1-1.7 3.2 1.2v2.7a1 1 0 0 1-1 1A12.5 12.5 0 0 1 2.5 2.5a1 1 0 0 1 1-1z"/>""",
            InteractionMode.Video => """<rect x="1" y="4" width="10" height="8" rx="1.5"/><path d="M11.5 7.2 15 5v6l-3.5-2.2z"/>""",
            InteractionMode.InPerson => """<circle cx="4.6" cy="4" r="2.3"/><circle cx="11.4" cy="4" r="2.3"/><path d="M.8 14.5c0-4 1.7-6.3 3.8-6.3s3.8 2.3 3.8 6.3zM7.6 14.5c0-4 1.7-6.3 3.8-6.3s3.8 2.3 3.8 6.3z"/>""",
            InteractionMode.Written => """<path d="M1 3h14v10H1z" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M1.5 3.5 8 8.5l6.5-5" fill="none" stroke="currentColor" stroke-width="1.4"/>""",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not an interaction mode"),
        };
        var label = ModeLabel(mode);
        return $"""<svg class="mode-icon mode-{E(mode.Wire())}" viewBox="0 0 16 16" width="18" height="18" fill="currentColor" """
            + $"""role="img" aria-label="{E(label)}"><title>{E(label)}</title>{shape}</svg>""";
    }

    /// <summary>A mode as the pages name it (the wire string is the export's, not a reader's).</summary>
    public static string ModeLabel(InteractionMode mode) => mode switch
    {
        InteractionMode.Phone => "phone call",
        InteractionMode.Video => "video call",
        InteractionMode.InPerson => "in person",
        InteractionMode.Written => "in writing",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not an interaction mode"),
    };

    public static string ActorLink(Actor a)
    {
        var country = string.IsNullOrEmpty(a.Country) ? "" : $""" <span class="country">{E(a.Country)}</span>""";
        return $"""<a class="actor" href="/actors/{E(U(a.Name))}">{E(a.Name)}</a>{country}""";
    }

    public static string Place(Location? l) =>
        l is null ? "" : string.Join(", ", new[] { l.Venue, l.City, l.Country }.Where(x => !string.IsNullOrEmpty(x)));

    /// <summary>A report's uri: a link when it is a web address (opened without sending this page as referrer), else the uri as text.</summary>
    public static string SourceLink(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? $"""<cite><a class="source-link" href="{E(uri)}" rel="noopener noreferrer nofollow">{E(uri)}</a></cite>"""
            : $"<cite>{E(uri)}</cite>";

    public static string InteractionLink(string id, string text) => $"""<a href="/interactions/{E(U(id))}">{text}</a>""";

    /// <summary>A table of records: date (linking to the record), mode, participants, place, source count.</summary>
    public static string SummaryTable(IEnumerable<InteractionSummary> items, string emptyText = "No interactions.")
    {
        var list = items.ToList();
        if (list.Count == 0) return $"""<p class="empty">{E(emptyText)}</p>""";
        var sb = new StringBuilder("""<div class="table-wrap"><table class="timeline"><thead><tr><th>Date</th><th>Mode</th><th>Participants</th><th>Place</th><th class="num">Sources</th><th>Status</th></tr></thead><tbody>""");
        foreach (var s in list)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<tr class="record" data-id="{E(s.Id)}"><td class="date">{InteractionLink(s.Id, E(s.Date ?? "undated"))}</td>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<td class="mode">{ModeIcon(s.Mode)} <span class="mode-name">{E(ModeLabel(s.Mode))}</span></td>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<td>{string.Join(" – ", s.Participants.Select(ActorLink))}</td><td>{E(Place(s.Location))}</td>""");
            sb.Append(CultureInfo.InvariantCulture,
                $"""<td class="num sources" title="reports behind this record">{N(s.SourceCount)}</td>""")
                .Append(CultureInfo.InvariantCulture, $"""<td>{E(s.Status.Wire())}</td></tr>""");
        }
        return sb.Append("</tbody></table></div>").ToString();
    }

    /// <summary>Plain text with the characters marking matches (<see cref="TextHit.MatchStart"/>/<see cref="TextHit.MatchEnd"/>) turned into &lt;mark&gt;.</summary>
    public static string MarkMatches(string snippet)
    {
        var sb = new StringBuilder();
        var open = false;
        var piece = new StringBuilder();
        foreach (var c in snippet)
        {
            if (c is TextHit.MatchStart or TextHit.MatchEnd)
            {
                sb.Append(E(piece.ToString()));
                piece.Clear();
                if (c == TextHit.MatchStart && !open) { sb.Append("<mark>"); open = true; }
                else if (c == TextHit.MatchEnd && open) { sb.Append("</mark>"); open = false; }
                continue;
            }
            piece.Append(c);
        }
        sb.Append(E(piece.ToString()));
        if (open) sb.Append("</mark>");
        return sb.ToString();
    }
}
