using Readout.Ingest;

namespace Readout.Tests.Lexicons;

/// <summary>The sentences of every document of seeds, dev and real, cleaned and analysed as the pipeline does: the real text a lexicon's prefilter is held to.</summary>
internal static class CorpusSentences
{
    public static IEnumerable<string> OfSeedsDevAndReal()
    {
        var pipeline = TestPipeline.Instance;
        var reader = new InputReader();
        var files = reader.Expand(new[] { "seeds", "dev", "real" }.Select(f => TestPipeline.Shared("corpus", f)), []);
        foreach (var file in files)
            foreach (var item in reader.ReadAll(file))
            {
                if (item.Document is not { } raw) continue;
                var doc = pipeline.Analyse(pipeline.Clean(raw));
                foreach (var s in doc.Sentences) yield return s.Text;
            }
    }
}
