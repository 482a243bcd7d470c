using System.Globalization;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Evaluation;

/// <summary>
/// Generates varied, realistic-looking reports for load tests: leaders from the lexicon who held office
/// on the day, phone calls, video meetings and visits, each interaction told by two or three outlets in
/// different words (and sometimes as a republished copy), with datelines, weekdays and page junk. The
/// same seed always gives the same reports.
/// </summary>
public sealed class ReportGenerator(Lexicon lexicon, int seed = 1)
{
    private readonly Random _random = new(seed);
    private readonly List<(Person Person, RoleTenure Tenure)> _leaders = lexicon.People
        .SelectMany(p => p.Tenures.Where(t => t.Role is "head_of_state" or "head_of_government" && t.Start.Year >= 2001 && t.Country is { Length: 3 } iso && lexicon.CountryByIso3.ContainsKey(iso)).Select(t => (p, t)))
        .ToList();

    public IEnumerable<RawDocument> Generate(int count, string prefix)
    {
        var made = 0;
        var interaction = 0;
        while (made < count)
        {
            interaction++;
            var (a, b, day) = PickPair();
            var mode = _random.Next(3) switch { 0 => InteractionMode.Phone, 1 => InteractionMode.Video, _ => InteractionMode.InPerson };
            var host = lexicon.CountryByIso3[a.Tenure.Country!];
            var outlets = 2 + _random.Next(2);
            for (int o = 0; o < outlets && made < count; o++, made++)
            {
                var published = day.AddDays(o == 0 ? 0 : 1);
                var text = Render(a, b, day, published, mode, host, o);
                var uri = $"{prefix}/{interaction:D6}-{o}.txt";
                yield return new RawDocument(uri, text, "text", InputReader.Hash("text\n" + text));
            }
        }
    }

    private ((Person Person, RoleTenure Tenure) A, (Person Person, RoleTenure Tenure) B, DateOnly Day) PickPair()
    {
        while (true)
        {
            var a = _leaders[_random.Next(_leaders.Count)];
            var span = Math.Max(1, ((a.Tenure.End ?? new DateOnly(2025, 12, 31)).DayNumber - a.Tenure.Start.DayNumber));
            var day = DateOnly.FromDayNumber(a.Tenure.Start.DayNumber + _random.Next(span));
            var others = _leaders.Where(x => x.Tenure.Country != a.Tenure.Country && x.Tenure.HeldOn(day)).ToList();
            if (others.Count > 0) return (a, others[_random.Next(others.Count)], day);
        }
    }

    private string Render((Person Person, RoleTenure Tenure) a, (Person Person, RoleTenure Tenure) b, DateOnly day, DateOnly published,
        InteractionMode mode, Country host, int outlet)
    {
        var c = CultureInfo.InvariantCulture;
        string Who((Person Person, RoleTenure Tenure) x) =>
            $"{(lexicon.CountryByIso3[x.Tenure.Country!].Demonyms is [var demonym, ..] ? demonym : lexicon.CountryByIso3[x.Tenure.Country!].Name)} {x.Tenure.Title} {x.Person.Name}";
        var when = outlet == 0 ? "on " + day.DayOfWeek : "on " + day.ToString("MMMM d", c);
        var verb = mode switch
        {
            InteractionMode.Phone => outlet % 2 == 0 ? "spoke by telephone with" : "held a phone call with",
            InteractionMode.Video => outlet % 2 == 0 ? "held talks via video link with" : "had a virtual meeting with",
            _ => outlet % 2 == 0 ? "held talks with" : "met",
        };
        var place = mode == InteractionMode.InPerson ? $" in {host.Capital}" : "";
        var headline = outlet == 0 ? $"{a.Person.Name} and {b.Person.Name} discuss ties" : $"Leaders of {host.Name} and {lexicon.CountryByIso3[b.Tenure.Country!].Name} hold talks";
        var topic = _random.Next(4) switch { 0 => "trade and investment", 1 => "regional security", 2 => "energy cooperation", _ => "climate and health" };
        return $"""
            Home | World | Politics | Business
            {headline}
            Staff report | {published.ToString("yyyy-MM-dd", c)}

            {host.Capital.ToUpperInvariant()}, {day.ToString("MMM d", c)} (Wire) - {Who(a)} {verb} {Who(b)} {when}{place}, officials said.

            The two leaders discussed {topic} and agreed to stay in close contact. {a.Person.Name} said relations were developing steadily, while {b.Person.Name} stressed the importance of practical cooperation.

            They also exchanged views on international issues of common concern.

            Copyright (c) {published.Year} Wire. All rights reserved.
            """;
    }
}
