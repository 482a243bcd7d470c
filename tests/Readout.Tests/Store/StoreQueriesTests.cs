using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;
using Readout.Server;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>The server's reads: full-text index kept and backfilled, read-only readers beside a writer.</summary>
public sealed class StoreQueriesTests
{
    public static TheoryData<string> Backends => TestDb.Backends;
    private static readonly (string, string?)[] PutinXi = [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")];

    [Fact]
    public void Saved_reports_are_found_by_words_and_the_index_is_backfilled_when_an_older_database_is_opened()
    {
        using var tmp = new TempDb();
        using (var store = new SqliteStore(tmp.Path))
        {
            store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04")));
            store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-01-02", participants: PutinXi)));
            var hits = store.SearchText("grain exports", 0, 10, TestContext.Current.CancellationToken);
            Assert.Equal(1, hits.Total);
            Assert.Equal("a.txt", Assert.Single(hits.Items).Uri);
            Assert.Contains("\u0002grain\u0003", hits.Items[0].Snippet);
            Assert.Equal(0, store.SearchText("tariffs", 0, 10, TestContext.Current.CancellationToken).Total);   // a word of neither text
        }
        // back to schema 4 (before the server): no full-text index at all
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DROP TABLE documents_fts; DROP INDEX ix_records_date_asc; DROP INDEX ix_records_date_desc; DROP INDEX ix_records_sources;
                DROP INDEX ix_record_actors_dyad; DROP INDEX ix_record_actors_named; ALTER TABLE record_actors DROP COLUMN organisation;
                DELETE FROM schema_migrations WHERE version > 4;
                """;
            cmd.ExecuteNonQuery();
        }
        using (var upgraded = new SqliteStore(tmp.Path))
        {
            Assert.Equal(1, upgraded.SearchText("Black Sea corridor", 0, 10, TestContext.Current.CancellationToken).Total);
            Assert.Equal(1, upgraded.ListInteractions(new InteractionQuery(InteractionFilter.All, "grain", InteractionSort.DateAscending, 0, 10), TestContext.Current.CancellationToken).Total);
        }
    }

    [Fact]
    public void A_reader_cannot_write_and_a_missing_database_is_RO2002()
    {
        using var tmp = new TempDb();
        var missing = Assert.Throws<ReadoutException>(() => SqliteStore.OpenReader(tmp.Path));
        Assert.Equal(ErrorCodes.NoDatabase, missing.Code);
        using (var store = new SqliteStore(tmp.Path)) store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04")));
        using var reader = SqliteStore.OpenReader(tmp.Path);
        Assert.Equal(1, reader.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10), TestContext.Current.CancellationToken).Total);
        var refused = Assert.Throws<ReadoutException>(() => reader.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-01-02"))));
        Assert.Contains("readonly", refused.Message.Replace("read-only", "readonly").Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Thirty_two_readers_at_once_beside_a_writer_each_see_a_consistent_page(string backend)
    {
        using var db = TestDb.Create(backend);
        using (var create = db.Open()) create.SaveDocument(Report("r0", Texts[0], Interaction("r0-1", "2020-01-01", participants: PutinXi)));
        var stores = ReadoutServer.OpenStores(db.Db);
        using var _ = (IDisposable)stores;
        var writer = stores.Writer;
        var ct = TestContext.Current.CancellationToken;
        var writing = Task.Run(() =>
        {
            for (var n = 1; n < 40; n++)
                writer.SaveDocument(Report($"r{n}", $"{Texts[n % Texts.Length]} Report number {n}.", Interaction($"r{n}-1", $"2020-01-{n % 28 + 1:D2}", mode: n % 2 == 0 ? InteractionMode.Phone : InteractionMode.Video, participants: PutinXi)));
        }, ct);
        var readers = Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
        {
            var seen = 0;
            for (var i = 0; i < 20; i++)
            {
                using var reader = stores.OpenReader();
                var page = reader.ListInteractions(new InteractionQuery(new InteractionFilter([], ["CHN", "RUS"], null, null, null), null, InteractionSort.DateDescending, 0, 200), ct);
                Assert.Equal(page.Total, page.Items.Count);
                Assert.All(page.Items, s => Assert.Equal(2, s.Participants.Count));
                Assert.True(page.Total >= seen, "a later read saw fewer records than an earlier one");
                seen = page.Total;
                var dyad = reader.GetDyad("RUS", "CHN", 100, ct);
                Assert.True(dyad.Total >= 1);
            }
        }, ct)).ToList();
        await Task.WhenAll(readers.Append(writing));
        using var last = stores.OpenReader();
        Assert.Equal(writer.Counts().Records, last.GetDyad("CHN", "RUS", 100, ct).Total);
    }

    [Fact]
    public void A_postgres_reader_cannot_write_and_a_database_without_the_schema_is_RO2002()
    {
        using var db = new PostgresTestDb();
        var missing = Assert.Throws<ReadoutException>(() => PostgresStore.OpenReader(db.Db));
        Assert.Equal(ErrorCodes.NoDatabase, missing.Code);
        using (var store = db.Open()) store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04")));
        using var reader = PostgresStore.OpenReader(db.Db);
        Assert.Equal(1, reader.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10), TestContext.Current.CancellationToken).Total);
        var refused = Assert.Throws<ReadoutException>(() => reader.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-01-02"))));
        Assert.Contains("read-only transaction", refused.Message);
        Assert.Equal(1L, db.Rows("documents"));
    }

    [Fact]
    public void Postgres_text_search_finds_words_and_prefixes_and_marks_them_in_the_snippet()
    {
        using var db = new PostgresTestDb();
        using (var store = db.Open())
        {
            store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04")));
            store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-01-02", participants: PutinXi)));
        }
        var ct = TestContext.Current.CancellationToken;
        using var reader = PostgresStore.OpenReader(db.Db);
        var hits = reader.SearchText("grain expo", 0, 10, ct);   // the last word is a prefix
        Assert.Equal(1, hits.Total);
        Assert.Equal("a.txt", Assert.Single(hits.Items).Uri);
        Assert.Contains("\u0002grain\u0003", hits.Items[0].Snippet);
        Assert.Contains("\u0002exports\u0003", hits.Items[0].Snippet);
        Assert.Single(hits.Items[0].Records);
        Assert.Equal(0, reader.SearchText("tariffs", 0, 10, ct).Total);
        Assert.Equal(1, reader.SearchText("grain & !exports | (", 0, 10, ct).Total);   // operators are plain text: the same as "grain exports"
        var filtered = reader.ListInteractions(new InteractionQuery(InteractionFilter.All, "Black Sea corridor", InteractionSort.DateAscending, 0, 10), ct);
        Assert.Equal("2023-01-02", Assert.Single(filtered.Items).Date);
    }

    /// <summary>The server's reads give the same answers on both backends for the same reports (search ranks may order ties differently, so its hits are compared as sets).</summary>
    [Fact]
    public void Both_backends_answer_the_server_reads_alike()
    {
        using var sqlite = TestDb.Create(TestDb.Sqlite);
        using var postgres = new PostgresTestDb();
        var reports = new[]
        {
            Report("a", Texts[0], Interaction("a-1", "2024-09-04")),
            Report("b", Texts[1], Interaction("b-1", "2023-01-02", participants: PutinXi)),
            Report("c", Texts[2], Interaction("c-1", "2023-05-06", mode: InteractionMode.InPerson, participants: [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS"), ("Recep Tayyip Erdoğan", "TUR")], location: new Readout.Extract.Location("Moscow", "RUS", null))),
            Report("d", Texts[3], Interaction("d-1", "--05-06", participants: PutinXi)),
            Report("e", Texts[4], Interaction("e-1", "2021", status: InteractionStatus.Planned)),
        };
        foreach (var db in new TestDb[] { sqlite, postgres })
        {
            using var store = db.Open();
            foreach (var r in reports) store.SaveDocument(r);
        }
        var ct = TestContext.Current.CancellationToken;
        string Answers(IStoreQueries q)
        {
            var lists = InteractionSort.All.SelectMany(sort => new[]
            {
                q.ListInteractions(new InteractionQuery(InteractionFilter.All, null, sort, 0, 10), ct),
                q.ListInteractions(new InteractionQuery(InteractionFilter.All, null, sort, 1, 2), ct),
                q.ListInteractions(new InteractionQuery(new InteractionFilter(["erdogan"], [], null, null, null), null, sort, 0, 10), ct),
                q.ListInteractions(new InteractionQuery(new InteractionFilter([], ["rus"], "2023", "2023-12", null), null, sort, 0, 10), ct),
                q.ListInteractions(new InteractionQuery(new InteractionFilter([], ["CHN", "RUS"], null, null, null), "talks", sort, 0, 10), ct),
            });
            var search = q.SearchText("the", 0, 10, ct);
            return System.Text.Json.JsonSerializer.Serialize(new object[]
            {
                lists, q.GetDyad("rus", "CHN", 2, ct), q.GetDyad("TUR", "RUS", 10, ct), q.SearchActors("", 10, ct), q.SearchActors("ERDOG", 10, ct),
                q.ActorsNamed(["Vladimir Putin", "vladimir putin", "Nobody"], 10, ct),
                q.GetActor("vladimir putin", 2, ct)!, q.GetActor("Nobody", 2, ct) is null, q.ListSources(1, 3, ct), q.SamePrincipals(q.FindIds("")[0], 5, ct),
                search.Total, search.Items.Select(h => h.Uri + " " + string.Join(",", h.Records)).Order(StringComparer.Ordinal).ToList(),
            });
        }
        using var sqliteReader = SqliteStore.OpenReader(((SqliteTestDb)sqlite).Path);
        using var postgresReader = PostgresStore.OpenReader(postgres.Db);
        var expected = Answers(sqliteReader);
        Assert.Contains("\"Participants\":[{", expected);
        // a person's other names are looked up by exact name, all in one query
        var named = sqliteReader.ActorsNamed(["Vladimir Putin", "vladimir putin", "Nobody"], 10, ct);
        Assert.Equal(["Vladimir Putin"], named.Select(a => a.Name).Distinct());
        Assert.True(named[0].Interactions > 0);
        Assert.Equal(expected, Answers(postgresReader));
    }

    [Fact]
    public void The_match_expression_quotes_every_word_so_query_syntax_is_plain_text()
    {
        Assert.Equal("\"grain\" \"NEAR\" \"exports\"*", SqliteStore.MatchExpression("grain NEAR( \"exports"));
        Assert.Null(SqliteStore.MatchExpression("  -- ** ()"));
    }
}
