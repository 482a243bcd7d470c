using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Clean;

/// <summary>
/// Reads what a page says about itself: the publication date (a meta tag, a &lt;time&gt;, JSON-LD, a
/// "published" field, or a header line such as "Updated: 2022-02-05" or "Tuesday 29 June 2021"), and
/// the dateline that opens the story ("SOCHI, Russia, Sept 4 (Wire) -"). The patterns with words (month names,
/// "correspondent") are the lexicon's (<see cref="DateLexicon"/>); those of digits and capitals only are here.
/// </summary>
public sealed partial class MetadataReader(DateLexicon dates)
{
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)-(?<m>\d\d)-(?<d>\d\d)(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<city>[A-Z][A-Z '-]{2,})\.\s")]
    private static partial Regex DatelineDot();

    public PublicationDate? FromField(string? published, string source)
    {
        if (string.IsNullOrWhiteSpace(published)) return null;
        var d = ParseAnyDate(published);
        return d is { } day ? new PublicationDate(day, source, null) : null;
    }

    public PublicationDate? FromHtml(IDocument dom)
    {
        foreach (var sel in new[] { "meta[property='article:published_time']", "meta[name='article:published_time']", "meta[property='og:published_time']",
                     "meta[name='pubdate']", "meta[name='publishdate']", "meta[name='date']", "meta[itemprop='datePublished']", "meta[name='dc.date']" })
        {
            var v = dom.QuerySelector(sel)?.GetAttribute("content");
            if (ParseAnyDate(v) is { } d) return new PublicationDate(d, $"HTML <{sel}>", null);
        }
        foreach (var script in dom.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var m = Regex.Match(script.TextContent, "\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
            if (m.Success && ParseAnyDate(m.Groups[1].Value) is { } d) return new PublicationDate(d, "JSON-LD datePublished", null);
        }
        foreach (var time in dom.QuerySelectorAll("time[datetime]"))
            if (ParseAnyDate(time.GetAttribute("datetime")) is { } d) return new PublicationDate(d, "HTML <time datetime>", null);
        return null;
    }

    /// <summary>A full date in the header lines of the clean text (before the body's first long paragraph).</summary>
    public PublicationDate? FromHeader(string text)
    {
        int pos = 0, lines = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 250 || lines++ > 14) break;
            foreach (var rx in new[] { IsoDate(), dates.HeaderDayMonthYear, dates.HeaderMonthDayYear })
            {
                var m = rx.Match(line);
                if (m.Success && ToDate(m) is { } d)
                    return new PublicationDate(d, $"header line \"{Shorten(line)}\"", new TextSpan(pos + m.Index, pos + m.Index + m.Length));
            }
            pos += line.Length + 1;
        }
        return null;
    }

    public Dateline? FindDateline(string text, Func<string, bool> isCity)
    {
        int pos = 0;
        foreach (var line in text.Split('\n'))
        {
            // a wire's text is wrapped short: its first line opens with a full dateline ("BUENOS AIRES, March 2 - ...")
            var first = pos == 0 && line.Length <= 120 ? dates.Dateline.Match(line) : null;
            var wrapped = first is { Success: true } && first.Groups["mon"].Success;
            if (line.Length > 120 || wrapped)
            {
                foreach (var rx in new[] { dates.Dateline, DatelineDot() })
                {
                    // the dateline pattern is linear but not cheap (its captures are found by simulation): a wrapped
                    // wire's first line is matched once, not again here
                    var m = wrapped && rx == dates.Dateline ? first! : rx.Match(line);
                    if (!m.Success) continue;
                    var city = m.Groups["city"].Value.Trim();
                    if (!isCity(city)) continue;
                    int? month = m.Groups["mon"].Success ? MonthNumber(m.Groups["mon"].Value) : null;
                    int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
                    return new Dateline(city, month, day, new TextSpan(pos + m.Index, pos + m.Index + m.Length));
                }
                break;   // only the first paragraph of the body opens with a dateline
            }
            var c = dates.CorrespondentIn.Match(line);
            if (c.Success && isCity(c.Groups["city"].Value))
                return new Dateline(c.Groups["city"].Value, null, null, new TextSpan(pos + c.Groups["city"].Index, pos + c.Groups["city"].Index + c.Groups["city"].Length));
            pos += line.Length + 1;
        }
        return null;
    }

    public DateOnly? ParseAnyDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        foreach (var rx in new[] { IsoDate(), dates.HeaderDayMonthYear, dates.HeaderMonthDayYear })
        {
            var m = rx.Match(s);
            if (m.Success && ToDate(m) is { } d) return d;
        }
        return null;
    }

    private static DateOnly? ToDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mon = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : MonthNumber(m.Groups["mon"].Value);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mon is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mon) ? new DateOnly(y, mon, d) : null;
    }

    public static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
