using System.Buffers;

namespace Readout.Lexicons;

/// <summary>
/// The literal openings a pattern's every match must start with, read from the pattern's text: for
/// <c>\b(met|meets)\b</c> "met" and "meets"; for <c>\bvideo[- ]?(link|call)\b</c> "video". A text holding
/// none of them (compared ignoring case) cannot match, so a rule list can skip the pattern with one
/// vectorised search (<see cref="SearchValues{T}"/>, an Aho-Corasick automaton) instead of a regex scan.
/// The reading is conservative: any construct it does not follow (a backreference, a conditional, an
/// opening character class, an optional first element) means no prefilter, never a wrong one.
/// </summary>
public static class RequiredLiterals
{
    /// <summary>More openings than this and the set says little: no prefilter.</summary>
    private const int MaxOpenings = 256;

    /// <summary>The openings of <paramref name="pattern"/>, or null when the pattern allows none to be named.</summary>
    public static IReadOnlyList<string>? Of(string pattern) => Read(pattern, positional: false);

    /// <summary>
    /// The openings of <paramref name="pattern"/> such that every match starts where one of them starts in the text
    /// (<see cref="Of"/> leaves out an opening that holds another anywhere, which is all a search for a text that may
    /// match needs, but not where a match may start: "telephone call" starts elsewhere than "phone call"); null as for
    /// <see cref="Of"/>.
    /// </summary>
    public static IReadOnlyList<string>? StartsOf(string pattern) => Read(pattern, positional: true);

    private static IReadOnlyList<string>? Read(string pattern, bool positional)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            var reader = new Reader(pattern);
            var (set, _) = reader.Alternation();
            if (reader.Position != pattern.Length || set is null || set.Count == 0 || set.Any(s => s.Length == 0)) return null;
            // ordinal ignore-case and a pattern's ignore-case agree on ASCII letters (save the outliers the
            // matcher checks for) and on letters without case (备); on other letters they may not, so such an
            // opening means no prefilter
            if (set.Any(s => s.Any(c => c > '\u007F' && char.IsLetter(c) && HasCase(c)))) return null;
            // an opening that starts with another adds nothing ("talks" after "talk"; "telephone call" holds "phone call"
            // only as a substring, which is all the search needs)
            var distinct = set.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return distinct.Where(s => !distinct.Any(o => o.Length < s.Length
                    && (positional ? s.StartsWith(o, StringComparison.OrdinalIgnoreCase) : s.Contains(o, StringComparison.OrdinalIgnoreCase))))
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static bool HasCase(char c) => char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c;

    /// <summary>A pattern's reader: each method returns the openings of what it read and whether they are the whole match.</summary>
    private sealed class Reader(string p)
    {
        public int Position { get; private set; }

        private bool AtEnd => Position >= p.Length;

        public (List<string>? Set, bool Whole) Alternation()
        {
            var branches = new List<(List<string>? Set, bool Whole)> { Sequence() };
            while (!AtEnd && p[Position] == '|') { Position++; branches.Add(Sequence()); }
            if (branches.Any(b => b.Set is null)) return (null, false);
            var union = branches.SelectMany(b => b.Set!).ToList();
            return union.Count > MaxOpenings ? (null, false) : (union, branches.All(b => b.Whole));
        }

        private (List<string>? Set, bool Whole) Sequence()
        {
            List<string> set = [""];
            var open = true;      // still extending the openings
            var whole = true;     // the openings are the whole match so far
            while (!AtEnd && p[Position] is not '|' and not ')')
            {
                var atom = Atom();
                var (min, max) = Quantifier();
                if (!open || atom.Kind == AtomKind.ZeroWidth) continue;
                if (min == 0 && max == 1 && atom.Whole && atom.Set is not null && set.Count * (atom.Set.Count + 1) <= MaxOpenings)
                {
                    // "(tele)?phone": the openings with the optional part and without it
                    set = [.. set, .. set.SelectMany(s => atom.Set.Select(t => s + t))];
                    continue;
                }
                if (atom.Kind == AtomKind.Other || min == 0 || atom.Set is null)
                {
                    open = false; whole = false;
                    continue;
                }
                var next = new List<string>();
                foreach (var s in set)
                    foreach (var t in atom.Set) next.Add(s + t);
                if (next.Count > MaxOpenings) { open = false; whole = false; continue; }
                set = next;
                if (!atom.Whole || min != 1 || max != 1) { open = false; whole = false; }
            }
            return (set.Any(s => s.Length == 0) ? null : set, whole);
        }

