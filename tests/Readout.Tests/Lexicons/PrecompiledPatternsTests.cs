using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Readout.Lexicons;
using Readout.Pipeline;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// PrecompiledPatterns.g.cs holds the shipped pipeline's compiled patterns as generated C#. These tests keep it equal to
/// what the pipeline asks for, and check that a pattern it lacks is still built as asked.
/// </summary>
public sealed class PrecompiledPatternsTests
{
    private const string GeneratedFile = "src/Readout.Core/Lexicons/PrecompiledPatterns.g.cs";

    /// <summary>
    /// Fails when a lexicon or a pattern in the code changed and the file was not regenerated (run
    /// scripts/precompile-patterns.sh): the patterns would still match the same, but be compiled when the process starts.
    /// With READOUT_WRITE_PRECOMPILED=1 it writes the file instead (what the script does).
    /// </summary>
    [Fact]
    public void Issue13_the_precompiled_patterns_are_the_shipped_pipelines()
    {
        var patterns = CompiledPatternsOf(ReadoutPipeline.CreateDefault());
        Assert.True(patterns.Count > 100, $"the walk found only {patterns.Count} compiled patterns in the pipeline");
        var expected = Render(patterns);
        var path = Path.Combine(TestPipeline.RepoRoot, GeneratedFile);
        if (Environment.GetEnvironmentVariable("READOUT_WRITE_PRECOMPILED") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        var stale = patterns.Where(p => !p.Precompiled && Precompilable(p)).Select(p => $"'{p.Pattern[..Math.Min(60, p.Pattern.Length)]}' ({p.Options})").ToList();
        Assert.True(File.ReadAllText(path) == expected && stale.Count == 0,
            $"{GeneratedFile} is not the shipped pipeline's compiled patterns ({stale.Count} compiled at run time: "
            + string.Join(", ", stale.Take(5)) + "): run scripts/precompile-patterns.sh and rebuild");
    }

    [Fact]
    public void A_pattern_the_table_lacks_is_built_at_run_time_with_its_options_and_limit()
    {
        var regex = PrecompiledPatterns.Build(@"\bnot (?<w>in) the table\b", RegexOptions.IgnoreCase | RegexOptions.Compiled, TimeSpan.FromSeconds(3));
        Assert.Equal(typeof(Regex), regex.GetType());
        Assert.Equal(RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.ExplicitCapture, regex.Options);
        Assert.Equal(TimeSpan.FromSeconds(3), regex.MatchTimeout);
        Assert.Equal("IN", regex.Match("NOT IN THE TABLE").Groups["w"].Value);
        Assert.False(PrecompiledPatterns.IsPrecompiled(regex));
    }

    [Fact]
    public void A_pattern_of_the_table_is_its_generated_matcher_only_with_the_processs_limit()
    {
        var (pattern, options) = PrecompiledKeys().First();
        var generated = PrecompiledPatterns.Build(pattern, options | RegexOptions.Compiled);
        Assert.True(PrecompiledPatterns.IsPrecompiled(generated));
        Assert.Equal(pattern, generated.ToString());
        Assert.Equal(TextLimits.MatchTimeout, generated.MatchTimeout);
        // a limit of its own, or a pattern asked for without compiling, is built as asked
        var ownLimit = PrecompiledPatterns.Build(pattern, options | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        Assert.Equal((typeof(Regex), TimeSpan.FromSeconds(1)), (ownLimit.GetType(), ownLimit.MatchTimeout));
        Assert.Equal(typeof(Regex), PrecompiledPatterns.Build(pattern, options).GetType());
    }

    [Fact]
    public void Issue13_a_compiled_lexicon_pattern_captures_its_named_groups_only_and_matches_as_before()
    {
        const string pattern = @"\b(met|talked)\s+(with\s+)?(?<who>\w+)";
        var compiled = PrecompiledPatterns.Build(pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled);
        var plain = new Regex(pattern, RegexOptions.IgnoreCase);
        Assert.Equal([0, 1], compiled.GetGroupNumbers());   // the whole match and "who"; the unnamed groups only group
        Assert.Equal(["0", "who"], compiled.GetGroupNames());
        const string text = "Blinken met with Wang, then talked Kuleba through it";
        Assert.Equal(plain.Matches(text).Select(m => (m.Index, m.Length, m.Groups["who"].Value)),
            compiled.Matches(text).Select(m => (m.Index, m.Length, m.Groups["who"].Value)));
        // every generated matcher of the table was generated so
        Assert.All(PrecompiledKeys(), k => Assert.True(k.Options.HasFlag(RegexOptions.ExplicitCapture), k.Pattern));
    }

    private static IEnumerable<(string Pattern, RegexOptions Options)> PrecompiledKeys() =>
        CompiledPatternsOf(ReadoutPipeline.CreateDefault()).Where(p => p.Precompiled).Select(p => (p.Pattern, p.Options));

    private sealed record Found(string Pattern, RegexOptions Options, bool Precompiled);

    /// <summary>
    /// Every pattern reachable from <paramref name="root"/> and the static fields of Readout.Core that was asked for
    /// compiled: one the table gave (a generated matcher) or one compiled at run time. Deferred patterns are forced.
    /// </summary>
    private static List<Found> CompiledPatternsOf(object root)
    {
        var found = new Dictionary<(string, RegexOptions), Found>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        var core = typeof(PrecompiledPatterns).Assembly;
        // not the source generator's own classes: reading their static fields makes every matcher of the table, and the
        // table would then find itself, patterns the pipeline no longer uses included
        foreach (var type in core.GetTypes().Where(t => !t.ContainsGenericParameters && t.Namespace != "System.Text.RegularExpressions.Generated"))
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (!field.IsLiteral && field.GetValue(null) is { } value) pending.Push(value);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item)) continue;
            switch (item)
            {
                case Regex regex:
                    var precompiled = PrecompiledPatterns.IsPrecompiled(regex);
                    if (precompiled || (regex.Options & RegexOptions.Compiled) != 0)
                        found.TryAdd((regex.ToString(), regex.Options & ~RegexOptions.Compiled),
                            new Found(regex.ToString(), regex.Options & ~RegexOptions.Compiled, precompiled));
                    continue;
                case Lazy<Regex> deferred:
                    pending.Push(deferred.Value);
                    continue;
                case string or Type or MemberInfo or Assembly or Pointer:
                    continue;
                case Delegate d:
                    if (d.Target is { } target) pending.Push(target);
                    continue;
                case IEnumerable items when item is Array || OwnOrCollection(item.GetType()):
                    foreach (var element in items) if (element is not null && !element.GetType().IsPrimitive) pending.Push(element);
                    if (item is Array) continue;
                    break;
            }
            if (!Walked(item.GetType())) continue;
            for (var type = item.GetType(); type is not null && type != typeof(object); type = type.BaseType)
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!field.FieldType.IsPrimitive && field.GetValue(item) is { } value) pending.Push(value);
        }
        return [.. found.Values];
    }

    /// <summary>A type of the project's own or a collection: the walk enumerates it, and follows its fields.</summary>
    private static bool OwnOrCollection(Type type) =>
        type.Namespace is { } ns && (ns.StartsWith("System.Collections", StringComparison.Ordinal) || ns.StartsWith("Readout", StringComparison.Ordinal));

    /// <summary>The types whose fields the walk follows: the project's own, collections, tuples and lazies.</summary>
    private static bool Walked(Type type) =>
        OwnOrCollection(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var g
            && (g == typeof(Lazy<>) || g.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)
                || g.FullName.StartsWith("System.Tuple", StringComparison.Ordinal) || g == typeof(KeyValuePair<,>)));

    /// <summary>The source generator writes no matcher of its own for a pattern without backtracking (it builds one at run time).</summary>
    private static bool Precompilable(Found pattern) => (pattern.Options & RegexOptions.NonBacktracking) == 0;

    /// <summary>The C# of PrecompiledPatterns.g.cs for <paramref name="patterns"/>, in a fixed order.</summary>
    private static string Render(IEnumerable<Found> patterns)
    {
        var rows = patterns.Where(Precompilable)
            .OrderBy(p => p.Pattern, StringComparer.Ordinal).ThenBy(p => p.Options).ToList();
        var sb = new StringBuilder();
        sb.Append("// <auto-generated>scripts/precompile-patterns.sh: the shipped pipeline's compiled patterns. Do not edit.</auto-generated>\n");
        sb.Append("using System.Text.RegularExpressions;\n\nnamespace Readout.Lexicons;\n\npublic static partial class PrecompiledPatterns\n{\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var id = i.ToString("000", CultureInfo.InvariantCulture);
            sb.Append("    private const string P").Append(id).Append(" = ").Append(Literal(rows[i].Pattern)).Append(";\n");
            sb.Append("    [GeneratedRegex(P").Append(id).Append(", ").Append(OptionsCode(rows[i].Options)).Append(")]\n");
            sb.Append("    private static partial Regex R").Append(id).Append("();\n\n");
        }
        sb.Append("    private static IEnumerable<KeyValuePair<(string Pattern, RegexOptions Options), Func<Regex>>> Table() =>\n    [\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var id = i.ToString("000", CultureInfo.InvariantCulture);
            sb.Append("        new((P").Append(id).Append(", ").Append(OptionsCode(rows[i].Options)).Append("), R").Append(id).Append("),\n");
        }
        sb.Append("    ];\n}\n");
        return sb.ToString();
    }

    private static string OptionsCode(RegexOptions options) => options == RegexOptions.None
        ? "RegexOptions.None"
        : string.Join(" | ", options.ToString().Split(", ").Select(o => "RegexOptions." + o));

    /// <summary>A C# string literal for <paramref name="text"/>: ASCII, with escapes for everything else.</summary>
    private static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                _ when c is >= ' ' and <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        return sb.Append('"').ToString();
    }
}
