using Microsoft.Data.Sqlite;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Issue 14 made the role on a record a code. Stores made before hold a reviewer's role as typed ("Head of State"):
/// such a store must still read, and a stored value that is no role at all must fail as one numbered line naming the
/// database, never as a stack trace.
/// </summary>
public sealed class Issue14StoredRoleCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-roles-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private string DbWithRolesWritten(string role)
    {
        var db = Path.Combine(_dir, "r.db");
        var input = Path.Combine(_dir, "in.txt");
        File.WriteAllText(input, "President Biden spoke by phone with President Macron on 3 May 2021. They discussed trade.");
        Assert.Equal(0, CliRunner.Run("--db", db, "ingest", input).ExitCode);
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            UPDATE record_actors SET role = @role WHERE role = 'head_of_state';
            UPDATE records SET record_json = replace(record_json, '"role":"head_of_state"', '"role":"' || @role || '"');
            """;
        cmd.Parameters.AddWithValue("@role", role);
        Assert.True(cmd.ExecuteNonQuery() > 0, "the store holds a head of state to rewrite");
        return db;
    }

    [Fact]
    public void Issue14_a_store_holding_roles_as_reviewers_typed_them_still_reads()
    {
        var db = DbWithRolesWritten("Head of State");
        var run = CliRunner.Run("--db", db, "events", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("\"role\":\"head_of_state\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue14_a_stored_role_that_is_no_code_is_one_numbered_error_naming_the_database()
    {
        var db = DbWithRolesWritten("President");
        var run = CliRunner.Run("--db", db, "events");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error RO2001 {db}: ", line, StringComparison.Ordinal);
        Assert.Contains("unknown role 'President'", line, StringComparison.Ordinal);
    }
}
