using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>All curated linguistic knowledge, loaded once and shared read-only by every pipeline run.</summary>
public sealed class Lexicon
{
    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<Person> People { get; }
    public IReadOnlyList<Organisation> Organisations { get; }
    public IReadOnlyList<Venue> Venues { get; }
    public IReadOnlyList<City> Cities { get; }
    public IReadOnlyList<Title> Titles { get; }
    public IReadOnlyList<InteractionCue> Cues { get; }
    /// <summary>Word lists by category (attendance cues, future markers, name stop words...).</summary>
    public ILookup<string, string> Words { get; }
    public IReadOnlyList<StatementCue> StatementCues { get; init; } = [];
    public IReadOnlyList<PloverRule> PloverRules { get; init; } = [];
    public IReadOnlyList<EventVerb> EventVerbs { get; init; } = [];
    public IReadOnlyList<AgentWord> AgentWords { get; init; } = [];
    /// <summary>Governments' and organisations' web sites (publishers.tsv).</summary>
    public IReadOnlyList<Publisher> Publishers { get; init; } = [];
    /// <summary>The verbs that report speech, with the readers that read each (speech_verbs.tsv).</summary>
    public SharedWords SpeechVerbs { get; init; } = SharedWords.Empty("speech_verbs.tsv");
    /// <summary>The words for offices and their holders, with the readers that read each (role_words.tsv).</summary>
    public SharedWords RoleWords { get; init; } = SharedWords.Empty("role_words.tsv");

    private readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> _patterns = new();

    /// <summary>
    /// A reader's pattern built from this lexicon's word lists, compiled on the first ask and shared by every pipeline
    /// and document after it: a reader asks when it is made, never per document. It runs with the process's match
    /// timeout (Pipeline.TextLimits), as the lexicon's other patterns do, and compares case without a culture.
    /// </summary>
    public Regex Pattern(string pattern, RegexOptions options = RegexOptions.None) =>
        _patterns.GetOrAdd((pattern, options), k => PrecompiledPatterns.Build(k.Pattern, k.Options | RegexOptions.Compiled | RegexOptions.CultureInvariant));
    /// <summary>The figure extractor's words and patterns (figure_words.tsv, figure_patterns.tsv), compiled once per lexicon.</summary>
    public required FigureLexicon Figures { get; init; }
    /// <summary>Month and weekday names and the date patterns of the clean and analyse stages (dates_*.tsv).</summary>
    public required DateLexicon Dates { get; init; }
    /// <summary>The phrases of lines a reader skips (junk_lines_words.tsv, junk_lines_patterns.tsv).</summary>
    public required JunkLineLexicon JunkLines { get; init; }
    /// <summary>The speaker labels of transcripts (transcript_words.tsv, transcript_patterns.tsv).</summary>
    public required TranscriptLexicon Transcripts { get; init; }
    /// <summary>The grammar words of the sentence event coder (event_coder_words.tsv, event_coder_patterns.tsv).</summary>
    public required EventCoderLexicon EventCoder { get; init; }
    /// <summary>The analyse stage's word lists (analyse_words.tsv): the sentence splitter's abbreviations.</summary>
    public AnalyseLexicon Analyse { get; }
    /// <summary>The interaction, statement and attribution readers' words and patterns (extract_words.tsv, extract_patterns.tsv).</summary>
    public required ExtractLexicon Extract { get; init; }

    /// <summary>Which lexicon files these are ("lex-" and a short SHA-256 of them; see <see cref="LexiconLoader"/>), stored with every record they make.</summary>
    public string Version { get; init; } = "lex-unversioned";

    public PhraseMatcher<object> Gazetteer { get; }
    public IReadOnlyDictionary<string, Country> CountryByIso3 { get; }
    private readonly Dictionary<string, Country> _byDemonym = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(Person Person, RoleTenure Tenure)>> _byPlace = new(StringComparer.Ordinal);

