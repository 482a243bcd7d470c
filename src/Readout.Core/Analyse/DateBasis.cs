using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readout.Analyse;

/// <summary>What fixed a day on the calendar, most firmly first.</summary>
public enum DateAnchor
{
    /// <summary>The text gives day, month and year.</summary>
    FullDate,
    /// <summary>Counted from, or given the year of, the report's publication date.</summary>
    Publication,
    /// <summary>Counted from the dateline's day in a year the text states.</summary>
    Dateline,
    /// <summary>Given a year the text states somewhere.</summary>
    StatedYear,
    /// <summary>Nothing fixes it: no day, no year, or a person set it.</summary>
    None,
}

/// <summary>
/// Why a day is what it is: what fixed it (<see cref="Anchor"/>), whether a transcript's date is all there is,
/// and the sentence a reader sees (<see cref="Text"/>). Records store and export only the sentence (the contract's
/// <c>date_basis</c>), so every sentence is made here and <see cref="Read"/>, the one reader of a stored sentence,
/// knows exactly these forms: each part is found by the fixed words that join it, never by searching the words
/// quoted from a report. The tests hold every form to reading back equal.
/// </summary>
[JsonConverter(typeof(DateBasisJson))]
public sealed record DateBasis
{
    // the fixed words of the sentences; Read splits on the joins and tells the frames by how they begin
    private const string FullDateStart = "full date in text ";
    private const string TranscriptStart = "the transcript of the meeting, in which ";
    private const string PublicationStart = "publication date ";
    private const string DatelineStart = "dateline ";
    private const string StatedYearStart = "year ";
    private const string YearFromJoin = " with the year from the ";
    private const string CountedJoin = " counted from the ";
    private const string DatedByJoin = ", dated by its ";
    private static readonly string[] Joins = [YearFromJoin, CountedJoin, DatedByJoin];

    private DateBasis(DateAnchor anchor, string text, bool fromTranscript = false)
    {
        Anchor = anchor;
        Text = text;
        FromTranscript = fromTranscript;
    }

    public DateAnchor Anchor { get; }

    /// <summary>The sentence, as records store and export it.</summary>
    public string Text { get; }

    /// <summary>The day is the date of a transcript of the meeting, not a day the text names.</summary>
    public bool FromTranscript { get; }

    public override string ToString() => Text;

    // --- what a report's dates are counted from (its reference frame) ---

    public static DateBasis Publication(DateOnly day, string source) =>
        new(DateAnchor.Publication, Inv($"{PublicationStart}{day:yyyy-MM-dd} ({source})"));

    public static DateBasis Dateline(string dateline, int year, string yearText) =>
        new(DateAnchor.Dateline, Inv($"{DatelineStart}\"{dateline}\" in the year {year} stated in the text (\"{yearText}\")"));

    public static DateBasis StatedYear(int year, string yearText) =>
        new(DateAnchor.StatedYear, Inv($"{StatedYearStart}{year} stated in the text (\"{yearText}\")"));

    public static DateBasis NothingInReport { get; } = new(DateAnchor.None, "nothing in the report");

    // --- how one day was reached: the words of the report, and the frame where they needed one ---

    public static DateBasis FullDate(string words) => new(DateAnchor.FullDate, $"{FullDateStart}\"{words}\"");

    public static DateBasis YearFrom(string words, DateBasis frame) => new(frame.Anchor, $"\"{words}\"{YearFromJoin}{frame.Text}");

    public static DateBasis CountedFrom(string words, DateBasis frame) => new(frame.Anchor, $"\"{words}\"{CountedJoin}{frame.Text}");

    public static DateBasis YearUnknown(string words) => new(DateAnchor.None, $"\"{words}\"; the year cannot be known from this report");

    public static DateBasis NoReferenceDay(string words) => new(DateAnchor.None, $"\"{words}\"; no reference day to count from");

    /// <summary>The report names no day: the interaction it leads with is dated by the frame.</summary>
    public static DateBasis LeadStory(bool inTitle, DateBasis frame) => new(frame.Anchor,
        $"no day in the text: the interaction the report leads with{(inTitle ? " (its title)" : "")}{DatedByJoin}{frame.Text}");

    public static DateBasis Transcript(IEnumerable<string> speakers, DateBasis frame) =>
        new(frame.Anchor, $"{TranscriptStart}{string.Join(" and ", speakers)} speak{DatedByJoin}{frame.Text}", fromTranscript: true);

    public static DateBasis NotGiven { get; } = new(DateAnchor.None, "no day is given");

    public static DateBasis SetByReviewer { get; } = new(DateAnchor.None, "set by a reviewer");

    public static DateBasis ClearedByReviewer { get; } = new(DateAnchor.None, "unknown: cleared by a reviewer");

    /// <summary>The same basis with a note after its sentence (fusion names the reports that gave only part of the day).</summary>
    public DateBasis WithNote(string note) => new(Anchor, Text + note, FromTranscript);

    /// <summary>
    /// The basis a stored sentence states. A sentence of none of the forms made here (older records, hand-made
    /// ones) is kept as it is, fixed by nothing.
    /// </summary>
    public static DateBasis Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(FullDateStart, StringComparison.Ordinal)) return new(DateAnchor.FullDate, text);
        // the frame follows the first join; what comes before it is a day's words or the leader of a transcript
        var at = Joins.Select(j => (Index: text.IndexOf(j, StringComparison.Ordinal), j.Length)).Where(x => x.Index >= 0)
            .OrderBy(x => x.Index).Select(x => x.Index + x.Length).FirstOrDefault();
        var frame = text[at..];
        var anchor = frame.StartsWith(PublicationStart, StringComparison.Ordinal) ? DateAnchor.Publication
            : frame.StartsWith(DatelineStart, StringComparison.Ordinal) ? DateAnchor.Dateline
            : frame.StartsWith(StatedYearStart, StringComparison.Ordinal) ? DateAnchor.StatedYear
            : DateAnchor.None;
        return new(anchor, text, text.StartsWith(TranscriptStart, StringComparison.Ordinal));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes a basis as its sentence and reads a sentence back (<see cref="DateBasis.Read"/>).</summary>
public sealed class DateBasisJson : JsonConverter<DateBasis>
{
    public override DateBasis Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? DateBasis.Read(reader.GetString()!)
            : throw new JsonException($"a date basis is a string, not {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, DateBasis value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Text);
    }
}
