using System.Collections.Frozen;
using Readout.Lexicons;
using Match = Readout.Lexicons.PhraseMatcher<object>.Match;
using Token = Readout.Lexicons.PhraseMatcher<object>.Token;

namespace Readout.Analyse;

/// <summary>What the words around a name say of the person: their title and whose office it is.</summary>
/// <param name="Title">The office title right before the name ("Prime Minister"), null for none.</param>
/// <param name="Role">The office the title stands for; "honorific" when only a form of address is written.</param>
/// <param name="Start">Where the title phrase begins (the name's own start when there is none).</param>
public sealed record NameSurroundings(string? Title, string? Role, string? Country, string? Organisation, int Start)
{
    public bool HasTitle => Title is not null;
    public bool HasHonorific { get; init; }
    /// <summary>The country whose usage the title is ("Secretary of State", "Treasury Secretary": USA); <see cref="TitleReader.Read"/> takes it only when the text names none.</summary>
    internal string? UsageCountry { get; init; }
}

/// <summary>
/// Reads the title phrase before a name and the words after it, in the orders the world writes them:
/// "Prime Minister of the Republic of Armenia Nikol Pashinyan", "Japan's Prime Minister Fumio Kishida",
/// "Israeli National Security Advisor Dr. Eyal Hulata", "UN Secretary-General António Guterres",
/// "Nikol Pashinyan of Armenia", "Nikol Pashinyan, the Prime Minister of Armenia", "Kishida, Japan's
/// prime minister".
/// </summary>
public sealed class TitleReader(IReadOnlySet<string> officeWords, IEnumerable<string> headNouns, FrozenSet<string> connectors)
{
    /// <summary>
    /// Office words that name a post's holder ("Chief", "Head"), not the office ("Security", "Bureau"): role_words.tsv,
    /// use "head_noun", in title case as titles are written.
    /// </summary>
    private readonly HashSet<string> _headNouns = new(headNouns, StringComparer.Ordinal);

    /// <summary>Lower-case words inside a title phrase ("of", "the", "and"), compared with case: analyse_words.tsv.</summary>
    private readonly FrozenSet<string> _connectors = connectors;

    /// <summary>The context of the name whose first token is <paramref name="nameStart"/>.</summary>
    /// <param name="home">
    /// The country whose government publishes the report, or null. A title one country's usage gives ("Treasury
    /// Secretary") makes its holder that country's only where the text names no other country for them ("Argentine",
    /// "Argentina's", "of Argentina") and no other government publishes it: India's ministry writes "Commerce Secretary
    /// Sunil Barthwal" of India's.
    /// </param>
    public NameSurroundings Read(string text, IReadOnlyList<Token> tokens, Match?[] matchAt, int nameStart, int nameEnd, string? home = null)
    {
        var before = Before(text, tokens, matchAt, nameStart);
        var (afterCountry, afterOrg, afterTitle) = After(text, tokens, matchAt, nameEnd);
        var org = before.Organisation ?? afterOrg;
        var country = before.Country ?? afterCountry
            ?? (before.Organisation is null && (home is null || home == before.UsageCountry) ? before.UsageCountry : null);
        var title = before.Title;
        var role = before.Role;
        if (title is null && afterTitle is Title t) { title = t.Text; role = t.Role; }
        return new NameSurroundings(title, role, country, org, before.Start) { HasHonorific = before.HasHonorific };
    }

