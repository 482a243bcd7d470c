using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

public sealed class SqliteStoreTests
{
    private static InteractionFilter Filter(string[]? actors = null, string[]? countries = null, string? from = null, string? to = null,
        string? mode = null, string? status = null) => new(actors ?? [], countries ?? [], from, to, mode, status);

    [Fact]
    public void Opening_creates_schema_in_wal_mode_and_reopening_keeps_version()
    {
        using var tmp = new TempDb();
        using (var store = new SqliteStore(tmp.Path)) Assert.Equal((0, 0), store.Counts());
        using (var store = new SqliteStore(tmp.Path)) Assert.Equal((0, 0), store.Counts());

        using var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        cmd.CommandText = "SELECT group_concat(version) FROM schema_migrations";
        Assert.Equal(SqliteStore.SchemaVersion.ToString(), cmd.ExecuteScalar()?.ToString());
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'";
        Assert.True((long)cmd.ExecuteScalar()! >= 4);
    }

    [Fact]
    public void Save_round_trips_record_and_clean_text()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        var i = Interaction("abc123", "2024-09-04", location: new Location("Sochi", "RUS", "Bocharov Ruchei"));
        store.SaveDocument(Document("h1", i));

        Assert.True(store.HasDocument("h1"));
        Assert.False(store.HasDocument("h2"));
        Assert.Equal("Putin spoke, Erdoğan listened.", store.GetCleanText("h1"));
        Assert.Null(store.GetCleanText("nope"));

