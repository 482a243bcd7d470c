using System.Text.Json;
using System.Data.Common;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>Statements and figures, stored with their report and read back with the record they belong to.</summary>
public abstract partial class AdoStore
{
    private void SaveStatements(DbTransaction tx, long documentId, DocumentResult result)
    {
        InsertRows(tx, "statements", ["id", "document_id", "interaction_id", "start", "plover", "cameo", "statement_json"],
            result.Statements.Select(st => new object?[] { st.Id, documentId, st.Interaction, st.Start, st.Plover.Event, st.Cameo, JsonSerializer.Serialize(st, RecordJson.Info<Statement>()) }),
            "ON CONFLICT (id) DO NOTHING");
        SaveFigures(tx, documentId, result);
    }

    /// <summary>All statements, or those of one record (its id or an old id that resolves to it), in report and text order.</summary>
    public IReadOnlyList<Statement> Statements(string? recordId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var resolved = recordId is null ? null : Resolve(recordId) ?? recordId;
        return Run(() =>
        {
            using var cmd = Cmd(null, """
                SELECT s.statement_json, i.record_id FROM statements s
                LEFT JOIN interactions i ON i.id = s.interaction_id
                WHERE @rec IS NULL OR i.record_id = @rec
                ORDER BY s.document_id, s.start, s.id
                """);
            Add(cmd, "rec", resolved);
            var list = new List<Statement>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var st = JsonSerializer.Deserialize(r.GetString(0), RecordJson.Info<Statement>())!;
                list.Add(st with { Record = r.IsDBNull(1) ? null : r.GetString(1) });
            }
            return (IReadOnlyList<Statement>)list;
        }, CancellationToken.None);
    }

    private void SaveFigures(DbTransaction tx, long documentId, DocumentResult result)
    {
        InsertRows(tx, "figures", ["id", "document_id", "figure_json"],
            result.Figures.Select(f => new object?[] { f.Id, documentId, JsonSerializer.Serialize(f, RecordJson.Info<Figure>()) }),
            "ON CONFLICT (id) DO NOTHING");
    }

    /// <summary>All figures with the uri of their report, in report and text order.</summary>
    public IReadOnlyList<(Figure Figure, string Uri)> Figures()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT f.figure_json, d.uri FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY f.document_id, f.id");
            var list = new List<(Figure, string)>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add((JsonSerializer.Deserialize(r.GetString(0), RecordJson.Info<Figure>())!, r.GetString(1)));
            return (IReadOnlyList<(Figure, string)>)list;
        }, CancellationToken.None);
    }
}