        private enum AtomKind { Literal, Group, ZeroWidth, Other }

        private readonly record struct Read(AtomKind Kind, List<string>? Set, bool Whole);

        private Read Atom()
        {
            var c = p[Position++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    SkipClass();
                    return new Read(AtomKind.Other, null, false);
                case '.':
                    return new Read(AtomKind.Other, null, false);
                case '^' or '$':
                    return new Read(AtomKind.ZeroWidth, null, false);
                case '\\':
                    return Escape();
                case '*' or '+' or '?':
                    throw new NotSupportedException("a quantifier with nothing before it");
                case '{' when PatternSyntax.QuantifierAt(p, Position - 1, out _):
                    throw new NotSupportedException("a quantifier with nothing before it");
                default:
                    return Literal(c);
            }
        }

        private static Read Literal(char c) => new(AtomKind.Literal, [c.ToString()], true);

        private Read Escape()
        {
            if (AtEnd) throw new NotSupportedException("a pattern ending in a backslash");
            var c = p[Position++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return new Read(AtomKind.ZeroWidth, null, false);
                case 'w' or 'W' or 's' or 'S' or 'd' or 'D':
                    return new Read(AtomKind.Other, null, false);
                case 'p' or 'P':
                    var at = Position;
                    PatternSyntax.SkipProperty(p, ref at);
                    Position = at;
                    return new Read(AtomKind.Other, null, false);
                case 't': return Literal('\t');
                case 'n': return Literal('\n');
                case 'r': return Literal('\r');
                case 'u':
                    var digitsAt = Position;
                    var code = PatternSyntax.Hex(p, ref digitsAt, 4);
                    Position = digitsAt;
                    return Literal(code);
                default:
                    // an escaped punctuation mark is itself; a digit or letter not handled above is a
                    // backreference, a named group reference or an escape this reader does not follow
                    if (char.IsLetterOrDigit(c)) throw new NotSupportedException($"the escape \\{c}");
                    return Literal(c);
            }
        }

        private Read Group()
        {
            var at = Position;
            var (kind, options) = PatternSyntax.Opening(p, ref at);
            Position = at;
            if (options.Contains('x', StringComparison.Ordinal)) throw new NotSupportedException("pattern whitespace option");
            if (kind == PatternSyntax.GroupKind.OptionsOnly) return new Read(AtomKind.ZeroWidth, null, false);
            var (set, whole) = Alternation();
            if (AtEnd || p[Position] != ')') throw new NotSupportedException("an unclosed group");
            Position++;
            return kind == PatternSyntax.GroupKind.Lookaround ? new Read(AtomKind.ZeroWidth, null, false) : new Read(AtomKind.Group, set, whole);
        }

        private void SkipClass()
        {
            var depth = 1;
            if (!AtEnd && p[Position] == '^') Position++;
            if (!AtEnd && p[Position] == ']') Position++;   // a ']' first in a class is a literal
            while (!AtEnd && depth > 0)
            {
                var c = p[Position++];
                if (c == '\\') Position++;
                else if (c == '[') depth++;
                else if (c == ']') depth--;
            }
            if (depth > 0) throw new NotSupportedException("an unclosed class");
        }

        private (int Min, int Max) Quantifier()
        {
            var at = Position;
            var bounds = PatternSyntax.Quantifier(p, ref at);
            Position = at;
            return bounds;
        }
    }

    /// <summary>Characters that equal an ASCII letter under a pattern's ignore-case rules but not under ordinal ignore-case (the Kelvin sign, long s, Turkish i's, the Angstrom sign).</summary>
    internal static readonly SearchValues<char> CaseOutliers = SearchValues.Create("\u212A\u017F\u0130\u0131\u212B");

    /// <summary>
    /// Whether <paramref name="text"/> may hold one of <paramref name="words"/> as an ignore-case pattern sees it:
    /// it holds one under ordinal ignore-case, or a case outlier leaves the answer to the pattern. The check to run
    /// before a costly pattern whose every match contains one of the words.
    /// </summary>
    public static bool MayHold(ReadOnlySpan<char> text, LiteralSet words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.ContainsAny(text) || text.ContainsAny(CaseOutliers);
    }

}