        var back = store.Get("abc123");
        Assert.NotNull(back);
        Assert.Equal(RecordJson.Serialize(i), RecordJson.Serialize(back));
        Assert.Equal("Recep Tayyip Erdoğan", back.Participants[1].Name);
        Assert.Equal("Bocharov Ruchei", back.Location!.Venue);
        Assert.Equal(2, back.Sources[0].Evidence.Count);
    }

    [Fact]
    public void Saving_the_same_content_hash_twice_stores_one_document()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04")));
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"), Interaction("a2", "2024-09-05")));
        Assert.Equal((1, 1), store.Counts());
    }

    [Fact]
    public void An_interaction_id_already_stored_is_ignored_not_an_error()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04")));
        store.SaveDocument(Document("h2", Interaction("a1", "2024-09-04"), Interaction("a2", "2024-09-05")));
        Assert.Equal((2, 2), store.Counts());
        Assert.Single(store.Query(Filter(countries: ["RUS"], from: "2024-09-04", to: "2024-09-04")));
    }

    [Fact]
    public void A_failure_midway_rolls_back_the_whole_document()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        var bad = Interaction("", "2024-09-05");   // no id: cannot be stored
        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"), bad)));
        Assert.Equal(ErrorCodes.Store, e.Code);
        Assert.Equal("h1.txt", e.Document);
        Assert.StartsWith("RO2001 h1.txt:", e.Message);

        Assert.False(store.HasDocument("h1"));
        Assert.Equal((0, 0), store.Counts());
        Assert.Null(store.Get("a1"));

        // the store is still usable, and the document can be saved once fixed
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04")));
        Assert.Equal((1, 1), store.Counts());
    }

    [Fact]
    public void A_missing_participant_list_also_rolls_back()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        var broken = Interaction("b1", "2024-09-05") with { Participants = null! };
        Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"), broken)));
        Assert.Equal((0, 0), store.Counts());
    }

    [Fact]
    public void Saving_after_dispose_is_a_store_error()
    {
        using var tmp = new TempDb();
        var store = new SqliteStore(tmp.Path);
        store.Dispose();
        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"))));
        Assert.Equal(ErrorCodes.Store, e.Code);
        using var again = new SqliteStore(tmp.Path);
        Assert.Equal((0, 0), again.Counts());
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_store_error()
    {
        using var tmp = new TempDb();
        File.WriteAllText(tmp.Path, "this is not a database, just some text that is long enough to have a header........");
        var e = Assert.Throws<ReadoutException>(() => new SqliteStore(tmp.Path));
        Assert.Equal(ErrorCodes.Store, e.Code);
    }

    private static SqliteStore Seeded(TempDb tmp)
    {
        var store = new SqliteStore(tmp.Path);
        store.SaveDocument(Document("h1",
            Interaction("i-ru-tr", "2024-09-04", "phone"),
            Interaction("i-ru-cn", "2024-10-16", "in_person", participants: [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")],
                location: new Location("Kazan", "RUS", null))));
        store.SaveDocument(Document("h2",
            Interaction("i-us-cn", "2024-11-15", "video", participants: [("Joe Biden", "USA"), ("Xi Jinping", "CHN")]),
            Interaction("i-tr-us", "2025-01-20", "written", "planned", participants: [("Recep Tayyip Erdoğan", "TUR"), ("Joe Biden", "USA")]),
            Interaction("i-undated", null!, "phone", participants: [("Emmanuel Macron", "FRA"), ("Vladimir Putin", "RUS")]),
            Interaction("i-partial", "--12-01", "phone", participants: [("Emmanuel Macron", "FRA"), ("Olaf Scholz", "DEU")])));
        return store;
    }

    private static string[] Ids(IEnumerable<Interaction> xs) => xs.Select(x => x.Id).ToArray();

    [Fact]
    public void Query_without_filters_orders_by_date_then_id_undated_last()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal(["i-partial", "i-ru-tr", "i-ru-cn", "i-us-cn", "i-tr-us", "i-undated"], Ids(store.Query(InteractionFilter.All)));
    }

    [Fact]
    public void Actor_filter_is_a_case_and_accent_insensitive_substring_of_a_participant()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal(["i-ru-tr", "i-ru-cn", "i-undated"], Ids(store.Query(Filter(actors: ["putin"]))));
        Assert.Equal(["i-ru-tr", "i-tr-us"], Ids(store.Query(Filter(actors: ["ERDOGAN"]))));
        Assert.Equal(["i-ru-tr"], Ids(store.Query(Filter(actors: ["Erdoğan", "Putin"]))));
        Assert.Empty(store.Query(Filter(actors: ["Lavrov"])));   // an attendee, not a participant
    }

    [Fact]
    public void Two_countries_select_the_dyad()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal(["i-ru-tr", "i-ru-cn", "i-undated"], Ids(store.Query(Filter(countries: ["RUS"]))));
        Assert.Equal(["i-ru-cn"], Ids(store.Query(Filter(countries: ["rus", "CHN"]))));
        Assert.Equal(["i-us-cn"], Ids(store.Query(Filter(countries: ["CHN", "USA"]))));
    }

    [Fact]
    public void Date_range_is_inclusive_and_prefix_bounds_cover_their_period()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal(["i-ru-tr", "i-ru-cn"], Ids(store.Query(Filter(from: "2024-09-04", to: "2024-10-16"))));
        Assert.Equal(["i-ru-cn", "i-us-cn"], Ids(store.Query(Filter(from: "2024-10", to: "2024-11"))));
        Assert.Equal(["i-tr-us"], Ids(store.Query(Filter(from: "2025"))));
        Assert.Equal(["i-ru-tr", "i-ru-cn", "i-us-cn"], Ids(store.Query(Filter(to: "2024"))));
    }

    [Fact]
    public void Mode_and_status_filters()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal(["i-partial", "i-ru-tr", "i-undated"], Ids(store.Query(Filter(mode: "phone"))));
        Assert.Equal(["i-tr-us"], Ids(store.Query(Filter(status: "planned"))));
        Assert.Empty(store.Query(Filter(mode: "written", status: "happened")));
        Assert.Equal(["i-ru-tr"], Ids(store.Query(Filter(actors: ["putin"], countries: ["TUR"], from: "2024-01-01", mode: "phone", status: "happened"))));
    }

    [Fact]
    public void Get_accepts_a_unique_prefix_only()
    {
        using var tmp = new TempDb();
        using var store = Seeded(tmp);
        Assert.Equal("i-us-cn", store.Get("i-us")?.Id);
        Assert.Null(store.Get("i-ru"));                 // i-ru-tr and i-ru-cn
        Assert.Equal(["i-ru-cn", "i-ru-tr"], store.FindIds("i-ru"));
        Assert.Null(store.Get("zzz"));
        Assert.Null(store.Get(""));
    }
}
