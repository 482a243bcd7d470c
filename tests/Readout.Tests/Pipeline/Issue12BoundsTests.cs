using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Clean;
using Readout.Documents;
using Readout.Lexicons;
using Readout.Pipeline;
using Xunit;

namespace Readout.Tests.Pipeline;

/// <summary>Issue 12: bounded time per document: linear patterns, a timeout on every pattern, a budget, cancellation, one clear line.</summary>
public sealed class Issue12BoundsTests
{
    private static RawDocument Raw(string text, string origin = "doc.jsonl#L3") =>
        new RawDocument("https://example.org/r", text, "text", Readout.Ingest.InputReader.Hash(text)) { Origin = origin };

    [Fact]
    public void Issue12_TheDatelineIsLinearInARunOfSpaces()
    {
        var line = "MOSCOW" + new string(' ', 20000) + "x " + new string('y', 200);
        var reader = new MetadataReader(TestPipeline.Instance.Lexicon.Dates);
        var watch = Stopwatch.StartNew();
        reader.FindDateline(line, _ => true);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"dateline took {watch.Elapsed}");   // 3,000 spaces took 10.5 s before
        var d = reader.FindDateline("SOCHI, Russia, Sept 4 (Wire) - " + new string('w', 150), c => c == "SOCHI");
        Assert.Equal(("SOCHI", 9, 4), (d!.City, d.Month, d.Day));
    }

    [Fact]
    public void Issue12_CoarseDatesAreLinearInRepeatedWords()
    {
        var text = string.Concat(Enumerable.Repeat("of ", 40000)) + "in the spring of 2021";
        var extractor = new TemporalExtractor(TestPipeline.Instance.Lexicon.Dates);
        var watch = Stopwatch.StartNew();
        var found = extractor.Extract(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"temporal extraction took {watch.Elapsed}");   // 120 KB took 28 s before
        Assert.Contains(found, t => t.Kind == TemporalKind.Coarse && t.Text.EndsWith("2021", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue12_EveryPatternInTheCoreHasAMatchTimeout()
    {
        TextLimits.Apply();
        var assembly = typeof(ReadoutPipeline).Assembly;
        var patterns = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => (m.DeclaringType!.Name + "." + m.Name, (Regex)m.Invoke(null, null)!))
            .ToList();
        // and the patterns the lexicons give their readers (FigureLexicon, ExtractLexicon: issue 14 moved the language
        // of the generated patterns there), compiled from the data files when first read. They take the process's limit,
        // as every lexicon pattern does: the one its configuration holds (REGEX_DEFAULT_MATCH_TIMEOUT, which Readout.Core
        // sets when it loads unless the host did). Not what new Regex(...) reports: the regex library reads that once, and
        // a test host that built a pattern before Readout.Core loaded keeps no limit there (the test failed when run alone)
        var processLimit = AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT") is TimeSpan configured ? configured : Regex.InfiniteMatchTimeout;
        var lexicon = TestPipeline.Instance.Lexicon;
        var fromData = typeof(Lexicon).GetProperties().Select(p => p.GetValue(lexicon)).OfType<object>()
            .SelectMany(part => part.GetType().GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(p => p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0)
                .Select(p => (part.GetType().Name + "." + p.Name, (Regex)p.GetValue(part)!)))
            .ToList();
        Assert.True(fromData.Count > 0 && patterns.Count + fromData.Count > 80,
            $"found only {patterns.Count} generated patterns and {fromData.Count} of the lexicons");
        Assert.All(fromData, p => Assert.True(p.Item2.MatchTimeout == processLimit, $"{p.Item1} has not the process's match timeout"));
        Assert.All(patterns, p => Assert.True(p.Item2.MatchTimeout != Regex.InfiniteMatchTimeout && p.Item2.MatchTimeout <= TextLimits.MatchTimeout, $"{p.Item1} has no match timeout"));
    }

    [Fact]
    public void Issue12_FoldingSurvivesNoncharactersAndLoneSurrogates()
    {
        // U+FFFE beside a non-ASCII letter once threw out of Normalize; the letters around it still fold
        Assert.Equal("putin\uFFFEe", Lexicon.Fold("Putin\uFFFEÉ"));
        Assert.StartsWith("zurich", Lexicon.Fold("Zürich\uD800"), StringComparison.Ordinal);
        Assert.StartsWith("a\uFFFFb", Lexicon.Fold("A\uFFFFB\uFDD0é"), StringComparison.Ordinal);
        var pipeline = TestPipeline.Instance;
        var result = pipeline.Process(Raw("Xi Jinping \uFFFEé met Vladimir Putin in Moscow on 12 June 2022. Putin\uFFFEé said."));
        Assert.NotNull(result);
    }

    [Fact]
    public void Issue12_AnUnexpectedErrorIsRO9000NamingTheRecordWithTheTraceInTheLog()
    {
        var log = Path.Combine(Path.GetTempPath(), $"readout-errors-{Guid.NewGuid():N}.log");
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromSeconds(10), new ErrorLog(log));
        var e = Assert.Throws<ReadoutException>(() => runner.Run<int>(Raw("text"), _ => throw new InvalidOperationException("boom\nsecond line")));
        Assert.Equal(ErrorCodes.Internal, e.Code);
        Assert.Equal("doc.jsonl#L3", e.Document);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(log, e.Message);
        Assert.Contains("InvalidOperationException", File.ReadAllText(log));
        Assert.Contains(" at ", File.ReadAllText(log));
        File.Delete(log);
    }

    [Fact]
    public void Issue12_ADocumentOverItsBudgetIsRO1010AndEvenWorkThatIgnoresItIsGivenUp()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromMilliseconds(300), new ErrorLog(Path.GetTempFileName()));
        var cooperative = Assert.Throws<ReadoutException>(() => runner.Run(Raw("x"), ct => { Task.Delay(-1, ct).Wait(ct); return 0; }));
        Assert.Equal(ErrorCodes.TooSlow, cooperative.Code);
        var watch = Stopwatch.StartNew();
        var stubborn = Assert.Throws<ReadoutException>(() => runner.Run(Raw("x"), _ => { Thread.Sleep(20000); return 0; }));
        Assert.Equal(ErrorCodes.TooSlow, stubborn.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"given up after {watch.Elapsed}");
        var timeout = Assert.Throws<ReadoutException>(() => runner.Run<int>(Raw("x"), _ => throw new RegexMatchTimeoutException("x", "y", TimeSpan.FromSeconds(2))));
        Assert.Equal(ErrorCodes.TooSlow, timeout.Code);
    }

    [Fact]
    public void Issue12_CancellationIsHonouredWithinASecondWhateverTheWorkDoes()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromMinutes(5), new ErrorLog(Path.GetTempFileName()));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run(Raw("x"), _ => { Thread.Sleep(30000); return 0; }, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.2), $"cancelled after {watch.Elapsed}");
    }
}
