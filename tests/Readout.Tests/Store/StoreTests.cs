using System.Globalization;
using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>The store's contract, run on every backend (SQLite and PostgreSQL), each test on a fresh database.</summary>
public sealed class StoreTests
{
    public static TheoryData<string> Backends => TestDb.Backends;

    private static InteractionFilter Filter(string[]? actors = null, string[]? countries = null, string? from = null, string? to = null,
        string? mode = null, string? status = null) => new(actors ?? [], countries ?? [], from, to, mode, status);

    private static readonly string[] StoreTables =
        ["documents", "interactions", "interaction_actors", "records", "record_actors", "record_aliases", "document_bands"];

    private static void AssertNothingStored(TestDb tmp)
    {
        foreach (var table in StoreTables) Assert.True(tmp.Rows(table) == 0, $"{table} is not empty");
    }

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
        // every step applied exactly once, in order, also after reopening
        cmd.CommandText = "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_migrations ORDER BY version)";
        Assert.Equal(string.Join(",", Enumerable.Range(1, SqliteStore.SchemaVersion)), cmd.ExecuteScalar()?.ToString());
        Assert.True(SqliteStore.SchemaVersion >= 2);   // 2: fusion
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'";
        Assert.True((long)cmd.ExecuteScalar()! >= 4);
        foreach (var table in StoreTables)
        {
            cmd.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            Assert.True((long)cmd.ExecuteScalar()! == 1, $"table {table} is missing");
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Interactions_stored_before_fusion_are_fused_after_the_upgrade(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using (var store = tmp.Open()) store.SaveDocument(Report("old", Texts[0], Interaction("old-1", "2024-09-04")));
        // take the database back to version 1: undo what steps 2 and 3 added
        tmp.Exec("""
                DROP TABLE statements; DROP TABLE figures;
                DROP TABLE records; DROP TABLE record_actors; DROP TABLE record_aliases; DROP TABLE document_bands;
                DROP INDEX ix_documents_family; DROP INDEX ix_interactions_block; DROP INDEX ix_interactions_record;
                ALTER TABLE documents DROP COLUMN family_hash; ALTER TABLE documents DROP COLUMN minhash;
                ALTER TABLE interactions DROP COLUMN block_key; ALTER TABLE interactions DROP COLUMN record_id;
                DELETE FROM schema_migrations WHERE version > 1;
                """);
        using var upgraded = tmp.Open();
        Assert.Equal((1, 1), upgraded.Counts());
        upgraded.SaveDocument(Report("new", Texts[1], Interaction("new-1", "2024-09-04")));
        Assert.Equal(["new-1", "old-1"], Assert.Single(upgraded.Query(InteractionFilter.All)).Members);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Save_round_trips_record_and_clean_text(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var i = Interaction("abc123", "2024-09-04", InteractionMode.InPerson, location: new Location("Sochi", "RUS", "Bocharov Ruchei"));
        store.SaveDocument(Document("h1", i));

        Assert.True(store.HasDocument("h1"));
        Assert.False(store.HasDocument("h2"));
        Assert.Equal("Putin spoke, Erdoğan listened.", store.GetCleanText("h1"));
        Assert.Null(store.GetCleanText("nope"));

        // the record's id names the interaction (who, which day), not the report
        var id = FusionEngine.RecordId(InteractionStatus.Happened, "Recep Tayyip Erdoğan|Vladimir Putin", "2024-09-04");
        Assert.Matches("^rec-[0-9a-f]{16}$", id);
        Assert.Equal(id, RecordIdOf(i));
        var back = store.Get(id);
        Assert.NotNull(back);
        Assert.Equal(id, back.Id);
        Assert.Equal("Recep Tayyip Erdoğan", back.Participants[1].Name);
        Assert.Equal("Bocharov Ruchei", back.Location!.Venue);
        Assert.Equal(2, back.Sources[0].Evidence.Count);

        // fusion fields: one member, one family (named by its content hash), no conflicts, provenance per field
        Assert.Equal(["abc123"], back.Members);
        Assert.Equal(1, back.SourceFamilies);
        Assert.Empty(back.Conflicts!);
        Assert.Equal("h1", Assert.Single(back.Sources).Family);
        Assert.Contains(back.Provenance!,
            p => p is { Field: RecordField.Mode, Value: "in_person" } && p.Sources.SequenceEqual(["doc.txt"]));
        Assert.Contains(back.Provenance!, p => p is { Field: RecordField.City, Value: "Sochi" });
        Assert.Contains(back.Provenance!, p => p is { Field: RecordField.Attendees, Value: "Sergei Lavrov" });

        // apart from its id and the fusion fields, the record of a single report is that report's interaction
        var contractOnly = back with
        {
            Id = i.Id, Provenance = null, Conflicts = null, SourceFamilies = null, Members = null, Confidence = null, ConfidenceFactors = null,
            Sources = back.Sources.Select(s => s with { Family = null }).ToList(),
        };
        Assert.Equal(RecordJson.Serialize(i), RecordJson.Serialize(contractOnly));

        // the report-level interaction is kept as it came, linked to its record
        var row = tmp.Row("SELECT record_json, record_id, block_key FROM interactions WHERE id = 'abc123'");
        Assert.Equal(RecordJson.Serialize(i), row[0]);
        Assert.Equal(id, row[1]);
        Assert.Equal(FusionEngine.BlockKey(i), row[2]);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Saving_the_same_content_hash_twice_stores_one_document(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04")));
        var first = RecordJson.Serialize(Assert.Single(store.Query(InteractionFilter.All)));
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"), Interaction("a2", "2024-09-05")));
        Assert.Equal((1, 1), store.Counts());
        Assert.Equal(1, tmp.Rows("interactions"));
        Assert.Equal(first, RecordJson.Serialize(Assert.Single(store.Query(InteractionFilter.All))));
    }

    [Theory, MemberData(nameof(Backends))]
    public void An_interaction_id_already_stored_is_ignored_not_an_error(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04")));
        store.SaveDocument(Document("h2", Interaction("a1", "2024-09-04"), Interaction("a2", "2024-09-05")));
        Assert.Equal((2, 2), store.Counts());
        Assert.Equal(2, tmp.Rows("interactions"));
        var only = Assert.Single(store.Query(Filter(countries: ["RUS"], from: "2024-09-04", to: "2024-09-04")));
        Assert.Equal(["a1"], only.Members);   // the second a1 is not a second member
        Assert.Single(only.Sources);
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_failure_midway_rolls_back_the_whole_document(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var good = Interaction("a1", "2024-09-04");
        var bad = Interaction("", "2024-09-05");   // no id: cannot be stored
        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", good, bad)));
        Assert.Equal(ErrorCodes.Store, e.Code);
        Assert.Equal("h1.txt", e.Document);
        Assert.StartsWith("RO2001 h1.txt:", e.Message);

        Assert.False(store.HasDocument("h1"));
        Assert.Equal((0, 0), store.Counts());
        Assert.Null(store.Get(RecordIdOf(good)));
        Assert.Empty(store.Query(InteractionFilter.All));
        AssertNothingStored(tmp);

        // the store is still usable, and the document can be saved once fixed
        store.SaveDocument(Document("h1", good));
        Assert.Equal((1, 1), store.Counts());
        Assert.Equal(["a1"], store.Get(RecordIdOf(good))?.Members);
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_missing_participant_list_also_rolls_back(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var broken = Interaction("b1", "2024-09-05") with { Participants = null! };
        Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"), broken)));
        Assert.Equal((0, 0), store.Counts());
        AssertNothingStored(tmp);
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_failure_while_fusing_rolls_back_the_report_and_leaves_existing_records_alone(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var a = Interaction("a1", "2024-09-04");
        store.SaveDocument(Report("f1", Texts[0], a));
        var before = store.Query(InteractionFilter.All).Select(RecordJson.Serialize).ToList();
        var tables = StoreTables.ToDictionary(t => t, t => tmp.Rows(t));

        // this interaction is written to `interactions` before its block is fused; fusion then fails on it
        // (it has no source), so the whole report must go, its interaction and document rows included
        var sourceless = Interaction("b1", "2024-09-04") with { Sources = [] };
        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(Report("f2", Texts[1], Interaction("b0", "2024-09-04"), sourceless)));
        Assert.Equal(ErrorCodes.Store, e.Code);

        Assert.False(store.HasDocument("f2"));
        Assert.Equal((1, 1), store.Counts());
        foreach (var (table, n) in tables) Assert.True(tmp.Rows(table) == n, $"{table} changed");
        Assert.Equal(before, store.Query(InteractionFilter.All).Select(RecordJson.Serialize).ToList());
        Assert.Single(store.Families());
    }

    [Theory, MemberData(nameof(Backends))]
    public void Saving_after_dispose_is_a_store_error(string backend)
    {
        using var tmp = TestDb.Create(backend);
        var store = tmp.Open();
        store.Dispose();
        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(Document("h1", Interaction("a1", "2024-09-04"))));
        Assert.Equal(ErrorCodes.Store, e.Code);
        using var again = tmp.Open();
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

    [Fact]
    public void Opening_a_postgres_schema_creates_the_same_tables_and_reopening_keeps_version()
    {
        using var tmp = TestDb.Create(TestDb.Postgres);
        using (var store = tmp.Open()) Assert.Equal((0, 0), store.Counts());
        using (var store = tmp.Open()) Assert.Equal((0, 0), store.Counts());
        Assert.Equal(SqliteStore.SchemaVersion, PostgresStore.SchemaVersion);
        Assert.Equal(string.Join(",", Enumerable.Range(1, PostgresStore.SchemaVersion)),
            tmp.Scalar("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations"));
        var schema = ((PostgresTestDb)tmp).Schema;
        foreach (var table in StoreTables.Append("statements").Append("figures"))
            Assert.True(Convert.ToInt64(tmp.Scalar($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name = '{table}'"), CultureInfo.InvariantCulture) == 1, $"table {table} is missing");
        Assert.True(Convert.ToInt64(tmp.Scalar($"SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' AND indexname LIKE 'ix_%'"), CultureInfo.InvariantCulture) >= 4);
    }

    [Fact]
    public void A_postgres_connection_string_is_read_as_a_url_or_as_keywords_and_never_shows_its_password()
    {
        var b = PostgresStore.ParseConnectionString("postgres://ana:s%40cret@db.example:6543/team?search_path=desk");
        Assert.Equal(("db.example", 6543, "team", "ana", "s@cret", "desk"), (b.Host, b.Port, b.Database, b.Username, b.Password, b.SearchPath));
        Assert.Equal("readout", PostgresStore.ParseConnectionString("postgresql://localhost").Database);
        Assert.Equal(5433, PostgresStore.ParseConnectionString("Host=h;Port=5433;Database=d").Port);
        Assert.True(StoreFactory.IsServer("Host=h;Database=d"));
        Assert.False(StoreFactory.IsServer("readout.db"));
        Assert.Equal("postgres://ana:***@db.example/team", PostgresStore.Redact("postgres://ana:s3cret@db.example/team"));
        Assert.Equal("Host=h;Password=***", PostgresStore.Redact("Host=h;Password=s3cret"));
        var e = Assert.Throws<ReadoutException>(() => PostgresStore.ParseConnectionString("Host=h;Nonsense=1"));
        Assert.Equal(ErrorCodes.BadConnection, e.Code);
        Assert.DoesNotContain("s3cret", Assert.Throws<ReadoutException>(() => PostgresStore.ParseConnectionString("Host=h;Password=s3cret;Nonsense=1")).Message);
    }

    // ---- queries over records ----------------------------------------------------------------------

    private static readonly Interaction[] H1 =
    [
        Interaction("i-ru-tr", "2024-09-04", InteractionMode.Phone),
        Interaction("i-ru-cn", "2024-10-16", InteractionMode.InPerson, participants: [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")],
            location: new Location("Kazan", "RUS", null)),
    ];

    private static readonly Interaction[] H2 =
    [
        Interaction("i-us-cn", "2024-11-15", InteractionMode.Video, participants: [("Joe Biden", "USA"), ("Xi Jinping", "CHN")]),
        Interaction("i-tr-us", "2025-01-20", InteractionMode.Written, InteractionStatus.Planned, participants: [("Recep Tayyip Erdoğan", "TUR"), ("Joe Biden", "USA")]),
        Interaction("i-undated", null!, InteractionMode.Phone, participants: [("Emmanuel Macron", "FRA"), ("Vladimir Putin", "RUS")]),
        Interaction("i-partial", "--12-01", InteractionMode.Phone, participants: [("Emmanuel Macron", "FRA"), ("Olaf Scholz", "DEU")]),
    ];

    /// <summary>The record id of a seeded interaction, by its report-level id (each is alone in its block).</summary>
    private static string Rec(string interactionId) => RecordIdOf(H1.Concat(H2).Single(i => i.Id == interactionId));

    private static string[] Recs(params string[] interactionIds) => interactionIds.Select(Rec).ToArray();

    private static IReadoutStore Seeded(TestDb tmp)
    {
        var store = tmp.Open();
        store.SaveDocument(Document("h1", H1));
        store.SaveDocument(Document("h2", H2));
        return store;
    }

    private static string[] Ids(IEnumerable<Interaction> xs) => xs.Select(x => x.Id).ToArray();

    [Theory, MemberData(nameof(Backends))]
    public void Each_seeded_interaction_is_its_own_record(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        Assert.Equal((2, 6), store.Counts());
        foreach (var i in H1.Concat(H2))
        {
            var rec = store.Get(Rec(i.Id));
            Assert.NotNull(rec);
            Assert.Equal([i.Id], rec.Members);
            Assert.Equal(i.Status, rec.Status);
            Assert.Equal(i.Mode, rec.Mode);
            Assert.Equal(i.Date, rec.Date);
            Assert.Equal(i.Participants.Select(p => (p.Name, p.Country)), rec.Participants.Select(p => (p.Name, p.Country)));
            Assert.Equal(i.Location, rec.Location);
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Query_without_filters_orders_by_date_then_id_undated_last(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        var all = store.Query(InteractionFilter.All);
        Assert.Equal(Recs("i-partial", "i-ru-tr", "i-ru-cn", "i-us-cn", "i-tr-us", "i-undated"), Ids(all));
        Assert.Equal(["--12-01", "2024-09-04", "2024-10-16", "2024-11-15", "2025-01-20", null], all.Select(r => r.Date));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Records_of_the_same_day_are_ordered_by_id(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var pairs = new (string, string?)[][]
        {
            [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")],
            [("Joe Biden", "USA"), ("Xi Jinping", "CHN")],
            [("Emmanuel Macron", "FRA"), ("Olaf Scholz", "DEU")],
        };
        var xs = pairs.Select((p, k) => Interaction($"d{k}", "2024-05-05", participants: p)).ToArray();
        store.SaveDocument(Document("h1", xs));
        Assert.Equal(xs.Select(RecordIdOf).Order(StringComparer.Ordinal), Ids(store.Query(InteractionFilter.All)));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Actor_filter_is_a_case_and_accent_insensitive_substring_of_a_participant(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        Assert.Equal(Recs("i-ru-tr", "i-ru-cn", "i-undated"), Ids(store.Query(Filter(actors: ["putin"]))));
        Assert.Equal(Recs("i-ru-tr", "i-tr-us"), Ids(store.Query(Filter(actors: ["ERDOGAN"]))));
        Assert.Equal(Recs("i-ru-tr"), Ids(store.Query(Filter(actors: ["Erdoğan", "Putin"]))));
        Assert.Equal(Recs("i-ru-tr", "i-tr-us"), Ids(store.Query(Filter(actors: ["  tayyip erdoğan "]))));
        Assert.Empty(store.Query(Filter(actors: ["Lavrov"])));   // an attendee, not a participant
    }

    [Theory, MemberData(nameof(Backends))]
    public void Two_countries_select_the_dyad(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        Assert.Equal(Recs("i-ru-tr", "i-ru-cn", "i-undated"), Ids(store.Query(Filter(countries: ["RUS"]))));
        Assert.Equal(Recs("i-ru-cn"), Ids(store.Query(Filter(countries: ["rus", "CHN"]))));
        Assert.Equal(Recs("i-us-cn"), Ids(store.Query(Filter(countries: ["CHN", "USA"]))));
        Assert.Empty(store.Query(Filter(countries: ["USA", "RUS"])));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Date_range_is_inclusive_and_prefix_bounds_cover_their_period(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        Assert.Equal(Recs("i-ru-tr", "i-ru-cn"), Ids(store.Query(Filter(from: "2024-09-04", to: "2024-10-16"))));
        Assert.Equal(Recs("i-ru-cn", "i-us-cn"), Ids(store.Query(Filter(from: "2024-10", to: "2024-11"))));
        Assert.Equal(Recs("i-tr-us"), Ids(store.Query(Filter(from: "2025"))));
        Assert.Equal(Recs("i-ru-tr", "i-ru-cn", "i-us-cn"), Ids(store.Query(Filter(to: "2024"))));
        // a record without a full date (undated, or "--12-01") is left out once a bound is given
        Assert.Equal(Recs("i-ru-tr", "i-ru-cn", "i-us-cn", "i-tr-us"), Ids(store.Query(Filter(from: "0000"))));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Mode_and_status_filters(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        Assert.Equal(Recs("i-partial", "i-ru-tr", "i-undated"), Ids(store.Query(Filter(mode: "phone"))));
        Assert.Equal(Recs("i-tr-us"), Ids(store.Query(Filter(status: "planned"))));
        Assert.Equal(Recs("i-partial", "i-ru-tr", "i-ru-cn", "i-us-cn", "i-undated"), Ids(store.Query(Filter(status: "happened"))));
        Assert.Empty(store.Query(Filter(mode: "written", status: "happened")));
        Assert.Equal(Recs("i-ru-tr"), Ids(store.Query(Filter(actors: ["putin"], countries: ["TUR"], from: "2024-01-01", mode: "phone", status: "happened"))));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Get_accepts_a_unique_prefix_only(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = Seeded(tmp);
        var all = Recs("i-ru-tr", "i-ru-cn", "i-us-cn", "i-tr-us", "i-undated", "i-partial").Order(StringComparer.Ordinal).ToArray();

        // the shortest prefix of i-us-cn's record that no other record shares
        var target = Rec("i-us-cn");
        var unique = Enumerable.Range("rec-".Length + 1, target.Length - 4).Select(n => target[..n])
            .First(p => all.Count(id => id.StartsWith(p, StringComparison.Ordinal)) == 1);
        Assert.Equal(target, store.Get(unique)?.Id);
        Assert.Equal(target, store.Get(target)?.Id);
        Assert.Equal([target], store.FindIds(unique));

        // a prefix shared by several records finds them all, in order, and gets none
        Assert.Null(store.Get("rec-"));
        Assert.Equal(all, store.FindIds("rec-"));
        Assert.Equal(all.Take(2), store.FindIds("rec-", 2));
        var (x, y) = (all[0], all[1]);
        var shared = x[..Enumerable.Range(0, x.Length).First(k => x[k] != y[k])];
        Assert.Null(store.Get(shared));
        Assert.Contains(x, store.FindIds(shared));
        Assert.Contains(y, store.FindIds(shared));

        Assert.Null(store.Get("zzz"));
        Assert.Null(store.Get(""));
    }

    // ---- fusion ------------------------------------------------------------------------------------

    private const string PutinErdogan = "Recep Tayyip Erdoğan|Vladimir Putin";

    [Theory, MemberData(nameof(Backends))]
    public void Two_reports_of_the_same_interaction_are_one_record_and_a_mode_disagreement_is_a_conflict(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var a = Interaction("a-1", "2024-09-04", InteractionMode.Phone);
        var b = Interaction("b-1", "2024-09-04", InteractionMode.Video, attendees: [new Actor("Yuri Ushakov", "RUS", Office.Official)]);
        store.SaveDocument(Report("ha", Texts[0], a));
        store.SaveDocument(Report("hb", Texts[1], b));

        Assert.Equal((2, 1), store.Counts());
        var rec = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2024-09-04"), rec.Id);
        Assert.Equal("2024-09-04", rec.Date);
        Assert.Equal(["Vladimir Putin", "Recep Tayyip Erdoğan"], rec.Participants.Select(p => p.Name));
        Assert.Equal(["a-1", "b-1"], rec.Members);
        Assert.Equal(2, rec.SourceFamilies);
        Assert.Equal(["ha.txt", "hb.txt"], rec.Sources.Select(s => s.Uri).Order());
        Assert.Equal(["ha", "hb"], rec.Sources.Select(s => s.Family).Order());
        Assert.All(rec.Sources, s => Assert.Equal(s.ContentHash, s.Family));
        Assert.Equal(["Sergei Lavrov", "Yuri Ushakov"], rec.Attendees.Select(x => x.Name).Order());

        // one family each: a tie, and the more specific mode wins; both values are kept, with who says them
        Assert.Contains(rec.Mode, new[] { InteractionMode.Phone, InteractionMode.Video });
        var conflict = Assert.Single(rec.Conflicts!, c => c.Field == RecordField.Mode);
        Assert.Equal(rec.Mode.Wire(), conflict.Values[0].Value);
        Assert.Equal([("phone", "ha.txt"), ("video", "hb.txt")],
            conflict.Values.Select(v => (v.Value, Assert.Single(v.Sources))).OrderBy(v => v.Value));
        Assert.DoesNotContain(rec.Conflicts!, c => c.Field == RecordField.Date);
        Assert.Contains(rec.Provenance!, p => p is { Field: RecordField.Mode, Value: "phone" } && p.Sources.SequenceEqual(["ha.txt"]));
        Assert.Contains(rec.Provenance!, p => p is { Field: RecordField.Mode, Value: "video" } && p.Sources.SequenceEqual(["hb.txt"]));

        // both report-level interactions are kept and point to the record
        Assert.Equal(2, tmp.Rows("interactions"));
        Assert.Equal(rec.Id, store.Resolve(rec.Id));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Near_duplicate_copies_are_one_family_and_vote_once(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        // the wire story (phone) and its republication (phone) against one independent report (video)
        store.SaveDocument(Report("w2", Copy0, Interaction("w2-1", "2024-09-04", InteractionMode.Phone)));
        store.SaveDocument(Report("w1", Texts[0], Interaction("w1-1", "2024-09-04", InteractionMode.Phone)));
        store.SaveDocument(Report("v1", Texts[1], Interaction("v1-1", "2024-09-04", InteractionMode.Video)));

        Assert.Equal([("v1", ["v1.txt"]), ("w1", ["w1.txt", "w2.txt"])],
            store.Families().Select(f => (f.Family, f.Uris.ToArray())).ToArray(), FamilyComparer.Instance);
        var rec = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(3, rec.Sources.Count);
        Assert.Equal(2, rec.SourceFamilies);
        // the copy was stored first: once its original arrives, the family is named by the smaller hash
        Assert.Equal("w1", rec.Sources.Single(s => s.Uri == "w2.txt").Family);
        // phone has one family behind it, as video does: the copies did not outvote the other report
        Assert.Equal(InteractionMode.Video, rec.Mode);
        var conflict = Assert.Single(rec.Conflicts!, c => c.Field == RecordField.Mode);
        Assert.Equal(["w1.txt", "w2.txt"], conflict.Values.Single(v => v.Value == "phone").Sources);

        // a second independent report for phone settles it
        store.SaveDocument(Report("p1", Texts[2], Interaction("p1-1", "2024-09-04", InteractionMode.Phone)));
        rec = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(3, rec.SourceFamilies);
        Assert.Equal(InteractionMode.Phone, rec.Mode);
    }

    private sealed class FamilyComparer : IEqualityComparer<(string, string[])>
    {
        public static readonly FamilyComparer Instance = new();
        public bool Equals((string, string[]) x, (string, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string, string[]) obj) => obj.Item1.GetHashCode();
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_day_without_a_year_joins_the_record_of_that_day_and_takes_its_year(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Report("full", Texts[0], Interaction("f-1", "2022-12-30", InteractionMode.Video)));
        store.SaveDocument(Report("part", Texts[1], Interaction("p-1", "--12-30", InteractionMode.Video)));

        var rec = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2022-12-30"), rec.Id);
        Assert.Equal("2022-12-30", rec.Date);
        Assert.Equal(["f-1", "p-1"], rec.Members);
        Assert.Equal(2, rec.SourceFamilies);
        Assert.StartsWith("dateline", rec.DateBasis.Text);
        Assert.Contains("part.txt gives only --12-30", rec.DateBasis.Text);
        Assert.Contains("the year comes from full.txt", rec.DateBasis.Text);
        Assert.DoesNotContain(rec.Conflicts!, c => c.Field == RecordField.Date);
        // found by the full date
        Assert.Single(store.Query(Filter(from: "2022-12", to: "2022")));
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_day_without_a_year_that_came_first_is_merged_and_its_id_becomes_an_alias(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var partial = Interaction("p-1", "--12-30", InteractionMode.Video);
        store.SaveDocument(Report("part", Texts[1], partial));
        var oldId = Assert.Single(store.Query(InteractionFilter.All)).Id;
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "--12-30"), oldId);
        Assert.Equal(oldId, RecordIdOf(partial));

        store.SaveDocument(Report("full", Texts[0], Interaction("f-1", "2022-12-30", InteractionMode.Video)));
        var rec = Assert.Single(store.Query(InteractionFilter.All));
        var newId = FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2022-12-30");
        Assert.Equal(newId, rec.Id);
        Assert.Equal(["f-1", "p-1"], rec.Members);
        Assert.Contains("part.txt gives only --12-30", rec.DateBasis.Text);

        // the old id is no record any more, but still leads to the one it was merged into
        Assert.Empty(store.FindIds(oldId));
        Assert.Equal(newId, store.Resolve(oldId));
        Assert.Equal(newId, store.Get(oldId)?.Id);
        Assert.Equal(newId, store.Resolve(newId));
        Assert.Null(store.Resolve("rec-0000000000000000"));
    }

    [Theory, MemberData(nameof(Backends))]
    public void A_day_without_a_year_stays_apart_when_several_years_have_that_day(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Report("y21", Texts[0], Interaction("a-1", "2021-12-30")));
        store.SaveDocument(Report("y22", Texts[1], Interaction("b-1", "2022-12-30")));
        store.SaveDocument(Report("part", Texts[2], Interaction("c-1", "--12-30")));
        Assert.Equal(["--12-30", "2021-12-30", "2022-12-30"], store.Query(InteractionFilter.All).Select(r => r.Date));
        Assert.All(store.Query(InteractionFilter.All), r => Assert.Single(r.Members!));
    }

    [Theory, MemberData(nameof(Backends))]
    public void The_record_id_stays_the_same_when_more_reports_join(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Report("r1", Texts[0], Interaction("r1-1", "2024-09-04")));
        var id = Assert.Single(store.Query(InteractionFilter.All)).Id;
        store.SaveDocument(Report("r2", Texts[1], Interaction("r2-1", "2024-09-04", InteractionMode.Video)));
        Assert.Equal(id, Assert.Single(store.Query(InteractionFilter.All)).Id);
        store.SaveDocument(Report("r3", Texts[2], Interaction("r3-1", "2024-09-04")));

        var rec = Assert.Single(store.Query(InteractionFilter.All));
        Assert.Equal(id, rec.Id);
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2024-09-04"), id);
        Assert.Equal(["r1-1", "r2-1", "r3-1"], rec.Members);
        Assert.Equal(3, rec.Sources.Count);
        Assert.Equal(3, rec.SourceFamilies);
        Assert.Equal(InteractionMode.Phone, rec.Mode);   // two families against one
        Assert.Equal(id, store.Resolve(id));
        Assert.Equal(0, tmp.Rows("record_aliases"));
        Assert.Equal((3, 1), store.Counts());
    }

    [Theory, MemberData(nameof(Backends))]
    public void Two_days_of_the_same_pair_stay_two_records(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var d4 = Interaction("a-1", "2024-09-04");
        var d5 = Interaction("b-1", "2024-09-05");
        store.SaveDocument(Report("ha", Texts[0], d4));
        store.SaveDocument(Report("hb", Texts[1], d5));

        Assert.Equal((2, 2), store.Counts());
        var recs = store.Query(InteractionFilter.All);
        Assert.Equal([RecordIdOf(d4), RecordIdOf(d5)], Ids(recs));
        Assert.NotEqual(recs[0].Id, recs[1].Id);
        Assert.Equal(["a-1"], recs[0].Members);
        Assert.Equal(["b-1"], recs[1].Members);
        Assert.All(recs, r => Assert.Equal(1, r.SourceFamilies));
    }

    [Theory, MemberData(nameof(Backends))]
    public void One_report_telling_two_interactions_of_a_pair_on_one_day_keeps_both(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Report("ha", Texts[0], Interaction("a-1", "2024-09-04", InteractionMode.Phone), Interaction("a-2", "2024-09-04", InteractionMode.InPerson)));

        var recs = store.Query(InteractionFilter.All);
        Assert.Equal(2, recs.Count);
        var id = FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2024-09-04");
        Assert.Equal([id, id + "-2"], Ids(recs));
        Assert.Equal(["a-1"], recs[0].Members);
        Assert.Equal(["a-2"], recs[1].Members);
    }

    [Theory, MemberData(nameof(Backends))]
    public void Planned_reports_of_the_same_pair_without_a_day_are_one_plan_apart_from_what_happened(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        store.SaveDocument(Report("p1", Texts[0], Interaction("p1-1", null!, InteractionMode.InPerson, InteractionStatus.Planned)));
        store.SaveDocument(Report("p2", Texts[1], Interaction("p2-1", null!, InteractionMode.InPerson, InteractionStatus.Planned)));
        store.SaveDocument(Report("h1", Texts[2], Interaction("h1-1", "2024-09-04", InteractionMode.InPerson)));

        var plan = Assert.Single(store.Query(Filter(status: "planned")));
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Planned, PutinErdogan, null), plan.Id);
        Assert.Null(plan.Date);
        Assert.Equal(["p1-1", "p2-1"], plan.Members);
        Assert.Equal(2, plan.SourceFamilies);
        Assert.Equal(["h1-1"], Assert.Single(store.Query(Filter(status: "happened"))).Members);
    }

    /// <summary>Reports about Putin–Erdoğan at the end of 2022 and a Putin–Xi call, copies and a day without a year among them.</summary>
    private static IReadOnlyList<Readout.Pipeline.DocumentResult> OrderTestReports()
    {
        (string, string?)[] putinXi = [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")];
        return
        [
            Report("e0", Texts[0], Interaction("e0-1", "2022-12-30", InteractionMode.Phone), Interaction("e0-2", "2022-12-28", InteractionMode.Video, participants: putinXi)),
            Report("e1", Texts[1],
                Interaction("e1-1", "2022-12-30", InteractionMode.Video, attendees: [new Actor("Yuri Ushakov", "RUS", Office.Official)])),
            Report("e2", Texts[2], Interaction("e2-1", "--12-30", InteractionMode.Phone, attendees: [])),
            Report("e3", Copy0, Interaction("e3-1", "2022-12-30", InteractionMode.Phone), Interaction("e3-2", "2022-12-28", InteractionMode.Phone, participants: putinXi)),
            Report("e4", Texts[3], Interaction("e4-1", "2022-12-29", InteractionMode.InPerson, location: new Location("Sochi", "RUS", null)),
                Interaction("e4-2", null!, InteractionMode.InPerson, InteractionStatus.Planned, participants: putinXi)),
            Report("e5", Texts[4], Interaction("e5-1", null!, InteractionMode.InPerson, InteractionStatus.Planned, participants: putinXi)),
        ];
    }

    [Theory, MemberData(nameof(Backends))]
    public void The_records_do_not_depend_on_the_order_reports_arrive_in(string backend)
    {
        var reports = OrderTestReports();
        int[][] orders = [[0, 1, 2, 3, 4, 5], [5, 3, 2, 4, 1, 0], [2, 4, 3, 1, 0, 5]];
        var results = new List<List<string>>();
        foreach (var order in orders)
        {
            using var tmp = TestDb.Create(backend);
            using var store = tmp.Open();
            foreach (var k in order) store.SaveDocument(reports[k]);
            Assert.Equal((6, 4), store.Counts());
            results.Add(store.Query(InteractionFilter.All).Select(RecordJson.Serialize).ToList());

            var recs = store.Query(InteractionFilter.All);
            var dec30 = Assert.Single(recs, r => r.Date == "2022-12-30");
            Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, PutinErdogan, "2022-12-30"), dec30.Id);
            Assert.Equal(["e0-1", "e1-1", "e2-1", "e3-1"], dec30.Members);
            Assert.Equal(3, dec30.SourceFamilies);      // e3 is a copy of e0
            Assert.Equal(InteractionMode.Phone, dec30.Mode);          // e0's family and e2 against e1
            Assert.Contains("e2.txt gives only --12-30", dec30.DateBasis.Text);
            Assert.Equal(["e0", "e0", "e1", "e2"], dec30.Sources.Select(s => s.Family!).Order(StringComparer.Ordinal));
            var dec28 = Assert.Single(recs, r => r.Date == "2022-12-28");
            Assert.Equal(["e0-2", "e3-2"], dec28.Members);
            Assert.Equal(1, dec28.SourceFamilies);
            Assert.Equal(["e4-2", "e5-1"], Assert.Single(recs, r => r.Status == InteractionStatus.Planned).Members);
            Assert.Equal("Sochi", Assert.Single(recs, r => r.Date == "2022-12-29").Location?.City);
        }
        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
    }

    [Fact]
    public async Task Concurrent_postgres_writers_on_the_same_interactions_give_the_records_of_one_writer()
    {
        var reports = OrderTestReports();
        List<string> expected;
        using (var one = TestDb.Create(TestDb.Sqlite))
        using (var store = one.Open())
        {
            foreach (var r in reports) store.SaveDocument(r);
            expected = store.Query(InteractionFilter.All).Select(RecordJson.Serialize).ToList();
        }
        for (var round = 0; round < 3; round++)
        {
            using var tmp = TestDb.Create(TestDb.Postgres);
            tmp.Open().Dispose();
            // one connection per writer, all released at once, each with two reports of the same interactions
            using var start = new Barrier(3);
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
            {
                using var store = tmp.Open();
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                foreach (var k in new[] { w, w + 3 }) store.SaveDocument(reports[(k + round) % reports.Count]);
            })).ToArray();
            await Task.WhenAll(writers);
            using var check = tmp.Open();
            Assert.Equal((6, 4), check.Counts());
            Assert.Equal(expected, check.Query(InteractionFilter.All).Select(RecordJson.Serialize).ToList());
            Assert.Equal(6, tmp.Rows("documents"));
        }
    }
}
