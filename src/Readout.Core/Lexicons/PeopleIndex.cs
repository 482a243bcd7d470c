using System.Collections.Frozen;
using System.Text;

namespace Readout.Lexicons;

/// <summary>What the text around a name says of the person: a country, an organisation, a title, the day.</summary>
/// <param name="Country">ISO3 of "of Japan", "Israeli", "Japan's" around the name.</param>
/// <param name="Organisation">"UN", "EU", "NATO" of "UN Secretary-General", "NATO's Secretary General".</param>
/// <param name="Title">The title written before the name ("Prime Minister", "Crown Prince").</param>
/// <param name="Role">The office the title stands for (head_of_government...), when the title says.</param>
public sealed record NameContext(string? Country = null, string? Organisation = null, string? Title = null, string? Role = null, DateOnly? Day = null)
{
    public static NameContext None { get; } = new();
}

/// <summary>A name resolved to a person of the knowledge base, with the tenure that fits the context.</summary>
/// <param name="Exact">The name as written is the person's canonical name or one of their aliases.</param>
public sealed record PersonMatch(Person Person, RoleTenure? Tenure, bool Exact);

/// <summary>
/// Finds people of the knowledge base by any form of their name: the canonical name or an alias
/// ("Zelensky", "Zelenskyy"), a fuller or shorter form ("Joseph R. Biden, Jr.", "Sheikh Tamim bin Hamad"),
/// the given name as a short form ("Jake" for Jacob), or the surname alone when a title or a country says
/// who is meant ("President Castro of Honduras"). Among several people the one the context fits wins: the
/// country, the title of the office, and holding it on the report's day.
/// </summary>
public sealed class PeopleIndex
{
    /// <summary>The folded words of a name that name no one ("bin", "de", "jr"): analyse_words.tsv.</summary>
    private readonly FrozenSet<string> _particles;

    private readonly Dictionary<string, List<(Person Person, bool Canonical)>> _byForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _bySurname = new(StringComparer.Ordinal);

    /// <summary>Countries whose people put the family name first: "Xi" is Xi Jinping, "Kim" Kim Jong Un.</summary>
    public static readonly IReadOnlySet<string> FamilyNameFirst = new HashSet<string>(StringComparer.Ordinal)
    {
        "CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "SGP",
    };
    private readonly Dictionary<string, string[][]> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _byId = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _givenNames;

    public PeopleIndex(IReadOnlyList<Person> people, IReadOnlyDictionary<string, string> givenNames, AnalyseLexicon words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _givenNames = givenNames;
        _particles = words.IndexParticles;
        foreach (var p in people)
        {
            var forms = new List<string[]>();
            foreach (var (form, canonical) in new[] { (p.Name, true) }.Concat(p.Aliases.Select(a => (a, false))))
            {
                var tokens = Tokens(form);
                if (tokens.Length == 0) continue;
                var key = string.Join(' ', tokens);
                if (!_byForm.TryGetValue(key, out var list)) _byForm[key] = list = [];
                if (!list.Any(x => ReferenceEquals(x.Person, p))) list.Add((p, canonical));
                forms.Add(tokens);
                foreach (var t in tokens.Where(Significant).Distinct()) AddTo(_byToken, t, p);
                // the words a surname alone may be: the last of a form ("Kishida"), its only one, the first
                // of a family-name-first name ("Xi")
                var significant = tokens.Where(Significant).ToArray();
                if (significant.Length > 0)
                {
                    AddTo(_bySurname, significant[^1], p);
                    if (p.Tenures.Any(t => t.Country is { } c && FamilyNameFirst.Contains(c))) AddTo(_bySurname, significant[0], p);
                }
            }
            _forms[Key(p)] = forms.ToArray();
            _byId.TryAdd(Key(p), p);
        }
    }

    private static string Key(Person p) => p.Id ?? p.Name;

    /// <summary>
    /// Whether a name ends with one of the person's family names, not with given names alone: "Ms. Jean-Pierre"
    /// (Karine Jean-Pierre) is not Jean-Pierre Bemba, "Sherwood-Randall" is Liz Sherwood-Randall.
    /// </summary>
    private bool EndsWithSurname(Person p, string[][] forms, string last) =>
        forms.Any(f => f.Where(Significant).ToArray() is { Length: > 0 } sig
            && (sig[^1] == last || (sig[0] == last && p.Tenures.Any(t => t.Country is { } c && FamilyNameFirst.Contains(c)))));

