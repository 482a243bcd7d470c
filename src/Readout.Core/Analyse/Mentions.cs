using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;
using Match = Readout.Lexicons.PhraseMatcher<object>.Match;
using Token = Readout.Lexicons.PhraseMatcher<object>.Token;

namespace Readout.Analyse;

public enum MentionKind { Lexicon, Titled, Named, Surname, Role }

/// <summary>
/// A mention of a person with what is known of them: the canonical name (the knowledge base's, or the
/// report's when the person is not in it), country, role on the report's day.
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-3 of the state the person serves; null for an international organisation's officials.</param>
public sealed record PersonMention(TextSpan Span, string Name, string? Country, string? Role, MentionKind Kind)
{
    /// <summary>The international organisation the person serves (UN, EU, NATO, AU...), when not a state.</summary>
    public string? Organisation { get; init; }

    /// <summary>The name as the report wrote it ("Zelenskyy", "Joseph R. Biden, Jr.").</summary>
    public string? Written { get; init; }

    /// <summary>The person's id in the knowledge base (a Wikidata id, or the canonical name), null when not in it.</summary>
    public string? KbId { get; init; }
}

/// <summary>What a place mention names; a city-state's name is a city.</summary>
public enum PlaceKind { City, Venue, Country }

/// <summary>A place: a city ("Geneva"), a venue ("Villa La Grange") or a country.</summary>
public sealed record PlaceMention(TextSpan Span, PlaceKind Kind, string Name, string? City, string? Country);

/// <summary>The document's entity layer: every person and place mention, in text order.</summary>
public sealed record MentionLayer(IReadOnlyList<PersonMention> People, IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<PhraseMatcher<object>.Match> Matches)
{
    /// <summary>The text the mentions were found in.</summary>
    public string Text { get; init; } = "";
}

/// <summary>
/// Finds people and places. A person is found by a full name the knowledge base knows ("Nikol Pashinyan",
/// "Zelenskyy"), or by the shape of a name with a title, an honorific or a role around it ("Israeli
/// National Security Advisor Dr. Eyal Hulata"), and is resolved against the knowledge base with the
/// country, title and day the text gives. Later mentions by surname ("Kristersson", "Mr Lee") are tied
/// back to the person named in full.
/// </summary>
public sealed partial class MentionFinder
{
    private readonly Lexicon _lexicon;
    private readonly HashSet<string> _stop;
    private readonly PatternSet<string> _attendance;
    private readonly NameGrammar _grammar;
    private readonly TitleReader _titles;
    private readonly HashSet<string> _officeWords;

    public MentionFinder(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _stop = new HashSet<string>(lexicon.WordList("name_stop"), StringComparer.Ordinal);
        var office = new HashSet<string>(lexicon.WordList("office_word"), StringComparer.Ordinal);
        _officeWords = office;
        _attendance = new PatternSet<string>([(string.Join("|", lexicon.WordList("attendance")), "attendance")], RegexOptions.IgnoreCase | RegexOptions.Compiled);
        _grammar = new NameGrammar(new HashSet<string>(_stop.Concat(office), StringComparer.Ordinal), lexicon.Analyse);
        _titles = new TitleReader(office, lexicon.RoleWords.Forms(RoleUse.HeadNoun).Select(SharedWords.TitleCase),
            lexicon.Analyse.TitleConnectors);
        _roleWordsTitleCase = lexicon.RoleWords.Forms(RoleUse.BeforeName).Select(SharedWords.TitleCase).ToHashSet(StringComparer.Ordinal);
        _roleWordBefore = lexicon.Pattern(@"\b(" + lexicon.RoleWords.Alternation(RoleUse.BeforeName) + @")\W*$", RegexOptions.IgnoreCase);
        _appositiveRole = lexicon.Pattern(@"^, (the |a |an |first |former |senior |deputy |chief |[a-z]+ (" + lexicon.RoleWords.Alternation(RoleUse.Appositive) + "))");
        _appositiveSaid = lexicon.Pattern(@"^, [^,.]{3,90}, (" + lexicon.SpeechVerbs.Alternation(SpeechUse.Appositive) + @")\b");
    }

