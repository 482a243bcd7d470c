using Readout.Documents;
using Readout.Lexicons;
using Token = Readout.Lexicons.PhraseMatcher<object>.Token;

namespace Readout.Analyse;

/// <summary>
/// Later mentions of a person by one word: a surname or short form tied back to the person named in full
/// ("Kristersson", "Mr Lee", "Lula"), or a titled surname the knowledge base knows on the day.
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>
    /// Single words: a surname referring back to someone named in full ("Kristersson", "Mr Lee", "President
    /// Xi"), or, after a title, a person the knowledge base knows by that surname on the day ("President Castro
    /// of Honduras"), or whoever the title names when neither knows them ("King Philippe").
    /// </summary>
    private void AddSurnames(string text, List<Token> tokens, List<(NameRun Run, NameSurroundings Around)> singles,
        List<PersonMention> people, DateOnly? day)
    {
        var keys = new Dictionary<string, (PersonMention Who, int From)?>(StringComparer.Ordinal);
        foreach (var p in people.OrderBy(p => p.Span.Start))
            foreach (var key in SurnameKeys(p))
            {
                if (!keys.TryGetValue(key, out var had)) keys[key] = (p, p.Span.End);
                else if (had is { } h && h.Who.Name != p.Name)
                {
                    // two people share it: the one of higher office is meant ("Mr Kim" beside Kim Jong Un and his
                    // envoy Kim Yong Chol), else no one
                    var (a, b) = (Rank(h.Who), Rank(p));
                    keys[key] = a < b ? h : b < a ? (p, p.Span.End) : null;
                }
            }
        foreach (var (run, around) in singles)
        {
            var word = text[run.CharStart..run.CharEnd];
            var span = new TextSpan(run.CharStart, run.CharEnd);
            var titled = around.HasTitle || around.HasHonorific;
            // a headline names people by surname before the story names them in full
            var headline = text.IndexOf('\n') is var nl && (nl < 0 || run.CharStart < nl)
                && !text.AsSpan(0, nl < 0 ? text.Length : nl).TrimEnd().EndsWith(".");
            if (keys.TryGetValue(Lexicon.Fold(word), out var back) && back is { } b
                && (titled || ((b.From <= run.CharStart || headline) && !_stop.Contains(word))))
            {
                people.Add(b.Who with { Span = span, Kind = MentionKind.Surname, Written = word });
                continue;
            }
            if (!titled) continue;
            var match = _lexicon.PeopleIndex.Resolve(word, Context(around, day));
            if (match is not null)
            {
                var mention = FromMatch(span, match, word, MentionKind.Titled);
                people.Add(mention);
                // "President Biden" in the headline is who a later "President Biden" is, whatever follows it
                foreach (var key in SurnameKeys(mention).Append(Lexicon.Fold(word)))
                    keys.TryAdd(key, (mention, span.End));
            }
            else if (around.HasTitle && (around.Country is not null || around.Organisation is not null))
                people.Add(new PersonMention(span, word, around.Country, RoleOf(around), MentionKind.Titled)
                    { Organisation = around.Organisation, Written = word });
        }
    }

    private static int Rank(PersonMention p) => p.Role is null ? 9 : Person.RoleRank(p.Role);

    /// <summary>Words a later mention may use for a person: the family name, and the short forms the knowledge base
    /// knows ("Lula").</summary>
    private IEnumerable<string> SurnameKeys(PersonMention p)
    {
        foreach (var form in new[] { p.Name, p.Written }.Where(f => f is not null).Distinct())
        {
            var parts = form!.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 2 && char.IsUpper(w[0]) && w.Any(char.IsLower)).ToArray();
            if (parts.Length < 2) continue;
            // a family name that is also an English word ("He Lifeng") cannot be told from the word
            if (_lexicon.Analyse.SurnameCommonWords.Contains(parts[0])) continue;
            yield return Lexicon.Fold(parts[^1].TrimEnd(','));
            var hyphen = parts[^1].LastIndexOf('-');
            // "Al-Kadhimi" → "Kadhimi"
            if (hyphen > 0 && hyphen < parts[^1].Length - 2) yield return Lexicon.Fold(parts[^1][(hyphen + 1)..]);
            if (p.Country is { } c && PeopleIndex.FamilyNameFirst.Contains(c)) yield return Lexicon.Fold(parts[0]);
        }
        if (p.KbId is not null && _lexicon.PeopleIndex.ById(p.KbId) is { } person)
            foreach (var alias in person.Aliases.Where(a => !a.Contains(' ') && a.Length >= 3 && char.IsUpper(a[0]) && a.Any(char.IsLower)))
                yield return Lexicon.Fold(alias);
    }
}
