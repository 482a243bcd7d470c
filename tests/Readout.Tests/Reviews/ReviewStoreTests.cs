using Readout.Documents;
using Readout.Extract;
using Readout.Pipeline;
using Readout.Reviews;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Reviews;

/// <summary>
/// Issue 15: reviews are kept apart from the machine's output and applied on top of it every time a block is
/// fused — so they survive new reports, a re-ingest of the same reports and a schema upgrade — on both backends.
/// </summary>
public sealed class ReviewStoreTests
{
    public static TheoryData<string> Backends => TestDb.Backends;

    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The schema step that adds reviews (the last one when reviews came).</summary>
    private const int ReviewStep = 8;

    private static ReviewRequest Ask(ReviewAction action, string record, string? field = null, string? value = null, string? other = null, IReadOnlyList<string>? sources = null) =>
        new(action.Wire(), record, "checked against the readout", "analyst", At, field, value, other, sources);

    private static DocumentResult PhoneCall(string hash, int text, string date = "2024-09-04", InteractionMode mode = InteractionMode.Phone) =>
        Report(hash, Texts[text], Interaction(hash + "-1", date, mode: mode));

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_a_correction_is_applied_with_its_trail_and_the_machine_value_and_survives_new_reports_and_a_reingest(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using (var store = tmp.Open())
        {
            store.SaveDocument(PhoneCall("a", 0));
            var id = Assert.Single(store.Query(InteractionFilter.All)).Id;
            var outcome = store.Review(Ask(ReviewAction.Correct, id[..8], "Mode", "Video"));
            Assert.Equal(new string?[] { "phone", "video" }, new[] { outcome.Entry.Before, outcome.Entry.After });
            Assert.Equal(id, Assert.Single(outcome.Records));

            var r = store.Get(id)!;
            Assert.Equal(InteractionMode.Video, r.Mode);
            Assert.Equal(ReviewStatus.Reviewed, r.Review!.Status);
            Assert.Equal([RecordField.Mode], r.Review.FieldsSet);
            Assert.Equal("phone", Assert.Single(r.Review.Machine).Value);
            var trail = Assert.Single(r.Review.Trail);
            Assert.Equal(("analyst", "2026-01-15T09:30:00Z", "checked against the readout"), (trail.Reviewer, trail.At, trail.Reason));
            Assert.Contains(r.Provenance!, p => p.Field == RecordField.Mode && p.Value == "video"
                && p.Sources.Single().StartsWith("review #", StringComparison.Ordinal));
            Assert.Single(store.Query(InteractionFilter.All with { Mode = "video" }));
            // a correction to the value the record has is refused and writes nothing
            Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Correct, id, "mode", "video"))).Code);

            // a second report of the same call joins the record and fuses its block again: the correction stays
            store.SaveDocument(PhoneCall("b", 1));
            r = Assert.Single(store.Query(InteractionFilter.All));
            Assert.Equal((id, 2, InteractionMode.Video), (r.Id, r.Sources.Count, r.Mode));
            Assert.Single(store.ReviewTrail());
        }
        // the same reports again, from a new process: nothing changes, the correction is still applied
        using (var again = tmp.Open())
        {
            again.SaveDocument(PhoneCall("a", 0));
            again.SaveDocument(PhoneCall("b", 1));
            var r = Assert.Single(again.Query(InteractionFilter.All));
            Assert.Equal(InteractionMode.Video, r.Mode);
            Assert.Equal("phone", r.Review!.Machine.Single().Value);
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_a_rejected_record_leaves_lists_exports_and_the_queue_until_it_is_restored(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(PhoneCall("a", 0));
        store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-05-01", participants: [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")])));
        var xi = store.Query(InteractionFilter.All with { Countries = ["CHN"] }).Single().Id;
        Assert.Equal(2, store.ReviewQueue(0, 10).Total);

        store.Review(Ask(ReviewAction.Reject, xi));
        Assert.Single(store.Query(InteractionFilter.All));
        Assert.Empty(store.Query(InteractionFilter.All with { Countries = ["CHN"] }));
        Assert.Equal(xi, Assert.Single(store.Query(InteractionFilter.All with { Review = ReviewStatus.Rejected.Wire() })).Id);
        Assert.Equal(2, store.Query(InteractionFilter.All with { Review = "all" }).Count);
        Assert.Equal(ReviewStatus.Rejected, store.Get(xi)!.Review!.Status);   // show still finds it
        Assert.Equal(1, store.ReviewQueue(0, 10).Total);
        Assert.Equal(1, tmp.Rows("rejected_records"));
        Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Reject, xi))).Code);

        store.Review(Ask(ReviewAction.Restore, xi));
        Assert.Equal(2, store.Query(InteractionFilter.All).Count);
        Assert.Single(store.Query(InteractionFilter.All with { Countries = ["CHN"] }));
        Assert.Equal(ReviewStatus.Reviewed, store.Get(xi)!.Review!.Status);
        Assert.Equal([ReviewAction.Reject, ReviewAction.Restore], store.ReviewTrail(xi).Select(e => e.Action));
        Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Restore, xi))).Code);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_two_records_of_one_meeting_merge_and_the_old_id_resolves_then_a_split_takes_a_report_out_again(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        // the machine read two days for one call: two records
        store.SaveDocument(PhoneCall("a", 0, "2024-09-04"));
        store.SaveDocument(PhoneCall("b", 1, "2024-09-05"));
        var ids = store.Query(InteractionFilter.All).Select(r => r.Id).ToList();
        Assert.Equal(2, ids.Count);

        var merged = store.Review(Ask(ReviewAction.Merge, ids[0], other: ids[1]));
        var one = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal((ids[0], 2), (one.Id, one.Sources.Count));
        Assert.Equal(ids[0], store.Resolve(ids[1]));
        Assert.Equal(ids[0], store.Get(ids[1])!.Id);
        Assert.Equal(ids[1], merged.Entry.Other);

        // a third report of the second day joins the merged record when the block is fused again
        store.SaveDocument(PhoneCall("c", 2, "2024-09-05"));
        Assert.Equal(3, Assert.Single(store.Query(InteractionFilter.All)).Sources.Count);

        // split the report c.txt out: it becomes a record of its own, named by its members, and stays apart
        var split = store.Review(Ask(ReviewAction.Split, ids[0], sources: ["c.txt"]));
        Assert.Equal(2, split.Records.Count);
        var records = store.Query(InteractionFilter.All);
        Assert.Equal(2, records.Count);
        Assert.Equal(["c.txt"], records.Single(r => r.Id == split.Records[1]).Sources.Select(s => s.Uri));
        Assert.Equal(2, records.Single(r => r.Id == ids[0]).Sources.Count);
        Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Split, ids[0], sources: ["nowhere.txt"]))).Code);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_a_merge_across_principals_the_machine_read_differently_and_a_participant_correction(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(PhoneCall("a", 0));
        store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2024-09-04", participants: [("Vladimir Putin", "RUS"), ("Erdogan", null)])));
        var ids = store.Query(InteractionFilter.All).Select(r => r.Id).ToList();
        var good = store.Query(InteractionFilter.All with { Countries = ["TUR"] }).Single().Id;
        var bad = ids.Single(i => i != good);
        store.Review(Ask(ReviewAction.Merge, good, other: bad));
        var r = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(2, r.Sources.Count);

        // a role typed in any case is read as its code
        store.Review(Ask(ReviewAction.Correct, good, "participants",
            "Vladimir Putin (RUS, head_of_state); Recep Tayyip Erdoğan (TUR, Official)"));
        r = Assert.Single(store.Query(InteractionFilter.All with { Countries = ["RUS", "TUR"] }));
        Assert.Equal([Office.HeadOfState, Office.Official], r.Participants.Select(p => p.Role));
        Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Correct, good, "participants", "Only One (RUS)"))).Code);
        Assert.Equal(ErrorCodes.ReviewRefused, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Correct, good, "date", "2024-13-01"))).Code);
        Assert.Equal(ErrorCodes.NoSuchId, Assert.Throws<ReadoutException>(() => store.Review(Ask(ReviewAction.Confirm, "rec-nothing"))).Code);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_the_queue_puts_conflicts_and_single_sources_first_and_reads_confidence_when_records_carry_it(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(PhoneCall("a", 0));
        store.SaveDocument(PhoneCall("b", 1));                                   // agrees: two sources, no conflict
        store.SaveDocument(Report("c", Texts[2], Interaction("c-1", "2023-03-03", participants: [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")])));
        store.SaveDocument(Report("d", Texts[3], Interaction("d-1", "2023-03-03", mode: InteractionMode.Video, participants: [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")])));
        store.SaveDocument(Report("e", Texts[4], Interaction("e-1", "2022-01-01", participants: [("Joe Biden", "USA"), ("Olaf Scholz", "DEU")])));
        var queue = store.ReviewQueue(0, 10);
        Assert.Equal(3, queue.Total);
        // fusion gives every record a confidence, and the queue reads it: lowest first
        Assert.All(queue.Items, q => Assert.InRange(q.Confidence!.Value, 0.0, 1.0));
        Assert.Equal(queue.Items.Select(q => q.Confidence!.Value).Order(), queue.Items.Select(q => q.Confidence!.Value));
        Assert.Contains(queue.Items, q => q.Why.Contains("sources disagree on mode", StringComparison.Ordinal));
        Assert.Contains(queue.Items, q => q.Record.Sources.Count == 1 && q.Why.Contains("one source", StringComparison.Ordinal));

        // a record whose confidence falls (a correction of the stored value) moves to the front
        var last = queue.Items[2].Record.Id;
        tmp.Exec($"UPDATE review_queue SET confidence = 0.2 WHERE record_id = '{last}'");
        Assert.Equal(last, store.ReviewQueue(0, 10).Items[0].Record.Id);
        Assert.Equal(0.42, AdoStore_RecordConfidence("""{"id":"x","confidence":0.42}"""));
        Assert.Null(AdoStore_RecordConfidence("""{"id":"x"}"""));

        store.Review(Ask(ReviewAction.Confirm, queue.Items[0].Record.Id));
        Assert.Equal(2, store.ReviewQueue(0, 10).Total);
        Assert.Single(store.Query(InteractionFilter.All with { Review = ReviewStatus.Reviewed.Wire() }));
        Assert.Equal(2, store.Query(InteractionFilter.All with { Review = ReviewStatus.Unreviewed.Wire() }).Count);
    }

    private static double? AdoStore_RecordConfidence(string json) => AdoStore.RecordConfidence(json);

    [Theory, MemberData(nameof(Backends))]
    public void A_stored_correction_whose_field_or_role_is_no_code_fails_naming_the_value(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using (var store = tmp.Open())
        {
            store.SaveDocument(PhoneCall("a", 0));
            var id = Assert.Single(store.Query(InteractionFilter.All)).Id;
            store.Review(Ask(ReviewAction.Correct, id, "attendees", "Yuri Ushakov (RUS, official)"));
        }
        // a field that is no code (corrections always stored the field's string, but a row may be edited by hand), then
        // a role written as a title, which corrections stored as typed before roles were codes
        tmp.Exec("UPDATE reviews SET field = 'venue';");
        using (var store = tmp.Open())
            Assert.StartsWith("unknown record field 'venue'", Assert.Throws<FormatException>(() => store.ReviewTrail()).Message,
                StringComparison.Ordinal);
        tmp.Exec("UPDATE reviews SET field = 'attendees', after_value = 'Yuri Ushakov (RUS, Aide)';");
        using (var store = tmp.Open())
        {
            // a second report fuses the block again: the correction cannot be applied, and the report is not stored without it
            var e = Assert.ThrowsAny<Exception>(() => store.SaveDocument(PhoneCall("b", 1)));
            Assert.Contains("stored actors 'Yuri Ushakov (RUS, Aide)'", e.Message, StringComparison.Ordinal);
            Assert.Single(Assert.Single(store.Query(InteractionFilter.All)).Sources);
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue15_reviews_survive_a_schema_upgrade_that_runs_the_review_step_again_and_fuses_every_block_again(string backend)
    {
        using var tmp = TestDb.Create(backend);
        string id;
        using (var store = tmp.Open())
        {
            store.SaveDocument(PhoneCall("a", 0));
            store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-05-01", participants: [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")])));
            id = store.Query(InteractionFilter.All with { Countries = ["TUR"] }).Single().Id;
            store.Review(Ask(ReviewAction.Correct, id, "city", "Sochi"));
            store.Review(Ask(ReviewAction.Reject, store.Query(InteractionFilter.All with { Countries = ["CHN"] }).Single().Id));
        }
        // back to the schema before reviews, with the interactions' blocks forgotten: opening runs the review step again and fuses every block again
        tmp.Exec($"DELETE FROM schema_migrations WHERE version >= {ReviewStep}; UPDATE interactions SET block_key = NULL;");
        using var upgraded = tmp.Open();
        var r = Assert.Single(upgraded.Query(InteractionFilter.All));
        Assert.Equal((id, "Sochi"), (r.Id, r.Location?.City));
        Assert.Equal(2, upgraded.ReviewTrail().Count);
        Assert.Single(upgraded.Query(InteractionFilter.All with { Review = ReviewStatus.Rejected.Wire() }));
        Assert.Equal(0, upgraded.ReviewQueue(0, 10).Total);
    }
}
