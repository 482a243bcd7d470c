using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>The clause of an interaction predicate within its sentence: absolute offsets, and what opens it.</summary>
/// <param name="Opener">The word that opens a subordinate clause ("if", "after", "that", "which"), lower case; empty for a main clause.</param>
/// <param name="Governor">The text before the clause that governs it ("the Kremlin denied"), for denials and appeals.</param>
public sealed record Clause(int Start, int End, string Opener, string Governor)
{
    public bool Contains(TextSpan span) => span.Start >= Start && span.End <= End;

    /// <summary>"After meeting with X, Y said": a clause fronted before the main one, whose subject follows it.</summary>
    public bool Fronted { get; init; }
}

/// <summary>Names joined as one argument: "President Biden and Prime Minister Kishida", "the leaders of Japan, Korea and India".</summary>
public sealed record ActorGroup(IReadOnlyList<PersonMention> Members, int Start, int End);

/// <summary>
/// A shallow reading of a sentence around an interaction predicate: the clause it stands in (split at
/// semicolons, relative and subordinate clauses, and after reporting verbs), and its arguments — the group
/// of people before it (the subject) and the group after it introduced by "with", "between", "to", "by" or
/// as a direct object ("called Prime Minister Kishida"). Names elsewhere in the sentence ("to express
/// condolences on the death of former Prime Minister Abe") are not arguments.
/// </summary>
public sealed partial class ClauseReader(Lexicon lexicon)
{
    private readonly HashSet<string> _officeWords = new(lexicon.WordList("office_word"), StringComparer.Ordinal);

    /// <summary>
    /// Where a clause starts, what opens it and what joins two names (extract_patterns.tsv), and the words the argument
    /// tests walk over (extract_words.tsv).
    /// </summary>
    private readonly ExtractLexicon _x = lexicon.Extract;

    /// <summary>The clause of a sentence that holds a span (an interaction cue).</summary>
    public Clause ClauseOf(Sentence s, TextSpan cue)
    {
        int start = 0, end = s.Text.Length;
        var rel = cue.Start - s.Span.Start;
        var relEnd = cue.End - s.Span.Start;
        foreach (Match m in _x.ClauseBoundary.Matches(s.Text))
        {
            var at = m.Index + m.Length;
            if (at <= rel) start = Math.Max(start, at);
            else if (m.Index >= relEnd) { end = Math.Min(end, m.Index); break; }
        }
        var text = s.Text[start..end];
        var opener = _x.SubordinateOpener.Match(text) is { Success: true } so ? so.Groups["w"].Value.ToLowerInvariant() : "";
        var fronted = false;
        if (start == 0 && _x.FrontedOpener.Match(text) is { Success: true } fo && s.Text.IndexOf(',', 0, rel) < 0)
        {
            // "After meeting with X, Y said": the fronted clause ends at its comma
            var comma = s.Text.IndexOf(", ", relEnd, end - relEnd, StringComparison.Ordinal);
            if (comma > 0) { end = comma; fronted = true; }
            opener = fo.Groups["w"].Value.ToLowerInvariant();
        }
        var governor = s.Text[Math.Max(0, start - 60)..start];
        return new Clause(s.Span.Start + start, s.Span.Start + end, opener, governor) { Fronted = fronted };
    }

    /// <summary>The people of a sentence joined into groups ("X and Y", "X, Y and Z"), in text order.</summary>
    public List<ActorGroup> Groups(string text, IReadOnlyList<PersonMention> items, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        var groups = new List<ActorGroup>();
        var sorted = items.OrderBy(i => i.Span.Start).ToList();
        List<PersonMention>? current = null;
        for (int i = 0; i < sorted.Count; i++)
        {
            var p = sorted[i];
            if (current is not null && IsJoined(text, current[^1].Span.End, p.Span.Start, matches) && !StartsClause(text, current[^1].Span.End, p))
            {
                current.Add(p);
                continue;
            }
            if (current is not null) groups.Add(Make(current));
            current = [p];
        }
        if (current is not null) groups.Add(Make(current));
        return groups;

        static ActorGroup Make(List<PersonMention> members) => new(members, members[0].Span.Start, members[^1].Span.End);
    }

    /// <summary>"was welcomed by Mr Niinisto, and Mr Trump arrived": after ", and" a name followed by a verb is the subject of a new clause.</summary>
    private bool StartsClause(string text, int previousEnd, PersonMention next)
    {
        if (next.Span.Start <= previousEnd) return false;   // a role reference overlapping a name
        var between = text[previousEnd..next.Span.Start];
        if (!between.Contains(", and", StringComparison.Ordinal)) return false;
        var after = LeadingWord().Match(text, next.Span.End, Math.Min(25, text.Length - next.Span.End));
        return after.Success && !_x.ListContinuers.Contains(after.Groups["w"].Value);
    }