    /// <summary>Walks back from the name over honorifics, then over the title phrase and whose it is.</summary>
    private NameSurroundings Before(string text, IReadOnlyList<Token> tokens, Match?[] matchAt, int nameStart)
    {
        int k = nameStart - 1;
        var honorific = false;
        var start = tokens[nameStart].Start;
        // "Dr.", "His Majesty", "Sheikh", and an appositive comma: "Israel's prime minister, Naftali Bennett"
        while (k >= 0)
        {
            if (tokens[k].Text == "." && k > 0 && matchAt[k - 1]?.Value is Title { Role: Title.Honorific }) { k--; continue; }
            if (matchAt[k]?.Value is Title { Role: Title.Honorific } h && Adjacent(text, tokens, k, k + 1))
            {
                honorific = true; start = tokens[TokenOf(tokens, matchAt[k]!.Start, k)].Start;
                k = TokenOf(tokens, matchAt[k]!.Start, k) - 1;
                continue;
            }
            break;
        }
        if (k >= 1 && tokens[k].Text == "," && tokens[k + 1].Start - tokens[k].End == 1 && matchAt[k - 1]?.Value is Title { Role: not Title.Honorific }) k--;

        string? title = null, role = null, country = null, org = null, titleCountry = null, headNoun = null;
        int phraseStart = -1;
        for (int j = k; j >= 0 && k - j < 16; j--)
        {
            if (j < k && !Adjacent(text, tokens, j, j + 1) && !(tokens[j + 1].Text == "," && j + 2 <= k)) break;
            var m = matchAt[j];
            var w = tokens[j].Text;
            if (m is not null)
            {
                var first = TokenOf(tokens, m.Start, j);
                switch (m.Value)
                {
                    case Title { Role: not Title.Honorific } t:
                        // the highest office of a compound title names the role ("Deputy Prime Minister and Minister of Foreign Affairs")
                        if (title is null || Person.RoleRank(Rank(t.Role)) < Person.RoleRank(Rank(role!))) { title = text[m.Start..m.End]; role = t.Role; }
                        titleCountry ??= t.Country;   // "Secretary of State" is American unless the text says whose
                        break;
                    case Title: break;
                    case Country c: country ??= c.Iso3; break;
                    case Demonym d: country ??= d.Country.Iso3; break;
                    case Organisation o: org ??= o.Code ?? o.Name; break;
                    default: j = -1; continue;
                }
                phraseStart = first;
                j = first;
                continue;
            }
            if (officeWords.Contains(w) || _connectors.Contains(w) || w is "'" or "’" or "s" && Possessive(tokens, j))
            {
                if (_headNouns.Contains(w)) headNoun ??= w;
                phraseStart = j;
                continue;
            }
            // "Republic of Korea (ROK) National Security Advisor": an acronym in brackets inside the phrase
            if (w == ")" && j >= 2 && tokens[j - 2].Text == "(" && tokens[j - 1].Text.All(char.IsUpper)) { j -= 2; continue; }
            break;
        }
        // "Chief of the National Security Bureau of Poland": an office the lexicon has no title for, named by its head noun
        if (title is null && headNoun is not null && (country is not null || org is not null)) { title = headNoun; role = Official; }
        if (title is null) return new NameSurroundings(null, honorific ? Title.Honorific : null, null, null, start) { HasHonorific = honorific };
        // leading connectors and possessives are not part of the phrase
        while (phraseStart < k && (_connectors.Contains(tokens[phraseStart].Text) || tokens[phraseStart].Text is "'" or "’" or "s"))
            phraseStart++;
        // "Japan's Prime Minister": a country right before the phrase, by its possessive
        if (country is null && phraseStart >= 3 && tokens[phraseStart - 1].Text == "s" && tokens[phraseStart - 2].Text is "'" or "’"
            && matchAt[phraseStart - 3]?.Value is Country pc)
            country = pc.Iso3;
        return new NameSurroundings(title, role, country, org, tokens[Math.Max(0, phraseStart)].Start)
            { HasHonorific = honorific, UsageCountry = titleCountry };
    }

    /// <summary>An office as the knowledge base ranks it (<see cref="Person.RoleRank"/>): an official is its "other" post.</summary>
    private static string Rank(string role) => role == Official ? Person.OtherPost : role;

    private static readonly string Official = Extract.Codes.Office.Wire(Extract.Office.Official);

