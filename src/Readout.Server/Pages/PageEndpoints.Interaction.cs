using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>One record's page (its fields, conflicts, statements and sources, with evidence highlighted) and the comparison of two records.</summary>
internal static partial class PageEndpoints
{
    /// <summary>The rows of the fields table; the city's row shows the place's country too.</summary>
    private static readonly (RecordField Field, string Label)[] FieldRows =
    [
        (RecordField.Status, "Status"), (RecordField.Mode, "Mode"), (RecordField.Date, "Date"), (RecordField.Participants, "Participants"),
        (RecordField.City, "City"), (RecordField.Venue, "Venue"), (RecordField.Attendees, "Attendees"),
    ];

    /// <summary>The sections the legend of the evidence marks names, in its order.</summary>
    private static readonly FieldSection[] LegendSections =
    [
        FieldSection.Participants, FieldSection.Attendees, FieldSection.Date, FieldSection.Mode, FieldSection.Location,
        FieldSection.Interaction,
    ];

    private static IResult InteractionPage(string id, HttpContext context, ReadoutServerOptions options, IReadoutStores stores, CancellationToken ct)
    {
        using var store = stores.OpenReader();
        var r = ApiEndpoints.Resolve(store, id);
        var statements = store.Statements(r.Id);
        var others = store.SamePrincipals(r.Id, 20, ct);
        var sb = new StringBuilder();
        var names = string.Join(" – ", r.Participants.Select(a => a.Name));
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="lede">{ModeIcon(r.Mode)} {E(ModeLabel(r.Mode))} · {E(r.Date ?? "undated")} · {E(r.Status.Wire())} · {N(r.Sources.Count)} sources""");
        if (r.SourceFamilies is { } fam) sb.Append(CultureInfo.InvariantCulture, $" ({N(fam)} independent)");
        var countries = r.Participants.Select(a => a.Country).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        if (countries.Count == 2)
            sb.Append(CultureInfo.InvariantCulture, $""" · <a href="/dyads/{E(U(countries[0]!))}-{E(U(countries[1]!))}">{E(countries[0])}–{E(countries[1])} dashboard</a>""");
        sb.Append(CultureInfo.InvariantCulture, $"""</p><p class="record-id">record <code>{E(r.Id)}</code> · <a href="/api/interactions/{E(U(r.Id))}">JSON</a></p>""");

        if (r.Review?.Status == Reviews.ReviewStatus.Rejected)
            sb.Append("""<p class="error rejected">A reviewer rejected this record: it is left out of lists and exports (see the review below).</p>""");
        sb.Append(FieldsTable(r));
        sb.Append(Conflicts(r));
        sb.Append(ReviewPages.Section(r, ReviewPages.Reviewer(context, options), options));
        sb.Append(Sources(r, store));
        sb.Append(Statements(r, statements));

        sb.Append("""<section class="compare"><h2>Compare with another interaction of the same pair</h2>""");
        if (others.Count == 0) sb.Append("""<p class="empty">No other interaction of these principals is stored.</p>""");
        else
        {
            sb.Append("<ul>");
            foreach (var o in others)
                sb.Append(CultureInfo.InvariantCulture, $"""<li><a class="compare-link" href="/compare/{E(U(r.Id))}/{E(U(o.Id))}">compare with {E(o.Date ?? "undated")} ({E(ModeLabel(o.Mode))})</a></li>""");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
        return Page($"{names} {r.Date}", sb.ToString(), names);
    }

    private static string FieldsTable(Interaction r)
    {
        var provenance = r.Provenance ?? [];
        static string Who(Actor a) => ActorLink(a) + (a.Role is { } role ? $" <span class=\"role\">{E(role.Wire())}</span>" : "");
        string Value(RecordField field) => field switch
        {
            RecordField.Status => E(r.Status.Wire()),
            RecordField.Mode => $"{ModeIcon(r.Mode)} {E(ModeLabel(r.Mode))}",
            RecordField.Date => $"{E(r.Date ?? "unknown")}<div class=\"basis\">{E(r.DateBasis.Text)}"
                + $"{(r.DateCertainty is { } dc ? $" ({E(dc)})" : "")}</div>",
            RecordField.Participants => string.Join("<br>", r.Participants.Select(Who)),
            RecordField.City => E(r.Location?.City is null ? "not stated"
                : string.Join(", ", new[] { r.Location.City, r.Location.Country }.Where(x => x is not null))),
            RecordField.Venue => E(r.Location?.Venue ?? "not stated"),
            RecordField.Attendees => r.Attendees.Count == 0 ? "none named" : string.Join("<br>", r.Attendees.Select(Who)),
            _ => "",
        };
        string Said(RecordField field)
        {
            var supports = provenance.Where(x => x.Field == field).ToList();
            var spans = r.Sources.Count(s => s.Evidence.Any(e => Codes.SectionOf(e.Field) == Codes.SectionOf(field)));
            if (supports.Count == 0)
                return spans == 0 ? """<span class="muted">no evidence span</span>""" : $"""<span class="muted">evidence in {N(spans)} source(s), highlighted below</span>""";
            return "<ul class=\"provenance\">" + string.Concat(supports.Select(s =>
                $"""<li><q>{E(s.Value)}</q> — {string.Join(", ", s.Sources.Select(SourceLink))}</li>""")) + "</ul>";
        }
        var sb = new StringBuilder("""<section class="fields"><h2>Fields and where they come from</h2><table class="fields"><thead><tr><th>Field</th><th>Value</th><th>Said by</th></tr></thead><tbody>""");
        var set = r.Review?.FieldsSet ?? [];
        foreach (var (field, label) in FieldRows)
        {
            var byPerson = set.Contains(field) || (field == RecordField.City && set.Contains(RecordField.Country));
            var mark = byPerson ? $""" <span class="by-reviewer" title="set by a reviewer; the machine read: {E(r.Review!.Machine.FirstOrDefault(m => m.Field == field)?.Value ?? "nothing")}">set by a reviewer</span>""" : "";
            sb.Append(CultureInfo.InvariantCulture, $"""<tr data-field="{E(field.Wire())}"{(byPerson ? " class=\"reviewed\"" : "")}>""")
                .Append(CultureInfo.InvariantCulture, $"""<th scope="row">{E(label)}</th><td>{Value(field)}{mark}</td>""")
                .Append(CultureInfo.InvariantCulture, $"""<td>{Said(field)}</td></tr>""");
        }
        return sb.Append("</tbody></table></section>").ToString();
    }

    private static string Conflicts(Interaction r)
    {
        var conflicts = r.Conflicts ?? [];
        if (conflicts.Count == 0) return """<section class="conflicts none"><h2>Conflicts</h2><p>The sources agree on every field.</p></section>""";
        var sb = new StringBuilder("""<section class="conflicts"><h2>Conflicts</h2><p>The sources disagree; every value is kept:</p><ul>""");
        foreach (var c in conflicts)
        {
            var values = c.Values.Select(v => $"<q>{E(v.Value)}</q> ({string.Join(", ", v.Sources.Select(SourceLink))})");
            sb.Append(CultureInfo.InvariantCulture,
                $"""<li class="conflict"><strong>{E(c.Field.Wire())}</strong>: {string.Join("; ", values)}</li>""");
        }
        return sb.Append("</ul></section>").ToString();
    }

    /// <summary>Statements grouped by side (the speaker's country) and, within a side, by topic.</summary>
    private static string Statements(Interaction r, IReadOnlyList<Statement> statements)
    {
        var sb = new StringBuilder("""<section class="statements"><h2>What each side said</h2>""");
        if (statements.Count == 0) return sb.Append("""<p class="empty">No statements were read from these reports.</p></section>""").ToString();
        var principalCountries = r.Participants.Select(a => a.Country).Where(c => c is not null).ToList();
        string Side(Statement s)
        {
            var countries = s.Speakers.Select(x => x.Country).Where(c => c is not null).Distinct().ToList();
            return countries.Count == 1 ? countries[0]! : countries.Count > 1 ? "both sides" : "unattributed";
        }
        var sides = statements.GroupBy(Side)
            .OrderBy(g => principalCountries.IndexOf(g.Key) is var i && i >= 0 ? i : principalCountries.Count + (g.Key == "both sides" ? 0 : 1))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        sb.Append("""<div class="sides">""");
        foreach (var side in sides)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<div class="side"><h3>{E(side.Key)}</h3>""");
            var byTopic = side.SelectMany(s => (s.Topics.Count == 0 ? ["general"] : s.Topics).Select(t => (Topic: t, Statement: s)))
                .GroupBy(x => x.Topic).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            var first = true;
            foreach (var topic in byTopic)
            {
                // one topic open per side keeps the page short; the others open with a click, without script
                sb.Append(CultureInfo.InvariantCulture, $"""<details class="topic"{(first ? " open" : "")}><summary>{E(topic.Key)} <span class="muted">({N(topic.Count())})</span></summary><ul>""");
                first = false;
                foreach (var (_, s) in topic)
                {
                    var who = string.Join(", ", s.Speakers.Select(x => x.Name));
                    var code = s.Plover.Event is { } ev ? $""" <span class="code">{E(ev)}</span>""" : "";
                    sb.Append(CultureInfo.InvariantCulture, $"""<li><span class="speaker">{E(who)}</span> <span class="cue">{E(s.Cue)}</span>{code}: <q>{E(s.Text)}</q></li>""");
                }
                sb.Append("</ul></details>");
            }
            sb.Append("</div>");
        }
        return sb.Append("</div></section>").ToString();
    }

    private static string Sources(Interaction r, IStoreQueries store)
    {
        var sb = new StringBuilder($"""<section class="sources"><h2>Sources ({N(r.Sources.Count)})</h2><p class="legend">Evidence: """);
        foreach (var section in LegendSections)
            sb.Append(CultureInfo.InvariantCulture, $"""<mark class="ev ev-{section.Wire()}">{E(section.Wire())}</mark> """);
        sb.Append("</p>");
        var n = 0;
        foreach (var s in r.Sources)
        {
            n++;
            sb.Append(CultureInfo.InvariantCulture, $"""<article class="source" id="source-{N(n)}"><h3>{E(s.Title ?? s.Uri)}</h3><p class="meta">{SourceLink(s.Uri)}""");
            if (s.Published is not null) sb.Append(CultureInfo.InvariantCulture, $" · published {E(s.Published)}");
            sb.Append(CultureInfo.InvariantCulture, $" · content {E(s.ContentHash[..Math.Min(12, s.ContentHash.Length)])}");
            if (s.Family is { } f && f != s.ContentHash) sb.Append(CultureInfo.InvariantCulture, $" · copy of family {E(f[..Math.Min(12, f.Length)])}");
            sb.Append("</p>");
            var text = store.GetCleanText(s.ContentHash);
            sb.Append(text is null
                ? """<p class="empty">The text of this report is not stored.</p>"""
                : $"""<div class="source-text">{Highlight(text, s.Evidence)}</div>""");
            sb.Append("</article>");
        }
        return sb.Append("</section>").ToString();
    }

    /// <summary>
    /// The report's text with each evidence span marked. Spans may overlap (the interaction sentence holds
    /// the participants' names), so the text is cut at every span boundary and each piece is marked with
    /// the classes of all spans covering it. Every piece is escaped.
    /// </summary>
    internal static string Highlight(string text, IReadOnlyList<EvidenceSpan> evidence)
    {
        var spans = evidence.Select(e => (Start: Math.Clamp(e.Start, 0, text.Length), End: Math.Clamp(e.End, 0, text.Length), e.Field))
            .Where(e => e.End > e.Start).ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        var sb = new StringBuilder();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            int from = cuts[i], to = cuts[i + 1];
            var piece = E(text[from..to]);
            var covering = spans.Where(s => s.Start <= from && s.End >= to).ToList();
            if (covering.Count == 0) { sb.Append(piece); continue; }
            // in the order of their strings, as when fields were strings
            var sections = covering.Select(s => Codes.SectionOf(s.Field).Wire()).Distinct().Order(StringComparer.Ordinal).ToList();
            var fields = covering.Select(s => s.Field.Wire()).Distinct().Order(StringComparer.Ordinal);
            sb.Append(CultureInfo.InvariantCulture, $"""<mark class="ev {string.Join(" ", sections.Select(x => "ev-" + x))}" title="{E(string.Join(", ", fields))}">{piece}</mark>""");
        }
        return sb.ToString();
    }

    // ---- compare ----

    private static IResult ComparePage(string a, string b, IReadoutStores stores)
    {
        using var store = stores.OpenReader();
        var ra = ApiEndpoints.Resolve(store, a);
        var rb = ApiEndpoints.Resolve(store, b);
        var sa = store.Statements(ra.Id);
        var sb2 = store.Statements(rb.Id);
        string Title(Interaction r) => $"{r.Date ?? "undated"} {ModeLabel(r.Mode)}";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="lede">A: {InteractionLink(ra.Id, E(Title(ra)))} ({N(sa.Count)} statements) · B: {InteractionLink(rb.Id, E(Title(rb)))} ({N(sb2.Count)} statements)</p>""");
        var ta = sa.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var tb = sb2.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        sb.Append("""<section><h2>Topics</h2><table class="compare"><thead><tr><th>Topic</th><th class="num">A</th><th class="num">B</th><th></th></tr></thead><tbody>""");
        foreach (var t in ta.Keys.Union(tb.Keys).OrderByDescending(t => ta.GetValueOrDefault(t) + tb.GetValueOrDefault(t)).ThenBy(t => t, StringComparer.Ordinal))
        {
            int x = ta.GetValueOrDefault(t), y = tb.GetValueOrDefault(t);
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(t)}</td><td class="num">{N(x)}</td><td class="num">{N(y)}</td><td>{(x > 0 && y > 0 ? "both" : x > 0 ? "only A" : "only B")}</td></tr>""");
        }
        sb.Append("</tbody></table></section>");
        sb.Append("""<section><h2>By speaker</h2>""");
        foreach (var speaker in sa.Concat(sb2).SelectMany(s => s.Speakers.Select(x => x.Name)).Distinct().Order(StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<h3>{E(speaker)}</h3><div class="sides">""");
            foreach (var (label, list) in new[] { ("A", sa), ("B", sb2) })
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<div class="side"><h4>{label}</h4><ul>""");
                foreach (var s in list.Where(s => s.Speakers.Any(x => x.Name == speaker)))
                    sb.Append(CultureInfo.InvariantCulture, $"""<li><span class="muted">{E(string.Join(", ", s.Topics))}</span> <q>{E(s.Text)}</q></li>""");
                sb.Append("</ul></div>");
            }
            sb.Append("</div>");
        }
        sb.Append("</section>");
        return Page("Compare", sb.ToString(), "Compare two interactions");
    }

    // ---- dyad ----
}
