using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Finds the interactions a report says took place (or will), clause by clause: an interaction predicate
/// ("met", "spoke with", "a call with", "welcomed X to the White House"), its arguments (who met whom),
/// the day written in its own clause, and whether it happened or is planned. Reports of appeals ("called
/// on X to"), denials, conditions and questions are not interactions. The merger then joins the clauses
/// that tell one interaction. The words it reads by are the lexicon's (<see cref="ExtractLexicon"/>:
/// extract_words.tsv, extract_patterns.tsv); the code keeps what each match means.
/// </summary>
public sealed class InteractionExtractor
{
    private readonly Lexicon _lexicon;
    /// <summary>The readers' words and patterns (extract_words.tsv, extract_patterns.tsv), compiled once with the lexicon.</summary>
    private readonly ExtractLexicon _x;
    private readonly MentionFinder _mentions;
    private readonly ClauseReader _clauses;
    private readonly RoleReferences _roles;
    private readonly InteractionMerger _merger;
    private readonly PatternSet<InteractionCue> _cues;
    private readonly PatternSet<string> _future;
    private readonly PatternSet<string> _group;


    public InteractionExtractor(Lexicon lexicon, MentionFinder mentions)
    {
        _lexicon = lexicon;
        _x = lexicon.Extract;
        _mentions = mentions;
        _clauses = new ClauseReader(lexicon);
        _roles = new RoleReferences(lexicon);
        _merger = new InteractionMerger(lexicon);
        _cues = new PatternSet<InteractionCue>(lexicon.Cues.Select(c => (c.Pattern, c)), RegexOptions.IgnoreCase | RegexOptions.Compiled);
        _future = new PatternSet<string>([(string.Join("|", lexicon.WordList("future")), "future")], RegexOptions.IgnoreCase | RegexOptions.Compiled);
        _group = new PatternSet<string>([(string.Join("|", lexicon.WordList("group")), "group")], RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }

    /// <summary>
    /// A transcript in which principals of different states speak ("Remarks by President Biden and Prime
    /// Minister Modi Before Bilateral Meeting", joint press statements): the transcript is the meeting, on its
    /// day, in person unless the speakers say they meet by video, at the place its header names.
    /// </summary>
    private Candidate? JointAppearance(AnalysedDocument doc)
    {
        // officials the knowledge base knows, of two states or more (not a briefer taking reporters' questions):
        // the highest office of each side is its principal, the others attend
        var officials = doc.Transcript.Speakers.Where(p => p.KbId is not null && (p.Country ?? p.Organisation) is not null).ToList();
        var sides = officials.GroupBy(p => p.Country ?? p.Organisation).ToList();
        if (sides.Count < 2) return null;
        var principals = sides.Select(g => g.OrderBy(p => Person.RoleRank(p.Role ?? Person.OtherPost)).First()).ToList();
        var attendees = officials.Where(p => !principals.Contains(p)).ToList();
        var first = doc.Transcript.Turns.First(t => !t.IsQuestion);
        var sentence = doc.Sentences.FirstOrDefault(s => s.Span.Contains(first.Label.Start)) ?? doc.Sentences[0];
        // "it's good to speak with you today virtually", not "on our video call in April"
        var opening = doc.Sentences.StartingIn(x => x.Span.Start, first.Span.Start, first.Span.Start + 1500)
            .Any(x => _x.Virtual.IsMatch(x.Text)
                && !doc.Times.StartingIn(t => t.Span.Start, x.Span.Start, x.Span.End)
                    .Any(t => t.Kind is not TemporalKind.Relative || t.DayOffset != 0));
        var header = doc.Mentions.Places.Where(p => p.Span.End <= first.Span.Start).ToList();
        var published = doc.Clean.Published?.Date;
        return new Candidate
        {
            Sentence = sentence, Cue = first.Label, Mode = opening ? InteractionMode.Video : InteractionMode.InPerson, Strength = 2,
            Participants = principals, Attendees = attendees, Structured = true, InTitle = true,
            DaySource = published is null ? DaySource.None : DaySource.Publication,
            Date = published is { } d ? new ResolvedDate(d, null, DateBasis.Transcript(principals.Select(p => p.Name), doc.Frame.Basis)) : null,
            Venue = header.FirstOrDefault(p => p.Kind == PlaceKind.Venue), City = header.LastOrDefault(p => p.Kind == PlaceKind.City),
        };
    }

    public IReadOnlyList<Interaction> Extract(AnalysedDocument doc, CancellationToken ct = default)
    {
        var text = doc.Clean.Text;
        var candidates = new List<Candidate>();
        var attendance = new List<(Sentence Sentence, List<PersonMention> People)>();
        List<PersonMention>? primaryPair = null;
        var title = TitleSentence(doc);

        foreach (var s in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            var peopleHere = doc.Mentions.People.StartingIn(p => p.Span.Start, s.Span.Start, s.Span.End).ToList();
            if (_mentions.IsAttendance(s.Text))
            {
                attendance.Add((s, peopleHere));
                continue;
            }
            // a "sentence" of thousands of characters is a page without stops or a run-on table, not a claim; the
            // clause reading below is quadratic in it (a 550 KB one-line page took 43 s of processor time; found by the fuzzer)
            if (s.Text.Length > ExtractLimits.MaxSentenceLength) continue;
            if (s.Text.AsSpan().TrimEnd("\"” ").EndsWith('?')) continue;   // a question claims nothing (a span: no array or string per sentence)
            if (doc.Transcript.At(s.Span.Start) is { IsQuestion: true }) continue;   // nor does a reporter's turn
            var cues = Cues(s);
            if (cues.Count == 0) continue;
            var day = doc.Frame.Date;
            var items = new List<PersonMention>(peopleHere);
            items.AddRange(_roles.Find(doc, s, peopleHere, day));
            var groups = _clauses.Groups(text, items, doc.Mentions.Matches);
            // one claim per clause, read at the cue whose arguments are the clearest (a subject and an object),
            // then the strongest; the clause's mode is that of its strongest cue that names one
            foreach (var inClause in cues.Select(c => (Cue: c, Clause: _clauses.ClauseOf(s, c.Span))).GroupBy(x => (x.Clause.Start, x.Clause.End)))
            {
                var clause = inClause.First().Clause;
                Reading? best = null;
                foreach (var (cueSpan, cue) in inClause.Select(x => x.Cue))
                {
                    if (!IsClaim(text, s, clause, cueSpan)) continue;
                    var (subject, obj) = _clauses.Arguments(text, clause, cueSpan, groups, doc.Mentions.Matches);
                    if (cue.NeedsObject && (obj is null || !_clauses.IsDirectObject(text, cueSpan.End, obj.Start, doc.Mentions.Matches))) continue;
                    if (cue.NoInfinitive && obj is not null
                        && _x.InfinitiveAfter.IsMatch(text.AsSpan(obj.End, Math.Min(30, clause.End - obj.End)).ToString())) continue;
                    var principals = Principals(doc, s, clause, cueSpan, subject, obj, primaryPair, candidates, out var byReference);
                    if (principals.Count == 0) continue;
                    var reading = new Reading(cueSpan, cue, principals, subject is not null && obj is not null, subject?.Start ?? int.MaxValue) { ByReference = byReference };
                    if (best is null || reading.Rank > best.Rank || (reading.Rank == best.Rank && reading.SubjectStart < best.SubjectStart)) best = reading;
                }
                if (best is null) continue;
                var who = best.Principals;
                // officials of one state meeting each other are not a diplomatic interaction
                if (who.Count >= 2 && Place(who[0], doc, s) is { } place && who.All(p => Place(p, doc, s) == place)) continue;
                // nor are people of whom the report says no state or organisation at all (a spokesman and a
                // congressman, a governor and an agency head): nothing makes it diplomatic
                if (who.Count >= 2 && who.All(p => (p.Country ?? p.Organisation) is null)) continue;
                var candidate = MakeCandidate(doc, s, clause, best.Span, best.Cue, who, candidates, best.Structured, best.ByReference, s.Index == title);
                if (candidate is null) continue;
                if (who.Count >= 2 && primaryPair is null && !candidate.Planned) primaryPair = who;
                candidates.Add(candidate);
            }
        }
        if (JointAppearance(doc) is { } joint) candidates.Add(joint);
        return _merger.Merge(doc, candidates, attendance).Select(i => i with { LexiconVersion = _lexicon.Version }).ToList();
    }

    /// <summary>
    /// Where a principal belongs, to tell a meeting between states from one inside a government: the state or
    /// organisation the report gives them; else, in a government's own report, that government, when they speak as
    /// a briefer in its transcript ("MS. PSAKI:" on whitehouse.gov), or when their sentence names no other state or
    /// organisation ("the President spoke with Governor Abbott"; but "spoke with Krzysztof Szczerski, Chief of the
    /// Cabinet of the President of Poland" leaves him unplaced).
    /// </summary>
    private static string? Place(PersonMention p, AnalysedDocument doc, Sentence s)
    {
        if ((p.Country ?? p.Organisation) is { } place) return place;
        if (doc.Publisher is not { } own) return null;
        if (doc.Transcript.Turns.Any(t => t.Speaker?.Name == p.Name)) return own;
        foreach (var m in doc.Mentions.Matches.StartingIn(x => x.Start, s.Span.Start, s.Span.End))
        {
            var other = m.Value switch
            {
                Country c => c.Iso3 != own,
                Demonym d => d.Country.Iso3 != own,
                Organisation o => o.Name != own,
                _ => false,
            };
            if (other) return null;
        }
        return own;
    }

    /// <summary>A cue of a clause with the principals read around it.</summary>
    /// <param name="SubjectStart">Where the subject begins: between equal readings, the one whose subject opens the clause is its main predicate.</param>
    private sealed record Reading(TextSpan Span, InteractionCue Cue, List<PersonMention> Principals, bool Structured, int SubjectStart)
    {
        public bool ByReference { get; init; }
        public int Rank => Math.Min(Principals.Count, 2) * 100 + (Structured ? 10 : 0) + Cue.Strength;
    }

    /// <summary>The index of the headline sentence, when the clean text opens with the report's title.</summary>
    private static int TitleSentence(AnalysedDocument doc) =>
        doc.Clean.Title is { Length: > 0 } t && doc.Sentences.Count > 0 && doc.Sentences[0].Text.StartsWith(t.Length > 40 ? t[..40] : t, StringComparison.Ordinal) ? 0 : -1;

    /// <summary>Every cue of a sentence, strongest first (the mode-naming ones before the vague ones), then in text order.</summary>
    private List<(TextSpan Span, InteractionCue Cue)> Cues(Sentence s)
    {
        var found = new List<(TextSpan, InteractionCue)>();
        foreach (var cue in _cues.Candidates(s.Text))
            foreach (var m in cue.Matches(s.Text))
                found.Add((new TextSpan(s.Span.Start + m.Index, s.Span.Start + m.Index + m.Length), cue.Item));
        if (found.Count < 2) return found;   // most sentences have no cue: nothing to order
        return found.OrderByDescending(x => x.Item2.Strength).ThenBy(x => x.Item2.Mode is null).ThenBy(x => x.Item1.Start).ToList();
    }

    /// <summary>A clause that claims an interaction: not a condition, a denial, a negation or an appeal to meet.</summary>
    private bool IsClaim(string text, Sentence s, Clause clause, TextSpan cue)
    {
        if (_x.ConditionalOpeners.Contains(clause.Opener)) return false;
        if (_x.DenialBefore.IsMatch(clause.Governor)) return false;
        var before = Before(text, clause.Start, cue.Start, 60);
        if (_x.NegatedBefore.IsMatch(before)) return false;
        if (_x.AppealBefore.IsMatch(Before(text, s.Span.Start, cue.Start, 120))) return false;
        // "was welcomed at the door by", "greeted at the airport by": an arrival ceremony, part of a visit told elsewhere
        if (_x.Greeting.IsMatch(text[cue.Start..clause.End])) return false;
        return true;
    }

    /// <summary>
    /// The principals: the predicate's subject and object; a pronoun ("he spoke with") stands for the person
    /// it refers back to, and "the two leaders" or "they" for the story's pair.
    /// </summary>
    private List<PersonMention> Principals(AnalysedDocument doc, Sentence s, Clause clause, TextSpan cue, ActorGroup? subject, ActorGroup? obj,
        List<PersonMention>? primaryPair, List<Candidate> earlier, out bool byReference)
    {
        byReference = false;
        var text = doc.Clean.Text;
        var found = new List<PersonMention>();
        if (subject is not null) found.AddRange(subject.Members);
        if (obj is not null) found.AddRange(obj.Members);
        var clauseText = text[clause.Start..clause.End];
        // the turn's speaker is a principal when "I" is the subject: not when the object names every party ("I know
        // there's interest in the meeting between President Xi and President Putin"), nor when a third person stands
        // between the "I" and the cue ("I mean, he talked to Prime Minister Modi today"), nor when the knowledge base
        // knows the speaker in no office: a briefer speaks of the meetings of others ("I don't have a visit by
        // President Xi to announce today", John Kirby)
        if (subject is null && doc.Transcript.At(cue.Start)?.Speaker is { KbId: not null } speaker
            && !(obj is not null && _clauses.NamesEveryParty(text, cue, obj, doc.Mentions.Matches))
            && _x.FirstPerson.Match(text[clause.Start..cue.Start]) is { Success: true } me
            && !_x.Pronoun.IsMatch(text[(clause.Start + me.Index + me.Length)..cue.Start]))
        {
            // "I spoke with Prime Minister Trudeau": in a transcript, the speaker of the turn
            var at = clause.Start + me.Index;
            if (!found.Any(f => f.Name == speaker.Name)) found.Insert(0, speaker with { Span = new TextSpan(at, at + me.Length) });
        }
        else if (subject is null)
        {
            var before = text[clause.Start..cue.Start];
            if (_x.Pronoun.Match(before) is { Success: true } m)
            {
                var at = clause.Start + m.Index;
                var antecedent = Antecedent(doc, s, at, found);
                if (antecedent is not null) found.Insert(0, antecedent with { Span = new TextSpan(at, at + m.Length) });
            }
        }
        var distinct = found.GroupBy(p => p.Name).Select(g => g.First()).ToList();
        if (distinct.Count < 2 && _group.Match(clauseText) is { Success: true } pair)
        {
            // "the two leaders" names the story's pair; a bare "they" may be anyone
            byReference = pair.Value.Equals("they", StringComparison.OrdinalIgnoreCase);
            if (primaryPair is not null) return primaryPair.Select(p => p with { }).ToList();
            // "the two leaders" before any interaction: the two people the story has named most; outside a transcript,
            // of a state or an organisation ("Statement by Press Secretary Jen Psaki on the Visit of Prime Minister
            // Naftali Bennett" does not make her one of the two leaders). A briefing's "they" may be anyone it named,
            // placed or not: there the briefers stay, and the same-state test sets them aside.
            var top = doc.Mentions.People.Where(p => p.Span.End <= s.Span.End && (doc.Transcript.IsTranscript || (p.Country ?? p.Organisation) is not null)).GroupBy(p => p.Name)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Span.Start).Take(2).Select(g => g.First()).ToList();
            if (top.Count == 2) return top;
            byReference = false;
        }
        return distinct;
    }

