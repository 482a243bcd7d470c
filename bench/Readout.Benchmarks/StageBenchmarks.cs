using BenchmarkDotNet.Attributes;
using Readout.Analyse;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Benchmarks;

/// <summary>
/// The pipeline's stages one by one on real documents (issue 13): a sample of Reuters wires and of White House
/// briefing-room documents from ../shared/corpus/bulk, read into memory first. Each benchmark runs its stage over
/// the whole sample, so its time divided by the sample's size is the stage's cost per document; the inputs of a
/// stage (the clean and analysed documents) are prepared once in the set-up, outside the timing.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private ReadoutPipeline _pipeline = null!;
    private InteractionExtractor _interactions = null!;
    private StatementExtractor _statements = null!;
    private FigureExtractor _figures = null!;
    private List<RawDocument> _raw = null!;
    private List<CleanDocument> _clean = null!;
    private List<AnalysedDocument> _analysed = null!;
    private List<TokenLayer> _tokens = null!;
    private List<IReadOnlyList<Interaction>> _found = null!;
    private List<DocumentResult> _results = null!;
    private string _dir = null!;
    private int _round;

    /// <summary>Which corpus the sample comes from.</summary>
    [Params("reuters", "whitehouse")]
    public string Corpus { get; set; } = "reuters";

    /// <summary>Documents in the sample (the first ones of the corpus).</summary>
    public const int Sample = 200;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = ReadoutPipeline.CreateDefault();
        _interactions = new InteractionExtractor(_pipeline.Lexicon, new MentionFinder(_pipeline.Lexicon));
        _statements = new StatementExtractor(_pipeline.Lexicon, _pipeline.Codebook);
        _figures = new FigureExtractor(_pipeline.Lexicon);
        _raw = Corpora.Read(Corpus, Sample);
        _clean = _raw.Select(r => _pipeline.Clean(r)).ToList();
        _analysed = _clean.Select(c => _pipeline.Analyse(c)).ToList();
        _tokens = _clean.Select(c => TokenLayer.Of(c.Text)).ToList();
        _found = _analysed.Select(a => _interactions.Extract(a)).ToList();
        _results = _raw.Select(r => _pipeline.Process(r)).ToList();
        _dir = Directory.CreateTempSubdirectory("readout-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [Benchmark(Description = "clean")]
    public int Clean() => _raw.Sum(r => _pipeline.Clean(r).Text.Length);

    [Benchmark(Description = "analyse")]
    public int Analyse() => _clean.Sum(c => _pipeline.Analyse(c).Sentences.Count);

    [Benchmark(Description = "extract: interactions")]
    public int Interactions() => _analysed.Sum(a => _interactions.Extract(a).Count);

    [Benchmark(Description = "extract: statements")]
    public int Statements() => _analysed.Select((a, n) => _statements.Extract(a, _found[n]).Count).Sum();

    [Benchmark(Description = "extract: figures")]
    public int Figures() => _analysed.Sum(a => _figures.Extract(a).Count);

    [Benchmark(Description = "fuse: signature")]
    public ulong Signatures() => _tokens.Aggregate(0UL, (x, t) => x ^ NearDuplicates.Signature(t)[0]);

    [Benchmark(Description = "whole pipeline")]
    public int Pipeline() => _raw.Sum(r => _pipeline.Process(r).Interactions.Count);

    /// <summary>The store: the sample's results saved into a fresh SQLite file, 32 reports per transaction (as ingest does).</summary>
    [Benchmark(Description = "store (SQLite, batches of 32)")]
    public int Store()
    {
        var path = Path.Combine(_dir, $"bench-{_round++}.db");
        using (var store = new SqliteStore(path))
            foreach (var batch in _results.Chunk(32)) store.SaveDocuments(batch);
        foreach (var f in Directory.EnumerateFiles(_dir, Path.GetFileName(path) + "*")) File.Delete(f);
        return _results.Count;
    }
}

/// <summary>Reads the first documents of a bulk corpus.</summary>
public static class Corpora
{
    public static List<RawDocument> Read(string corpus, int count)
    {
        var file = Path.Combine(Root(), "..", "shared", "corpus", "bulk", corpus == "reuters" ? "reuters21578.jsonl.gz" : "whitehouse.jsonl.gz");
        if (!File.Exists(file)) throw new FileNotFoundException("the bulk corpus is expected beside the repository", file);
        var docs = new InputReader().ReadAll(file).Where(i => i.Document is not null).Select(i => i.Document!).Take(count).ToList();
        return docs.Count > 0 ? docs : throw new InvalidOperationException("no documents in " + file);
    }

    /// <summary>The repository root, above the benchmark's binaries.</summary>
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Readout.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
