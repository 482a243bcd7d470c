using System.Globalization;
using System.Text;

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
    public IReadOnlyList<EraAnchor> Anchors { get; }
    /// <summary>Word lists by category (attendance cues, future markers, name stop words...).</summary>
    public ILookup<string, string> Words { get; }
    public IReadOnlyList<StatementCue> StatementCues { get; init; } = [];
    public IReadOnlyList<PloverRule> PloverRules { get; init; } = [];
    public IReadOnlyList<EventVerb> EventVerbs { get; init; } = [];
    public IReadOnlyList<AgentWord> AgentWords { get; init; } = [];

    public PhraseMatcher<object> Gazetteer { get; }
    public IReadOnlyDictionary<string, Country> CountryByIso3 { get; }
    private readonly Dictionary<string, Country> _byDemonym = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Person> _byAlias = new(StringComparer.Ordinal);

    public Lexicon(IReadOnlyList<Country> countries, IReadOnlyList<Person> people, IReadOnlyList<Organisation> orgs,
        IReadOnlyList<Venue> venues, IReadOnlyList<City> cities, IReadOnlyList<Title> titles,
        IReadOnlyList<InteractionCue> cues, IReadOnlyList<EraAnchor> anchors, ILookup<string, string> words)
    {
        Countries = countries; People = people; Organisations = orgs; Venues = venues; Cities = cities;
        Titles = titles; Cues = cues; Anchors = anchors; Words = words;
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
        foreach (var p in people)
        {
            g.Add(p.Name, p, 70);
            _byAlias.TryAdd(Fold(p.Name), p);
            foreach (var a in p.Aliases) { g.Add(a, p, 65); _byAlias.TryAdd(Fold(a), p); }
        }
        foreach (var t in titles) g.Add(t.Text, t, 30);
        Gazetteer = g;
    }

    public Country? CountryByDemonym(string demonym) => _byDemonym.GetValueOrDefault(demonym);

    public Person? PersonByAlias(string alias) => _byAlias.GetValueOrDefault(Fold(alias));

    /// <summary>Who held a role in a country on a day: "the Russian president" on 2021-06-16.</summary>
    public Person? HolderOf(string country, string role, DateOnly? day)
    {
        var candidates = People.Where(p => p.Tenures.Any(t => t.Country == country && t.Role == role)).ToList();
        if (day is { } d)
            return candidates.FirstOrDefault(p => p.Tenures.Any(t => t.Country == country && t.Role == role && t.HeldOn(d)));
        return null;
    }

    public IEnumerable<string> WordList(string category) => Words[category];

    /// <summary>Lower case without diacritics: "Niinistö" and "Niinisto" compare equal.</summary>
    public static string Fold(string s)
    {
        var ascii = true;
        foreach (var ch in s) if (ch >= 128) { ascii = false; break; }
        if (ascii) return s.ToLowerInvariant();
        // Normalize refuses lone surrogates (a split emoji) and noncharacters such as U+FFFE: they hold
        // no letters to fold, so they are left out rather than failing the whole text.
        var d = WithoutUnnormalisable(s).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var ch in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch { '’' or '‘' => '\'', '–' or '—' => '-', _ => char.ToLowerInvariant(ch) });
        }
        return sb.ToString();
    }

    private static string WithoutUnnormalisable(string s)
    {
        var span = s.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && span.IndexOfAnyInRange('\uFDD0', '\uFDEF') < 0
            && span.IndexOfAny('\uFFFE', '\uFFFF') < 0)
            return s;
        var sb = new StringBuilder(s.Length);
        foreach (var rune in EnumerateValidRunes(s))
            if (!IsNoncharacter(rune.Value)) sb.Append(rune.ToString());
        return sb.ToString();
    }

    private static IEnumerable<Rune> EnumerateValidRunes(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var status = Rune.DecodeFromUtf16(s.AsSpan(i), out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done) yield return rune;
            i += Math.Max(used, 1);
        }
    }

    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
}

/// <summary>An adjective of nationality ("Russian", "Finnish") pointing at its country.</summary>
public sealed record Demonym(string Text, Country Country);
