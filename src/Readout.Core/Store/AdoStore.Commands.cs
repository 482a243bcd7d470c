using System.Data;
using System.Data.Common;

namespace Readout.Store;

/// <summary>Commands and parameters: the one way the store talks to its database.</summary>
public abstract partial class AdoStore
{
    /// <summary>Commands the write path runs for every report, prepared once and kept (see <see cref="Kept"/>).</summary>
    private readonly Dictionary<string, DbCommand> _kept = new(StringComparer.Ordinal);

    /// <summary>Kept commands at most: the multi-row inserts make one per row count, a hundred per table.</summary>
    private const int MaxKeptCommands = 512;

    /// <summary>
    /// A command on the current connection, in <paramref name="tx"/> when given, else in the open write group's
    /// transaction if any.
    /// </summary>
    protected DbCommand Cmd(DbTransaction? tx, string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Current(tx);
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>
    /// Adds a named parameter with an explicit type, so a null still has one: PostgreSQL cannot infer the
    /// type of <c>@p IS NULL</c> from an untyped null. The name is given as the SQL writes it, with its
    /// <c>@</c>: Microsoft.Data.Sqlite looks a bare name up four times (as written, then with each prefix it
    /// accepts), each a call into SQLite and a scan of the statement's names: a seventh of the writer's time on Reuters wires.
    /// </summary>
    protected static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name.StartsWith('@') ? name : "@" + name;
        Set(p, value);
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>Gives a parameter its value and the type that goes with it (see <see cref="Add"/>).</summary>
    private static void Set(DbParameter p, object? value) =>
        (p.DbType, p.Value) = value switch
        {
            null => (DbType.String, (object)DBNull.Value),
            string s => (DbType.String, s),
            int i => (DbType.Int32, i),
            long l => (DbType.Int64, l),
            double d => (DbType.Double, d),
            TypedNull t => (t.Type, DBNull.Value),
            byte[] b => (DbType.Binary, b),
            _ => throw new ArgumentException($"unsupported parameter type {value.GetType().Name} for {p.ParameterName}", nameof(value)),
        };

    /// <summary>
    /// Whether rows are inserted one statement each (SQLite, in process) rather than in multi-row <c>VALUES</c> lists (a
    /// server, where each statement is a round trip). SQLite runs a statement of many rows under a statement journal,
    /// copying every page the statement touches before it writes it; a prepared one-row statement run again has none.
    /// </summary>
    private protected virtual bool InsertsRowByRow => true;

    /// <summary>
    /// Inserts rows: one prepared one-row statement run for each (<see cref="InsertsRowByRow"/>), or multi-row
    /// <c>VALUES</c> lists of a hundred rows a statement: against a server each statement is a round trip, and a long
    /// report has dozens of statements and figures.
    /// </summary>
    private void InsertRows(DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows, string onConflict = "")
    {
        if (InsertsRowByRow)
        {
            DbCommand? one = null;
            foreach (var row in rows)
            {
                if (one is null)
                {
                    one = Kept(tx, $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => $"@c{c}"))}) {onConflict}");
                    for (var c = 0; c < columns.Length; c++) Add(one, $"@c{c}", null);
                }
                for (var c = 0; c < columns.Length; c++) Set(one.Parameters[c], row[c]);
                one.ExecuteNonQuery();
            }
            return;
        }
        foreach (var chunk in rows.Chunk(100))
        {
            var values = chunk.Select((_, r) => "(" + string.Join(", ", columns.Select((_, c) => $"@r{r}c{c}")) + ")");
            var ins = Kept(tx, $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES {string.Join(", ", values)} {onConflict}");
            for (var r = 0; r < chunk.Length; r++)
                for (var c = 0; c < columns.Length; c++)
                    Add(ins, $"r{r}c{c}", chunk[r][c]);
            ins.ExecuteNonQuery();
        }
    }

    /// <summary>A null of a given type, for a column that is not text (PostgreSQL will not put a text null into a number column).</summary>
    protected sealed record TypedNull(DbType Type);

    protected object? Scalar(DbTransaction? tx, string sql)
    {
        using var cmd = Cmd(tx, sql);
        return cmd.ExecuteScalar();
    }

    /// <summary>
    /// A command for SQL the write path runs for every report, kept with its prepared statement for the next
    /// report: preparing the same dozen statements again for every short wire was a tenth of the writer's time.
    /// The caller sets its parameters afresh and must not dispose it. Not for concurrent use (nor is the store).
    /// </summary>
    protected DbCommand Kept(DbTransaction tx, string sql)
    {
        if (!_kept.TryGetValue(sql, out var cmd) || cmd.Connection != Connection)
        {
            // a new connection (PostgreSQL reconnects) makes every kept command stale
            if (cmd is not null || _kept.Count >= MaxKeptCommands) DisposeKeptCommands();
            cmd = Connection.CreateCommand();
            cmd.CommandText = sql;
            _kept[sql] = cmd;
        }
        cmd.Transaction = tx;
        cmd.Parameters.Clear();
        return cmd;
    }

    private void DisposeKeptCommands()
    {
        foreach (var cmd in _kept.Values) cmd.Dispose();
        _kept.Clear();
    }
}
