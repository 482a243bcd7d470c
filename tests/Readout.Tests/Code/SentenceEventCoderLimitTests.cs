using System.Reflection;
using System.Text.RegularExpressions;
using Readout.Code;
using Xunit;

namespace Readout.Tests.Code;

/// <summary>
/// Issue 14: the event coder's patterns take the process's match limit, as every lexicon pattern does. They had a
/// 2 s wall-clock limit of their own, the same weakness that made topic patterns fail documents on a loaded machine.
/// </summary>
public sealed class SentenceEventCoderLimitTests
{
    [Fact]
    public void Issue14_the_coder_patterns_built_from_the_lexicon_take_the_process_limit()
    {
        // the limit Regex gives a pattern without one: TextLimits.MatchTimeout when the process set it before its first pattern
        var processLimit = new Regex("x").MatchTimeout;
        var coder = new SentenceEventCoder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook);
        var patterns = new List<Regex>();
        foreach (var field in typeof(SentenceEventCoder).GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
        {
            var value = field.GetValue(coder);
            if (value is Regex rx) patterns.Add(rx);
            else if (value is System.Collections.IEnumerable list and not string)
                foreach (var item in list)
                    if (item?.GetType().GetField("Item1")?.GetValue(item) is Regex first) patterns.Add(first);
        }
        Assert.True(patterns.Count > 20, $"found only {patterns.Count} patterns");
        Assert.All(patterns, rx => Assert.Equal(processLimit, rx.MatchTimeout));
    }
}
