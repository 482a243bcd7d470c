using System.Globalization;
using Readout.Documents;

namespace Readout.Lexicons;

/// <summary>
/// Reads the tab-separated lexicon files that ship inside the assembly (data/lexicons/*.tsv) or from a
/// folder given by the user. Lines starting with '#' are comments; the first other line is the header;
/// multi-valued fields are separated by '|'.
/// </summary>
public static class LexiconLoader
{
    /// <param name="compileNow">
    /// Compile the patterns that are otherwise compiled on first use in the background at once, beside the rest of
    /// the loading, for a caller that is about to run documents (see <see cref="FigureLexicon.StartCompiling"/>).
    /// </param>
    public static Lexicon LoadEmbedded(bool compileNow = false) => Load(name =>
    {
        var asm = typeof(LexiconLoader).Assembly;
        var stream = asm.GetManifestResourceStream("lexicons/" + name)
            ?? throw new InvalidOperationException($"RO0001 lexicon {name} is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }, compileNow);

    public static Lexicon LoadFolder(string folder) => Load(name => File.ReadAllText(Path.Combine(folder, name)), compileNow: false);

    private static Lexicon Load(Func<string, string> readFile, bool compileNow)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string read(string name) => texts.TryGetValue(name, out var known) ? known : texts[name] = readFile(name);
        // read through read, as every file here, so that the figure and extract files are in the version too; first,
        // so that their patterns compile on the other core while this one reads the rest
        var figures = FigureLexicon.Load(read);
        if (compileNow) figures.StartCompiling();
        var speechVerbs = SharedWords.Read(read("speech_verbs.tsv"), "speech_verbs.tsv", SpeechUse.All);
        var roleWords = SharedWords.Read(read("role_words.tsv"), "role_words.tsv", RoleUse.All, Extract.Codes.Office.Wires, RoleUse.Office);
        // the analyse stage's words, which the extract lexicon reads too (its title connectors), with the dates they take
        // their short month names from
        var dates = DateLexicon.Load(read);
        var analyse = AnalyseLexicon.Load(read, dates);
        var extract = ExtractLexicon.Load(read, speechVerbs, roleWords, analyse);
        if (compileNow) extract.StartCompiling();
        var countries = Rows(read, "countries.tsv", ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases"], 7).Select(r => new Country(r[0], r[1], r[2], Multi(r[3]), Multi(r[4]), r[5], Multi(r[6]))).ToList();
        var demonyms = countries.SelectMany(c => c.Demonyms.Select(d => (Demonym: d, c.Iso3))).ToLookup(d => d.Demonym, d => d.Iso3, StringComparer.Ordinal);
        var people = Rows(read, "people.tsv", ["name", "aliases", "country", "organisation", "office", "title", "start", "end", "source", "kb_id"], 8)
            .GroupBy(r => r[9].Length > 0 ? r[9] : r[0] + "|" + r[2] + r[3])
            .Select(g => new Person(g.First()[0],
                g.SelectMany(r => Multi(r[1])).Distinct().ToList(),
                g.Select(r => new RoleTenure(Nonempty(r[2]), Office(r[4], "people.tsv", r[0], Person.OtherPost), r[5],
                        Date(r[6], "people.tsv"), Nonempty(r[7]) is { } end ? Date(end, "people.tsv") : null, Nonempty(r[3])))
                    .OrderBy(t => ExOfficio(t, demonyms) ? 1 : 0).ToList(),
                g.First()[9].Length > 0 ? g.First()[9] : null))
            .ToList();
        var givenNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in Rows(read, "given_names.tsv", ["forms"], 1))
        {
            var forms = Multi(r[0]).Select(Lexicon.Fold).ToList();
            foreach (var f in forms.Skip(1))
                if (!givenNames.TryAdd(f, forms[0]))
                    throw new ReadoutException("RO0003", "given_names.tsv", $"'{f}' is in two rows");
        }
        var orgs = Rows(read, "organisations.tsv", ["name", "aliases", "kind", "code"], 3)
            .Select(r => new Organisation(r[0], Multi(r[1]), Extract.Codes.OrganisationKind.TryParse(r[2], out var kind) ? kind
                : throw new ReadoutException("RO0003", "organisations.tsv", $"kind of '{r[0]}': {Extract.Codes.OrganisationKind.Unknown(r[2])}"),
                Nonempty(r[3]))).ToList();
        var venues = Rows(read, "venues.tsv", ["name", "aliases", "city", "country", "kind"], 5).Select(r => new Venue(r[0], Multi(r[1]), r[2], r[3], r[4])).ToList();
        var cities = Rows(read, "cities.tsv", ["name", "aliases", "country"], 3).Select(r => new City(r[0], Multi(r[1]), r[2])).ToList();
        var titles = Rows(read, "titles.tsv", ["text", "role", "country", "principal"], 4)
            .Select(r => new Title(r[0], Office(r[1], "titles.tsv", r[0], Title.Honorific), Nonempty(r[2]), r[3] == "yes"))
            .ToList();
        var cues = Rows(read, "interaction_cues.tsv", ["pattern", "mode", "strength", "object", "note"], 4)
            .Select(r => new InteractionCue(r[0], CueMode(r[1], r[0]), int.Parse(r[2], CultureInfo.InvariantCulture), r[4],
                r[3] is "required" or "no_infinitive", r[3] == "no_infinitive")).ToList();
        var words = Rows(read, "words.tsv", ["category", "value"], 2).ToLookup(r => r[0], r => r[1]);
        var statementCues = Rows(read, "statement_cues.tsv", ["pattern", "class"], 2)
            .Select(r => new StatementCue(r[0], Extract.Codes.StatementCue.TryParse(r[1], out var c) ? c
                : throw new ReadoutException("RO0003", "statement_cues.tsv",
                    $"class of '{r[0]}': {Extract.Codes.StatementCue.Unknown(r[1])}"))).ToList();
        var ploverRules = Rows(read, "plover_rules.tsv", ["pattern", "event"], 2).Select(r => new PloverRule(r[0], r[1])).ToList();
        var eventVerbs = Rows(read, "event_verbs.tsv", ["pattern", "cameo", "direction", "note", "nominal", "target"], 3)
            .Select(r => new EventVerb(r[0], r[1], Direction(r[2], r[0]), r.Length > 3 ? r[3] : "", r.Length > 4 && r[4] == "yes",
                r.Length > 5 && r[5] == "required")).ToList();
        var agentWords = Rows(read, "agents.tsv", ["pattern", "agent", "country", "note"], 2)
            .Select(r => new AgentWord(r[0], r[1], r.Length > 2 && r[2].Length > 0 ? r[2] : null, r.Length > 3 ? r[3] : "")).ToList();
        var publishers = Rows(read, "publishers.tsv", ["host", "place", "note"], 2).Select(r => new Publisher(r[0].ToLowerInvariant(), r[1])).ToList();
        var places = countries.Select(c => c.Iso3).Concat(orgs.Select(o => o.Code).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var p in publishers.Where(p => !places.Contains(p.Place)))
            throw new ReadoutException("RO0003", "publishers.tsv", $"place '{p.Place}' of '{p.Host}' is neither a country's ISO3 code nor an organisation code");
        // the words and patterns of the clean stage, the transcripts and the event coder, in the version too
        var (junkLines, transcripts, eventCoder) = (JunkLineLexicon.Load(read), TranscriptLexicon.Load(read), EventCoderLexicon.Load(read));
        return new Lexicon(countries, people, orgs, venues, cities, titles, cues, words, analyse, givenNames)
        {
            StatementCues = statementCues, PloverRules = ploverRules, EventVerbs = eventVerbs, AgentWords = agentWords,
            Publishers = publishers, SpeechVerbs = speechVerbs, RoleWords = roleWords, Figures = figures, Extract = extract,
            Dates = dates, JunkLines = junkLines, Transcripts = transcripts, EventCoder = eventCoder, Version = VersionOf(texts),
        };
    }

    /// <summary>
    /// The lexicons' version: "lex-" and the first 12 hex digits of a SHA-256 over every file read, in ordinal
    /// order of their names, each as its name, a NUL, its text as UTF-8 and a NUL. Any edit of a lexicon gives
    /// another version; the same files give the same one on every machine.
    /// </summary>
    internal static string VersionOf(IEnumerable<KeyValuePair<string, string>> files)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\0"));
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\0"));
        }
        return "lex-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static IEnumerable<string[]> Rows(Func<string, string> read, string file, string[] header, int required) =>
        TsvTable.Rows(read(file), file, header, required).Select(r => r.Cells);

    /// <summary>
    /// An office held by virtue of another state's ("French Co-Prince" of Andorra, held by France's president): listed
    /// after the person's own, so that where nothing else decides, Macron is France's president, not Andorra's.
    /// </summary>
    /// <remarks>
    /// A title opens with another country's demonym when one of the words before one of its spaces is a demonym of
    /// a country other than the office's: looked up per space, as the tenures of people.tsv are many thousand.
    /// </remarks>
    private static bool ExOfficio(RoleTenure t, ILookup<string, string> demonyms)
    {
        if (t.Country is not { } c) return false;
        for (var space = t.Title.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = t.Title.IndexOf(' ', space + 1))
            if (demonyms[t.Title[..space]].Any(iso3 => iso3 != c)) return true;
        return false;
    }

    private static string? Nonempty(string cell) => cell.Length == 0 ? null : cell;

    private static IReadOnlyList<string> Multi(string cell) =>
        cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A cue's mode: one of the record modes, or "any" (null) for a phrase that does not say how they met.</summary>
    private static Extract.InteractionMode? CueMode(string cell, string pattern) =>
        cell == Extract.Codes.AnyMode ? null
        : Extract.Codes.Mode.TryParse(cell, out var mode) ? mode
        : throw new ReadoutException("RO0003", "interaction_cues.tsv",
            $"mode '{cell}' of '{pattern}' is not {string.Join(", ", Extract.Codes.Mode.Wires)} or {Extract.Codes.AnyMode}");

    /// <summary>
    /// An office of people.tsv or titles.tsv: a record's role, or the one word of the file's own for what a record never
    /// carries (a post the records call "official", a form of address). Kept as the file's string, which the readers
    /// compare; held to the codes here so that a typo stops the load instead of failing a document that meets it.
    /// </summary>
    private static string Office(string cell, string file, string row, string own) =>
        cell == own || Extract.Codes.Office.TryParse(cell, out _) ? cell
        : throw new ReadoutException("RO0003", file, $"office of '{row}': {Extract.Codes.Office.Unknown(cell)} or {own}");

    private static Extract.VerbDirection Direction(string cell, string pattern) =>
        Extract.Codes.VerbDirection.TryParse(cell, out var direction) ? direction
        : throw new ReadoutException("RO0003", "event_verbs.tsv", $"direction '{cell}' of '{pattern}' is not active, reverse or mutual");

    private static DateOnly Date(string s, string file) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ReadoutException("RO0003", file, $"'{s}' is not a YYYY-MM-DD date");
}
