using Readout.Clean;
using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Clean;

/// <summary>Runs Specs/Clean/*.spec: raw page text above '===', the exact clean text below.</summary>
public sealed class CleanSpecTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestPipeline.SpecFolder("Clean"), "*.spec").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string file)
    {
        var spec = File.ReadAllText(TestPipeline.SpecFolder("Clean", file)).Replace("\r\n", "\n");
        var start = spec.IndexOf("\n---\n", StringComparison.Ordinal) + 5;
        var sep = spec.LastIndexOf("\n===\n", StringComparison.Ordinal);
        var raw = spec[start..sep];
        var expected = spec[(sep + 5)..].TrimEnd('\n');
        var clean = new Cleaner(TestPipeline.Instance.Lexicon, _ => false).Clean(new RawDocument(file, raw, "text", InputReader.Hash(raw)));
        Assert.Equal(expected, clean.Text);
    }

    [Fact]
    public void OffsetMapPointsBackIntoTheOriginal()
    {
        var raw = "Home | World | Asia | Sport\n\nThe two presidents spoke by telephone on Tuesday.\n";
        var clean = new Cleaner(TestPipeline.Instance.Lexicon, _ => false).Clean(new RawDocument("t", raw, "text", InputReader.Hash(raw)));
        var at = clean.Text.IndexOf("telephone", StringComparison.Ordinal);
        Assert.Equal("telephone", raw.Substring(clean.Map.ToOriginal(at), "telephone".Length));
    }

    [Fact]
    public void HtmlPageKeepsStoryAndPublicationDate()
    {
        var html = """
            <html><head><meta property="article:published_time" content="2023-06-19T10:00:00+08:00"><title>T</title></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div id="cookie-banner">We use cookies.</div>
            <article><h1>Envoy meets leader</h1><figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>
            <p>BEIJING &mdash; The envoy was received by the president on Monday.</p>
            <aside class="related"><ul><li><a href="#">Other story</a></li></ul></aside></article>
            <footer>&copy; 2023 Example</footer><script>var x = "<p>not text</p>";</script></body></html>
            """;
        var clean = new Cleaner(TestPipeline.Instance.Lexicon, _ => false)
            .Clean(new RawDocument("p.html", html, "html", InputReader.Hash(html)));
        Assert.Equal("Envoy meets leader\n\nBEIJING — The envoy was received by the president on Monday.", clean.Text);   // each HTML block is a paragraph
        Assert.Equal(new DateOnly(2023, 6, 19), clean.Published?.Date);
        Assert.Equal("Envoy meets leader", clean.Title);
    }
}
