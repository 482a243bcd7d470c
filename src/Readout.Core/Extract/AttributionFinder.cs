using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Who said it, for statements and for figures alike: the speaker named after a reporting cue ("said Putin",
/// "according to the customs office"), the subject before it ("Xi Jinping stressed", "the Russian side noted",
/// "he said") and a sentence's closing attribution ("..., Putin added."). A statement wants its speakers as
/// actors (a person, a state, an organisation) and knows the paragraph's speaker; a figure wants its source as
/// written (<see cref="FigureSource"/>). The two entries keep the rules each was measured with, so that every
/// record stays as it was, and share the mention lookups at the end of this file.
/// </summary>
public sealed partial class AttributionFinder(Lexicon lexicon)
{
    /// <summary>
    /// The words and patterns of attribution (extract_words.tsv, extract_patterns.tsv): groups, pronouns, titles and
    /// speech verbs (the last two as role_words.tsv and speech_verbs.tsv give them), the prepositions and voices around a name.
    /// </summary>
    private readonly ExtractLexicon _x = lexicon.Extract;
    private readonly HashSet<string> _companySuffixes = new(lexicon.WordList("company_suffix"), StringComparer.Ordinal);

    /// <summary>"..., he said." or "..., Putin added." at the end of a sentence names its speaker.</summary>
    public List<Speaker>? Closing(AnalysedDocument doc, Sentence s, List<Speaker>? paragraphSpeaker, Speaker? lastPerson)
    {
        // only the sentence's tail can hold "..., Putin said."
        var tail = Math.Max(0, s.Text.Length - 160);
        var m = _x.Closing.Match(s.Text[tail..]);
        if (!m.Success) return null;
        var at = s.Span.Start + tail + m.Groups["who"].Index;
        var person = doc.Mentions.People.StartingIn(p => p.Span.Start, at, at + m.Groups["who"].Length)
            .FirstOrDefault(p => p.Span.End <= at + m.Groups["who"].Length);
        if (person is not null) return [Spoken(person)];
        if (_x.ThirdPerson.Contains(m.Groups["who"].Value.Trim())) return Antecedent(paragraphSpeaker, lastPerson);
        return null;
    }

    /// <summary>The speaker named between a clause's start and its cue: the mention nearest the cue.</summary>
    public List<Speaker>? Subject(AnalysedDocument doc, int from, int to,
        IReadOnlyList<Actor>? pair = null, List<Speaker>? paragraphSpeaker = null, Speaker? lastPerson = null)
    {
        if (to <= from) return null;
        var text = doc.Clean.Text;
        var window = text[from..to];
        var candidates = new List<(int At, List<Speaker> Who)>();
        foreach (var p in doc.Mentions.People.StartingIn(p => p.Span.Start, from, to).Where(p => p.Span.End <= to))
        {
            // "at President Putin's invitation": a possessive is not the subject
            if (p.Span.End + 2 <= text.Length && text[p.Span.End] is '\'' or '’' && text[p.Span.End + 1] == 's') continue;
            if (_x.PersonAfterPreposition.IsMatch(text[Math.Max(from, p.Span.Start - 60)..p.Span.Start])) continue;
            candidates.Add((p.Span.Start, [Spoken(p)]));
        }
        var dateline = doc.Clean.Dateline?.Span;
        foreach (var pl in doc.Mentions.Places.StartingIn(p => p.Span.Start, from, to).Where(p => p.Span.End <= to))
        {
            // "PARIS, June 18 - ... the OECD said": the dateline's city is where the report was filed, not who speaks
            if (dateline is { } dl && dl.Overlaps(pl.Span)) continue;
            if (InCompanyName(text, pl.Span.End)) continue;
            if (_x.PlaceAfterPreposition.IsMatch(text[Math.Max(from, pl.Span.Start - 8)..pl.Span.Start])) continue;
            var after = text[pl.Span.End..Math.Min(text.Length, pl.Span.End + 3)];
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal))
            {
                // "Russia's foreign ministry replied" speaks for the state; "China's position" does not
                if (!_x.StateVoice.IsMatch(text[pl.Span.End..Math.Min(text.Length, pl.Span.End + 40)])) continue;
            }
            // a capital speaks for its state ("Beijing said"); another city does not ("Commerce Bank-Houston said",
            // "1.25 times New York July, the trading house said")
            if (pl.Kind == PlaceKind.City && !IsCapital(pl)) continue;
            if (pl.Country is { } iso)
            {
                var name = lexicon.CountryByIso3.TryGetValue(iso, out var c) ? c.Iso3 : iso;
                candidates.Add((pl.Span.Start, [new Speaker(name, iso, SpeakerKind.State)]));
            }
        }
        foreach (Match m in _x.DemonymSide.Matches(window))
            if (lexicon.CountryByDemonym(m.Groups["dem"].Value) is { } c)
                candidates.Add((from + m.Index, [new Speaker(c.Iso3, c.Iso3, SpeakerKind.State)]));
        if (pair is not null && pair.Count >= 2)
        {
            var leaders = pair.All(a => a.Role is Office.HeadOfState or Office.HeadOfGovernment);
            foreach (Match m in _x.StateGroup.Matches(window))
                candidates.Add((from + m.Index, leaders && m.Groups["who"].Value.EndsWith("sides", StringComparison.OrdinalIgnoreCase)
                    ? pair.Select(Spoken).ToList()
                    : pair.Where(a => a.Country is not null).Select(a => new Speaker(a.Country!, a.Country, SpeakerKind.State))
                        .DistinctBy(x => x.Country).ToList()));
            foreach (Match m in _x.PersonGroup.Matches(window))
                candidates.Add((from + m.Index, pair.Select(Spoken).ToList()));
        }
        // "The Russian president said": the principal of that country (or the office holder on the day)
        foreach (Match m in _x.RoleReference.Matches(window))
        {
            var c = lexicon.CountryByDemonym(m.Groups["dem"].Value);
            if (c is null) continue;
            var holder = pair?.FirstOrDefault(a => a.Country == c.Iso3);
            var role = (m.Groups["role"].Value.StartsWith("prime", StringComparison.OrdinalIgnoreCase)
                ? Office.HeadOfGovernment : Office.HeadOfState).Wire();
            if (holder is not null) candidates.Add((from + m.Index, [Spoken(holder)]));
            else if (lexicon.HolderOf(c.Iso3, role, doc.Frame.Date) is { } p)
                candidates.Add((from + m.Index, [new Speaker(p.Name, c.Iso3, SpeakerKind.Person)]));
        }
        // "It was agreed that...": the principals together
        if (pair is { Count: >= 2 } && _x.ItWas.IsMatch(window))
            candidates.Add((from, pair.Select(Spoken).ToList()));
        // "In his opening remarks Prime Minister noted": an office without a name is the principal holding it
        foreach (Match m in _x.BareTitle.Matches(window))
        {
            var role = m.Groups["t"].Value.StartsWith("President", StringComparison.OrdinalIgnoreCase)
                ? Office.HeadOfState : Office.HeadOfGovernment;
            var at = from + m.Index + m.Length;
            if (doc.Mentions.People.StartingIn(p => p.Span.Start, at, at + 3).Any()) continue;   // "President Xi" is a name
            var holder = pair?.FirstOrDefault(a => a.Role == role);
            if (holder is not null) candidates.Add((from + m.Index, [Spoken(holder)]));
        }
        foreach (Match m in _x.SpeakerPronoun.Matches(window))
        {
            if (m.Value is "his" or "her") continue;
            if (Antecedent(paragraphSpeaker, lastPerson) is { } who) candidates.Add((from + m.Index, who));
        }
        return candidates.Count == 0 ? null : Nearest(text, candidates);
    }

    /// <summary>
    /// The candidate nearest the cue; "Russia and China agreed", "Mr Putin and Mr Xi spoke of": a coordinated subject
    /// is all of them.
    /// </summary>
    private List<Speaker> Nearest(string text, List<(int At, List<Speaker> Who)> candidates)
    {
        var ordered = candidates.OrderBy(c => c.At).ToList();
        var chosen = ordered[^1];
        if (ordered.Count >= 2 && ordered[^2].At < chosen.At && chosen.Who.Count > 0)
        {
            var prev = ordered[^2];
            var prevEnd = prev.At + 1;
            while (prevEnd < chosen.At && (char.IsLetterOrDigit(text[prevEnd]) || text[prevEnd] is '.' or '\'' or '-')) prevEnd++;
            var between = text[prevEnd..chosen.At];
            if (_x.JoinedByTitle.IsMatch(between)
                && prev.Who.All(w => w.Kind == chosen.Who[0].Kind))
                return prev.Who.Concat(chosen.Who).DistinctBy(w => w.Name).ToList();
        }
        return chosen.Who;
    }

    /// <summary>
    /// Whether the place that ends at <paramref name="end"/> is inside a company's name: up to three capitalised words
    /// after it and then a company suffix ("BP North America Inc said", "United States Lines Inc", "Cargill U.K. Ltd's
    /// plant"). On the Reuters wires about 200 statements of companies were read as their country's.
    /// </summary>
    private bool InCompanyName(string text, int end)
    {
        var at = end;
        for (var words = 0; words < 4; words++)
        {
            var start = at;
            while (start < text.Length && text[start] is ' ' or '\n') start++;
            if (start == at && words > 0) return false;
            var stop = start;
            while (stop < text.Length && (char.IsLetterOrDigit(text[stop]) || text[stop] is '.' or '&' or '-')) stop++;
            if (stop == start) return false;
            if (_companySuffixes.Contains(text[start..stop].TrimEnd('.'))) return true;
            if (!char.IsUpper(text[start])) return false;
            at = stop;
        }
        return false;
    }

    private bool IsCapital(PlaceMention city) =>
        city.Country is { } iso && lexicon.CountryByIso3.TryGetValue(iso, out var country)
        && (country.Capital == city.Name || country.CapitalAliases.Contains(city.Name));

    /// <summary>
    /// "said Putin", "according to the General Administration of Customs": the speaker named right after a speech
    /// cue that ends at <paramref name="cueEnd"/> (an offset in the sentence).
    /// </summary>
    public List<Speaker>? After(AnalysedDocument doc, Sentence s, int cueEnd, string cueText)
    {
        var from = s.Span.Start + cueEnd;
        var to = Math.Min(s.Span.End, from + 60);
        var text = doc.Clean.Text;
        if (cueText.Equals("according to", StringComparison.OrdinalIgnoreCase))
        {
            var next = doc.Mentions.Matches.StartingIn(m => m.Start, from, to)
                .FirstOrDefault(m => m.Value is Organisation or Person or Country or City);
            return next?.Value switch
            {
                Organisation o => [new Speaker(o.Name, null, SpeakerKind.Organisation)],
                Person p => [new Speaker(p.Name, p.TenureOn(doc.Frame.Date)?.Country, SpeakerKind.Person)],
                Country c => [new Speaker(c.Iso3, c.Iso3, SpeakerKind.State)],
                City c => [new Speaker(c.Country, c.Country, SpeakerKind.State)],
                _ => null,
            };
        }
        var institution = doc.Mentions.Matches.StartingIn(m => m.Start, from, to).FirstOrDefault(m => m.Value is Venue or Organisation);
        if (institution is not null && _x.InstitutionVoice.IsMatch(text[from..institution.Start]))
            return institution.Value switch
            {
                Venue v => [new Speaker(v.Country, v.Country, SpeakerKind.State)],
                Organisation o => [new Speaker(o.Name, null, SpeakerKind.Organisation)],
                _ => null,
            };
        var person = PersonStartingIn(doc, from, Math.Min(to, from + 25));
        if (person is not null && _x.TitleBeforeName.IsMatch(text[from..person.Span.Start])
            && !(person.Span.End < text.Length && text[person.Span.End] is '\'' or '’'))
            return [Spoken(person)];
        return null;
    }

    // ---- shared by both entries ------------------------------------------------------------------------

    /// <summary>The first person named from <paramref name="from"/> on, before <paramref name="to"/> (mentions are in
    /// text order).</summary>
    private static PersonMention? PersonStartingIn(AnalysedDocument doc, int from, int to) =>
        doc.Mentions.People.StartingIn(p => p.Span.Start, from, to).FirstOrDefault();

    /// <summary>Where the text before <paramref name="at"/> stops being white space, going back no further than
    /// <paramref name="limit"/>.</summary>
    private static int SkipSpaceBack(string text, int limit, int at)
    {
        while (at > limit && char.IsWhiteSpace(text[at - 1])) at--;
        return at;
    }

    /// <summary>"he said" inside a speech: the paragraph's one speaker, else the person last quoted.</summary>
    private static List<Speaker>? Antecedent(List<Speaker>? paragraphSpeaker, Speaker? lastPerson) =>
        paragraphSpeaker is { Count: 1 } ? paragraphSpeaker : lastPerson is not null ? [lastPerson] : null;

    private static Speaker Spoken(PersonMention p) => new(p.Name, p.Country, SpeakerKind.Person);

    private static Speaker Spoken(Actor a) => new(a.Name, a.Country, SpeakerKind.Person);
}
