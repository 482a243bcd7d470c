using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Tests.Store;

/// <summary>Hand-built records and a throwaway database file.</summary>
internal static class StoreFixtures
{
    public static Interaction Interaction(
        string id, string date, string mode = "phone", string status = "happened",
        (string Name, string? Country)[]? participants = null, Location? location = null,
        string uri = "doc.txt", string hash = "h1") =>
        new(id, status, mode, date, "dateline",
            (participants ?? [("Vladimir Putin", "RUS"), ("Recep Tayyip Erdoğan", "TUR")])
                .Select(p => new Actor(p.Name, p.Country, "President")).ToList(),
            location,
            [new Actor("Sergei Lavrov", "RUS", "Foreign Minister")],
            [new SourceRef(uri, "A title", "2024-09-04", hash,
                [new EvidenceSpan("participants", 0, 20, "Putin spoke, Erdoğan"), new EvidenceSpan("mode", 6, 11, "spoke")])]);

    public static DocumentResult Document(string hash, params Interaction[] interactions)
    {
        var raw = new RawDocument($"{hash}.txt", "Putin spoke, Erdoğan listened.", "text", hash);
        var clean = new CleanDocument(raw, "Putin spoke, Erdoğan listened.", new OffsetMap(), "A title",
            new PublicationDate(new DateOnly(2024, 9, 4), "meta", null), null);
        return new DocumentResult(clean, interactions);
    }
}

/// <summary>A database file in the temp folder, removed (with its WAL files) afterwards.</summary>
internal sealed class TempDb : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"readout-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Path + suffix); } catch (IOException) { }
    }
}
