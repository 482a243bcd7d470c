using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Readout.Extract;
using Readout.Documents;
using Readout.Export;
using Readout.Ingest;
using Readout.Pipeline;

using Readout.Code;

namespace Readout.Evaluation;

/// <summary>
/// One CAMEO-coded sentence of a peer coder's validation file (UniversalPetrarch's PETR2_GSR_validation.xml).
/// </summary>
/// <param name="Id">The record's id attribute.</param>
/// <param name="Text">The sentence text, whitespace collapsed and entities decoded.</param>
/// <param name="GoldCodes">The gold CAMEO event codes in file order (one per EventCoding line; empty = gold says no event).</param>
/// <param name="Date">The record's date as YYYY-MM-DD when its date attribute is a valid YYYYMMDD, else null.</param>
public sealed record PeerRecord(string Id, string Text, IReadOnlyList<string> GoldCodes, string? Date = null);

/// <summary>
/// The result of coding a peer validation file with Readout. Counts are of sentences.
/// </summary>
/// <param name="Sentences">All records evaluated.</param>
/// <param name="GoldEventSentences">Records for which gold has at least one event.</param>
/// <param name="CodedSentences">Records for which both gold and Readout have at least one event (coverage numerator; root agreement denominator).</param>
/// <param name="RootAgree">Of <paramref name="CodedSentences"/>, those where some system code's two-digit root equals some gold code's root.</param>
/// <param name="PloverAgree">Of <paramref name="PloverComparable"/>, those where some system code's PLOVER type equals some gold code's PLOVER type.</param>
/// <param name="PloverComparable">Of <paramref name="CodedSentences"/>, those where at least one gold code maps to a PLOVER type.</param>
/// <param name="NoEventGold">Records for which gold has no event.</param>
/// <param name="NoEventPredicted">Records for which Readout codes no event.</param>
/// <param name="NoEventCorrect">Records for which neither has an event.</param>
/// <param name="Lines">One line per record: id, gold codes, system codes, a verdict and the first 80 characters of the text.</param>
/// <param name="FirstRootAgree">Of <paramref name="CodedSentences"/>, those where Readout's first code (in text order) shares a root with some gold code — the stricter figure, not helped by coding many events.</param>
/// <param name="SystemCodes">All distinct codes Readout gave the <paramref name="CodedSentences"/> (for codes per sentence).</param>
public sealed record PeerReport(int Sentences, int GoldEventSentences, int CodedSentences, int RootAgree, int PloverAgree, int PloverComparable,
    int NoEventGold, int NoEventPredicted, int NoEventCorrect, IReadOnlyList<string> Lines, int FirstRootAgree = 0, int SystemCodes = 0)
{
    /// <summary>Gold-event sentences Readout coded at all / gold-event sentences (NaN when there are none).</summary>
    public double Coverage => Ratio(CodedSentences, GoldEventSentences);

    /// <summary>CAMEO root agreement on sentences where both sides have an event (NaN when there are none).</summary>
    public double RootAgreement => Ratio(RootAgree, CodedSentences);

    /// <summary>PLOVER type agreement on sentences where both sides have an event and gold maps to PLOVER (NaN when none).</summary>
    public double PloverAgreement => Ratio(PloverAgree, PloverComparable);

    /// <summary>When Readout codes no event, how often gold agrees (NaN when Readout coded every sentence).</summary>
    public double NoEventPrecision => Ratio(NoEventCorrect, NoEventPredicted);

    /// <summary>Of the sentences gold codes no event, the share Readout also leaves uncoded (NaN when there are none).</summary>
    public double NoEventRecall => Ratio(NoEventCorrect, NoEventGold);

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
}