    // a shape of text, not words of a language: it stays in the code
    [GeneratedRegex(@"\G\s+(?<w>\p{Ll}+)\b")]
    private static partial Regex LeadingWord();

    /// <summary>Whether two names are joined as one argument: only "and", commas, titles, countries and "of" between them.</summary>
    private bool IsJoined(string text, int from, int to, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        if (to <= from) return true;
        if (to - from > 120) return false;
        var between = Strip(text, from, to, matches);
        return _x.Joiner.IsMatch(between) && _x.JoinerOnly.IsMatch(between);
    }

    /// <summary>The text between two offsets with titles, countries, demonyms and organisations blanked out.</summary>
    private string Strip(string text, int from, int to, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        var chars = text[from..to].ToCharArray();
        foreach (var m in matches.StartingIn(x => x.Start, Math.Max(0, from - 40), to))
        {
            if (m.End <= from || m.Value is not (Title or Country or Demonym or Organisation)) continue;
            for (int k = Math.Max(m.Start, from); k < Math.Min(m.End, to); k++) chars[k - from] = ' ';
        }
        // office words of a compound title ("Coordinating Minister for Maritime Affairs")
        var s = new string(chars);
        return Regex.Replace(s, @"\b[\p{Lu}][\p{L}'’-]*\b", w => _officeWords.Contains(w.Value) ? " " : w.Value);
    }

    /// <summary>
    /// The principals of a predicate: the subject group (the last before it in its clause) and the object
    /// group (the first after it, introduced by a preposition of meeting or as a direct object).
    /// </summary>
    public (ActorGroup? Subject, ActorGroup? Object) Arguments(string text, Clause clause, TextSpan cue, List<ActorGroup> groups,
        IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        ActorGroup? subject = null, obj = null;
        foreach (var g in groups)
        {
            if (g.End <= cue.Start && g.Start >= clause.Start) subject = IsPrepositionObject(text, clause.Start, g.Start, matches) ? null : g;
            else if (g.Start >= cue.End && g.End <= clause.End && obj is null && IsObject(text, cue.End, g.Start, matches)) obj = g;
            else if (g.Start < cue.Start && g.End > cue.End) { subject = g; }   // "Biden and Kishida met" spans no cue; a group around a noun cue ("X's call with Y") splits below
        }
        // a group running through the cue ("President Biden's call with Prime Minister Kishida") is subject and object
        if (subject is not null && subject.Start < cue.Start && subject.End > cue.End)
        {
            var before = subject.Members.Where(m => m.Span.End <= cue.Start).ToList();
            var after = subject.Members.Where(m => m.Span.Start >= cue.End).ToList();
            subject = before.Count > 0 ? new ActorGroup(before, before[0].Span.Start, before[^1].Span.End) : null;
            obj ??= after.Count > 0 ? new ActorGroup(after, after[0].Span.Start, after[^1].Span.End) : null;
        }
        // "After meeting with X, Y said...": the subject of a fronted clause is the main clause's
        if (subject is null && clause.Fronted)
            subject = groups.FirstOrDefault(g => g.Start >= clause.End && g.Start - clause.End <= 40);
        // "President Biden, who is in Tokyo, met with X", "President Xi, speaking from Beijing, held a meeting":
        // the subject stands before the clause the comma opens
        if (subject is null && (clause.Opener is "who" or "which" || text[Math.Max(0, clause.Start - 2)..clause.Start].Contains(',')))
            subject = groups.LastOrDefault(g => g.End <= clause.Start && clause.Start - g.End <= 3);
        return (subject, obj);
    }

    /// <summary>
    /// A group right after the predicate is its object when, walking back from the group over its title
    /// phrase ("incoming Israeli National Security Advisor Dr.", "Politburo Member and Director of the Office
    /// of the Foreign Affairs Commission"), the first other word is a preposition of meeting ("with",
    /// "between", "to", "by") or there is none (a direct object: "called Prime Minister Kishida").
    /// </summary>
    private bool IsObject(string text, int cueEnd, int groupStart, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        if (groupStart - cueEnd > 160) return false;
        var (words, k) = OpenerOf(text, cueEnd, groupStart, matches);
        if (k < 0) return true;
        return _x.ObjectOpeners.Contains(words[k]) && words.Take(k).Count(w => !IsFiller(w)) <= 6;
    }