    /// <summary>Every person of the knowledge base by any form of their name (see <see cref="PeopleIndex"/>).</summary>
    public PeopleIndex PeopleIndex { get; }

    public Lexicon(IReadOnlyList<Country> countries, IReadOnlyList<Person> people, IReadOnlyList<Organisation> orgs,
        IReadOnlyList<Venue> venues, IReadOnlyList<City> cities, IReadOnlyList<Title> titles,
        IReadOnlyList<InteractionCue> cues, ILookup<string, string> words, AnalyseLexicon analyse,
        IReadOnlyDictionary<string, string>? givenNames = null)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        Countries = countries; People = people; Organisations = orgs; Venues = venues; Cities = cities;
        Titles = titles; Cues = cues; Words = words; Analyse = analyse;
        CountryByIso3 = countries.ToDictionary(c => c.Iso3);

        // Priority decides between entries with the same surface: a venue name beats a city name
        // ("Presidential Palace"), a country beats a demonym-less city of the same spelling.
        var g = new PhraseMatcher<object>();
        foreach (var c in countries)
        {
            g.Add(c.Name, c, 50);
            foreach (var a in c.Aliases) g.Add(a, c, 50);
            foreach (var d in c.Demonyms) { g.Add(d, new Demonym(d, c), 40); _byDemonym.TryAdd(d, c); }
            g.Add(c.Capital, new City(c.Capital, c.CapitalAliases, c.Iso3), 45);
            foreach (var a in c.CapitalAliases) g.Add(a, new City(c.Capital, c.CapitalAliases, c.Iso3), 45);
        }
        foreach (var city in cities)
        {
            g.Add(city.Name, city, 44);
            foreach (var a in city.Aliases) g.Add(a, city, 44);
        }
        foreach (var o in orgs)
        {
            g.Add(o.Name, o, 55);
            foreach (var a in o.Aliases) g.Add(a, o, 55);
        }
        foreach (var v in venues)
        {
            g.Add(v.Name, v, 60);
            foreach (var a in v.Aliases) g.Add(a, v, 60);
        }
        PeopleIndex = new PeopleIndex(people, givenNames ?? new Dictionary<string, string>(), analyse);
        // full names go into the gazetteer; a surname alone ("Harris", "Castro") names someone only with a
        // title or a country around it, or after the full name, which the mention finder decides
        foreach (var p in people)
        {
            if (IsFullName(p.Name)) g.Add(p.Name, p, 70);
            foreach (var a in p.Aliases) if (IsFullName(a)) g.Add(a, p, 65);
            foreach (var t in p.Tenures)
            {
                var place = t.Country ?? t.Organisation;
                if (place is null) continue;
                if (!_byPlace.TryGetValue(place, out var list)) _byPlace[place] = list = [];
                list.Add((p, t));
            }
        }
        foreach (var t in titles) g.Add(t.Text, t, 30, anyCase: true);
        Gazetteer = g;
    }

    /// <summary>Two words of a name that are not particles ("Xi Jinping", "Kim Jong-un"), or a regnal name ("Abdullah II").</summary>
    private bool IsFullName(string form)
    {
        var tokens = PeopleIndex.Tokens(form);
        return tokens.Count(t => t.Length >= 2 && !PeopleIndex.IsParticle(t)) >= 2
               || (tokens.Length == 2 && tokens[1] is "ii" or "iii" or "iv" or "vi" or "vii" or "viii" or "ix" or "x" or "xi" or "xvi");
    }


    public Country? CountryByDemonym(string demonym) => _byDemonym.GetValueOrDefault(demonym);

    /// <summary>Who held a role in a country on a day: "the Russian president" on 2021-06-16.</summary>
    public Person? HolderOf(string country, string role, DateOnly? day) => HolderOf(country, null, role, day);

    /// <summary>
    /// Who held an office of a country or organisation (UN, EU...) on a day. The title the text uses
    /// decides first ("the Iranian President" is Iran's President, not its Supreme Leader), else the office.
    /// </summary>
    public Person? HolderOf(string place, string? title, string? role, DateOnly? day)
    {
        if (day is not { } d || !_byPlace.TryGetValue(place, out var tenures)) return null;
        var held = tenures.Where(x => x.Tenure.HeldOn(d)).ToList();
        if (title is not null)
        {
            var byTitle = held.Where(x => PeopleIndex.TitleFits(x.Tenure.Title, title)).Select(x => x.Person).Distinct().ToList();
            if (byTitle.Count > 1 && role is not null)
                byTitle = held.Where(x => PeopleIndex.TitleFits(x.Tenure.Title, title) && x.Tenure.Role == role).Select(x => x.Person).Distinct().ToList();
            if (byTitle.Count == 1) return byTitle[0];
            if (byTitle.Count > 1) return null;
        }
        if (role is null) return null;
        var byRole = held.Where(x => x.Tenure.Role == role).Select(x => x.Person).Distinct().ToList();
        return byRole.Count == 1 ? byRole[0] : null;
    }

    public IEnumerable<string> WordList(string category) => Words[category];

    /// <summary>
    /// The state (ISO3) or organisation a report's address speaks for: a site of publishers.tsv or one of its
    /// subdomains, else a government's domain by its country code ("mfa.gov.sg", "diplomatie.gouv.fr"); null for
    /// anything else (news sites, files).
    /// </summary>
    public string? PublisherOf(string? address)
    {
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.Host.ToLowerInvariant();
        Publisher? best = null;
        foreach (var p in Publishers)
            if ((host == p.Host || host.EndsWith("." + p.Host, StringComparison.Ordinal)) && (best is null || p.Host.Length > best.Host.Length)) best = p;
        if (best is not null) return best.Place;
        var labels = host.Split('.');
        if (labels.Length >= 3 && labels[^2] is "gov" or "gouv" or "gob" or "go" or "govt" or "gv" && labels[^1].Length == 2)
        {
            var iso2 = labels[^1].ToUpperInvariant() is "UK" ? "GB" : labels[^1].ToUpperInvariant();
            return Countries.FirstOrDefault(c => c.Iso2 == iso2)?.Iso3;
        }
        return null;
    }

    /// <summary>
    /// Lower case without diacritics: "Niinistö" and "Niinisto", "Støre" and "Store", "Tayyıp" and "Tayyip"
    /// compare equal. Letters that no decomposition reduces (ø, ı, ł, đ, ß, æ, œ) are spelled as English
    /// text writes them. Characters that cannot be normalised (lone surrogates, non-characters) are kept.
    /// </summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (Ascii.IsValid(s)) return s.ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (ch < 128) { sb.Append(char.ToLowerInvariant(ch)); continue; }
            var lower = char.ToLowerInvariant(ch);
            var plain = lower switch
            {
                'ø' => "o", 'ı' => "i", 'ł' => "l", 'đ' => "d", 'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'þ' => "th", 'ð' => "d", 'ħ' => "h",
                '’' or '‘' or 'ʼ' => "'", '–' or '—' or '‐' or '‑' => "-",
                _ => null,
            };
            if (plain is not null) { sb.Append(plain); continue; }
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;   // decomposed text: "o" + U+0308
            if (!HasDecomposition(lower)) { sb.Append(lower); continue; }
            foreach (var d in lower.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) sb.Append(d);
        }
        return sb.ToString();
    }

    /// <summary>Latin, Greek and Cyrillic letters with diacritics: the only ones worth decomposing (and never a surrogate or non-character).</summary>
    private static bool HasDecomposition(char c) => c is >= '\u00C0' and <= '\u04FF' or >= '\u1E00' and <= '\u1FFF';
}

/// <summary>An adjective of nationality ("Russian", "Finnish") pointing at its country.</summary>
public sealed record Demonym(string Text, Country Country);
