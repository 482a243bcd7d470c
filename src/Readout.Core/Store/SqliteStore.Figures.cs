using System.Text.Json;
using Microsoft.Data.Sqlite;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>Figures, stored with their report.</summary>
public sealed partial class SqliteStore
{
    private void SaveFigures(SqliteTransaction tx, long documentId, DocumentResult result)
    {
        using var ins = Cmd(tx, "INSERT OR IGNORE INTO figures(id, document_id, figure_json) VALUES ($id, $doc, $json)");
        foreach (var f in result.Figures)
        {
            ins.Parameters.Clear();
            ins.Parameters.AddWithValue("$id", f.Id);
            ins.Parameters.AddWithValue("$doc", documentId);
            ins.Parameters.AddWithValue("$json", JsonSerializer.Serialize(f, RecordJson.Options));
            ins.ExecuteNonQuery();
        }
    }

    /// <summary>All figures with the uri of their report, in report and text order.</summary>
    public IReadOnlyList<(Figure Figure, string Uri)> Figures()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT f.figure_json, d.uri FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY f.document_id, f.id");
        var list = new List<(Figure, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((JsonSerializer.Deserialize<Figure>(r.GetString(0), RecordJson.Options)!, r.GetString(1)));
        return list;
    }
}