    /// <summary>
    /// Whether the object of a predicate names every party of the meeting ("the meeting between President Xi and
    /// President Putin"): the word that opens it is one of extract_words.tsv's whole_party_openers.
    /// </summary>
    public bool NamesEveryParty(string text, TextSpan cue, ActorGroup obj, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Start <= cue.End) return false;
        var (words, k) = OpenerOf(text, cue.End, obj.Start, matches);
        return k >= 0 && _x.WholePartyOpeners.Contains(words[k]);
    }

    /// <summary>The words between a predicate and a group, and where the word that would open the group as an object stands (-1: none).</summary>
    private (List<string> Words, int Opener) OpenerOf(string text, int cueEnd, int groupStart, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        var words = Words(Strip(text, cueEnd, groupStart, matches));
        var k = words.Count - 1;
        while (k >= 0 && (IsFiller(words[k]) || char.IsUpper(words[k][0]) || _x.TitleModifiers.Contains(words[k]))) k--;
        return (words, k);
    }

    /// <summary>
    /// Whether a group after a verb is its own object ("welcomed Chancellor Scholz", "was received by President
    /// Xi", "called his counterpart Xi Jinping"), not the object of a phrase in between ("welcomed the
    /// opportunity to meet with President Yoon"): between them only titles, names, fillers and "by".
    /// </summary>
    public bool IsDirectObject(string text, int cueEnd, int groupStart, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        if (groupStart <= cueEnd) return true;
        var between = Strip(text, cueEnd, groupStart, matches);
        foreach (var word in Words(between))
        {
            if (char.IsUpper(word[0]) || IsFiller(word) || _x.TitleModifiers.Contains(word)) continue;
            if (_x.DirectObjectWords.Contains(word)) continue;
            return false;
        }
        return true;
    }

    /// <summary>The words of a stretch of text, apostrophes trimmed: what the argument tests walk over.</summary>
    private static List<string> Words(string between) =>
        Regex.Matches(between, @"[\p{L}'’]+").Select(m => m.Value.Trim(Apostrophes)).Where(w => w.Length > 0).ToList();

    private static readonly char[] Apostrophes = ['\'', '’'];   // one array, not one per word

    /// <summary>"The joint statement issued by Mr Putin and Mr Xi spoke of...": a group after a preposition is not the subject.</summary>
    private bool IsPrepositionObject(string text, int clauseStart, int groupStart, IReadOnlyList<PhraseMatcher<object>.Match> matches)
    {
        var from = Math.Max(clauseStart, groupStart - 80);
        var comma = groupStart > from ? text.LastIndexOf(',', groupStart - 1, groupStart - from) : -1;
        if (comma >= 0) from = comma + 1;   // "again at Diaoyutai, Blinken met": the phrase before a comma is not the group's
        var between = Strip(text, from, groupStart, matches);
        var words = Words(between);
        var k = words.Count - 1;
        while (k >= 0 && (IsFiller(words[k]) || char.IsUpper(words[k][0])
            || _x.TitleModifiers.Contains(words[k]) && !_x.TitlePrepositions.Contains(words[k]))) k--;
        if (k >= 0 && _x.TitlePrepositions.Contains(words[k]) && InsideTitle(text[from..groupStart])) return false;
        return k >= 0 && _x.SubjectPrepositions.Contains(words[k]);
    }

    /// <summary>
    /// "Assistant to the President for National Security Affairs Jake Sullivan met...": a preposition inside a
    /// title phrase that opens the clause with an office word ("Assistant", "Senior") is part of the title.
    /// </summary>
    private bool InsideTitle(string phrase)
    {
        var words = Regex.Matches(phrase, @"[\p{L}'’]+").Select(m => m.Value).ToList();
        if (words.Count < 3 || !_officeWords.Contains(words[0])) return false;
        return words.All(w => char.IsUpper(w[0]) || _x.TitleModifiers.Contains(w) || IsFiller(w));
    }

    private bool IsFiller(string w) =>
        _x.ArgumentFillers.Contains(w)
        // a role word before a name ("with North Korean leader Kim Jong Un")
        || _roleFillers.Contains(w);

    /// <summary>The role words a title phrase may hold before a name (role_words.tsv, use "filler"), as written: lower case only.</summary>
    private readonly HashSet<string> _roleFillers = new(lexicon.RoleWords.Forms(RoleUse.Filler), StringComparer.Ordinal);
}
