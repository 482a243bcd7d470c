using System.Globalization;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Joins the clauses of one report that tell the same interaction — the same principals and the same day,
/// or no day of their own — into one report-level interaction, with its evidence. A meeting of three or
/// more is one interaction with all its principals; a clause naming two of them on that day joins it.
/// </summary>
internal sealed class InteractionMerger(Lexicon lexicon)
{
    /// <summary>The cues that say they spoke and that they met (extract_patterns.tsv).</summary>
    private readonly ExtractLexicon _x = lexicon.Extract;

    public IReadOnlyList<Interaction> Merge(AnalysedDocument doc, List<Candidate> candidates, List<(Sentence Sentence, List<PersonMention> People)> attendance)
    {
        var clusters = new List<List<Candidate>>();
        // 1. candidates with two or more principals and a day of their own found the clusters; a larger
        //    meeting on the same day takes in the clauses that name some of its principals
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && HasDay(c) && !c.DateInherited).OrderByDescending(c => c.Participants.Count))
        {
            var home = clusters.FirstOrDefault(k => !k[0].Planned && DayOf(k[0]) == DayOf(c) && SameOrWithin(c, k));
            if (home is not null) home.Add(c);
            else if (c.CanFound) clusters.Add([c]);
        }
        // 2. those whose day is only inherited join a cluster of the same principals and day; a sentence
        //    right next to a cluster's own (the lead-in to "they met on June 16") joins it when the modes agree
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && c.DateInherited && HasDay(c)))
        {
            var same = clusters.Where(k => !k[0].Planned && SameOrWithin(c, k)).ToList();
            var home = same.FirstOrDefault(k => DayOf(k[0]) == DayOf(c))
                       ?? same.FirstOrDefault(k => ModesAgree(k, c) && k.Any(x => !x.DateInherited && Math.Abs(x.Sentence.Index - c.Sentence.Index) <= 2));
            if (home is not null) home.Add(c);
            else if (c.CanFound) clusters.Add([c]);
        }
        // 3. those with no day at all (headlines, "after the talks") join the nearest cluster of the same principals
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && !HasDay(c)))
        {
            var same = clusters.Where(k => !k[0].Planned && SameOrWithin(c, k)).ToList();
            var home = same.Where(k => ModesAgree(k, c)).OrderBy(k => k.Min(x => Math.Abs(x.Sentence.Index - c.Sentence.Index))).FirstOrDefault()
                       ?? same.OrderBy(k => k.Min(x => Math.Abs(x.Sentence.Index - c.Sentence.Index))).FirstOrDefault();
            home?.Add(c);
        }
        // 4. a sentence naming one principal joins the cluster of the same day that includes them
        foreach (var c in candidates.Where(c => c.Participants.Count == 1 && !c.Planned && HasDay(c)))
            clusters.FirstOrDefault(k => !k[0].Planned && DayOf(k[0]) == DayOf(c) && Names(k).Contains(c.Participants[0].Name))?.Add(c);
        // 5. planned interactions, one per set of principals
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && c.Planned && !c.ByReference))
        {
            var home = clusters.FirstOrDefault(k => k[0].Planned && k[0].Key == c.Key);
            if (home is null) clusters.Add([c]); else home.Add(c);
        }
        // 6. an official readout tells its interaction in the title and the lead without a day: it is dated by its publication
        if (!clusters.Any(k => !k[0].Planned) && LeadDated(doc, candidates) is { } lead) clusters.Add(lead);

        var attendees = Attendees(clusters, attendance);
        return clusters.Select(k => Build(doc, k, attendees[k])).ToList();
    }

    /// <summary>
    /// The interaction a report leads with when no clause gives its day: the first body sentence's (or the
    /// title's), with a past-tense predicate and nothing that puts it elsewhere in time, dated by the
    /// publication date, as an official readout is dated.
    /// </summary>
    private static List<Candidate>? LeadDated(AnalysedDocument doc, List<Candidate> candidates)
    {
        if (doc.Clean.Published is not { } published) return null;
        var firstBody = doc.Sentences.FirstOrDefault(s => s.Text.TrimEnd().EndsWith('.') && s.Text.Length > 60)?.Index ?? 0;
        var lead = candidates.FirstOrDefault(c => c.Participants.Count >= 2 && !c.Planned && c.Date?.Date is null && c.Time is null
                       && c.Sentence.Index == firstBody && !doc.Times.Any(t => c.Sentence.Span.Contains(t.Span.Start) && t.Kind is TemporalKind.Coarse))
                   ?? candidates.FirstOrDefault(c => c.InTitle && c.Participants.Count >= 2 && !c.Planned);
        if (lead is null) return null;
        var dated = new Candidate
        {
            Sentence = lead.Sentence, Cue = lead.Cue, Mode = lead.Mode, Strength = lead.Strength, Participants = lead.Participants,
            Time = null, DaySource = DaySource.Publication, Planned = false, Venue = lead.Venue, City = lead.City, InTitle = lead.InTitle, Structured = lead.Structured,
            Date = new ResolvedDate(published.Date, null, DateBasis.LeadStory(lead.InTitle, doc.Frame.Basis)),
        };
        var home = new List<Candidate> { dated };
        home.AddRange(candidates.Where(c => c != lead && SameOrWithin(c, home) && !c.Planned && c.Date?.Date is null));
        return home;
    }

    /// <summary>Attendees join the latest happened interaction told before them.</summary>
    private static Dictionary<List<Candidate>, List<(PersonMention P, Sentence S)>> Attendees(List<List<Candidate>> clusters,
        List<(Sentence Sentence, List<PersonMention> People)> attendance)
    {
        var attendees = clusters.ToDictionary(k => k, k => k.SelectMany(c => c.Attendees.Select(a => (P: a, S: c.Sentence))).DistinctBy(x => x.P.Name).ToList());
        foreach (var (s, people) in attendance)
        {
            var target = clusters.Where(k => !k[0].Planned)
                .Select(k => (k, last: k.Where(c => c.Sentence.Index <= s.Index).Select(c => c.Sentence.Index).DefaultIfEmpty(-1).Max()))
                .Where(x => x.last >= 0).OrderByDescending(x => x.last).Select(x => x.k).FirstOrDefault();
            if (target is null) continue;
            foreach (var p in people)
                if (!Names(target).Contains(p.Name) && !attendees[target].Any(a => a.P.Name == p.Name))
                    attendees[target].Add((p, s));
        }
        return attendees;
    }

    private static HashSet<string> Names(List<Candidate> cluster) => cluster.SelectMany(c => c.Names).ToHashSet(StringComparer.Ordinal);

    /// <summary>The same principals as the cluster's, or two or more of them: a clause about part of a larger meeting.</summary>
    private static bool SameOrWithin(Candidate c, List<Candidate> cluster)
    {
        if (cluster[0].Key == c.Key) return true;
        var names = cluster[0].Names.ToHashSet(StringComparer.Ordinal);
        return names.Count > 2 && c.Participants.Count >= 2 && c.Names.All(names.Contains);
    }

    private static bool HasDay(Candidate c) => DayOf(c) is not null;

    /// <summary>The day a candidate names, exact ("2021-06-28") or partial ("--12-30").</summary>
    private static string? DayOf(Candidate c) => c.Date?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? c.Date?.Partial;

    private static bool ModesAgree(List<Candidate> cluster, Candidate c)
    {
        var modes = cluster.Where(x => x.Mode is not null).Select(x => x.Mode).Distinct().ToList();
        return c.Mode is null || modes.Count == 0 || modes.Contains(c.Mode);
    }

    /// <summary>
    /// A person as a record holds them. A mention's role is the lexicons' office string, which the loader holds to the
    /// record's roles (or to "other" and "honorific", which mentions never carry), so an unknown one fails here loudly.
    /// </summary>
    private static Actor ActorOf(PersonMention p) =>
        new(p.Name, p.Country, Codes.Office.ParseOrNull(p.Role), p.Organisation, p.Written, p.KbId);

    private Interaction Build(AnalysedDocument doc, List<Candidate> cluster, List<(PersonMention P, Sentence S)> attendees)
    {
        var text = doc.Clean.Text;
        var evidence = new List<EvidenceSpan>();
        EvidenceSpan Ev(RecordField field, TextSpan span) => new(field, span.Start, span.End, text[span.Start..span.End]);

        // the mode: from the clauses that read who met whom, before those that only say "they" or "the leaders"
        var modeCue = cluster.OrderByDescending(c => c.Structured).ThenByDescending(c => c.Mode is null ? c.Strength - 0.5 : c.Strength).ThenBy(c => c.Sentence.Index).First();
        var modeFrom = cluster.Where(c => c.Mode is not null).OrderByDescending(c => c.Structured || c.Strength == 3).ThenByDescending(c => c.Strength)
            .ThenBy(c => c.InTitle).ThenBy(c => c.Sentence.Index).FirstOrDefault() ?? modeCue;
        var mode = modeFrom.Mode is { } named ? named
            // "spoke with", "talked" and nothing says where: a call; "held talks", "met": in person
            // unless another report line of it says they met ("Readout of ...'s Meeting with" over "spoke today with")
            : cluster.All(c => c.Venue is null && c.City is null) && cluster.Any(c => _x.SpokeCue.IsMatch(text[c.Cue.Start..c.Cue.End]))
                && !cluster.Any(c => _x.MeetCue.IsMatch(text[c.Cue.Start..c.Cue.End])) ? InteractionMode.Phone
            : InteractionMode.InPerson;
        evidence.Add(Ev(RecordField.Mode, modeFrom.Cue));

        var dated = cluster.Where(c => c.Date is not null).OrderBy(c => c.DaySource).ThenBy(c => c.Date!.Date is null).ThenBy(c => c.Sentence.Index).FirstOrDefault();
        string? date = dated?.Date?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? dated?.Date?.Partial;
        var basis = dated?.Date?.Basis ?? DateBasis.NotGiven;
        if (dated?.Time is { } t) evidence.Add(Ev(RecordField.Date, t.Span));

        // the principals: the largest set the report's clauses name (a trilateral over its bilateral parts)
        var first = cluster.OrderByDescending(c => c.Participants.Count >= 2 ? c.Participants.Count : 0).ThenBy(c => c.Structured ? 0 : 1)
            .ThenBy(c => c.Strength == 3 ? 0 : 1).ThenBy(c => c.InTitle).ThenBy(c => c.Sentence.Index).First();
        var participants = first.Participants.Select(ActorOf).ToList();
        foreach (var p in first.Participants) evidence.Add(Ev(RecordField.Participants, p.Span));

        Location? location = null;
        if (mode == InteractionMode.InPerson)
        {
            var venue = cluster.Select(c => c.Venue).FirstOrDefault(v => v is not null);
            var city = cluster.Select(c => c.City).FirstOrDefault(v => v is not null);
            string? cityName = venue?.City ?? city?.Name;
            string? country = venue?.Country ?? city?.Country;
            if (venue is not null) evidence.Add(Ev(RecordField.Venue, venue.Span));
            if (city is not null && (venue?.City is null || venue.City == city.Name)) evidence.Add(Ev(RecordField.City, city.Span));
            if (cityName is null && !cluster[0].Planned && doc.Clean.Dateline?.City is { } dl && lexicon.Gazetteer.FindAll(dl).FirstOrDefault()?.Value is City dc)
            {
                cityName = dc.Name; country = dc.Country;
                evidence.Add(Ev(RecordField.City, doc.Clean.Dateline.Span));
            }
            if (cityName is not null || venue is not null) location = new Location(cityName, country, venue?.Name);
        }

        var attendeeActors = attendees.Select(a => ActorOf(a.P)).ToList();
        foreach (var (p, _) in attendees) evidence.Add(Ev(RecordField.Attendees, p.Span));
        var status = cluster[0].Planned ? InteractionStatus.Planned : InteractionStatus.Happened;
        var raw = doc.Clean.Raw;
        var id = "ix-" + Ingest.InputReader.Hash($"{raw.ContentHash}|{status.Wire()}|{first.Key}|{date}|{cluster.Min(c => c.Sentence.Index)}")[..16];
        var source = new SourceRef(raw.Uri, doc.Clean.Title, doc.Clean.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), raw.ContentHash,
            evidence.Concat(cluster.Select(c => Ev(RecordField.Interaction, c.Sentence.Span))).ToList());
        return new Interaction(id, status, mode, date, basis, participants, location, attendeeActors, [source]);
    }
}
