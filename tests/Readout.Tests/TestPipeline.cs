using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Readout.Analyse;
using Readout.Pipeline;

namespace Readout.Tests;

/// <summary>The pipeline over the shipped lexicons, built once for the whole test run (as in production).</summary>
public static class TestPipeline
{
    public static ReadoutPipeline Instance => ReadoutPipeline.CreateDefault();

    /// <summary>The ingest service as the entry points resolve it (<see cref="ReadoutServices.AddReadout"/>), over the shipped pipeline.</summary>
    public static IngestService Ingest(TimeSpan budget, ErrorLog? log = null)
    {
        var services = new ServiceCollection();
        if (log is not null) services.AddSingleton(log);
        using var provider = services.AddReadout(budget).BuildServiceProvider();
        return provider.GetRequiredService<IngestService>();
    }

    /// <summary>A plain-text report of <paramref name="text"/>, as an input file would give it.</summary>
    public static Readout.Documents.RawDocument Report(string text, string uri = "test://report") =>
        new(uri, text, "text", Readout.Ingest.InputReader.Hash(text));

    /// <summary>The names of the people the shipped pipeline finds in <paramref name="text"/>, in text order.</summary>
    public static List<string> PeopleIn(string text)
    {
        var pipeline = Instance;
        var ct = TestContext.Current.CancellationToken;
        return pipeline.Analyse(pipeline.Clean(Report(text), ct), ct).Mentions.People.Select(p => p.Name).ToList();
    }

    /// <summary>The sentences of <paramref name="text"/> as the shipped pipeline splits them.</summary>
    public static List<Sentence> Sentences(string text) => new SentenceSplitter(Instance.Lexicon.Analyse).Split(text);

    public static string SpecFolder(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Specs", .. parts]);

    /// <summary>A path in ../shared beside the repository (the corpus and the scorers).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));

    /// <summary>The repository root, found from the test binary's folder.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
