using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>One sentence's claim that an interaction took (or will take) place, before merging.</summary>
internal sealed class Candidate
{
    public required Sentence Sentence { get; init; }
    public required TextSpan Cue { get; init; }
    public required string Mode { get; init; }
    public required int Strength { get; init; }
    public required List<PersonMention> Participants { get; init; }
    public TemporalExpression? Time { get; init; }
    public ResolvedDate? Date { get; init; }
    public bool DateInherited { get; init; }
    public bool Planned { get; init; }
    public PlaceMention? Venue { get; init; }
    public PlaceMention? City { get; init; }
    public string Key => string.Join("|", Participants.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
}

/// <summary>Everything the extractor needs about one analysed document.</summary>
public sealed record AnalysedDocument(CleanDocument Clean, IReadOnlyList<Sentence> Sentences, MentionLayer Mentions,
    IReadOnlyList<TemporalExpression> Times, ReferenceFrame Frame);

/// <summary>
/// Finds the interactions a report says took place (or will), sentence by sentence, then merges the
/// sentences that describe the same interaction: same principals and the same day, or no day of their own.
/// </summary>
public sealed partial class InteractionExtractor(Lexicon lexicon, MentionFinder mentions)
{
    private readonly List<(Regex Rx, InteractionCue Cue)> _cues =
        lexicon.Cues.Select(c => (new Regex(c.Pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled), c)).ToList();
    private readonly Regex _future = new(string.Join("|", lexicon.WordList("future")), RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private readonly Regex _group = new(string.Join("|", lexicon.WordList("group")), RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [GeneratedRegex(@"\b(spoke|talked|conversation|call)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpokeCue();

    [GeneratedRegex(@"\b(he|she)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(?<role>presidents?|prime ministers?|premiers?|leaders?|foreign ministers?|chancellors?|heads? of state|heads? of government|head of the|national security advis[eo]rs?|defen[cs]e ministers?|vice presidents?|ambassadors?|special envoys?|envoys?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"\b(met|held|had|talked|spoke|exchanged|received|hosted|called|sat|saw|conducted|phoned|was received|were received)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastVerb();

    public IReadOnlyList<Interaction> Extract(AnalysedDocument doc, CancellationToken ct = default)
    {
        var text = doc.Clean.Text;
        var candidates = new List<Candidate>();
        var attendance = new List<(Sentence Sentence, List<PersonMention> People)>();
        List<PersonMention>? primaryPair = null;

        foreach (var s in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            var peopleHere = doc.Mentions.People.StartingIn(p => p.Span.Start, s.Span.Start, s.Span.End).ToList();
            if (mentions.IsAttendance(s.Text))
            {
                attendance.Add((s, peopleHere));
                continue;
            }
            var cue = BestCue(s.Text);
            if (cue is null) continue;
            if (s.Text.TrimEnd('"', '”', ' ').EndsWith('?')) continue;   // a question claims nothing
            var (cueSpan, mode, strength) = cue.Value;
            var cueAbs = new TextSpan(s.Span.Start + cueSpan.Start, s.Span.Start + cueSpan.End);

            // time: the day-level expression nearest the cue; a coarse one ("in November") near the cue means no day is given
            var timesHere = doc.Times.StartingIn(t => t.Span.Start, s.Span.Start, s.Span.End).ToList();
            var nearest = timesHere.OrderBy(t => Distance(t.Span, cueAbs)).FirstOrDefault();
            var dayLevel = timesHere.Where(t => t.Kind != TemporalKind.Coarse).OrderBy(t => Distance(t.Span, cueAbs)).FirstOrDefault();
            var future = IsFuture(s.Text, cueSpan);
            var coarseNearest = dayLevel is null || (nearest is not null && nearest.Kind == TemporalKind.Coarse && Distance(nearest.Span, cueAbs) < Distance(dayLevel.Span, cueAbs));
            if (coarseNearest && nearest is not null && Distance(nearest.Span, cueAbs) < 80)
            {
                if (!future) continue;          // "met in November": no day is given, so not an interaction
                dayLevel = null;                // "will visit next week": planned, without a day
            }

            // principals
            var participants = Principals(doc, s, peopleHere, cueAbs, dayLevel, primaryPair);
            if (participants.Count == 0) continue;
            // officials of one state meeting each other are not a diplomatic interaction
            if (participants.Count >= 2 && participants.All(p => (p.Country ?? p.Organisation) is { } place && place == (participants[0].Country ?? participants[0].Organisation))) continue;
            if (participants.Count >= 2 && primaryPair is null && !future) primaryPair = participants;

            TemporalExpression? time = dayLevel;
            var inherited = false;
            if (time is null && !future)
            {
                // no time in the sentence: the story's current day — the day of the interaction told just
                // before, or a day named in the two sentences before this one
                var lastCandidate = candidates.LastOrDefault(c => !c.Planned && c.Time is not null && s.Index - c.Sentence.Index <= 4);
                var windowStart = doc.Sentences[Math.Max(0, s.Index - 2)].Span.Start;
                time = doc.Times.LastOrDefault(t => t.Span.End <= s.Span.Start && t.Span.Start >= windowStart && t.Kind != TemporalKind.Coarse && !IsHeader(doc, t));
                if (lastCandidate is not null && (time is null || lastCandidate.Time!.Span.Start > time.Span.Start)) time = lastCandidate.Time;
                inherited = time is not null;
            }
            var resolved = time is null ? null : DateResolver.Resolve(time, doc.Frame, future);
            if (!future && resolved?.Date is { } d && doc.Frame.Date is { } refDay && d > refDay.AddDays(1) && time!.Kind != TemporalKind.FullDate)
                future = true;

            var placesHere = doc.Mentions.Places.StartingIn(p => p.Span.Start, s.Span.Start, s.Span.End).ToList();
            candidates.Add(new Candidate
            {
                Sentence = s, Cue = cueAbs, Mode = mode, Strength = strength, Participants = participants,
                Time = time, Date = resolved, DateInherited = inherited, Planned = future,
                Venue = placesHere.Where(p => p.Kind == "venue" && !SpeaksAsInstitution(doc.Clean.Text, p.Span)).OrderBy(p => Distance(p.Span, cueAbs)).FirstOrDefault(),
                City = placesHere.Where(p => p.Kind == "city" && IsLocative(doc.Clean.Text, p.Span)).OrderBy(p => Distance(p.Span, cueAbs)).FirstOrDefault(),
            });
        }
        return Merge(doc, candidates, attendance);
    }

    [GeneratedRegex(@"\b(in|at|near|outside|from|into|inside|of)\s+(the\s+)?(city\s+of\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LocativeBefore();

    [GeneratedRegex(@"^(\s+(summit|talks|meeting|visit)\b|,\s+where\b|\s*[,.]?\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex LocativeAfter();

    /// <summary>A city named as a place ("in Geneva", "the Helsinki summit"), not as its government ("Moscow interfered").</summary>
    private static bool IsLocative(string text, TextSpan span)
    {
        var before = text[Math.Max(0, span.Start - 25)..span.Start];
        var after = text[span.End..Math.Min(text.Length, span.End + 12)];
        return LocativeBefore().IsMatch(before) || LocativeAfter().IsMatch(after);
    }

    [GeneratedRegex(@"^(\s+|'s\s+|’s\s+)(said|says|announced|confirmed|stated|added|reported|issued|spokes\w+|press|statement|readout|website)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstitutionVerbAfter();

    /// <summary>"the Kremlin said": a venue name standing for the institution that sits there.</summary>
    private static bool SpeaksAsInstitution(string text, TextSpan span) =>
        InstitutionVerbAfter().IsMatch(text.AsSpan(span.End, Math.Min(30, text.Length - span.End)).ToString());

    private static bool IsHeader(AnalysedDocument doc, TemporalExpression t) =>
        doc.Clean.Published?.Span is { } ps && ps.Overlaps(t.Span);

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    private (TextSpan Span, string Mode, int Strength)? BestCue(string sentence)
    {
        (TextSpan, string, int)? best = null;
        foreach (var (rx, cue) in _cues)
        {
            var m = rx.Match(sentence);
            if (!m.Success) continue;
            if (best is null || cue.Strength > best.Value.Item3 || (cue.Strength == best.Value.Item3 && best.Value.Item2 == "any" && cue.Mode != "any"))
                best = (new TextSpan(m.Index, m.Index + m.Length), cue.Mode, cue.Strength);
        }
        return best;
    }

    private bool IsFuture(string sentence, TextSpan cue)
    {
        var before = sentence[Math.Max(0, cue.Start - 30)..cue.Start];
        if (_future.IsMatch(before)) return true;
        var cueText = sentence[cue.Start..cue.End];
        if (PastVerb().IsMatch(cueText)) return false;
        var after = sentence[cue.End..Math.Min(sentence.Length, cue.End + 25)];
        return _future.IsMatch(after);
    }

    /// <summary>The principals of a cue sentence: named people nearest the cue, else role references, pronouns or "the two leaders".</summary>
    private List<PersonMention> Principals(AnalysedDocument doc, Sentence s, List<PersonMention> peopleHere, TextSpan cue,
        TemporalExpression? time, List<PersonMention>? primaryPair)
    {
        var day = time is null ? doc.Frame.Date : DateResolver.Resolve(time, doc.Frame, false)?.Date ?? doc.Frame.Date;
        var found = new List<PersonMention>(peopleHere);
        found.AddRange(RoleReferences(doc, s, peopleHere, day));
        if (found.Select(p => p.Name).Distinct().Count() < 2)
        {
            foreach (Match m in Pronoun().Matches(s.Text))
            {
                var at = s.Span.Start + m.Index;
                var antecedent = doc.Mentions.People.LastOrDefault(p => p.Span.End <= at && p.Span.End > s.Span.Start - 600);
                if (antecedent is not null) found.Add(antecedent with { Span = new TextSpan(at, at + m.Length) });
            }
        }
        var distinct = found.GroupBy(p => p.Name).Select(g => g.OrderBy(p => Distance(p.Span, cue)).First()).ToList();
        if (distinct.Count < 2 && primaryPair is not null && _group.IsMatch(s.Text))
            return primaryPair.Select(p => p with { }).ToList();
        if (distinct.Count < 2 && primaryPair is null && _group.IsMatch(s.Text))
        {
            // "the two leaders" before any interaction: the two people the story has named most
            var top = doc.Mentions.People.Where(p => p.Span.End <= s.Span.End).GroupBy(p => p.Name)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Span.Start).Take(2).Select(g => g.First()).ToList();
            if (top.Count == 2) return top;
        }
        if (distinct.Count <= 2) return distinct;
        // more than two: the pair from two different countries nearest the cue, one on each side when possible
        var ordered = distinct.OrderBy(p => p.Span.Start).ToList();
        var pairs = from i in Enumerable.Range(0, ordered.Count)
                    from j in Enumerable.Range(i + 1, ordered.Count - i - 1)
                    let a = ordered[i]
                    let b = ordered[j]
                    let sameCountry = a.Country is not null && a.Country == b.Country
                    let straddles = a.Span.End <= cue.Start && b.Span.Start >= cue.End
                    orderby sameCountry, straddles descending, Distance(a.Span, cue) + Distance(b.Span, cue)
                    select new List<PersonMention> { a, b };
        return pairs.First();
    }

    /// <summary>"the Russian president", "The American and Russian presidents", "Presidents of Russia and Belarus" → holders of the office on the day.</summary>
    private IEnumerable<PersonMention> RoleReferences(AnalysedDocument doc, Sentence s, List<PersonMention> named, DateOnly? day)
    {
        if (day is null) yield break;
        foreach (Match m in RoleWord().Matches(s.Text))
        {
            var start = s.Span.Start + m.Index;
            var end = start + m.Length;
            // an office followed by its holder's name is an apposition, not a reference
            if (named.Any(p => p.Span.Start >= end && p.Span.Start - end <= 3)) continue;
            var roleWord = m.Groups["role"].Value.ToLowerInvariant();
            var role = roleWord switch
            {
                var r when r.StartsWith("prime minister") || r.StartsWith("premier") || r.StartsWith("chancellor") || r.StartsWith("heads of government") || r.StartsWith("head of government") => "head_of_government",
                var r when r.StartsWith("foreign minister") => "foreign_minister",
                var r when r.StartsWith("national security") => "national_security_advisor",
                var r when r.StartsWith("defen") => "defence_minister",
                var r when r.StartsWith("vice president") => "vice_president",
                var r when r.StartsWith("ambassador") || r.Contains("envoy") => "official",
                _ => "head_of_state",
            };
            // the office as a title: "presidents" → "President"
            var title = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(roleWord.EndsWith("s", StringComparison.Ordinal) && !roleWord.EndsWith("ss", StringComparison.Ordinal) ? roleWord[..^1] : roleWord);
            var countries = new List<string>();
            // countries just before: "the American and Russian presidents", "Finland's president"
            var cursor = start;
            foreach (var pm in doc.Mentions.Matches.Where(x => x.End <= start && start - x.End <= 40 && x.Start >= s.Span.Start).Reverse())
            {
                var between = doc.Clean.Text[pm.End..cursor];
                if (!Regex.IsMatch(between, @"^(\s|'s|’s|,|and)*$")) break;
                if (pm.Value is Demonym dm) countries.Add(dm.Country.Iso3);
                else if (pm.Value is Country c) countries.Add(c.Iso3);
                else break;
                cursor = pm.Start;
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
            // "The President met today with...": in an official readout, the office holder the text named first
            if (countries.Count == 0 && char.IsUpper(m.Value[0]) && Regex.IsMatch(doc.Clean.Text[Math.Max(0, start - 4)..start], @"(?i)the\s$"))
            {
                var first = doc.Mentions.People.FirstOrDefault(p => p.Role == role && p.Span.End <= start && !named.Any(n => n.Name == p.Name));
                if (first is not null) yield return first with { Span = new TextSpan(start, s.Span.Start + m.Index + m.Length), Kind = MentionKind.Role };
                continue;
            }
            foreach (var iso in countries.Distinct())
            {
                var span = new TextSpan(start, s.Span.Start + m.Index + m.Length);
                if (named.Any(p => p.Country == iso)) continue;
                // the office's holder as the report names them elsewhere, else as the knowledge base has them on the day
                var inText = doc.Mentions.People.FirstOrDefault(p => p.Country == iso && p.Kind != MentionKind.Role && SameOffice(p.Role, role));
                if (inText is not null) { yield return inText with { Span = span, Kind = MentionKind.Role }; continue; }
                var holder = role == "official" ? null : lexicon.HolderOf(iso, title, role, day);
                if (holder is not null)
                {
                    var tenure = holder.TenureOn(day);
                    yield return new PersonMention(span, holder.Name, iso, role, MentionKind.Role) { KbId = holder.Id ?? holder.Name, Written = doc.Clean.Text[span.Start..span.End], Organisation = tenure?.Organisation };
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
    private static bool SameOffice(string? mentioned, string role) =>
        mentioned == role || (mentioned is "head_of_state" or "head_of_government" && role is "head_of_state" or "head_of_government");

    private IReadOnlyList<Interaction> Merge(AnalysedDocument doc, List<Candidate> candidates, List<(Sentence Sentence, List<PersonMention> People)> attendance)
    {
        var clusters = new List<List<Candidate>>();
        // 1. candidates with two or more principals and a day of their own found the clusters
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && HasDay(c) && !c.DateInherited))
        {
            var home = clusters.FirstOrDefault(k => k[0].Key == c.Key && !k[0].Planned && DayOf(k[0]) == DayOf(c));
            if (home is null) clusters.Add([c]); else home.Add(c);
        }
        // 2. those whose day is only inherited join a cluster of the same principals and day; a sentence
        //    right next to a cluster's own (the lead-in to "they met on June 16") joins it when the modes agree
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && c.DateInherited && HasDay(c)))
        {
            var same = clusters.Where(k => k[0].Key == c.Key && !k[0].Planned).ToList();
            var home = same.FirstOrDefault(k => DayOf(k[0]) == DayOf(c))
                       ?? same.FirstOrDefault(k => ModesAgree(k, c) && k.Any(x => !x.DateInherited && Math.Abs(x.Sentence.Index - c.Sentence.Index) <= 2));
            if (home is not null) home.Add(c); else clusters.Add([c]);
        }
        // 3. those with no day at all (headlines, "after the talks") join the nearest cluster of the same principals
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && !c.Planned && !HasDay(c)))
        {
            var same = clusters.Where(k => k[0].Key == c.Key && !k[0].Planned).ToList();
            var home = same.Where(k => ModesAgree(k, c)).OrderBy(k => k.Min(x => Math.Abs(x.Sentence.Index - c.Sentence.Index))).FirstOrDefault()
                       ?? same.OrderBy(k => k.Min(x => Math.Abs(x.Sentence.Index - c.Sentence.Index))).FirstOrDefault();
            home?.Add(c);
        }
        // 4. a sentence naming one principal joins the cluster of the same day that includes them
        foreach (var c in candidates.Where(c => c.Participants.Count == 1 && !c.Planned && HasDay(c)))
            clusters.FirstOrDefault(k => !k[0].Planned && DayOf(k[0]) == DayOf(c) && k[0].Participants.Any(p => p.Name == c.Participants[0].Name))?.Add(c);
        // 5. planned interactions, one per set of principals
        foreach (var c in candidates.Where(c => c.Participants.Count >= 2 && c.Planned))
        {
            var home = clusters.FirstOrDefault(k => k[0].Planned && k[0].Key == c.Key);
            if (home is null) clusters.Add([c]); else home.Add(c);
        }

        // attendees join the latest happened interaction told before them
        var attendees = clusters.ToDictionary(k => k, _ => new List<(PersonMention P, Sentence S)>());
        foreach (var (s, people) in attendance)
        {
            var target = clusters.Where(k => !k[0].Planned)
                .Select(k => (k, last: k.Where(c => c.Sentence.Index <= s.Index).Select(c => c.Sentence.Index).DefaultIfEmpty(-1).Max()))
                .Where(x => x.last >= 0).OrderByDescending(x => x.last).Select(x => x.k).FirstOrDefault();
            if (target is null) continue;
            foreach (var p in people)
                if (!target.Any(c => c.Participants.Any(q => q.Name == p.Name)) && !attendees[target].Any(a => a.P.Name == p.Name))
                    attendees[target].Add((p, s));
        }

        // an official readout tells its interaction in the lead without a day: it is dated by its publication
        if (!clusters.Any(k => !k[0].Planned) && doc.Clean.Published is { } published)
        {
            var lead = candidates.FirstOrDefault(c => c.Participants.Count >= 2 && !c.Planned && c.Date?.Date is null && c.Time is null
                && c.Sentence.Index == FirstBodySentence(doc) && PastVerb().IsMatch(c.Sentence.Text)
                && c.Participants.All(p => c.Sentence.Span.Contains(p.Span.Start))
                && !doc.Times.Any(t => c.Sentence.Span.Contains(t.Span.Start)) && !_future.IsMatch(c.Sentence.Text));
            if (lead is not null)
            {
                var dated = new Candidate
                {
                    Sentence = lead.Sentence, Cue = lead.Cue, Mode = lead.Mode, Strength = lead.Strength, Participants = lead.Participants,
                    Time = null, Date = new ResolvedDate(published.Date, null, $"no day in the text: the interaction the report leads with, dated by its {doc.Frame.Basis}"),
                    DateInherited = true, Planned = false, Venue = lead.Venue, City = lead.City,
                };
                var home = new List<Candidate> { dated };
                home.AddRange(candidates.Where(c => c != lead && c.Key == lead.Key && !c.Planned && c.Date?.Date is null));
                clusters.Add(home);
                attendees[home] = [];
                foreach (var (s, people) in attendance.Where(a => a.Sentence.Index > lead.Sentence.Index))
                    foreach (var p in people)
                        if (!lead.Participants.Any(q => q.Name == p.Name) && !attendees[home].Any(a => a.P.Name == p.Name)) attendees[home].Add((p, s));
            }
        }
        return clusters.Select(k => Build(doc, k, attendees[k])).ToList();
    }

    /// <summary>The first sentence of the story's body: the first that ends like a sentence and is not the title.</summary>
    private static int FirstBodySentence(AnalysedDocument doc) =>
        doc.Sentences.FirstOrDefault(s => s.Text.TrimEnd().EndsWith('.') && s.Text.Length > 60)?.Index ?? 0;

    private static bool HasDay(Candidate c) => DayOf(c) is not null;

    /// <summary>The day a candidate names, exact ("2021-06-28") or partial ("--12-30").</summary>
    private static string? DayOf(Candidate c) => c.Date?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? c.Date?.Partial;

    private static bool ModesAgree(List<Candidate> cluster, Candidate c)
    {
        var modes = cluster.Where(x => x.Mode != "any").Select(x => x.Mode).Distinct().ToList();
        return c.Mode == "any" || modes.Count == 0 || modes.Contains(c.Mode);
    }

    private static Actor ActorOf(PersonMention p) => new(p.Name, p.Country, p.Role, p.Organisation, p.Written, p.KbId);

    private Interaction Build(AnalysedDocument doc, List<Candidate> cluster, List<(PersonMention P, Sentence S)> attendees)
    {
        var text = doc.Clean.Text;
        var evidence = new List<EvidenceSpan>();
        EvidenceSpan Ev(string field, TextSpan span) => new(field, span.Start, span.End, text[span.Start..span.End]);

        var modeCue = cluster.OrderByDescending(c => c.Mode == "any" ? c.Strength - 0.5 : c.Strength).ThenBy(c => c.Sentence.Index).First();
        var modeFrom = cluster.Where(c => c.Mode != "any").OrderByDescending(c => c.Strength).ThenBy(c => c.Sentence.Index).FirstOrDefault() ?? modeCue;
        var mode = modeFrom.Mode != "any" ? modeFrom.Mode
            // "spoke with", "talked" and nothing says where: a call; "held talks", "met": in person
            : cluster.All(c => c.Venue is null && c.City is null) && cluster.Any(c => SpokeCue().IsMatch(text[c.Cue.Start..c.Cue.End])) ? "phone"
            : "in_person";
        evidence.Add(Ev("mode", modeFrom.Cue));

        var dated = cluster.Where(c => c.Date is not null).OrderBy(c => c.DateInherited).ThenBy(c => c.Date!.Date is null).ThenBy(c => c.Sentence.Index).FirstOrDefault();
        string? date = dated?.Date?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? dated?.Date?.Partial;
        var basis = dated?.Date?.Basis ?? "no day is given";
        if (dated?.Time is { } t) evidence.Add(Ev("date", t.Span));

        var first = cluster.OrderBy(c => c.Participants.Count >= 2 ? 0 : 1).ThenBy(c => c.Strength == 3 ? 0 : 1).ThenBy(c => c.Sentence.Index).First();
        var participants = first.Participants.Select(ActorOf).ToList();
        foreach (var p in first.Participants) evidence.Add(Ev("participants", p.Span));

        Location? location = null;
        if (mode == "in_person")
        {
            var venue = cluster.Select(c => c.Venue).FirstOrDefault(v => v is not null);
            var city = cluster.Select(c => c.City).FirstOrDefault(v => v is not null);
            string? cityName = venue?.City ?? city?.Name;
            string? country = venue?.Country ?? city?.Country;
            if (venue is not null) evidence.Add(Ev("location.venue", venue.Span));
            if (city is not null && (venue?.City is null || venue.City == city.Name)) evidence.Add(Ev("location.city", city.Span));
            if (cityName is null && !cluster[0].Planned && doc.Clean.Dateline?.City is { } dl && lexicon.Gazetteer.FindAll(dl).FirstOrDefault()?.Value is City dc)
            {
                cityName = dc.Name; country = dc.Country;
                evidence.Add(Ev("location.city", doc.Clean.Dateline.Span));
            }
            if (cityName is not null || venue is not null) location = new Location(cityName, country, venue?.Name);
        }

        var attendeeActors = attendees.Select(a => ActorOf(a.P)).ToList();
        foreach (var (p, _) in attendees) evidence.Add(Ev("attendees", p.Span));
        var status = cluster[0].Planned ? "planned" : "happened";
        var raw = doc.Clean.Raw;
        var id = "ix-" + Ingest.InputReader.Hash($"{raw.ContentHash}|{status}|{first.Key}|{date}|{cluster.Min(c => c.Sentence.Index)}")[..16];
        var source = new SourceRef(raw.Uri, doc.Clean.Title, doc.Clean.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), raw.ContentHash,
            evidence.Concat(cluster.Select(c => Ev("interaction", c.Sentence.Span))).ToList());
        return new Interaction(id, status, mode, date, basis, participants, location, attendeeActors, [source],
            DateCertainty: dated?.Date?.YearInferred == true && dated.Time?.Kind != TemporalKind.FullDate ? "inferred" : null);
    }
}
