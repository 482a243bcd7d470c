using System.Data.Common;
using System.Globalization;

namespace Readout.Store;

/// <summary>Opening a database: its schema brought up to date, and what older versions stored filled in.</summary>
public abstract partial class AdoStore
{
    /// <summary>Brings the schema up to date and fuses what was stored before fusion existed. Called by each backend once its connection is open.</summary>
    protected void Initialize(IReadOnlyList<string> migrationSteps)
    {
        Migrate(migrationSteps);
        FillFoldedNames();
        FuseUnfused();
    }

    private void Migrate(IReadOnlyList<string> steps)
    {
        using var tx = Connection.BeginTransaction();
        BeginWrite(tx);
        using (var create = Cmd(tx, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY)")) create.ExecuteNonQuery();
        var current = Convert.ToInt32(Scalar(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        if (current > steps.Count)
            throw new InvalidOperationException($"schema version {current} is newer than this Readout understands ({steps.Count}); upgrade Readout");
        for (var v = current + 1; v <= steps.Count; v++)
        {
            using (var step = Cmd(tx, steps[v - 1])) step.ExecuteNonQuery();
            using var mark = Cmd(tx, "INSERT INTO schema_migrations(version) VALUES (@v)");
            Add(mark, "v", v);
            mark.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Actor names stored before schema 4 get their folded form, which the actor filter searches.</summary>
    private void FillFoldedNames()
    {
        using var tx = Connection.BeginTransaction();
        BeginWrite(tx);
        var names = new List<string>();
        using (var q = Cmd(tx, "SELECT DISTINCT name FROM record_actors WHERE name_fold IS NULL AND name IS NOT NULL"))
        using (var r = q.ExecuteReader())
            while (r.Read()) names.Add(r.GetString(0));
        using var u = Cmd(tx, "UPDATE record_actors SET name_fold = @f WHERE name = @n AND name_fold IS NULL");
        foreach (var n in names)
        {
            u.Parameters.Clear();
            Add(u, "f", Fold(n));
            Add(u, "n", n);
            u.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