    /// <summary>"of Guatemala", "of the Republic of Korea", ", the Prime Minister of Armenia", ", Japan's prime minister".</summary>
    private (string? Country, string? Organisation, Title? Title) After(string text, IReadOnlyList<Token> tokens, Match?[] matchAt, int nameEnd)
    {
        int j = nameEnd;
        Title? title = null;
        if (j < tokens.Count && tokens[j].Text == "," && j + 1 < tokens.Count)
        {
            // an apposition: ", the TITLE of COUNTRY" or ", COUNTRY's TITLE"
            j++;
            if (j < tokens.Count && tokens[j].Text is "the" or "The") j++;
            var (c, o) = Owner(tokens, matchAt, ref j);
            var words = j;
            while (j < tokens.Count && matchAt[j] is null && officeWords.Contains(tokens[j].Text)) j++;   // ", Diplomatic Advisor ..."
            if (j < tokens.Count && matchAt[j]?.Value is Title { Role: not Title.Honorific } t)
            {
                title = t;
                j = TokenAfter(tokens, matchAt[j]!.End, j);
                while (j < tokens.Count && officeWords.Contains(tokens[j].Text)) j++;
                if (c is not null || o is not null) return (c, o, title);
                j = OverServedOffices(tokens, matchAt, j);
            }
            else if (j > words && j < tokens.Count && tokens[j].Text == "to") j = OverServedOffices(tokens, matchAt, j);
            else return (null, null, null);
        }
        if (j < tokens.Count && tokens[j].Text == "of")
        {
            j++;
            if (j < tokens.Count && tokens[j].Text is "the" or "The") j++;
            // "the Republic of", "The Commonwealth of The": words of a state's formal name, unless the
            // lexicon knows the formal name itself ("the Republic of Korea")
            while (j + 1 < tokens.Count && !(matchAt[j] is { } known && TokenOf(tokens, known.Start, j) == j)
                   && officeWords.Contains(tokens[j].Text) && tokens[j + 1].Text is "of")
            {
                j += 2;
                if (j < tokens.Count && tokens[j].Text is "the" or "The") j++;
            }
            if (j < tokens.Count && matchAt[j] is { } m && TokenOf(tokens, m.Start, j) == j)
                return m.Value switch
                {
                    Country c => (c.Iso3, null, title),
                    City city when title is not null => (city.Country, null, title),   // ", Crown Prince of Abu Dhabi"
                    Organisation o => (null, o.Code ?? o.Name, title),
                    _ => (null, null, title),
                };
        }
        return (null, null, title);
    }

    /// <summary>
    /// ", National Security Advisor to the Prime Minister of Sweden", ", Spokesperson and Chief Advisor to the President
    /// of Türkiye": the office an adviser serves says whose adviser it is; walks over "to", "and", "the", office words
    /// and further titles, and returns the token after the last title (or the start when there is none).
    /// </summary>
    private int OverServedOffices(IReadOnlyList<Token> tokens, Match?[] matchAt, int j)
    {
        for (var k = j; k < tokens.Count && k - j < 12;)
        {
            if (tokens[k].Text is "to" or "and" or "the" or "The" || (officeWords.Contains(tokens[k].Text) && matchAt[k] is null)) { k++; continue; }
            if (matchAt[k]?.Value is Title { Role: not Title.Honorific }) { k = TokenAfter(tokens, matchAt[k]!.End, k); j = k; continue; }
            break;
        }
        return j;
    }

    /// <summary>A country or organisation written before a title: "Japan's", "Israeli", "the UN".</summary>
    private static (string? Country, string? Organisation) Owner(IReadOnlyList<Token> tokens, Match?[] matchAt, ref int j)
    {
        if (j >= tokens.Count || matchAt[j] is not { } m) return (null, null);
        string? country = null, org = null;
        switch (m.Value)
        {
            case Country c: country = c.Iso3; break;
            case Demonym d: country = d.Country.Iso3; break;
            case Organisation o: org = o.Code ?? o.Name; break;
            default: return (null, null);
        }
        j = TokenAfter(tokens, m.End, j);
        if (j + 1 < tokens.Count && tokens[j].Text is "'" or "’" && tokens[j + 1].Text == "s") j += 2;
        return (country, org);
    }

    private static bool Possessive(IReadOnlyList<Token> tokens, int j) =>
        (tokens[j].Text == "s" && j > 0 && tokens[j - 1].Text is "'" or "’") || (tokens[j].Text is "'" or "’" && j + 1 < tokens.Count && tokens[j + 1].Text == "s");

    /// <summary>Two tokens separated by one space, a hyphen or nothing (a title phrase does not run across lines: the line before may be a headline).</summary>
    private static bool Adjacent(string text, IReadOnlyList<Token> tokens, int a, int b) =>
        tokens[b].Start - tokens[a].End <= 1 && (tokens[b].Start == tokens[a].End || text[tokens[a].End] is ' ' or '-' or '\u00A0');

    /// <summary>The first token of a match that covers token j.</summary>
    private static int TokenOf(IReadOnlyList<Token> tokens, int charStart, int j)
    {
        while (j > 0 && tokens[j].Start > charStart) j--;
        return j;
    }

    /// <summary>The first token at or after a character offset, searching from token j.</summary>
    private static int TokenAfter(IReadOnlyList<Token> tokens, int charEnd, int j)
    {
        while (j < tokens.Count && tokens[j].Start < charEnd) j++;
        return j;
    }
}
