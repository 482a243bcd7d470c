using System.Text.Json;
using Readout.Documents;
using Readout.Extract;
using Readout.Reviews;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Reviews;

/// <summary>
/// Issue 14: what a person did to a record (<see cref="ReviewAction"/>) and a record's review state
/// (<see cref="ReviewStatus"/>) are codes with one wire string each, the strings the store, the exports, the API and
/// the pages always had, so that stores written before they were codes read back as they were written.
/// </summary>
public sealed class ReviewCodesTests
{
    [Theory]
    [InlineData(ReviewAction.Reject, "reject")]
    [InlineData(ReviewAction.Restore, "restore")]
    [InlineData(ReviewAction.Correct, "correct")]
    [InlineData(ReviewAction.Confirm, "confirm")]
    [InlineData(ReviewAction.Merge, "merge")]
    [InlineData(ReviewAction.Split, "split")]
    public void Issue14_a_review_action_is_written_and_read_as_its_string(ReviewAction action, string wire)
    {
        Assert.Equal(wire, action.Wire());
        Assert.Equal(action, Codes.ReviewAction.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(action));
        Assert.Equal(action, JsonSerializer.Deserialize<ReviewAction>($"\"{wire}\"", RecordJson.Options));
    }

    [Theory]
    [InlineData(ReviewStatus.Unreviewed, "unreviewed")]
    [InlineData(ReviewStatus.Reviewed, "reviewed")]
    [InlineData(ReviewStatus.Rejected, "rejected")]
    public void Issue14_a_review_state_is_written_and_read_as_its_string(ReviewStatus status, string wire)
    {
        Assert.Equal(wire, status.Wire());
        Assert.Equal(status, Codes.ReviewStatus.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(status, RecordJson.Options));
        Assert.Equal(status, JsonSerializer.Deserialize<ReviewStatus>($"\"{wire}\""));
    }

    [Fact]
    public void Issue14_the_strings_are_listed_in_the_order_usage_lines_and_refusals_give_them()
    {
        Assert.Equal(["reject", "restore", "correct", "confirm", "merge", "split"], Codes.ReviewAction.Wires);
        Assert.Equal(["unreviewed", "reviewed", "rejected"], Codes.ReviewStatus.Wires);
    }

    [Theory]
    [InlineData("Reject")]   // stored strings are exact
    [InlineData("rejected")]   // a state, not an action
    [InlineData("")]
    public void Issue14_a_stored_action_that_is_no_code_fails_naming_the_actions_there_are(string wire)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReviewAction>($"\"{wire}\"", RecordJson.Options));
        Assert.Equal($"unknown review action '{wire}' (expected one of reject, restore, correct, confirm, merge, split)", e.Message);
    }

    [Fact]
    public void Issue14_a_stored_review_reads_back_from_its_json_and_is_written_the_same()
    {
        // a record's review as the store's JSON has held it since reviews came: strings for the state and the actions
        const string Stored = """
            {"status":"rejected","fields_set":["location.venue"],"machine":[{"field":"location.venue","value":null}],"trail":[
            {"id":7,"action":"correct","record":"rec-1","field":"location.venue","before":null,"after":"Kazan Expo","reason":"seen",
            "reviewer":"ana","at":"2024-10-23T08:00:00Z"},
            {"id":8,"action":"reject","record":"rec-1","field":null,"before":null,"after":null,"reason":"not a meeting",
            "reviewer":"ana","at":"2024-10-23T08:05:00Z"}]}
            """;
        var state = JsonSerializer.Deserialize<ReviewState>(Stored, RecordJson.Options)!;
        Assert.Equal(ReviewStatus.Rejected, state.Status);
        Assert.Equal([ReviewAction.Correct, ReviewAction.Reject], state.Trail.Select(e => e.Action));
        Assert.Equal(string.Concat(Stored.Split('\n')), JsonSerializer.Serialize(state, RecordJson.Options));
    }

    [Fact]
    public void Issue14_the_store_refuses_an_action_that_is_no_code_and_reads_the_stored_actions_through_the_codes()
    {
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using (var store = tmp.Open())
        {
            store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04", mode: InteractionMode.Phone)));
            var id = Assert.Single(store.Query(InteractionFilter.All)).Id;
            var at = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
            var e = Assert.Throws<ReadoutException>(() => store.Review(new ReviewRequest("Reject", id, "why", "ana", at)));
            Assert.Equal((ErrorCodes.ReviewRefused, "'Reject' is not a review action; one of reject, restore, correct, confirm, merge, split"),
                (e.Code, e.Detail));
            Assert.Empty(store.ReviewTrail());
            store.Review(new ReviewRequest("reject", id, "why", "ana", at));
            Assert.Equal(ReviewAction.Reject, Assert.Single(store.ReviewTrail()).Action);
            Assert.Single(store.Query(InteractionFilter.All with { Review = "rejected" }));
        }
        // the action column holds the code's string; a row edited by hand to another fails where it is read
        Assert.Equal("reject", tmp.Scalar("SELECT action FROM reviews"));
        tmp.Exec("UPDATE reviews SET action = 'Reject';");
        using (var store = tmp.Open())
            Assert.Equal("unknown review action 'Reject' (expected one of reject, restore, correct, confirm, merge, split)",
                Assert.Throws<FormatException>(() => store.ReviewTrail()).Message);
    }
}
