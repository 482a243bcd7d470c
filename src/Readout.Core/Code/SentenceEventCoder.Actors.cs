using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Code;

/// <summary>
/// The actors of a sentence: countries, people, organisations and capitals the gazetteer finds, agent words
/// qualified by the country word beside them ("Syrian rebels", "a court in Guyana"), and pronouns, which stand for
/// the nearest named actor before them. The patterns this reads with are the lexicon's, taken in the main file's
/// constructor.
/// </summary>
public sealed partial class SentenceEventCoder
{
    private List<Actor> FindActors(string s, DateOnly? day)
    {
        var named = new List<Actor>();
        var modifiers = new List<Actor>();
        foreach (var m in _lexicon.Gazetteer.FindAll(s))
        {
            switch (m.Value)
            {
                case Country c: named.Add(new Actor(m.Start, m.End, c.Iso3, null, null)); break;
                case Demonym d: modifiers.Add(new Actor(m.Start, m.End, d.Country.Iso3, null, null)); break;
                case Person p: named.Add(new Actor(m.Start, m.End, p.TenureOn(day)?.Country, "GOV", null)); break;
                case Organisation o: named.Add(new Actor(m.Start, m.End, null, null, o.Name)); break;
                // A capital stands for its government ("Washington said"); other places are not actors.
                case City city when _lexicon.CountryByIso3.TryGetValue(city.Country, out var country)
                                    && string.Equals(country.Capital, city.Name, StringComparison.Ordinal):
                    named.Add(new Actor(m.Start, m.End, city.Country, "GOV", null)); break;
            }
        }

        var agents = new List<Actor>();
        foreach (var (regex, word) in _agents)
            foreach (Match m in regex.Matches(s))
            {
                if (named.Any(n => n.Start < m.Index + m.Length && m.Index < n.End)
                    || agents.Any(a => a.Start < m.Index + m.Length && m.Index < a.End)) continue;
                agents.Add(new Actor(m.Index, m.Index + m.Length, word.Country, word.Agent, null));
            }

        // Qualify agents by the country word before ("Syrian rebels", "Iraq's national security advisor")
        // or after ("a court in Guyana"); the qualifier is then part of the actor, not an actor of its own.
        var used = new HashSet<Actor>();
        var qualified = new List<Actor>();
        foreach (var agent in agents.OrderBy(a => a.Start))
        {
            if (agent.Country is not null) { qualified.Add(agent); continue; }
            var qualifier = modifiers.Concat(named)
                .Where(q => q.End <= agent.Start && _modifierGap.IsMatch(s[q.End..agent.Start]))
                .OrderByDescending(q => q.End).FirstOrDefault()
                ?? modifiers.Concat(named)
                .Where(q => q.Start >= agent.End && _ofInCountry.IsMatch(s[agent.End..q.Start]))
                .OrderBy(q => q.Start).FirstOrDefault();
            if (qualifier is null) { qualified.Add(agent); continue; }
            used.Add(qualifier);
            var country = qualifier.Country;
            var org = qualifier.Organisation;
            var before = qualifier.End <= agent.Start;
            qualified.Add(new Actor(before ? qualifier.Start : agent.Start, before ? agent.End : qualifier.End, country,
                org is null ? agent.Agent : null, org));
        }

        var all = named.Where(n => !used.Contains(n))
            .Concat(modifiers.Where(m => !used.Contains(m) && !modifiers.Any(o => o != m && o.Start == m.End + 1)))
            .Concat(qualified)
            .ToList();
        foreach (Match m in _pronoun.Matches(s))
            if (!all.Any(a => a.Start < m.Index + m.Length && m.Index < a.End))
                all.Add(new Actor(m.Index, m.Index + m.Length, null, null, null));
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    private sealed record Actor(int Start, int End, string? Country, string? Agent, string? Organisation)
    {
        public bool IsAnchored => Country is not null || Organisation is not null;

        /// <summary>The same actor, or (unless <paramref name="byAgent"/>) the same country or organisation.</summary>
        public bool SameAs(Actor other, bool byAgent = false) =>
            ReferenceEquals(this, other)
            || Organisation is not null && Organisation == other.Organisation
            || Organisation is null && other.Organisation is null && Country is not null && Country == other.Country
               && (!byAgent || Agent == other.Agent);

        public CodedActor ToCoded(string sentence, int offset) =>
            new(new TextSpan(offset + Start, offset + End), sentence[Start..End], Country, Agent, Organisation);
    }

    private static Actor? Nearest(List<Actor> actors, int before, Actor? not) =>
        actors.LastOrDefault(a => a.End <= before && a != not);

    /// <summary>A pronoun stands for the nearest named actor before it.</summary>
    private static Actor? Resolve(Actor? actor, List<Actor> actors) =>
        actor is not null && IsPronoun(actor) ? actors.LastOrDefault(a => a.End <= actor.Start && !IsPronoun(a)) : actor;

    private static bool IsPronoun(Actor a) => a.Country is null && a.Agent is null && a.Organisation is null;
}
