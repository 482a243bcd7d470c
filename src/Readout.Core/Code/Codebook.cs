using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Code;

/// <summary>One CAMEO event code with its conflict-cooperation weight, quad class and PLOVER equivalent.</summary>
/// <param name="Code">The 2-, 3- or 4-digit code, e.g. "04", "042", "0831".</param>
/// <param name="Label">A short English label.</param>
/// <param name="Goldstein">The Goldstein scale value (-10 most conflictual .. +10 most cooperative).</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="PloverEvent">The PLOVER event type the code converts to, or null (CAMEO 01 and 02 have none).</param>
/// <param name="PloverMode">The PLOVER mode the code converts to, or null.</param>
public sealed record CameoCode(string Code, string Label, double Goldstein, int QuadClass, string? PloverEvent, string? PloverMode);

/// <summary>
/// The event codebooks shipped in data/lexicons: CAMEO codes (cameo.tsv), PLOVER event types and modes with their
/// closest CAMEO code (plover.tsv), and the topic patterns (topics.tsv). Immutable once loaded; safe to share
/// between threads.
/// </summary>
public sealed class Codebook
{
    private const string CameoFile = "cameo.tsv";
    private const string PloverFile = "plover.tsv";
    private const string TopicsFile = "topics.tsv";

    private readonly Dictionary<string, CameoCode> cameo;
    private readonly Dictionary<(string Event, string Mode), string> ploverToCameo;
    private const RegexOptions TopicOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private readonly Lexicons.PatternSet<string> topics;
    private readonly IReadOnlyList<string> topicNames;