/// <summary>
/// Measures Readout's event coding against a peer coder's CAMEO-coded sentences. The validation file is not
/// well-formed XML ('#' comment banners, stray markup), so it is read leniently with regular expressions:
/// each record is a <c>&lt;Sentence ... id="..."&gt;</c> tag followed by <c>&lt;EventCoding eventcode="..."/&gt;</c>
/// lines (or <c>&lt;EventCoding noevents="True"/&gt;</c>) and a <c>&lt;Text&gt;</c> block; XML comments are ignored,
/// and so are <c>&lt;Parse&gt;</c> blocks except where the Text block is empty (the sentence is then rebuilt from the tokens).
/// </summary>
public static class PeerEvaluation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private const RegexOptions Opts = RegexOptions.CultureInvariant | RegexOptions.Singleline;

    private static readonly Regex Comment = new(@"<!--.*?-->", Opts, Timeout);
    private static readonly Regex ParseBlock = new(@"<Parse>(.*?)</Parse>", Opts | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex HashLine = new(@"^[ \t]*#[^\n]*", RegexOptions.CultureInvariant | RegexOptions.Multiline, Timeout);
    private static readonly Regex SentenceTag = new(@"<Sentence\b([^>]*)>", Opts, Timeout);
    private static readonly Regex EventTag = new(@"<EventCoding\b([^>]*)>", Opts, Timeout);
    private static readonly Regex TextBlock = new(@"<Text>(.*?)</Text>", Opts | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Reads the records of a lenient-XML validation file. A record without an id or a Text block is skipped.</summary>
    public static IReadOnlyList<PeerRecord> Parse(string xmlText)
    {
        ArgumentNullException.ThrowIfNull(xmlText);
        var text = xmlText.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = Comment.Replace(text, " ");
        text = HashLine.Replace(text, "");

        var records = new List<PeerRecord>();
        var tags = SentenceTag.Matches(text);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var end = i + 1 < tags.Count ? tags[i + 1].Index : text.Length;
            var body = text[(tag.Index + tag.Length)..end];
            var id = Attribute(tag.Groups[1].Value, "id");
            var block = TextBlock.Match(body);
            if (id is null || !block.Success) continue;

            var parse = ParseBlock.Match(body);
            var codes = new List<string>();
            foreach (Match ev in EventTag.Matches(ParseBlock.Replace(TextBlock.Replace(body, " "), " ")))
                if (Attribute(ev.Groups[1].Value, "eventcode") is { Length: > 0 } code)
                    codes.Add(code.Trim());
            var sentence = CleanText(block.Groups[1].Value);
            // A few records have an empty <Text> but a full <Parse>: rebuild the sentence from its tokens.
            if (sentence.Length == 0 && parse.Success) sentence = FromTokens(parse.Groups[1].Value);
            records.Add(new PeerRecord(id, sentence, codes, Date(Attribute(tag.Groups[1].Value, "date"))));
        }
        return records;
    }

    /// <summary>
    /// Codes every record with <paramref name="pipeline"/> and compares with gold. A sentence is coded as the CAMEO
    /// codes of its interactions if any, else the CAMEO codes of its statements (plain assertions, without a code,
    /// are left out), else no event; a document the pipeline rejects (<see cref="ReadoutException"/>) counts as no event.
    /// The record's date, when known, is passed as the publication date so that relative days ("on Wednesday") resolve.
    /// </summary>
    public static PeerReport Evaluate(IReadOnlyList<PeerRecord> records, ReadoutPipeline pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pipeline);
        var book = pipeline.Codebook;
        int goldEvents = 0, coded = 0, rootAgree = 0, firstRootAgree = 0, systemCodes = 0, ploverAgree = 0, ploverComparable = 0, noGold = 0, noSys = 0, noBoth = 0;
        var lines = new List<string>(records.Count);

        foreach (var rec in records)
        {
            ct.ThrowIfCancellationRequested();
            var system = Code(rec, pipeline, ct);
            var gold = rec.GoldCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();

            string verdict;
            if (gold.Count == 0)
            {
                noGold++;
                if (system.Count == 0) { noSys++; noBoth++; verdict = "none ok"; }
                else verdict = "extra";
            }
            else
            {
                goldEvents++;
                if (system.Count == 0) { noSys++; verdict = "missed"; }
                else
                {
                    coded++;
                    systemCodes += system.Count;
                    var root = gold.Any(g => system.Any(s => Root(s) == Root(g)));
                    if (root) rootAgree++;
                    if (gold.Any(g => Root(g) == Root(system[0]))) firstRootAgree++;
                    var goldPlover = gold.Select(g => book.Cameo(g)?.PloverEvent).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    bool? plover = null;
                    if (goldPlover.Count > 0)
                    {
                        ploverComparable++;
                        plover = system.Any(s => book.Cameo(s)?.PloverEvent is { } p && goldPlover.Contains(p));
                        if (plover == true) ploverAgree++;
                    }
                    verdict = (root, plover) switch
                    {
                        (true, true or null) => "agree",
                        (true, false) => "root only",
                        (false, true) => "plover only",
                        _ => "differ",
                    };
                }
            }

            var snippet = rec.Text.Length <= 80 ? rec.Text : rec.Text[..80];
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{rec.Id,-20} gold={Join(gold),-16} sys={Join(system),-16} {verdict,-11} {snippet}"));
        }

        return new PeerReport(records.Count, goldEvents, coded, rootAgree, ploverAgree, ploverComparable, noGold, noSys, noBoth, lines,
            firstRootAgree, systemCodes);
    }

    /// <summary>Readout's CAMEO codes for one record (distinct, in order found; empty = no event).</summary>
    public static IReadOnlyList<string> Code(PeerRecord record, ReadoutPipeline pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(pipeline);
        DocumentResult result;
        AnalysedDocument analysed;
        try
        {
            var raw = new RawDocument(record.Id, record.Text, "text", InputReader.Hash(record.Text), Published: record.Date);
            result = pipeline.Process(raw, ct);
            analysed = pipeline.Analyse(result.Document, ct);
        }
        catch (ReadoutException)
        {
            return [];
        }
        var codes = result.Interactions.Select(i => GdeltExporter.InteractionCode(i, pipeline.Codebook))
            .Concat(pipeline.EventCoder.Code(analysed, ct).Select(e => e.Cameo))
            .ToList();
        if (codes.Count == 0)
            codes = result.Statements.Select(s => s.Cameo).OfType<string>().Where(c => c != ResidualStatement).ToList();
        return codes.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// CAMEO 010, "make statement, not specified below": the residual code of a plain "X said ...". Event coders
    /// do not emit it for every report of speech, so neither does the sentence coding here.
    /// </summary>
    private const string ResidualStatement = "010";

    private static string Root(string code) => code.Length >= 2 ? code[..2] : code;

    private static string Join(IReadOnlyList<string> codes) => codes.Count == 0 ? "-" : string.Join(",", codes);

    private static string? Attribute(string attributes, string name)
    {
        var m = Regex.Match(attributes, @"\b" + Regex.Escape(name) + @"\s*=\s*(?:""([^""]*)""|'([^']*)')",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
        if (!m.Success) return null;
        return WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    }

    /// <summary>Collapses whitespace, decodes entities and turns the Penn Treebank quotes `` and '' into ".</summary>
    private static string CleanText(string s)
    {
        var t = WebUtility.HtmlDecode(s);
        t = t.Replace("``", "\"", StringComparison.Ordinal).Replace("''", "\"", StringComparison.Ordinal);
        return Space.Replace(t, " ").Trim();
    }

    /// <summary>The sentence of a CoNLL-U token table: the FORM column, with no space after a token marked SpaceAfter=No.</summary>
    private static string FromTokens(string conllu)
    {
        var sb = new StringBuilder();
        foreach (var line in conllu.Split('\n'))
        {
            var cells = line.Trim().Split('\t');
            if (cells.Length < 2 || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            sb.Append(cells[1]);
            if (!(cells.Length > 9 && cells[9].Contains("SpaceAfter=No", StringComparison.Ordinal))) sb.Append(' ');
        }
        return CleanText(sb.ToString());
    }

    private static string? Date(string? yyyymmdd) =>
        yyyymmdd is { Length: 8 } && DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
