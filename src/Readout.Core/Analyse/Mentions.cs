using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

public enum MentionKind { Lexicon, Titled, Named, Surname, Role }

/// <summary>A mention of a person with what is known of them: canonical name, country, role.</summary>
public sealed record PersonMention(TextSpan Span, string Name, string? Country, string? Role, MentionKind Kind);

/// <summary>A place: a city ("Geneva"), a venue ("Villa La Grange") or a country.</summary>
public sealed record PlaceMention(TextSpan Span, string Kind, string Name, string? City, string? Country);

/// <summary>The document's entity layer: every person and place mention, in text order.</summary>
public sealed record MentionLayer(IReadOnlyList<PersonMention> People, IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<PhraseMatcher<object>.Match> Matches);

/// <summary>
/// Finds people and places. Lexicon entries give canonical names and dated roles; people missing from
/// the lexicon are still found from a title ("Prime Minister Ulf Kristersson of Sweden"), from an
/// official's role word, or from a list of names in an attendance sentence, and later mentions by
/// surname ("Kristersson", "Mr Lee") are tied back to them.
/// </summary>
public sealed partial class MentionFinder(Lexicon lexicon)
{
    private readonly HashSet<string> _stop = new(lexicon.WordList("name_stop"), StringComparer.Ordinal);
    private readonly Regex _attendance = new(string.Join("|", lexicon.WordList("attendance")), RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [GeneratedRegex(@"\b(minister|official|adviser|advisor|spokesman|spokeswoman|spokesperson|aide|ambassador|chairman|vice-chairman|secretary|leader|president|premier|envoy|counterpart|commissioner|director|deputy|governor|mayor|general|staff|chief|head|councilor|councillor|king|prince|emir)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWordBefore();

    [GeneratedRegex(@"^\s+of\s+(the\s+)?")]
    private static partial Regex OfThe();

    public bool IsAttendance(string sentence) => _attendance.IsMatch(sentence);

    public MentionLayer Find(string text, IReadOnlyList<Sentence> sentences, DateOnly? day)
    {
        var matches = lexicon.Gazetteer.FindAll(text);
        var people = new List<PersonMention>();
        var places = new List<PlaceMention>();
        var covered = new CoveredText(text.Length);
        foreach (var m in matches)
        {
            var span = new TextSpan(m.Start, m.End);
            switch (m.Value)
            {
                case Person p:
                    // "Manuel Johnson" is not Boris Johnson: a bare surname right after another name word is someone else's
                    if (!m.Start.Equals(0) && IsSurnameOnly(p, text, m) && PrecededByNameWord(text, m.Start)) break;
                    var tenure = p.TenureOn(day);
                    people.Add(new PersonMention(span, p.Name, tenure?.Country, tenure?.Role, MentionKind.Lexicon));
                    covered.Add(span);
                    break;
                case Venue v:
                    places.Add(new PlaceMention(span, "venue", v.Name, v.City, v.Country)); covered.Add(span); break;
                case City c:
                    places.Add(new PlaceMention(span, "city", c.Name, c.Name, c.Country)); covered.Add(span); break;
                case Country when m.End < text.Length && text[m.End] == '$':
                    covered.Add(span); break;   // "US$100 billion" is money, not the United States
                case Country c:
                    // a city-state's name is also its city ("landing in Singapore")
                    var cityState = Lexicon.Fold(c.Capital) == Lexicon.Fold(c.Name);
                    places.Add(new PlaceMention(span, cityState ? "city" : "country", c.Name, cityState ? c.Capital : null, c.Iso3)); covered.Add(span); break;
                default:
                    covered.Add(span); break;
            }
        }

        // names outside the lexicon
        var tokens = PhraseMatcher<object>.Tokenize(text);
        var known = people.Select(p => p.Name).Distinct().ToList();
        // surname keys, each usable only after the full name has appeared
        var aliases = new Dictionary<string, (string Name, string? Country, string? Role, int From)>(StringComparer.Ordinal);
        foreach (var p in people)
            foreach (var part in SurnameKeys(p.Name))
                aliases.TryAdd(part, (p.Name, p.Country, p.Role, p.Span.End));
        var sentenceOf = new int[text.Length + 1];
        foreach (var s in sentences) for (int i = s.Span.Start; i < s.Span.End; i++) sentenceOf[i] = s.Index;

        for (int i = 0; i < tokens.Count; i++)
        {
            if (covered[tokens[i].Start]) continue;
            if (!IsNameToken(tokens[i].Text)) continue;
            // a run of capitalised name tokens, separated by single spaces
            int j = i;
            while (j + 1 < tokens.Count && j - i < 3 && IsNameToken(tokens[j + 1].Text) && tokens[j + 1].Start - tokens[j].End == 1 && text[tokens[j].End] == ' '
                   && !covered[tokens[j + 1].Start]) j++;
            var span = new TextSpan(tokens[i].Start, tokens[j].End);
            var surface = text[span.Start..span.End];
            var sentence = sentences[sentenceOf[span.Start]];
            var before = text[Math.Max(sentence.Span.Start, span.Start - 40)..span.Start];
            var title = TitleBefore(matches, span.Start);
            var precededByTitle = title is not null && title.Start >= sentence.Span.Start;
            var honorific = Regex.IsMatch(before, @"\b(Mr|Mrs|Ms|Dr|Sir|Madam)\.?\s$");
            if (j > i && (precededByTitle || RoleWordBefore().IsMatch(before) || IsAttendance(sentence.Text) || Appositive(text, span.End)))
            {
                var (country, role) = ContextOf(text, matches, span, sentence);
                var t = title?.Value as Title;
                people.Add(new PersonMention(span, surface, country ?? t?.Country, t?.Role ?? role, MentionKind.Titled));
                foreach (var part in SurnameKeys(surface)) aliases.TryAdd(part, (surface, country ?? t?.Country, t?.Role ?? role, span.End));
                covered.Add(span);
                i = j;
                continue;
            }
            if (j == i || honorific)
            {
                // a single capitalised word (or Mr + word) naming someone already mentioned: "Tillerson", "Mr Lee"
                var key = Lexicon.Fold(tokens[i].Text);
                if (aliases.TryGetValue(key, out var who) && who.From <= tokens[i].Start && (honorific || !_stop.Contains(tokens[i].Text)))
                {
                    var sspan = new TextSpan(tokens[i].Start, tokens[i].End);
                    people.Add(new PersonMention(sspan, who.Name, who.Country, who.Role, MentionKind.Surname));
                    covered.Add(sspan);
                }
            }
            i = j;
        }
        people.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new MentionLayer(people, places, matches);
    }

    private static bool IsSurnameOnly(Person p, string text, PhraseMatcher<object>.Match m) =>
        !text.AsSpan(m.Start, m.End - m.Start).Contains(' ') && !p.Name.Equals(text[m.Start..m.End], StringComparison.OrdinalIgnoreCase);

    private bool PrecededByNameWord(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ') return false;
        var s = start - 1;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '-')) s--;
        var word = text[s..(start - 1)];
        return IsNameToken(word) && lexicon.Gazetteer.FindAll(word).Count == 0;
    }

    /// <summary>The title match ending just before a position ("Prime Minister| Ulf Kristersson"), found by binary search.</summary>
    private static PhraseMatcher<object>.Match? TitleBefore(List<PhraseMatcher<object>.Match> matches, int position)
    {
        int lo = 0, hi = matches.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (matches[mid].End <= position) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found >= 0 && matches[found].Value is Title && position - matches[found].End <= 2 ? matches[found] : null;
    }

    /// <summary>Which characters already belong to a mention.</summary>
    private sealed class CoveredText(int length)
    {
        private readonly bool[] _covered = new bool[length + 1];
        public bool this[int position] => _covered[position];
        public void Add(TextSpan span) => Array.Fill(_covered, true, span.Start, span.Length);
    }

    /// <summary>Keys a later mention may use for a person: the family name (last word, or first for names written family-first).</summary>
    private IEnumerable<string> SurnameKeys(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) yield break;
        // a family name that is also an English word ("He Lifeng") cannot be told from the word
        if (CommonWords.Contains(parts[0])) yield break;
        yield return Lexicon.Fold(parts[^1]);
        if (lexicon.PersonByAlias(parts[0]) is null && parts[0].Length <= 4) yield return Lexicon.Fold(parts[0]);
    }

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "we", "they", "his", "her", "an", "to", "in", "on", "at", "of", "by", "so", "no", "do", "as", "if", "or", "and", "the", "but", "for",
    };

    private bool IsNameToken(string t) =>
        t.Length >= 2 && char.IsUpper(t[0]) && !_stop.Contains(t) && t.Skip(1).Any(char.IsLower) && t.All(c => char.IsLetter(c) || c is '\'' or '-' or '’');

    private static bool Appositive(string text, int end) =>
        Regex.IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end)).ToString(), @"^, (the |a |an |first |former |senior |deputy |chief |[a-z]+ (minister|adviser|official|chairman|commissioner|secretary|spokesman))")
        // "Boris Titov, Russian Presidential Commissioner for ..., said"
        || Regex.IsMatch(text.AsSpan(end, Math.Min(120, text.Length - end)).ToString(), @"^, [^,.]{3,90}, (said|told|added|noted|says|stressed|argued)\b");

    /// <summary>The country of a titled name: "of Sweden" after it, or a demonym or "Sweden's" before the title.</summary>
    private (string? Country, string? Role) ContextOf(string text, List<PhraseMatcher<object>.Match> matches, TextSpan span, Sentence sentence)
    {
        var after = text[span.End..Math.Min(text.Length, span.End + 10)];
        var of = OfThe().Match(after);
        if (of.Success)
        {
            var next = matches.FirstOrDefault(m => m.Start == span.End + of.Length);
            if (next?.Value is Country c) return (c.Iso3, null);
        }
        var prior = matches.LastOrDefault(m => m.End <= span.Start && span.Start - m.End <= 40 && m.Start >= sentence.Span.Start && m.Value is Country or Demonym);
        if (prior is not null)
        {
            var between = text[prior.End..span.Start];
            if (!between.Contains(',') && !between.Contains(" and "))
                return (prior.Value is Country c2 ? c2.Iso3 : ((Demonym)prior.Value).Country.Iso3, null);
        }
        return (null, null);
    }
}