    private static void AddTo(Dictionary<string, List<Person>> index, string token, Person p)
    {
        if (!index.TryGetValue(token, out var list)) index[token] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], p)) list.Add(p);
    }

    /// <summary>A person by id (<see cref="Person.Id"/>, or the canonical name for people without one).</summary>
    public Person? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// A name's tokens as the index compares them: folded, hyphens, periods and commas as spaces, the given
    /// names of one person reduced to one form ("jake" → "jacob").
    /// </summary>
    public string[] Tokens(string name)
    {
        var folded = Lexicon.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded) sb.Append(c is '-' or '.' or ',' or '\'' ? ' ' : c);
        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (_givenNames.TryGetValue(tokens[i], out var same)) tokens[i] = same;
            else tokens[i] = SlavicEnding(tokens[i]);
        }
        return tokens;
    }

    /// <summary>
    /// One spelling of the ending that English transliterations of Ukrainian and Russian names write as -iy, -yy,
    /// -ii or -y (Zelenskiy, Zelenskyy, Zelensky; Dmitriy, Dmitry; Yuriy, Yury): -y.
    /// </summary>
    private static string SlavicEnding(string token) =>
        token.Length >= 5 && (token.EndsWith("iy", StringComparison.Ordinal) || token.EndsWith("yy", StringComparison.Ordinal) || token.EndsWith("ii", StringComparison.Ordinal))
            ? token[..^2] + "y" : token;

    private bool Significant(string token) => token.Length >= 2 && !_particles.Contains(token);

    /// <summary>A word that joins or ends names without naming anyone: "bin", "al", "de", "Jr", "II".</summary>
    public bool IsParticle(string foldedToken) => _particles.Contains(foldedToken);

    /// <summary>
    /// The canonical names of the people one of whose names contains the term as whole words: "Zelenskiy"
    /// gives "Volodymyr Zelenskyy", "MBS" "Mohammed bin Salman". At most <paramref name="max"/>, none for a
    /// term that names too many people to be meant as one ("Kim").
    /// </summary>
    public IReadOnlyList<string> NamesFor(string term, int max = 20)
    {
        var tokens = Tokens(term);
        if (tokens.Length == 0) return [];
        var key = " " + string.Join(' ', tokens) + " ";
        var pool = tokens.Where(Significant).Select(t => _byToken.GetValueOrDefault(t) ?? []).OrderBy(l => l.Count).FirstOrDefault()
                   ?? (_byForm.TryGetValue(key.Trim(), out var exact) ? exact.Select(x => x.Person).ToList() : []);
        var names = pool.Where(p => _forms[Key(p)].Any(f => (" " + string.Join(' ', f) + " ").Contains(key, StringComparison.Ordinal)))
            .Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > max ? [] : names;
    }

    /// <summary>Whether any person of the knowledge base is known by this exact form.</summary>
    public bool IsKnownForm(string name) => _byForm.ContainsKey(string.Join(' ', Tokens(name)));

    /// <summary>Whether a single word is a significant part of anyone's name ("Kishida", "Castro").</summary>
    public bool IsNamePart(string word) => _byToken.ContainsKey(string.Join(' ', Tokens(word)));

    /// <summary>
    /// The person a name refers to, or null when no one fits or two fit equally well. A name of one word
    /// (a surname) is resolved only with a title or a country to go by.
    /// </summary>
    public PersonMatch? Resolve(string name, NameContext context)
    {
        var tokens = Tokens(name);
        if (tokens.Length == 0) return null;
        var significant = tokens.Where(Significant).ToArray();
        var candidates = new Dictionary<Person, (int Quality, bool Exact)>(ReferenceEqualityComparer.Instance);
        if (_byForm.TryGetValue(string.Join(' ', tokens), out var exact))
            // a one-word alias ("Duterte", "Lula") weighs little more than a surname: the office and day decide
            // between it and others of that surname ("Vice President Duterte" in 2023 is Sara, not Rodrigo)
            foreach (var (p, canonical) in exact) candidates[p] = (tokens.Length == 1 ? 12 : canonical ? 40 : 36, true);
        if ((candidates.Count == 0 || tokens.Length == 1) && significant.Length > 0)
        {
            var single = significant.Length == 1;
            // one written word that splits into several ("Jean-Pierre") stands for a family name ("Ms. Jean-Pierre")
            var oneWord = !name.AsSpan().Trim().Contains(' ');
            if (single && context.Country is null && context.Organisation is null && context.Title is null) return null;
            // every significant word of the name is in one of the person's forms ("Jacob Sullivan", "Kishida"),
            // or a form of two words or more lies wholly inside the name ("Joseph Robinette Biden")
            var pool = single ? _bySurname.GetValueOrDefault(significant[0]) ?? [] : significant.Select(t => _byToken.GetValueOrDefault(t) ?? []).OrderBy(l => l.Count).First();
            foreach (var p in pool)
            {
                var forms = _forms[Key(p)];
                if (!candidates.ContainsKey(p) && forms.Any(f => significant.All(f.Contains)) && (single || oneWord is false || EndsWithSurname(p, forms, significant[^1])))
                    candidates[p] = (single ? 10 : 30, false);
            }
            if (significant.Length >= 3)
                foreach (var p in significant.SelectMany(t => _byToken.GetValueOrDefault(t) ?? []).Distinct())
                    if (!candidates.ContainsKey(p) && _forms[Key(p)].Any(f => f.Count(Significant) >= 2 && f.Where(Significant).All(significant.Contains)))
                        candidates[p] = (26, false);
        }
        if (candidates.Count == 0) return null;

        PersonMatch? best = null; int bestScore = int.MinValue; var tie = false;
        foreach (var (p, (quality, isExact)) in candidates)
        {
            var (tenure, fit) = Fit(p, context);
            if (fit == int.MinValue) continue;
            // a surname alone, or a one-word alias ("Cooper" of the Bahamas' Chester Cooper), must belong to someone of
            // the country the text names, or to someone in office near the day whose post the title names
            // ("President Castro"; not "President Mohamed" for a crown prince, nor "Governor Cooper" of North Carolina)
            if (quality <= 12 && context.Country is null && context.Organisation is null && !Backed(tenure, context)) continue;
            var score = quality + fit;
            if (score > bestScore) { best = new PersonMatch(p, tenure, isExact); bestScore = score; tie = false; }
            else if (score == bestScore) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>
    /// How well a person fits the context, and the tenure that fits it best. int.MinValue when the text
    /// names a country or organisation the person never served.
    /// </summary>
    private static (RoleTenure? Tenure, int Score) Fit(Person p, NameContext c)
    {
        var tenures = p.Tenures.AsEnumerable();
        if (c.Country is not null || c.Organisation is not null)
        {
            var here = p.Tenures.Where(t => (c.Country is not null && t.Country == c.Country) || (c.Organisation is not null && t.Organisation == c.Organisation)).ToList();
            if (here.Count == 0) return (null, int.MinValue);
            tenures = here;
        }
        RoleTenure? best = null; var bestScore = int.MinValue;
        foreach (var t in tenures)
        {
            var score = c.Country is not null || c.Organisation is not null ? 8 : 0;
            if (c.Day is { } d)
            {
                var distance = t.DistanceTo(d);
                score += distance == 0 ? 12 : distance <= 366 ? 6 : distance <= 1830 ? 2 : 0;
            }
            if (c.Title is { } title && TitleFits(t.Title, title)) score += 5;
            else if (c.Role is { } role && role == t.Role) score += 4;
            score -= Person.RoleRank(t.Role) > 5 ? 1 : 0;
            if (score > bestScore || (score == bestScore && best is not null && Person.RoleRank(t.Role) < Person.RoleRank(best.Role)))
            {
                best = t; bestScore = score;
            }
        }
        return (best, bestScore);
    }

    /// <summary>Whether a name of one word is backed by the context: the person is in office near the day, under no title or one that fits the post or names the same office.</summary>
    private static bool Backed(RoleTenure? tenure, NameContext context)
    {
        return tenure is not null && context.Day is { } d && tenure.DistanceTo(d) <= 730
            && (context.Title is null || TitleFits(tenure.Title, context.Title) || context.Role == tenure.Role);
    }

    /// <summary>"President" fits the post "President" and "President of the European Council", not "Vice President".</summary>
    public static bool TitleFits(string post, string title)
    {
        // "Secretary-General" is the post "Secretary General of NATO"
        var p = Lexicon.Fold(post).Replace('-', ' ');
        var t = Lexicon.Fold(title).Replace("-elect", "", StringComparison.Ordinal).Replace('-', ' ').Trim();
        if (t.Length == 0) return false;
        var at = p.IndexOf(t, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = p[..at].TrimEnd();
            if (!(before.EndsWith("vice", StringComparison.Ordinal) || before.EndsWith("deputy", StringComparison.Ordinal)))
                return true;
            at = p.IndexOf(t, at + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
