using System.Text.Json;
using Microsoft.Data.Sqlite;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>Statements and figures, stored with their report and read back with the record they belong to.</summary>
public sealed partial class SqliteStore
{
    private void SaveStatements(SqliteTransaction tx, long documentId, DocumentResult result)
    {
        using var ins = Cmd(tx, """
            INSERT OR IGNORE INTO statements(id, document_id, interaction_id, start, plover, cameo, statement_json)
            VALUES ($id, $doc, $ix, $start, $plover, $cameo, $json)
            """);
        foreach (var st in result.Statements)
        {
            ins.Parameters.Clear();
            ins.Parameters.AddWithValue("$id", st.Id);
            ins.Parameters.AddWithValue("$doc", documentId);
            ins.Parameters.AddWithValue("$ix", Db(st.Interaction));
            ins.Parameters.AddWithValue("$start", st.Start);
            ins.Parameters.AddWithValue("$plover", Db(st.Plover.Event));
            ins.Parameters.AddWithValue("$cameo", Db(st.Cameo));
            ins.Parameters.AddWithValue("$json", JsonSerializer.Serialize(st, RecordJson.Options));
            ins.ExecuteNonQuery();
        }
        SaveFigures(tx, documentId, result);
    }

    /// <summary>All statements, or those of one record (its id or an old id that resolves to it), in report and text order.</summary>
    public IReadOnlyList<Statement> Statements(string? recordId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var resolved = recordId is null ? null : Resolve(recordId) ?? recordId;
        using var cmd = Cmd(null, """
            SELECT s.statement_json, i.record_id FROM statements s
            LEFT JOIN interactions i ON i.id = s.interaction_id
            WHERE $rec IS NULL OR i.record_id = $rec
            ORDER BY s.document_id, s.start, s.id
            """);
        cmd.Parameters.AddWithValue("$rec", Db(resolved));
        var list = new List<Statement>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var st = JsonSerializer.Deserialize<Statement>(r.GetString(0), RecordJson.Options)!;
            list.Add(st with { Record = r.IsDBNull(1) ? null : r.GetString(1) });
        }
        return list;
    }
}
