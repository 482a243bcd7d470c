using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Offices written without a name, resolved to their holder: "the Russian president", "The American and
/// Russian presidents", "Presidents of Russia and Belarus", "The President met today with..." — the holder
/// the report names elsewhere, else the knowledge base's holder of that office on the day.
/// </summary>
public sealed partial class RoleReferences(Lexicon lexicon)
{
    /// <summary>An office written without a name: role_words.tsv, use "office", each form with the office it names.</summary>
    private readonly Regex _roleWord = lexicon.Pattern(@"\b(?<role>" + lexicon.RoleWords.Alternation(RoleUse.Office) + @")\b", RegexOptions.IgnoreCase);

    /// <summary>"the Russian president", "The American and Russian presidents", "Presidents of Russia and Belarus" → holders of the office on the day.</summary>
    public IEnumerable<PersonMention> Find(AnalysedDocument doc, Sentence s, List<PersonMention> named, DateOnly? day)
    {
        if (day is null) yield break;
        foreach (Match m in _roleWord.Matches(s.Text))
        {
            var start = s.Span.Start + m.Index;
            var end = start + m.Length;
            // an office followed by its holder's name is an apposition, not a reference
            if (named.Any(p => p.Span.Start >= end && p.Span.Start - end <= 3)) continue;
            var roleWord = m.Groups["role"].Value.ToLowerInvariant();
            // every form the pattern matches has a role; a letter that only matches by case folding ("ſ") reads as the
            // head of state, as the list's catch-all did before it was data
            var role = lexicon.RoleWords.RoleOf(roleWord) ?? Office.HeadOfState.Wire();
            // the office as a title: "presidents" → "President"
            var title = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(roleWord.EndsWith('s') && !roleWord.EndsWith("ss", StringComparison.Ordinal) ? roleWord[..^1] : roleWord);
            var countries = new List<string>();
            // countries just before: "the American and Russian presidents", "Finland's president"
            var cursor = start;
            PhraseMatcher<object>.Match? closer = null;
            foreach (var pm in doc.Mentions.Matches.Where(x => x.End <= start && start - x.End <= 40 && x.Start >= s.Span.Start).Reverse())
            {
                var between = doc.Clean.Text[pm.End..cursor];
                // "Cuban American leaders", "Arab-American leaders": a community of the United States, no state's leaders
                if (pm.Value is Demonym && closer?.Value is Demonym { Country.Iso3: "USA" } && between is " " or "-") { countries.Clear(); break; }
                if (!Regex.IsMatch(between, @"^(\s|'s|’s|,|and)*$")) break;
                if (pm.Value is Demonym dm) countries.Add(dm.Country.Iso3);
                else if (pm.Value is Country c) countries.Add(c.Iso3);
                else break;
                cursor = pm.Start;
                closer = pm;
            }
            // or just after: "Presidents of Russia and Belarus", "head of the North Korean state"
            if (countries.Count == 0)
            {
                foreach (var pm in doc.Mentions.Matches.Where(x => x.Start >= end && x.Start - end <= 40 && x.End <= s.Span.End))
                {
                    var between = doc.Clean.Text[end..pm.Start];
                    if (!Regex.IsMatch(between, @"^(\s+of\s+(the\s+)?|\s*(,|and|the)\s*)*$")) break;
                    if (pm.Value is Country c) countries.Add(c.Iso3);
                    else if (pm.Value is Demonym dm) countries.Add(dm.Country.Iso3);
                    else break;
                    end = pm.End;
                }
            }
            // "The President met today with...": in an official readout, the office holder the text named first;
            // in a title ("Readout of the Vice President's Call with..."), which comes before any name, the one it names next
            if (countries.Count == 0 && char.IsUpper(m.Value[0]) && Regex.IsMatch(doc.Clean.Text[Math.Max(0, start - 4)..start], @"(?i)the\s$"))
            {
                // (a secretary-general is one organisation's: only the publisher says whose); in a government's own
                // report that names its own holder of the office, that one (a briefing that named Kim Jong Un before
                // "the President is meeting with Prime Minister Frederiksen" made him the meeting's host), else
                // whoever the report named in it ("the Prime Minister" of a White House readout; "the Vice President
                // and the President" of one that never names President Biden)
                var own = doc.Publisher is { } publisherPlace
                    && doc.Mentions.People.Any(p => p.Role == role && p.Kind != MentionKind.Role && (p.Country ?? p.Organisation) == publisherPlace) ? publisherPlace : null;
                bool Eligible(PersonMention p) => p.Role == role && (own is null || (p.Country ?? p.Organisation) == own);
                // of its own, the one in office on the day when the report names them ("President Trump's policy" before "the President")
                var today = own is null ? null : lexicon.HolderOf(own, title, role, day)?.Name;
                var first = roleWord.StartsWith("secretary", StringComparison.Ordinal) ? null
                    : (today is null ? null : doc.Mentions.People.FirstOrDefault(p => p.Name == today && Eligible(p) && !named.Any(n => n.Name == p.Name)))
                    ?? doc.Mentions.People.FirstOrDefault(p => p.Span.End <= start && Eligible(p) && !named.Any(n => n.Name == p.Name))
                    ?? doc.Mentions.People.FirstOrDefault(p => p.Kind != MentionKind.Role && Eligible(p) && !named.Any(n => n.Name == p.Name)
                        && !doc.Mentions.People.Any(q => q.Span.End <= start && Eligible(q)));
                var at = new TextSpan(start, s.Span.Start + m.Index + m.Length);
                if (first is not null) yield return first with { Span = at, Kind = MentionKind.Role };
                // a government's or organisation's own readout names its leader by office alone ("The Prime Minister
                // spoke to President Zelenskyy" on gov.uk, "The Secretary-General met with..." on un.org)
                else if (doc.Publisher is { } publisher && lexicon.HolderOf(publisher, title, role, day) is { } holder
                    && !named.Any(n => n.Name == holder.Name) && holder.TenureOn(day) is { } tenure)
                    yield return new PersonMention(at, holder.Name, tenure.Country, Person.ExportRole(tenure.Role), MentionKind.Role)
                    {
                        KbId = holder.Id ?? holder.Name, Written = doc.Clean.Text[at.Start..at.End], Organisation = tenure.Organisation,
                    };
                continue;
            }
            foreach (var iso in countries.Distinct())
            {
                var span = new TextSpan(start, s.Span.Start + m.Index + m.Length);
                if (named.Any(p => p.Country == iso)) continue;
                // the office's holder as the report names them elsewhere, else as the knowledge base has them on the day
                var inText = doc.Mentions.People.FirstOrDefault(p => p.Country == iso && p.Kind != MentionKind.Role && SameOffice(p.Role, role));
                if (inText is not null) { yield return inText with { Span = span, Kind = MentionKind.Role }; continue; }
                var holder = role == Office.Official.Wire() ? null : lexicon.HolderOf(iso, title, role, day);
                var holderRole = role;
                // "the leaders of Australia, Japan and India": a state whose head of state the knowledge base does not
                // hold (a realm of the British monarch) is led by its head of government; not so a title ("the King of Australia")
                if (holder is null && role == Office.HeadOfState.Wire() && !lexicon.Titles.Any(t => string.Equals(t.Text, title, StringComparison.OrdinalIgnoreCase))
                    && lexicon.HolderOf(iso, null, Office.HeadOfGovernment.Wire(), day) is { } head)
                {
                    holder = head;
                    holderRole = Office.HeadOfGovernment.Wire();
                }
                if (holder is not null)
                {
                    var tenure = holder.TenureOn(day);
                    yield return new PersonMention(span, holder.Name, iso, holderRole, MentionKind.Role) { KbId = holder.Id ?? holder.Name, Written = doc.Clean.Text[span.Start..span.End], Organisation = tenure?.Organisation };
                }
                else if (lexicon.CountryByIso3.TryGetValue(iso, out var country))
                {
                    // an office the knowledge base has no holder for on the day ("Sweden's prime minister" in 1850)
                    yield return new PersonMention(span, $"{title} of {country.Name}", iso, role, MentionKind.Role) { Written = doc.Clean.Text[span.Start..span.End] };
                }
            }
        }
    }

    /// <summary>A head of state and a head of government are one office where one person holds both (a president who leads the government).</summary>
    private static bool SameOffice(string? mentioned, string role) => mentioned == role || (IsHead(mentioned) && IsHead(role));

    private static bool IsHead(string? role) =>
        Codes.Office.TryParse(role, out var office) && office is Office.HeadOfState or Office.HeadOfGovernment;
}
