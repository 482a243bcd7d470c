using System.Globalization;
using Readout.Analyse;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Readout.Lexicons;
using Readout.Pipeline;

namespace Readout.Evaluation;

/// <summary>
/// Generates pipeline results (a report, its interaction with evidence spans, a statement with a topic)
/// for filling a store quickly through its real write path without running the NLP pipeline: leaders
/// from the lexicon who held office on the day, with their foreign minister attending when the lexicon
/// knows one; every fourth interaction is told again by a second outlet in other words, so fusion
/// gives it two sources. The same seed always gives the same results.
/// </summary>
public sealed class StoreGenerator(Lexicon lexicon, int seed = 1)
{
    private static readonly string[] Topics = ["trade", "energy", "finance", "security", "health", "climate"];
    private readonly Random _random = new(seed);
    private readonly List<(Person Person, RoleTenure Tenure)> _leaders = lexicon.People
        .SelectMany(p => p.Tenures.Where(t => t.Role is "head_of_state" or "head_of_government" && t.Start.Year >= 2001
            && t.Country is { Length: 3 } iso && lexicon.CountryByIso3.ContainsKey(iso)).Select(t => (p, t)))
        .ToList();
    private readonly List<(Person Person, RoleTenure Tenure)> _ministers = lexicon.People
        .SelectMany(p => p.Tenures.Where(t => t.Role == "foreign_minister" && t.Country is not null).Select(t => (p, t)))
        .ToList();

    /// <summary>Results telling <paramref name="interactions"/> distinct interactions (about 1.25 reports each).</summary>
    public IEnumerable<DocumentResult> Generate(int interactions, string prefix)
    {
        for (var n = 0; n < interactions; n++)
        {
            var (a, b, day) = PickPair();
            var mode = _random.Next(10) switch { < 4 => InteractionMode.Phone, < 6 => InteractionMode.Video, < 9 => InteractionMode.InPerson, _ => InteractionMode.Written };
            var topic = Topics[_random.Next(Topics.Length)];
            var minister = _ministers.FirstOrDefault(m => m.Tenure.Country == a.Tenure.Country && m.Tenure.HeldOn(day));
            var outlets = n % 4 == 0 ? 2 : 1;
            for (var o = 0; o < outlets; o++)
                yield return Make($"{prefix}/{n:D6}-{o}.txt", $"gen-{prefix}-{n:D6}-{o}", a, b, day, mode, topic, minister.Person, o);
        }
    }

    private ((Person Person, RoleTenure Tenure) A, (Person Person, RoleTenure Tenure) B, DateOnly Day) PickPair()
    {
        while (true)
        {
            var a = _leaders[_random.Next(_leaders.Count)];
            var span = Math.Max(1, (a.Tenure.End ?? new DateOnly(2025, 12, 31)).DayNumber - a.Tenure.Start.DayNumber);
            var day = DateOnly.FromDayNumber(a.Tenure.Start.DayNumber + _random.Next(span));
            var others = _leaders.Where(x => x.Tenure.Country != a.Tenure.Country && x.Tenure.HeldOn(day)).ToList();
            if (others.Count > 0) return (a, others[_random.Next(others.Count)], day);
        }
    }

    private DocumentResult Make(string uri, string id, (Person Person, RoleTenure Tenure) a, (Person Person, RoleTenure Tenure) b,
        DateOnly day, InteractionMode mode, string topic, Person? minister, int outlet)
    {
        var c = CultureInfo.InvariantCulture;
        var host = lexicon.CountryByIso3[a.Tenure.Country!];
        var verb = (mode, outlet) switch
        {
            (InteractionMode.Phone, 0) => "spoke by telephone with",
            (InteractionMode.Phone, _) => "held a phone call with",
            (InteractionMode.Video, 0) => "held talks via video link with",
            (InteractionMode.Video, _) => "had a virtual meeting with",
            (InteractionMode.Written, _) => "sent a letter to",
            (_, 0) => "held talks with",
            _ => "met",
        };
        var dateText = day.ToString("MMMM d, yyyy", c);
        var w = new System.Text.StringBuilder();
        var spans = new List<EvidenceSpan>();
        void Add(string text, RecordField? field = null)
        {
            if (field is { } f) spans.Add(new EvidenceSpan(f, w.Length, w.Length + text.Length, text));
            w.Append(text);
        }
        Add(outlet == 0 ? $"{a.Person.Name} and {b.Person.Name} discuss ties\n\n" : $"Leaders of {host.Name} and {lexicon.CountryByIso3[b.Tenure.Country!].Name} hold talks\n\n");
        Add($"{host.Capital.ToUpperInvariant()}, {day.ToString("MMM d", c)} (Wire) - {a.Tenure.Title} ");
        Add(a.Person.Name, RecordField.Participants);
        Add(" ");
        Add(verb, RecordField.Mode);
        Add($" {b.Tenure.Title} ");
        Add(b.Person.Name, RecordField.Participants);
        Add(" on ");
        Add(dateText, RecordField.Date);
        if (mode == InteractionMode.InPerson)
        {
            Add(" in ");
            Add(host.Capital, RecordField.City);
        }
        Add(outlet == 0 ? ", officials said.\n\n" : ", according to a statement.\n\n");
        var statementStart = w.Length;
        var statementText = $"The two leaders discussed {topic} and agreed to stay in close contact.";
        Add(statementText + "\n\n");
        if (minister is not null && mode == InteractionMode.InPerson)
        {
            Add("Foreign Minister ");
            Add(minister.Name, RecordField.Attendees);
            Add(" also took part in the talks.\n");
        }
        var text = w.ToString();
        var hash = InputReader.Hash("text\n" + text);
        var raw = new RawDocument(uri, text, "text", hash);
        var published = day.AddDays(outlet);
        var clean = new CleanDocument(raw, text, new OffsetMap(), text[..text.IndexOf('\n')], new PublicationDate(published, "generated", null), null);
        // the generator picks heads of state and government and foreign ministers, whose offices are record roles
        var participants = new[] { a, b }.Select(x => new Actor(x.Person.Name, x.Tenure.Country, Codes.Office.Parse(x.Tenure.Role)))
            .ToList();
        var attendees = minister is not null && mode == InteractionMode.InPerson
            ? new List<Actor> { new(minister.Name, a.Tenure.Country, Office.ForeignMinister) } : [];
        var interaction = new Interaction(id, InteractionStatus.Happened, mode, day.ToString("yyyy-MM-dd", c), DateBasis.Read($"stated: \"{dateText}\""), participants,
            mode == InteractionMode.InPerson ? new Location(host.Capital, host.Iso3, null) : null, attendees,
            [new SourceRef(uri, clean.Title, published.ToString("yyyy-MM-dd", c), hash, spans)]);
        var speakers = participants.Select(p => new Speaker(p.Name, p.Country, SpeakerKind.Person)).ToList();
        var statement = new Statement(id + "-s1", statementText, statementStart, statementStart + statementText.Length, speakers, "discussed",
            null, new PloverCode("CONSULT", null), "040", 1.0, 1, [topic], false, false, false, uri, hash, id);
        return new DocumentResult(clean, [interaction]) { Statements = [statement] };
    }
}