    /// <summary>A role word right before a name ("spokesman Peskov"): role_words.tsv, use "before_name".</summary>
    private readonly Regex _roleWordBefore;
    /// <summary>The same role words as a capitalised title writes them ("Director" of "Senior Director for the Western Hemisphere").</summary>
    private readonly HashSet<string> _roleWordsTitleCase;
    /// <summary>", the foreign minister" after a name: role_words.tsv, use "appositive".</summary>
    private readonly Regex _appositiveRole;
    /// <summary>", Russian Presidential Commissioner for ..., said" after a name: speech_verbs.tsv, use "appositive".</summary>
    private readonly Regex _appositiveSaid;


    public bool IsAttendance(string sentence) => _attendance.IsMatch(sentence);

    public MentionLayer Find(string text, IReadOnlyList<Sentence> sentences, DateOnly? day, string? home = null) =>
        Find(text, TokenLayer.Of(text), sentences, day, home);

    /// <summary>The mentions of <paramref name="text"/>, over its token layer made once by the pipeline.</summary>
    /// <param name="home">The country whose government publishes the report, for titles of one country's usage (<see cref="TitleReader.Read"/>).</param>
    public MentionLayer Find(string text, TokenLayer words, IReadOnlyList<Sentence> sentences, DateOnly? day, string? home = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tokens = words.List;
        var matches = _lexicon.Gazetteer.FindAll(tokens, words.Folded);
        var matchAt = new Match?[tokens.Count];
        for (int i = 0, m = 0; i < tokens.Count && m < matches.Count; i++)
        {
            while (m < matches.Count && matches[m].End <= tokens[i].Start) m++;
            if (m < matches.Count && matches[m].Start <= tokens[i].Start) matchAt[i] = matches[m];
        }
        var sentenceOf = new int[text.Length + 1];
        foreach (var s in sentences) Array.Fill(sentenceOf, s.Index, s.Span.Start, s.Span.Length);

        var people = new List<PersonMention>();
        var places = new List<PlaceMention>();
        var covered = new bool[tokens.Count];
        var singles = new List<(NameRun Run, NameSurroundings Around)>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (covered[i]) continue;
            if (matchAt[i] is { } m && m.Start == tokens[i].Start && !CityAsGivenName(text, tokens, matchAt, i, m))
            {
                var last = i;
                while (last + 1 < tokens.Count && matchAt[last + 1] == m) last++;
                if (m.Value is Person p)
                {
                    var run = ExtendedName(text, tokens, matchAt, i, last, p, day);
                    people.Add(Resolved(text, tokens, matchAt, run, day, p, MentionKind.Lexicon, home));
                    last = run.End - 1;
                }
                else AddPlace(text, m, places);
                for (int k = i; k <= last; k++) covered[k] = true;
                i = last;
                continue;
            }
            if (_grammar.RunAt(text, tokens, i) is not { } found) continue;
            // "Mohamed Irfaan Ali": a given name written before a name the gazetteer knows ("Irfaan Ali")
            if (PersonInside(found, matchAt) is { } inner && WholeName(text, tokens, matchAt, found, inner, day, home) is { } whole)
            {
                people.Add(whole.Mention);
                for (int k = found.Start; k < whole.End; k++) covered[k] = true;
                i = whole.End - 1;
                continue;
            }
            var nameRun = Truncate(found, tokens, matchAt);
            var around = _titles.Read(text, tokens, matchAt, nameRun.Start, nameRun.End, home);
            var (name, byRole) = WithoutOfficeWords(text, tokens, matchAt, nameRun, day);
            // the title read before the office's words stands ("Secretary of" Transportation), else the one before the name
            if (name != nameRun && !around.HasTitle) around = _titles.Read(text, tokens, matchAt, name.Start, name.End, home);
            if (Words(tokens, name) < 2)
            {
                // "the Italian Episcopal Conference": one word before an office word names a body, not a person
                if (!(name.End < tokens.Count && _officeWords.Contains(tokens[name.End].Text))) singles.Add((name, around));
                i = name.End - 1;
                continue;
            }
            var sentence = sentences.Count == 0 ? null : sentences[sentenceOf[name.CharStart]];
            var mention = NamedPerson(text, name, around, sentence, day, afterOffice: byRole && !OfficeWordsIn(tokens, name));
            if (mention is not null)
            {
                people.Add(mention);
                for (int k = name.Start; k < name.End; k++) covered[k] = true;
            }
            i = name.End - 1;
        }
        AddSurnames(text, tokens, singles, people, day);
        people.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        PlaceByOtherMentions(people);
        return new MentionLayer(people, places, matches) { Text = text };
    }

    /// <summary>
    /// A person the knowledge base does not know is placed once in a report ("Chief of the National Security
    /// Bureau of Poland Jacek Siewiera") and named bare elsewhere ("met today with Jacek Siewiera"): every
    /// mention of that name takes the one country or organisation the report gives it. Two different places
    /// for one name leave the bare mentions as they are.
    /// </summary>
    private static void PlaceByOtherMentions(List<PersonMention> people)
    {
        var placed = new Dictionary<string, (string? Country, string? Organisation)?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in people)
        {
            if (p.Country is null && p.Organisation is null) continue;
            var place = (p.Country, p.Organisation);
            if (!placed.TryGetValue(p.Name, out var seen)) placed[p.Name] = place;
            else if (seen is { } s && s != place) placed[p.Name] = null;
        }
        for (int k = 0; k < people.Count; k++)
        {
            var p = people[k];
            if (p.Country is not null || p.Organisation is not null) continue;
            if (placed.TryGetValue(p.Name, out var place) && place is { } one)
                people[k] = p with { Country = one.Country, Organisation = one.Organisation };
        }
    }

    private static void AddPlace(string text, Match m, List<PlaceMention> places)
    {
        var span = new TextSpan(m.Start, m.End);
        switch (m.Value)
        {
            case Venue v: places.Add(new PlaceMention(span, PlaceKind.Venue, v.Name, v.City, v.Country)); break;
            case City c: places.Add(new PlaceMention(span, PlaceKind.City, c.Name, c.Name, c.Country)); break;
            case Country when m.End < text.Length && text[m.End] == '$': break;   // "US$100 billion" is money, not the United States
            case Country c:
                // a city-state's name is also its city ("landing in Singapore")
                var cityState = Lexicon.Fold(c.Capital) == Lexicon.Fold(c.Name);
                places.Add(cityState ? new PlaceMention(span, PlaceKind.City, c.Name, c.Capital, c.Iso3)
                    : new PlaceMention(span, PlaceKind.Country, c.Name, null, c.Iso3));
                break;
        }
    }

    /// <summary>A name the knowledge base knows, taken as far as the text writes it ("Mohammed bin Salman Al Saud").</summary>
    private NameRun ExtendedName(string text, List<Token> tokens, Match?[] matchAt, int first, int last, Person p, DateOnly? day)
    {
        var own = new NameRun(first, last + 1, tokens[first].Start, tokens[last].End);
        if (_grammar.RunAt(text, tokens, first) is not { } run || run.End <= own.End) return own;
        run = Truncate(run, tokens, matchAt, allowFrom: last + 1);
        if (run.End <= own.End) return own;
        var longer = _lexicon.PeopleIndex.Resolve(text[run.CharStart..run.CharEnd], new NameContext(Day: day));
        return longer is not null && ReferenceEquals(longer.Person, p) ? run : own;
    }

    /// <summary>The gazetteer's person match that starts inside a name run, if any.</summary>
    private static Match? PersonInside(NameRun run, Match?[] matchAt)
    {
        for (int k = run.Start + 1; k < run.End; k++)
            if (matchAt[k] is { Value: Person } m) return m;
        return null;
    }

    /// <summary>The run through the end of the person match, as one mention, when the whole resolves to that person.</summary>
    private (PersonMention Mention, int End)? WholeName(string text, List<Token> tokens, Match?[] matchAt, NameRun run, Match inner, DateOnly? day, string? home)
    {
        var end = run.End;
        while (end < tokens.Count && tokens[end].Start < inner.End) end++;
        var whole = run with { End = end, CharEnd = tokens[end - 1].End };
        var surface = text[whole.CharStart..whole.CharEnd];
        var around = _titles.Read(text, tokens, matchAt, whole.Start, whole.End, home);
        var match = _lexicon.PeopleIndex.Resolve(surface, Context(around, day));
        if (match is null || !ReferenceEquals(match.Person, (Person)inner.Value)) return null;
        return (FromMatch(new TextSpan(whole.CharStart, whole.CharEnd), match, surface, MentionKind.Lexicon), end);
    }

    /// <summary>
    /// "South African National Security Advisor Sydney Mufamadi": a city's name that opens a titled name of unknown
    /// words is a given name, not a place.
    /// </summary>
    private bool CityAsGivenName(string text, List<Token> tokens, Match?[] matchAt, int i, Match m)
    {
        if (m.Value is not City) return false;
        var last = i;
        while (last + 1 < tokens.Count && matchAt[last + 1] == m) last++;
        if (last + 1 >= tokens.Count || matchAt[last + 1] is not null) return false;
        if (_grammar.RunAt(text, tokens, i) is not { } run || run.End <= last + 1) return false;
        return _titles.Read(text, tokens, matchAt, i, run.End).Title is not null;
    }

    /// <summary>A run stops before a token another lexicon entry covers (a country, a title, an organisation).</summary>
    private static NameRun Truncate(NameRun run, List<Token> tokens, Match?[] matchAt, int allowFrom = -1)
    {
        for (int k = Math.Max(run.Start + 1, allowFrom); k < run.End; k++)
            if (matchAt[k] is not null) return run with { End = k, CharEnd = tokens[k - 1].End };
        return run;
    }

    private static int Words(List<Token> tokens, NameRun run)
    {
        var n = 0;
        for (int k = run.Start; k < run.End; k++) if (tokens[k].Text.Length >= 2 && char.IsUpper(tokens[k].Text[0])) n++;
        return n;
    }

    /// <summary>A name of two words or more that is a person: known to the knowledge base, or titled, or in a person's place in the sentence.</summary>
    /// <param name="afterOffice">The words of an office the lexicon has no title for stand before the name, taken off
    /// the run it was found in ("NEC Director Daleep Singh", "Deputy Director of the National Economic Council Sameera
    /// Fazili"): they make it a person as a title would.</param>
    private PersonMention? NamedPerson(string text, NameRun name, NameSurroundings around, Sentence? sentence, DateOnly? day, bool afterOffice)
    {
        var surface = text[name.CharStart..name.CharEnd];
        var context = Context(around, day);
        var match = _lexicon.PeopleIndex.Resolve(surface, context);
        // a full name the knowledge base knows, under a title it does not expect ("Ambassador Jon Huntsman")
        if (match is null && _lexicon.PeopleIndex.Resolve(surface, new NameContext(Day: day)) is { Exact: true } known) match = known;
        var span = new TextSpan(name.CharStart, name.CharEnd);
        if (match is not null && (match.Exact || around.HasTitle || around.HasHonorific || around.Country is not null || Words(surface) >= 2))
            return FromMatch(span, match, surface, around.HasTitle ? MentionKind.Titled : MentionKind.Lexicon);
        var before = text[Math.Max(sentence?.Span.Start ?? 0, name.CharStart - 40)..name.CharStart];
        if (afterOffice || around.HasTitle || around.HasHonorific || _roleWordBefore.IsMatch(before) || (sentence is not null && IsAttendance(sentence.Text)) || Appositive(text, name.CharEnd))
            return new PersonMention(span, Tidy(surface), around.Country, RoleOf(around), MentionKind.Titled) { Organisation = around.Organisation, Written = surface };
        return null;
    }

    /// <summary>Whether a word of the name is an office's ("Press Office", "Trade Council"): then it is no person's name.</summary>
    private bool OfficeWordsIn(List<Token> tokens, NameRun name)
    {
        for (var k = name.Start; k < name.End; k++)
            if (_officeWords.Contains(tokens[k].Text) || _roleWordsTitleCase.Contains(tokens[k].Text)) return true;
        return false;
    }

    private static int Words(string surface) => surface.Split(' ', '-').Count(w => w.Length >= 2 && char.IsUpper(w[0]));

    private static NameContext Context(NameSurroundings around, DateOnly? day) =>
        new(around.Country, around.Organisation, around.HasTitle ? around.Title : null, RoleOf(around), day);

    private static string? RoleOf(NameSurroundings around) => around.Role is Title.Honorific ? null : around.Role;

    private static PersonMention FromMatch(TextSpan span, PersonMatch match, string written, MentionKind kind)
    {
        var t = match.Tenure;
        return new PersonMention(span, match.Person.Name, t?.Country, t is null ? null : Person.ExportRole(t.Role), kind)
        {
            Organisation = t?.Organisation, Written = Tidy(written), KbId = match.Person.Id ?? match.Person.Name,
        };
    }

    /// <summary>
    /// The transcript's turns with their speakers: a label is read as a titled name ("PRESIDENT BIDEN" is
    /// President Biden), else as a person the document names ("MS. PSAKI" is Jen Psaki), else, for an office
    /// alone ("THE PRESIDENT"), as the first person the document names in that office.
    /// </summary>
    public TranscriptLayer Speakers(TranscriptLayer transcript, MentionLayer mentions, DateOnly? day)
    {
        if (!transcript.IsTranscript) return transcript;
        var byLabel = new Dictionary<string, PersonMention?>(StringComparer.Ordinal);
        var turns = transcript.Turns.Select(t =>
        {
            if (t.IsQuestion) return t;
            if (!byLabel.TryGetValue(t.LabelText, out var who)) byLabel[t.LabelText] = who = SpeakerOf(t.LabelText, mentions, day);
            return who is null ? t : t with { Speaker = who with { Span = t.Label, Kind = MentionKind.Role, Written = t.LabelText } };
        }).ToList();
        return new TranscriptLayer(turns);
    }

    private PersonMention? SpeakerOf(string label, MentionLayer mentions, DateOnly? day)
    {
        var name = TranscriptReader.AsName(label);
        var alone = Find(name, [new Sentence(0, new TextSpan(0, name.Length), 0, name)], day).People is [var first, ..] ? first : null;
        if (alone is not null)
        {
            if (mentions.People.FirstOrDefault(p => p.Name == alone.Name) is { } same) return same;
            // "MS. JEAN-PIERRE" read alone is a family name; the document names her in full ("Press Secretary Karine Jean-Pierre")
            if (alone.KbId is null && ByFamilyName(alone.Name, mentions) is { } full) return full;
            return alone;
        }
        var office = _lexicon.Gazetteer.FindAll(name).Where(m => m.Value is Title { Role: not Title.Honorific }).ToList();
        if (office.Count > 0 && office[^1].End == name.Length)
        {
            // "THE PRESIDENT": the office's holder as the document's title names them ("Remarks by President
            // Biden on..."), else as the document names them first
            var role = ((Title)office[^1].Value).Role;
            var holders = mentions.People.Where(p => p.Kind != MentionKind.Role && p.Role == role && p.KbId is not null).ToList();
            var firstLine = mentions.Text.IndexOf('\n') is var nl and >= 0 ? nl : mentions.Text.Length;
            return holders.FirstOrDefault(p => p.Span.End <= firstLine) ?? holders.FirstOrDefault();
        }
        return ByFamilyName(name, mentions);
    }

    /// <summary>The first person the document names, in full, with the family name that <paramref name="name"/> ends with.</summary>
    private static PersonMention? ByFamilyName(string name, MentionLayer mentions)
    {
        var last = Lexicon.Fold(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        return mentions.People.FirstOrDefault(p => p.Kind != MentionKind.Role && (p.Written ?? p.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } w && Lexicon.Fold(w[^1]) == last);
    }

    /// <summary>A gazetteer match, resolved again with its context: one spelling may be shared ("Kim Jong Un").</summary>
    private PersonMention Resolved(string text, List<Token> tokens, Match?[] matchAt, NameRun run, DateOnly? day, Person fallback, MentionKind kind, string? home)
    {
        var surface = text[run.CharStart..run.CharEnd];
        var around = _titles.Read(text, tokens, matchAt, run.Start, run.End, home);
        var span = new TextSpan(run.CharStart, run.CharEnd);
        var match = _lexicon.PeopleIndex.Resolve(surface, Context(around, day))
                    ?? _lexicon.PeopleIndex.Resolve(surface, new NameContext(Day: day))
                    ?? new PersonMatch(fallback, fallback.TenureOn(day), true);
        return FromMatch(span, match, surface, kind);
    }

    /// <summary>The name as it reads, on one line.</summary>
    private static string Tidy(string surface) => Regex.Replace(surface, @"\s+", " ").Trim();

    private bool Appositive(string text, int end) =>
        _appositiveRole.IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end)).ToString())
        // "Jacek Siewiera, Chief of the National Security Bureau of Poland,"
        || (Regex.Match(text.AsSpan(end, Math.Min(40, text.Length - end)).ToString(), @"^, (?:the )?(?<w>\p{Lu}[\p{L}-]+)") is { Success: true } m && _officeWords.Contains(m.Groups["w"].Value))
        // "Boris Titov, Russian Presidential Commissioner for ..., said"
        || _appositiveSaid.IsMatch(text.AsSpan(end, Math.Min(120, text.Length - end)).ToString());
}
