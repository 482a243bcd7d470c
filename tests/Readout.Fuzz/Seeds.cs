namespace Readout.Fuzz;

/// <summary>The seed documents: every report file under the given folders (gold files excluded).</summary>
public static class Seeds
{
    public static IReadOnlyList<Seed> Load(IEnumerable<string> roots)
    {
        var reader = new Readout.Ingest.InputReader();
        var failures = new List<Readout.Ingest.InputFailure>();
        var files = reader.Expand(roots, failures).Where(f => f != "-").ToList();
        if (files.Count == 0) throw new ArgumentException("no seed documents under " + string.Join(", ", roots));
        return files.Select(f => new Seed(Path.GetFileName(f), File.ReadAllBytes(f), Readout.Ingest.InputReader.FormatExtension(f))).ToList();
    }
}
