using System.Text.Json;
using Microsoft.Data.Sqlite;
using Readout.Extract;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>
/// The server's list rows, dyad counts and filter summaries carry a record's status, mode and roles as codes: read
/// from their columns by the codes' strings, ordered by those strings as they were when they were strings, and a
/// column that holds none of them fails naming it instead of showing up as a mode or role of its own.
/// </summary>
public sealed class SummaryRowsTests
{
    private static readonly (string, string?)[] PutinXi = [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")];

    private static void Fill(SqliteStore store)
    {
        store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2023-03-21", InteractionMode.InPerson, participants: PutinXi)));
        store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-06-02", InteractionMode.Phone, participants: PutinXi)));
        store.SaveDocument(Report("c", Texts[2], Interaction("c-1", "2023-09-11", InteractionMode.Video, InteractionStatus.Planned, PutinXi)));
    }

    [Fact]
    public void List_rows_carry_status_mode_and_roles_as_codes()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        Fill(store);
        var rows = store.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10), Ct).Items;
        Assert.Equal([InteractionMode.InPerson, InteractionMode.Phone, InteractionMode.Video], rows.Select(r => r.Mode));
        Assert.Equal([InteractionStatus.Happened, InteractionStatus.Happened, InteractionStatus.Planned], rows.Select(r => r.Status));
        Assert.All(rows, r => Assert.Equal([Office.HeadOfState, Office.HeadOfState], r.Participants.Select(p => p.Role)));
    }

    [Fact]
    public void A_dyads_counts_per_year_keep_the_modes_in_the_order_of_their_strings_and_are_sent_as_strings()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        Fill(store);
        var perYear = store.GetDyad("CHN", "RUS", 10, Ct).PerYearAndMode;
        // in_person < phone < video by their strings; the enum's order (phone, video, in person) would move the first
        Assert.Equal([InteractionMode.InPerson, InteractionMode.Phone, InteractionMode.Video], perYear.Select(x => x.Mode));
        Assert.Equal("""{"Year":2023,"Mode":"in_person","Count":1}""", JsonSerializer.Serialize(perYear[0]));
        var summary = store.Summarise(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10), Ct);
        Assert.Equal([InteractionMode.InPerson, InteractionMode.Phone, InteractionMode.Video], summary.Modes.Select(m => m.Mode));
        Assert.Equal([InteractionMode.InPerson, InteractionMode.Phone, InteractionMode.Video], summary.Days.Select(d => d.Mode));
    }

    [Theory]
    [InlineData("UPDATE records SET mode = 'telepathy'", "unknown interaction mode 'telepathy'")]
    [InlineData("UPDATE records SET status = 'rumoured'", "unknown interaction status 'rumoured'")]
    [InlineData("UPDATE record_actors SET role = 'President' WHERE kind = 'participant'", "unknown role 'President'")]
    public void A_column_that_is_no_code_fails_the_list_naming_the_value(string spoil, string message)
    {
        using var tmp = new TempDb();
        using (var store = new SqliteStore(tmp.Path)) Fill(store);
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = spoil;
            Assert.True(cmd.ExecuteNonQuery() > 0);
        }
        using var reader = SqliteStore.OpenReader(tmp.Path);
        var e = Assert.Throws<FormatException>(() =>
            reader.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10), Ct));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_role_that_is_no_code_fails_the_actor_profile_naming_the_value()
    {
        using var tmp = new TempDb();
        using (var store = new SqliteStore(tmp.Path))
        {
            Fill(store);
            Assert.Equal(Office.HeadOfState, Assert.Single(store.GetActor("Xi Jinping", 10, Ct)!.Roles).Role);
        }
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE record_actors SET role = 'Leader' WHERE name = 'Xi Jinping'";
            cmd.ExecuteNonQuery();
        }
        using var reader = SqliteStore.OpenReader(tmp.Path);
        var e = Assert.Throws<FormatException>(() => reader.GetActor("Xi Jinping", 10, Ct));
        Assert.StartsWith("unknown role 'Leader'", e.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
