using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>The server's reads: full-text index kept and backfilled, read-only readers beside a writer.</summary>
public sealed class StoreQueriesTests
{
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
        // back to schema 4: no full-text index at all
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DROP TABLE documents_fts; DROP INDEX ix_records_date_asc; DROP INDEX ix_records_date_desc; DROP INDEX ix_records_sources;
                DROP INDEX ix_record_actors_dyad; DROP INDEX ix_record_actors_named; DELETE FROM schema_migrations WHERE version > 4;
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

    [Fact]
    public async Task Thirty_two_readers_at_once_beside_a_writer_each_see_a_consistent_page()
    {
        using var tmp = new TempDb();
        using var writer = new SqliteStore(tmp.Path);
        writer.SaveDocument(Report("r0", Texts[0], Interaction("r0-1", "2020-01-01", participants: PutinXi)));
        var ct = TestContext.Current.CancellationToken;
        var writing = Task.Run(() =>
        {
            for (var n = 1; n < 40; n++)
                writer.SaveDocument(Report($"r{n}", $"{Texts[n % Texts.Length]} Report number {n}.", Interaction($"r{n}-1", $"2020-01-{n % 28 + 1:D2}", mode: n % 2 == 0 ? "phone" : "video", participants: PutinXi)));
        }, ct);
        var readers = Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
        {
            var seen = 0;
            for (var i = 0; i < 20; i++)
            {
                using var reader = SqliteStore.OpenReader(tmp.Path);
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
        using var last = SqliteStore.OpenReader(tmp.Path);
        Assert.Equal(writer.Counts().Records, last.GetDyad("CHN", "RUS", 100, ct).Total);
    }

    [Fact]
    public void The_match_expression_quotes_every_word_so_query_syntax_is_plain_text()
    {
        Assert.Equal("\"grain\" \"NEAR\" \"exports\"*", SqliteStore.MatchExpression("grain NEAR( \"exports"));
        Assert.Null(SqliteStore.MatchExpression("  -- ** ()"));
    }
}