    /// <summary>
    /// Whom "he" or "she" stands for: the person named last before it in its own sentence ("Biden said he had
    /// met..."), else the first person named in the nearest sentence before that names one, its subject as a
    /// rule ("Thatcher left Bonn after talks with Chancellor Kohl. She had flown from talks with Mitterrand"); in a
    /// transcript, never the speaker of the turn.
    /// </summary>
    /// <summary>Up to <paramref name="width"/> characters of text before <paramref name="at"/>, not reaching back past <paramref name="floor"/>.</summary>
    private static string Before(string text, int floor, int at, int width) => text[Math.Max(floor, at - width)..at];

    private static PersonMention? Antecedent(AnalysedDocument doc, Sentence s, int at, List<PersonMention> found)
    {
        // in a transcript, "he" or "she" is never the turn's own speaker, who says "I"
        var speaker = doc.Transcript.At(at)?.Speaker?.Name;
        // nor is it anyone the headline names: a headline is not part of the discourse
        var headline = doc.Clean.Title is { } title && doc.Clean.Text.StartsWith(title, StringComparison.Ordinal) ? title.Length : 0;
        bool Free(PersonMention p) => !found.Any(f => f.Name == p.Name) && p.Name != speaker && p.Span.Start >= headline;
        var inSentence = doc.Mentions.People.LastOrDefault(p => p.Span.Start >= s.Span.Start && p.Span.End <= at && Free(p));
        if (inSentence is not null) return inSentence;
        var last = doc.Mentions.People.LastOrDefault(p => p.Span.End <= s.Span.Start && p.Span.End > s.Span.Start - 600 && Free(p));
        if (last is null) return null;
        var sentence = doc.Sentences.LastOrDefault(x => x.Span.Start <= last.Span.Start);
        if (sentence is null) return last;
        return doc.Mentions.People.FirstOrDefault(p => p.Span.Start >= sentence.Span.Start && p.Span.End <= sentence.Span.End && Free(p)) ?? last;
    }

