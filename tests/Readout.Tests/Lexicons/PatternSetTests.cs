using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 13's keyword prefilter: the literal openings read from a pattern, and a pattern set that skips only
/// what cannot match. The set must give exactly the patterns' own answers on real text, which the last test
/// checks for every lexicon pattern over every sentence of the seeds, dev and real corpora.
/// </summary>
public sealed class PatternSetTests
{
    [Theory]
    [InlineData(@"\b(met|meets)\b", "met|meets")]
    [InlineData(@"\bvideo[- ]?(link|call)\b", "video")]
    [InlineData(@"\b(tele)?phone (call|talks?)\b", "phone call|phone talk")]
    [InlineData(@"\b(by|on the) (tele)?phone\b", "by phone|by telephone|on the phone|on the telephone")]
    [InlineData(@"(?<!\bWest )\bbanks?\b", "bank")]
    [InlineData(@"(?-i:\bSWIFT\b)", "SWIFT")]
    [InlineData(@"\b(called|rang)\b(?!\s+(on|for)\b)", "called|rang")]
    [InlineData(@"\bface[- ]to[- ]face\b", "face")]
    [InlineData(@"\b(?<verb>urged|asked)\b", "asked|urged")]
    [InlineData(@"\bU\.S\.", "U.S.")]
    [InlineData(@"\bsummit\b|\bvisit\b", "summit|visit")]
    [InlineData(@"(copyright|©|\(c\)\s*\d{4}|ICP备)", "copyright|©|(c)|ICP备")]   // letters without case compare alike either way
    public void The_openings_every_match_must_start_with(string pattern, string openings)
    {
        var found = RequiredLiterals.Of(pattern);
        Assert.NotNull(found);
        Assert.Equal(openings.Split('|').Order(StringComparer.OrdinalIgnoreCase), found!.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unfollowable_patterns_have_no_openings()
    {
        Assert.Null(RequiredLiterals.Of(@"\b\w+ed\b"));
        Assert.Null(RequiredLiterals.Of(@"(\w+ ){0,2}talks"));
        Assert.Null(RequiredLiterals.Of(@"(met)\1"));
        Assert.Null(RequiredLiterals.Of(@"(?(x)a|b)"));
        Assert.Null(RequiredLiterals.Of(@".*said"));
        Assert.Null(RequiredLiterals.Of(@"\b(naïve|café)\b"));
    }

    [Fact]
    public void The_set_skips_only_patterns_that_cannot_match_and_keeps_the_list_order()
    {
        var set = new PatternSet<string>([(@"\b(met|meets)\b", "meet"), (@"\b\w+ed\b", "past"), (@"\bsummit\b", "summit")], RegexOptions.IgnoreCase);
        Assert.Equal(["past"], set.Candidates("Nothing here happens.").Select(c => c.Item));
        Assert.Equal(["meet", "past", "summit"], set.Candidates("They MET at the Summit.").Select(c => c.Item));
        Assert.True(set.IsMatch("They met."));
        Assert.False(new PatternSet<string>([(@"\bsummit\b", "s")], RegexOptions.IgnoreCase).IsMatch("a submit button"));
        Assert.Equal("Summit", new PatternSet<string>([(@"\bsummit\b", "s")], RegexOptions.IgnoreCase).Match("the Summit").Value);
    }

    [Fact]
    public void A_character_that_only_the_pattern_equates_with_a_letter_turns_the_prefilter_off()
    {
        // U+212A KELVIN SIGN matches "k" under a pattern's ignore-case, not under ordinal ignore-case
        var set = new PatternSet<string>([(@"\bkremlin\b", "k")], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var text = "the \u212Aremlin said";
        Assert.Equal(Regex.IsMatch(text, @"\bkremlin\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), set.IsMatch(text));
        Assert.Single(set.Candidates(text));
    }

    [Fact]
    public void Issue13_openings_of_one_character_at_the_text_s_end_or_outside_ASCII_are_found()
    {
        var set = new PatternSet<string>([(@"\$\d", "dollar"), ("©", "c"), (@"\bmet\b", "met"), ("talks$", "talks")], RegexOptions.IgnoreCase);
        Assert.Equal(["dollar"], set.Candidates("paid $5").Select(c => c.Item));
        Assert.Equal(["dollar"], set.Candidates("paid $").Select(c => c.Item));    // a one-character opening as the last character
        Assert.Equal(["c"], set.Candidates("© Reuters").Select(c => c.Item));
        Assert.Equal(["met"], set.Candidates("they MEt").Select(c => c.Item));     // an opening ending the text, in another case
        Assert.Equal(["talks"], set.Candidates("TALKS").Select(c => c.Item));
        Assert.Empty(set.Candidates("m"));                                          // the start of an opening is not one
        Assert.Empty(set.Candidates("a meeting, tal ks, ©"[..^1]));
    }

    public static TheoryData<string> Lists() => new("interaction cues", "statement cues", "plover rules", "word lists", "topics");

    [Theory]
    [MemberData(nameof(Lists))]
    public void Issue13_every_lexicon_pattern_that_matches_a_real_sentence_is_a_candidate(string list)
    {
        var lexicon = TestPipeline.Instance.Lexicon;
        var patterns = list switch
        {
            "interaction cues" => lexicon.Cues.Select(c => c.Pattern),
            "statement cues" => lexicon.StatementCues.Select(c => c.Pattern),
            "plover rules" => lexicon.PloverRules.Select(r => r.Pattern),
            "word lists" => new[] { "future", "group", "attendance" }.Select(w => string.Join("|", lexicon.WordList(w))),
            _ => TsvTable.Rows(File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", "topics.tsv")), "topics.tsv", ["topic", "pattern"], 2).Select(r => r.Cells[1]),
        };
        var items = patterns.Select((p, i) => (p, i)).ToList();
        var set = new PatternSet<int>(items, RegexOptions.IgnoreCase);
        var regexes = items.Select(x => new Regex(x.p, RegexOptions.IgnoreCase)).ToList();
        Assert.True(items.Count(x => RequiredLiterals.Of(x.p) is not null) * 2 >= items.Count, "most patterns should have openings");
        var openings = items.Select(x => RequiredLiterals.Of(x.p)).ToList();
        var sentences = 0;
        foreach (var text in CorpusSentences.OfSeedsDevAndReal())
        {
            sentences++;
            var found = set.Candidates(text);
            var candidates = found.Select(c => c.Item).ToList();
            // a candidate's matches, found where its openings start, are the pattern's own
            foreach (var c in found)
            {
                Assert.Equal(Show(regexes[c.Item].Matches(text)), Show(c.Matches(text)));
                Assert.Equal(regexes[c.Item].IsMatch(text), c.IsMatch(text));
            }
            for (var i = 0; i < regexes.Count; i++)
                if (!candidates.Contains(i))
                    Assert.False(regexes[i].IsMatch(text), $"{list} pattern {items[i].p} matches but was skipped: {text}");
            // the one walk over the text picks exactly the patterns one of whose openings the text holds, in list order
            // (a letter only a pattern's ignore-case equates with ASCII, as the dotless i of "Tayyıp", turns the prefilter off)
            var outlier = text.AsSpan().ContainsAny("\u212A\u017F\u0130\u0131\u212B");
            Assert.True(Enumerable.Range(0, items.Count)
                .Where(i => outlier || openings[i] is not { } o || o.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .SequenceEqual(candidates), text);
        }
        Assert.True(sentences > 5000, $"only {sentences} sentences read");
    }

    private static string Show(IEnumerable<Match> matches) =>
        string.Join(" | ", matches.Select(m => $"{m.Index}+{m.Length}:{m.Value}"
            + string.Concat(m.Groups.Values.Skip(1).Where(g => g.Success).Select(g => $" {g.Name}={g.Index}+{g.Length}"))));

    [Fact]
    public void Issue13_a_candidate_s_matches_start_where_its_openings_start_even_one_holding_another()
    {
        // "telephone call" holds "phone call": enough to know the text may match, not to know where a match starts
        Assert.Equal(["phone call", "phone talk"], RequiredLiterals.Of(@"\b(tele)?phone (call|talks?)\b")!.Order(StringComparer.Ordinal));
        Assert.Equal(["phone call", "phone talk", "telephone call", "telephone talk"],
            RequiredLiterals.StartsOf(@"\b(tele)?phone (call|talks?)\b")!.Order(StringComparer.Ordinal));
        var set = new PatternSet<string>([(@"\b(tele)?phone (call|talks?)\b", "phone"), (@"\b(met|meets)\b", "meet")], RegexOptions.IgnoreCase);
        const string Text = "After a Telephone call they met; a phone talk followed, then they MEETS and met again.";
        var phone = Assert.Single(set.Candidates(Text), c => c.Item == "phone");
        Assert.Equal(["Telephone call", "phone talk"], phone.Matches(Text).Select(m => m.Value));
        var meet = Assert.Single(set.Candidates(Text), c => c.Item == "meet");
        Assert.Equal(Show(Regex.Matches(Text, @"\b(met|meets)\b", RegexOptions.IgnoreCase)), Show(meet.Matches(Text)));
        Assert.Equal(3, meet.Matches(Text).Count());
        Assert.False(Assert.Single(set.Candidates("the metre"), c => c.Item == "meet").IsMatch("the metre"));
    }
}
