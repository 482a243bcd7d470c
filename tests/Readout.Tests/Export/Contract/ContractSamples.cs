using Readout.Analyse;
using Readout.Extract;
using Readout.Reviews;
using Readout.Store;

namespace Readout.Tests.Export.Contract;

/// <summary>
/// Pipeline objects with every field set (every optional key present, nulls where the contract writes null,
/// non-ASCII, quotes, HTML-significant characters and fractional numbers), the inputs of the golden files.
/// </summary>
internal static class ContractSamples
{
    public static Interaction FullInteraction() => new(
        "rec-0123456789abcdef",
        InteractionStatus.Happened,
        InteractionMode.InPerson,
        "2024-10-22",
        DateBasis.FullDate("22 October 2024"),
        [
            new Actor("Recep Tayyip Erdoğan", "TUR", Office.HeadOfState, NameAsWritten: "Erdogan", KbId: "Q39259"),
            new Actor("António Guterres", null, Office.Official, Organisation: "UN", NameAsWritten: "Guterres", KbId: "Q311440"),
        ],
        new Location("Kazan", "RUS", "Kazan Expo <centre> & \"hall\""),
        [new Actor("Hakan Fidan", "TUR", null)],
        [
            new SourceRef("https://example.org/a?x=1&y=2", "Erdoğan meets Guterres — \"talks\"", "2024-10-22T10:00:00Z", "aaaa",
                [new EvidenceSpan(RecordField.Participants, 0, 20, "Erdoğan"), new EvidenceSpan(RecordField.City, 25, 30, "Kazan")],
                Family: "aaaa"),
            new SourceRef("file:///corpus/b.txt", null, null, "bbbb", []),
        ],
        Provenance: [new FieldSupport(RecordField.Mode, "in_person", ["https://example.org/a?x=1&y=2", "file:///corpus/b.txt"])],
        Conflicts:
        [
            new FieldConflict(RecordField.Date,
                [new FieldSupport(RecordField.Date, "2024-10-22", ["https://example.org/a?x=1&y=2"]),
                    new FieldSupport(RecordField.Date, "2024-10-23", ["file:///corpus/b.txt"])]),
        ],
        SourceFamilies: 2,
        Members: ["ix-1", "ix-2"],
        DateCertainty: "inferred",
        Review: new ReviewState(ReviewStatus.Reviewed, [RecordField.Venue], [new MachineValue(RecordField.Venue, null)],
            [
                new ReviewEntry(7, ReviewAction.Correct, "rec-0123456789abcdef", RecordField.Venue, null, "Kazan Expo",
                    "the report names it", "ana", "2024-10-23T08:00:00Z"),
                new ReviewEntry(8, ReviewAction.Merge, "rec-0123456789abcdef", null, null, null, "same meeting", "ana", "2024-10-23T08:05:00Z", Other: "rec-fedcba9876543210"),
            ]),
        Confidence: 0.8734,
        ConfidenceFactors: [new ConfidenceFactor("families", 0.5, 1.25), new ConfidenceFactor("evidence", 1, -0.1)],
        LexiconVersion: "lex-0123456789ab");

    public static Statement FullStatement() => new(
        "st-0123456789abcdef", "Erdoğan said the \"corridor\" <must> stay open.", 40, 85,
        [new Speaker("Recep Tayyip Erdoğan", "TUR", SpeakerKind.Person), new Speaker("TUR", "TUR", SpeakerKind.State)],
        "said", new Speaker("United Nations", null, SpeakerKind.Organisation), new PloverCode("AGREE", "settle"),
        "057", 6.5, 1, ["grain", "black_sea"], Negated: true, Future: false, Hypothetical: true,
        "https://example.org/a?x=1&y=2", "aaaa", "ix-1")
    { Record = "rec-0123456789abcdef" };

    /// <summary>
    /// Two list rows as the API's lists show them: every key set (an official of an organisation, a known person
    /// with the name as written, a place with HTML-significant characters), then every nullable key null.
    /// </summary>
    public static IReadOnlyList<InteractionSummary> Summaries()
    {
        var full = FullInteraction();
        return
        [
            new InteractionSummary(full.Id, InteractionStatus.Happened, InteractionMode.InPerson, full.Date, full.Participants,
                full.Location, 2),
            new InteractionSummary("rec-fedcba9876543210", InteractionStatus.Planned, InteractionMode.Phone, null,
                [new Actor("Hakan Fidan", null, null)], null, 1),
        ];
    }

    public static Figure FullFigure() => new(
        "fig-0123456789ab", "$172.4 billion", 10, 24, 172400000000, "money", "USD", "trade between Türkiye and Russia",
        "in the first 11 months", "2024-01-01", "2024-11-30", -3.25, "down", "year-on-year", "the customs office", 0, 90);
}