    private Candidate? MakeCandidate(AnalysedDocument doc, Sentence s, Clause clause, TextSpan cueSpan, InteractionCue cue,
        List<PersonMention> principals, List<Candidate> earlier, bool structured, bool byReference, bool inTitle)
    {
        var text = doc.Clean.Text;
        // the mode: a cue of the clause that names it outright ("spoke by phone with", "met in person")
        var mode = cue.Mode;
        var strength = cue.Strength;
        foreach (var (rx, c) in _cues.Candidates(text, clause.Start, clause.End - clause.Start)
                     .Where(x => x.Item.Mode is not null && x.Item.Strength == 3 && x.Item.Strength > (cue.Mode is null ? 0 : cue.Strength)))
            if (rx.Match(text, clause.Start, clause.End - clause.Start) is { Success: true } && (mode is null || c.Strength > strength))
            {
                mode = c.Mode; strength = Math.Max(strength, c.Strength);
            }

        // time: the day-level expression of the clause nearest the cue; a coarse one ("in November") nearer means no day is given
        var timesHere = doc.Times.StartingIn(t => t.Span.Start, clause.Start, clause.End).ToList();
        var nearest = timesHere.OrderBy(t => Distance(t.Span, cueSpan)).FirstOrDefault();
        // "Yellen said on Monday she spoke with He Lifeng ... on Friday": the day right after a reporting verb is the
        // saying's; it dates the interaction only when the clause gives no other
        var dayLevel = timesHere.Where(t => t.Kind != TemporalKind.Coarse)
            .OrderBy(t => _x.SaidOn.IsMatch(Before(text, s.Span.Start, t.Span.Start, 30)) ? 1 : 0)
            .ThenBy(t => Distance(t.Span, cueSpan)).FirstOrDefault();
        var future = IsFuture(text, clause, cueSpan);
        var coarseNearest = dayLevel is null || (nearest is not null && nearest.Kind == TemporalKind.Coarse && Distance(nearest.Span, cueSpan) < Distance(dayLevel.Span, cueSpan));
        if (coarseNearest && nearest is not null && Distance(nearest.Span, cueSpan) < 80)
        {
            if (!future) return null;          // "met in November": no day is given, so not an interaction
            dayLevel = null;                   // "will visit next week": planned, without a day
        }
        TemporalExpression? time = dayLevel;
        var source = time is null ? DaySource.None : DaySource.OwnClause;
        // "The visit opened on Sunday, when Blinken held talks with Qin Gang", "agreed on Monday ..., as Putin and Xi
        // held a video conference": a "when" or "as" clause is dated by the clause it qualifies
        // "On May 19, commencing at 5:10 p.m., Mr. Kishida held a summit meeting with...": a day that opens the
        // sentence dates what the sentence tells, though a participle's comma starts another clause
        if (time is null && doc.Times.StartingIn(t => t.Span.Start, s.Span.Start, clause.Start).FirstOrDefault(t => t.Kind != TemporalKind.Coarse) is { } opening
            && _x.OpeningDate.IsMatch(text.AsSpan(s.Span.Start, opening.Span.Start - s.Span.Start).ToString()))
        {
            time = opening; source = DaySource.Sentence;
        }
        if (time is null && _x.DatingOpeners.Contains(clause.Opener) && !future)
        {
            time = doc.Times.StartingIn(t => t.Span.Start, s.Span.Start, clause.Start).LastOrDefault(t => t.Kind != TemporalKind.Coarse);
            if (time is not null) source = DaySource.Sentence;
        }
        // "following the recent phone call between...", "their previous meeting": an earlier interaction the
        // report refers back to without its day is not the story's current day's
        if (time is null && !future && !inTitle && _x.EarlierReference.IsMatch(Before(text, clause.Start, cueSpan.Start, 40)))
            return null;
        if (time is null && !future && !inTitle)
        {
            // no time in the clause: the story's current day — the day of the interaction told just before,
            // or a day named in the two sentences before this one
            var lastCandidate = earlier.LastOrDefault(c => !c.Planned && c.Time is not null && s.Index - c.Sentence.Index <= 4);
            var windowStart = doc.Sentences[Math.Max(0, s.Index - 2)].Span.Start;
            time = doc.Times.LastOrDefault(t => t.Span.End <= s.Span.Start && t.Span.Start >= windowStart && t.Kind != TemporalKind.Coarse && !IsHeader(doc, t));
            if (lastCandidate is not null && (time is null || lastCandidate.Time!.Span.Start > time.Span.Start)) time = lastCandidate.Time;
            if (time is not null) source = DaySource.Inherited;
        }
        var resolved = time is null ? null : DateResolver.Resolve(time, doc.Frame, future);
        if (!future && resolved?.Date is { } d && doc.Frame.Date is { } refDay && d > refDay.AddDays(1) && time!.Kind != TemporalKind.FullDate)
            future = true;

        var placesHere = doc.Mentions.Places.StartingIn(p => p.Span.Start, clause.Start, clause.End).ToList();
        return new Candidate
        {
            Sentence = s, Cue = cueSpan, Mode = mode, Strength = strength, Participants = principals,
            Time = time, Date = resolved, DaySource = source, Planned = future, InTitle = inTitle, Structured = structured, ByReference = byReference,
            Venue = placesHere.Where(p => p.Kind == PlaceKind.Venue && !SpeaksAsInstitution(text, p.Span))
                .OrderBy(p => Distance(p.Span, cueSpan)).FirstOrDefault(),
            City = placesHere.Where(p => p.Kind == PlaceKind.City && IsLocative(text, p.Span))
                .OrderBy(p => Distance(p.Span, cueSpan)).FirstOrDefault(),
        };
    }