    private Codebook(Dictionary<string, CameoCode> cameo, IReadOnlyList<string> ploverEvents,
        Dictionary<(string, string), string> ploverToCameo, IReadOnlyList<(string Pattern, string Topic)> topics, TimeSpan? matchTimeout)
    {
        this.cameo = cameo;
        PloverEvents = ploverEvents;
        this.ploverToCameo = ploverToCameo;
        this.topics = new Lexicons.PatternSet<string>(topics, TopicOptions, matchTimeout);
        topicNames = topics.Select(t => t.Topic).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The PLOVER event types, in the order of plover.tsv.</summary>
    public IReadOnlyList<string> PloverEvents { get; }

    /// <summary>Every topic name, in the order of topics.tsv.</summary>
    public IReadOnlyList<string> TopicNames => topicNames;

    /// <summary>Every CAMEO code, in code order.</summary>
    public IEnumerable<CameoCode> CameoCodes => cameo.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Loads the codebooks embedded in Readout.Core (data/lexicons/cameo.tsv, plover.tsv, topics.tsv).</summary>
    public static Codebook LoadEmbedded() => Load(name =>
    {
        var asm = typeof(Codebook).Assembly;
        using var stream = asm.GetManifestResourceStream("lexicons/" + name)
            ?? throw new ReadoutException("RO0001", name, $"lexicon {name} is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Loads the codebooks from a folder holding cameo.tsv, plover.tsv and topics.tsv.</summary>
    public static Codebook LoadFolder(string folder) => Load(name =>
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) throw new ReadoutException("RO0001", name, $"lexicon file {path} does not exist");
        return File.ReadAllText(path);
    });

    /// <summary>Builds a codebook from the text of the three files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <param name="matchTimeout">
    /// The topic patterns' time limit; by default the process's, which every other lexicon pattern has
    /// (Pipeline.TextLimits.MatchTimeout). A limit of their own, 2 s of wall-clock time, fired for a linear topic
    /// pattern on a machine loaded twentyfold, and a timeout fails the document (RO1010).
    /// </param>
    public static Codebook Load(Func<string, string> read, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);

        // plover.tsv first: it defines the event types cameo.tsv may refer to.
        var ploverRows = Rows(read(PloverFile), PloverFile, ["event", "mode", "cameo", "description"], required: 3).ToList();
        var events = new List<string>();
        foreach (var (line, cells) in ploverRows)
        {
            if (!IsPloverName(cells[0])) Fail(PloverFile, line, $"'{cells[0]}' is not an upper-case PLOVER event type");
            if (!events.Contains(cells[0])) events.Add(cells[0]);
        }

        var cameo = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        foreach (var (line, c) in Rows(read(CameoFile), CameoFile, ["code", "label", "goldstein", "quad_class", "plover_event", "plover_mode"], required: 4))
        {
            var code = c[0];
            if (!IsCameoShape(code)) Fail(CameoFile, line, $"'{code}' is not a 2-, 3- or 4-digit CAMEO code");
            if (c[1].Length == 0) Fail(CameoFile, line, $"code {code} has no label");
            if (!double.TryParse(c[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein) || goldstein is < -10 or > 10)
                Fail(CameoFile, line, $"goldstein '{c[2]}' is not a number between -10 and 10");
            if (!int.TryParse(c[3], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) || quad is < 1 or > 4)
                Fail(CameoFile, line, $"quad_class '{c[3]}' is not 1, 2, 3 or 4");
            var ev = Cell(c, 4);
            if (ev is not null && !events.Contains(ev))
                Fail(CameoFile, line, $"plover_event '{ev}' is not an event type of {PloverFile}");
            var mode = Cell(c, 5);
            if (mode is not null && ev is null) Fail(CameoFile, line, "plover_mode is given without plover_event");
            if (!cameo.TryAdd(code, new CameoCode(code, c[1], goldstein, quad, ev, mode)))
                Fail(CameoFile, line, $"code {code} appears twice");
        }

        var ploverToCameo = new Dictionary<(string, string), string>();
        foreach (var (line, c) in ploverRows)
        {
            var key = (c[0], c[1].ToLowerInvariant());
            if (!cameo.ContainsKey(c[2])) Fail(PloverFile, line, $"cameo '{c[2]}' is not a code of {CameoFile}");
            if (!ploverToCameo.TryAdd(key, c[2]))
                Fail(PloverFile, line, $"{c[0]} with mode '{c[1]}' appears twice");
        }
        foreach (var ev in events)
            if (!ploverToCameo.ContainsKey((ev, "")))
                Fail(PloverFile, 0, $"event type {ev} has no row with an empty mode (its general CAMEO code)");

        var topics = new List<(string, string)>();
        foreach (var (line, c) in Rows(read(TopicsFile), TopicsFile, ["topic", "pattern"], required: 2))
        {
            if (c[0].Length == 0 || c[1].Length == 0) Fail(TopicsFile, line, "topic and pattern must both be given");
            try
            {
                // validated here, compiled once by the set
                const RegexOptions check = TopicOptions & ~RegexOptions.Compiled;
                _ = matchTimeout is { } limit ? new Regex(c[1], check, limit) : new Regex(c[1], check);
            }
            catch (ArgumentException e)
            {
                throw new ReadoutException("RO0002", TopicsFile, $"line {line}: pattern of topic {c[0]} is not a valid regular expression ({e.Message})", e);
            }
            topics.Add((c[1], c[0]));
        }

        return new Codebook(cameo, events, ploverToCameo, topics, matchTimeout);
    }

    /// <summary>The CAMEO code <paramref name="code"/>, or null when there is no such code.</summary>
    public CameoCode? Cameo(string code) =>
        code is not null && cameo.TryGetValue(code.Trim(), out var c) ? c : null;

    /// <summary>True when <paramref name="code"/> is a CAMEO event code of the codebook.</summary>
    public bool IsValidCameo(string code) => Cameo(code) is not null;

    /// <summary>
    /// The CAMEO code closest to a PLOVER event type and mode (plover.tsv). A mode the codebook does not list
    /// (or none) falls back to the event type's general code; an unknown event type gives null. Case-insensitive.
    /// </summary>
    public string? CameoFor(string ploverEvent, string? ploverMode)
    {
        if (string.IsNullOrWhiteSpace(ploverEvent)) return null;
        var ev = ploverEvent.Trim().ToUpperInvariant();
        var mode = ploverMode?.Trim().ToLowerInvariant() ?? "";
        if (mode.Length > 0 && ploverToCameo.TryGetValue((ev, mode), out var exact)) return exact;
        return ploverToCameo.TryGetValue((ev, ""), out var general) ? general : null;
    }

    /// <summary>
    /// The distinct topics with a pattern matching <paramref name="text"/>, in the order of topics.tsv. A pattern that
    /// runs past its time limit throws <see cref="RegexMatchTimeoutException"/>: counted as no match, it silently
    /// dropped a topic from the record; the document runner reports it as RO1010 naming the document instead.
    /// </summary>
    public IReadOnlyList<string> Topics(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<string>();
        foreach (var pattern in topics.Candidates(text))
            if (!found.Contains(pattern.Item) && pattern.IsMatch(text)) found.Add(pattern.Item);
        return found;
    }

    private static IEnumerable<(int Line, string[] Cells)> Rows(string text, string file, string[] header, int required) =>
        Lexicons.TsvTable.Rows(text, file, header, required);

    private static string? Cell(string[] cells, int i) => i < cells.Length && cells[i].Length > 0 ? cells[i] : null;

    private static bool IsCameoShape(string code) => code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit);

    private static bool IsPloverName(string s) => s.Length > 0 && s.All(ch => ch is >= 'A' and <= 'Z');

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string file, int line, string message) =>
        throw new ReadoutException("RO0002", file, line > 0 ? $"line {line} {message}" : message);
}
