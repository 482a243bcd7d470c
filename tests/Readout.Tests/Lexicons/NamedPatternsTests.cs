using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: word lists and patterns read from lexicon files, checked when the lexicons load. Every failure is a
/// numbered error naming the file and, where there is one, the line, so that an edit to the data is answered at
/// once rather than by a document that goes wrong.
/// </summary>
public sealed class NamedPatternsTests
{
    private const string Words = "words.tsv", Patterns = "patterns.tsv";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static NamedPatterns Load(string words, string patterns) =>
        new(name => name == Words ? "list\twords\n" + words : "name\tpattern\n" + patterns, Words, Patterns, Options);

    private static ReadoutException Fails(Action load, string code, string file, string message)
    {
        var e = Assert.Throws<ReadoutException>(load);
        Assert.Equal(code, e.Code);
        Assert.Equal(file, e.Document);
        Assert.Contains(message, e.Detail, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_list_stands_in_a_pattern_as_its_words_in_order_and_a_pattern_as_its_text()
    {
        var p = Load("up\trose|more than\n", "approx\tabout|some\nmove\t\\b(?<v>{up})\\s+(?:{approx})\\b\n");
        var move = p.Pattern("move", "v");
        p.CheckAllUsed();
        Assert.Equal(@"\b(?<v>rose|more\s+than)\s+(?:about|some)\b", move.ToString());
        Assert.Equal(Options | RegexOptions.ExplicitCapture, move.Options);   // a compiled lexicon pattern captures its named groups only
        Assert.Equal("MORE   THAN", move.Match("exports MORE   THAN about").Groups["v"].Value);
        Assert.Contains("ROSE", (IReadOnlySet<string>)p.Words("up"));   // a list is also a set of words, compared without regard to case
    }

    [Fact]
    public void A_deferred_pattern_is_checked_at_load_and_compiled_only_when_first_used()
    {
        var p = Load("up\trose\n", "move\t\\b(?<v>{up})\\b\n");
        var built = 0;
        var move = p.Deferred("move", rx => { built++; return rx; }, "v");
        Assert.False(move.IsValueCreated);   // loading the lexicons (readout --version, an export) compiles nothing
        Assert.Equal(Options | RegexOptions.ExplicitCapture, move.Value.Options);
        Assert.Equal("rose", move.Value.Match("exports rose").Groups["v"].Value);
        Assert.Equal(1, built);
        Fails(() => Load("up\trose\n", "move\t\\b{up}\\b\n").Deferred("move", rx => rx, "v"), "RO0003", Patterns, "line 2 pattern move has no group (?<v>...)");
    }

    [Fact]
    public void Issue14_a_warmed_build_runs_the_pattern_on_its_sample_from_every_40th_character_and_AsCompiled_runs_nothing()
    {
        // a pattern that cannot finish from the 41st character of the sample on (catastrophic backtracking), and fails at once
        // before it (\G anchors at the start given): only a run from there reaches the time limit
        var sample = new string('x', 40) + new string('a', 30) + "b";
        var slow = new Regex(@"\G(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(20));
        Assert.Throws<RegexMatchTimeoutException>(() => NamedPatterns.WarmedOn(sample)(slow));
        Assert.Same(slow, NamedPatterns.AsCompiled(slow));   // not run: no time-out
        // the same run one character later is started from neither 0 nor 40: it never reaches the time limit
        Assert.Same(slow, NamedPatterns.WarmedOn("x" + sample)(slow));
        var quick = new Regex(@"\bx", RegexOptions.None);
        Assert.Same(quick, NamedPatterns.WarmedOn(sample)(quick));
        Assert.Same(quick, NamedPatterns.WarmedOn(new string('x', 39))(quick));   // shorter than one step: run once, at 0
    }

    [Fact]
    public async Task Issue13_deferred_patterns_compile_in_the_background_once_started_and_a_failure_surfaces_where_used()
    {
        var p = Load("up\trose\n", "move\t\\b(?<v>{up})\\b\nfall\tfell\n");
        var built = 0;
        var move = p.Deferred("move", rx => { Interlocked.Increment(ref built); return rx; }, "v");
        var fall = p.Deferred("fall", _ => throw new InvalidOperationException("cannot build"));
        Assert.Equal([move, fall], p.DeferredPatterns);
        NamedPatterns.StartCompiling(p.DeferredPatterns);
        // compiled without anyone asking for it, once
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!move.IsValueCreated && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(move.IsValueCreated, "the pattern was not compiled in the background");
        Assert.Equal("rose", move.Value.Match("exports rose").Groups["v"].Value);
        Assert.Equal(1, built);
        // the background failure is not lost: the pattern throws it where it is used
        var e = Assert.Throws<InvalidOperationException>(() => fall.Value);
        Assert.Equal("cannot build", e.Message);
    }

    [Fact]
    public void A_pattern_s_text_is_given_expanded_and_checked_for_code_that_reads_it_rather_than_matches_it()
    {
        var p = Load("up\trose|more than\n", "move\t(?:{up})\\s+to\n");
        Assert.Equal(@"(?:rose|more\s+than)\s+to", p.Text("move"));
        p.CheckAllUsed();   // the pattern and, through it, the list are used
        Fails(() => p.Text("change"), "RO0003", Patterns, "has no pattern change, which the code reads");
    }

    [Fact]
    public void A_part_the_code_gives_is_used_as_written_and_no_row_may_take_its_name()
    {
        var code = new Dictionary<string, string> { ["scales"] = "million|billion" };
        var p = new NamedPatterns(name => name == Words ? "list\twords\n" : "name\tpattern\nsuffix\t\\s(?<scale>{scales})\n", Words, Patterns, Options, code);
        Assert.Equal(@"\s(?<scale>million|billion)", p.Pattern("suffix", "scale").ToString());
        p.CheckAllUsed();
        Fails(() => _ = new NamedPatterns(name => name == Words ? "list\twords\n" : "name\tpattern\nscales\tx\n", Words, Patterns, Options, code),
            "RO0002", Patterns, "line 2 scales is also a list of words.tsv or a part the code gives");
    }

    [Fact]
    public void A_pattern_may_be_built_with_options_of_its_own()
    {
        var p = Load("month\tMay|June\n", "date\t\\b(?<mon>{month})\\s+(?<d>\\d+)\n");
        // the file's patterns ignore case; the code reads this one with case ("may 5" is not a date) and without backtracking
        const RegexOptions WithCase = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        var date = p.Pattern("date", WithCase, "mon", "d");
        var deferred = p.Deferred("date", WithCase, rx => rx, "mon");
        p.CheckAllUsed();
        Assert.Equal(WithCase, date.Options);
        Assert.Equal(WithCase, deferred.Value.Options);
        Assert.DoesNotMatch(date, "we may 5");
        Assert.Equal("June", deferred.Value.Match("on June 5").Groups["mon"].Value);
        Assert.Matches(p.Pattern("date"), "we may 5");   // the same row with the file's options
    }

    [Fact]
    public void A_pattern_its_own_options_refuse_is_RO0002_naming_its_line()
    {
        // lookaround parses with the file's options, but the engine without backtracking has none
        var p = Load("", "# a comment\ndate\t(?<=on )\\d+\n");
        var e = Fails(() => p.Deferred("date", RegexOptions.NonBacktracking, rx => rx), "RO0002", Patterns,
            "line 3 pattern date is not a valid regular expression with options NonBacktracking");
        Assert.IsType<NotSupportedException>(e.InnerException);
    }

    [Fact]
    public void A_pattern_that_does_not_parse_is_RO0002_naming_its_file_and_line()
    {
        var e = Fails(() => Load("", "# a comment\nfine\t\\bok\\b\nbroken\t(?<v>rose|fell\n"), "RO0002", Patterns, "line 4 pattern broken is not a valid regular expression");
        Assert.IsType<ArgumentException>(e.InnerException, exactMatch: false);
    }

    [Fact]
    public void A_name_the_code_reads_and_the_file_lacks_is_RO0003_naming_the_file()
    {
        var p = Load("up\trose\n", "move\t{up}\n");
        Fails(() => p.Pattern("change"), "RO0003", Patterns, "has no pattern change, which the code reads");
        Fails(() => p.Words("down"), "RO0003", Words, "has no list down, which the code reads");
    }

    [Fact]
    public void A_group_the_code_reads_and_the_pattern_lacks_is_RO0003_naming_its_line()
    {
        var p = Load("", "move\t\\b(?<verb>rose)\\b\n");
        Fails(() => p.Pattern("move", "v"), "RO0003", Patterns, "line 2 pattern move has no group (?<v>...)");
    }

    [Theory]
    [InlineData("", "move\trose\nmove\tfell\n", Patterns, "line 3 pattern move is given twice (first on line 2)")]
    [InlineData("up\trose\nup\tfell\n", "", Words, "line 3 list up is given twice (first on line 2)")]
    [InlineData("up\trose|Rose\n", "", Words, "line 2 list up has 'Rose' twice")]
    [InlineData("up\trose|ris[ei]n\n", "", Words, "line 2 'ris[ei]n' of list up is not a word or phrase")]
    [InlineData("up\trose|\n", "", Words, "line 2 '' of list up is not a word or phrase")]
    [InlineData("", "Move\trose\n", Patterns, "line 2 'Move' is not a name")]
    [InlineData("", "move\t\n", Patterns, "line 2 pattern move is empty")]
    [InlineData("up\trose\n", "up\trose\n", Patterns, "line 2 up is also a list of words.tsv")]
    public void A_name_given_twice_or_a_word_that_is_not_one_is_RO0002_naming_the_line(string words, string patterns, string file, string message) =>
        Fails(() => Load(words, patterns), "RO0002", file, message);

    [Theory]
    [InlineData("move\t{up}\n")]                     // no such list
    [InlineData("move\t{later}\nlater\trose\n")]     // a pattern is used below the row that defines it, never above
    [InlineData("move\trose|{move}\n")]              // nor by itself
    public void A_reference_to_nothing_is_RO0003_naming_the_line(string patterns) =>
        Fails(() => Load("", patterns), "RO0003", Patterns, "line 2 {");

    [Fact]
    public void A_row_nothing_uses_is_RO0003_naming_its_line()
    {
        var p = Load("up\trose\nstray\tfell\n", "move\t{up}\nspare\tx\n");
        p.Pattern("move");
        Fails(p.CheckAllUsed, "RO0003", Words, "line 3 list stray is used by no pattern and not by the code");
        p.Words("stray");
        Fails(p.CheckAllUsed, "RO0003", Patterns, "line 3 pattern spare is used by no other pattern and not by the code");
    }

    [Fact]
    public void A_malformed_table_is_the_table_reader_s_RO0002() =>
        Fails(() => _ = new NamedPatterns(name => name == Words ? "list\twords\n" : "name\n", Words, Patterns, Options), "RO0002", Patterns, "line 1 header is 'name'");
}