    /// <summary>A city named as a place ("in Geneva", "the Helsinki summit"), not as its government ("Moscow interfered").</summary>
    private bool IsLocative(string text, TextSpan span)
    {
        var before = text[Math.Max(0, span.Start - 25)..span.Start];
        var after = text[span.End..Math.Min(text.Length, span.End + 12)];
        return _x.LocativeBefore.IsMatch(before) || _x.LocativeAfter.IsMatch(after);
    }

    /// <summary>"the Kremlin said": a venue name standing for the institution that sits there.</summary>
    private bool SpeaksAsInstitution(string text, TextSpan span) =>
        _x.InstitutionVerbAfter.IsMatch(text.AsSpan(span.End, Math.Min(30, text.Length - span.End)).ToString());

    private static bool IsHeader(AnalysedDocument doc, TemporalExpression t) =>
        doc.Clean.Published?.Span is { } ps && ps.Overlaps(t.Span);

    internal static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    /// <summary>
    /// A future or intended interaction: a marker of the future in its clause before the cue ("will have a
    /// one-on-one meeting, an expanded bilateral meeting"), or right after it; for an infinitive clause ("to
    /// meet with"), in the clause that governs it ("will travel to San Diego to meet with").
    /// </summary>
    private bool IsFuture(string text, Clause clause, TextSpan cue)
    {
        var before = text[clause.Start..cue.Start];
        if (_future.IsMatch(before)) return true;
        if (clause.Opener == "" && before.TrimStart().StartsWith("to ", StringComparison.OrdinalIgnoreCase) && _future.IsMatch(clause.Governor)) return true;
        if (_x.PastVerb.IsMatch(text[cue.Start..cue.End])) return false;
        var after = text[cue.End..Math.Min(clause.End, cue.End + 25)];
        return _future.IsMatch(after);
    }
}
