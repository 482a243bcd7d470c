using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The literal pieces a window pattern's match can end with, read from the pattern's text: for
/// <c>\b(?&lt;v&gt;rose|fell)\b\s+(?:by|about\s+)*$</c> "rose", "fell", "by" and "about". A match of such a pattern
/// ends at the window's end, and its last character other than white space is the last of one of the pieces, so a
/// window whose text, white space at its end aside, ends with none of them cannot match: the figure and extract steps
/// ask their window patterns about the text before every number and name, and most of those windows end with a word
/// no pattern ends with ("the", "said", "had").
/// </summary>
/// <remarks>
/// A piece is a run of literal characters, none of them white space, with no quantifier on its last character (a
/// quantified character and each character of a class are pieces of their own): if a match's last character other
/// than white space is one of a run's, it is the run's last, since the run's next character would follow it in the
/// match, and the run's other characters precede it. A lookahead naming a list's words followed by the letters it
/// looked at and a word boundary (<c>(?=(?:rose|fell)\b)\p{L}+\b</c>, written so that a large list is read left to right
/// inside a right-to-left matcher) gives the words as pieces. The reading is conservative: a construct that can match a
/// character other than white space without a literal (<c>.</c>, <c>\w</c>, <c>\d</c>, <c>\p{…}</c>, a negated class,
/// a backreference), a pattern some match of which is white space alone, a pattern whose every branch does not end at
/// an unquantified end anchor, multi-line or pattern-white-space options, or a letter or cased character outside ASCII in a piece
/// mean no pieces, and the pattern is asked about every window as before.
/// </remarks>
public sealed partial class EndPieces
{
    private readonly FrozenDictionary<char, string[]> _byLastChar;
    private readonly int _longest;

    private EndPieces(IReadOnlyCollection<string> pieces)
    {
        Pieces = [.. pieces.Order(StringComparer.Ordinal)];
        _byLastChar = pieces.GroupBy(p => char.ToUpperInvariant(p[^1])).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _longest = pieces.Max(p => p.Length);
    }

    /// <summary>The pieces, in ordinal order (one of each, compared ignoring case).</summary>
    public IReadOnlyList<string> Pieces { get; }

    /// <summary>The pieces of <paramref name="pattern"/> read with <paramref name="options"/>, or null when it allows none to be named.</summary>
    public static EndPieces? Of(string pattern, RegexOptions options)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if ((options & (RegexOptions.Multiline | RegexOptions.IgnorePatternWhitespace)) != 0) return null;
        try
        {
            var reader = new Reader(pattern);
            var (needsText, endsAnchored) = reader.Alternation();
            if (reader.Position != pattern.Length || !needsText || !endsAnchored || reader.Pieces.Count == 0) return null;
            // ordinal ignore-case agrees with a pattern's on ASCII letters, save the case outliers MayEnd looks for, and
            // may not on other letters (the sharp s) or cased characters (circled letters)
            if (reader.Pieces.Any(s => s.Any(c => c > '\u007F' && (char.IsLetter(c) || char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c))))
                return null;
            return new EndPieces(reader.Pieces.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a match of the pattern can end at <paramref name="window"/>'s end: false when the window's text, white
    /// space at its end aside, ends with none of the pieces (compared ignoring case), or is white space alone.
    /// </summary>
    public bool MayEnd(ReadOnlySpan<char> window)
    {
        var text = window.TrimEnd();
        if (text.IsEmpty) return false;
        // a case outlier (the Kelvin sign) may equal a piece's letter to the pattern and not to ordinal ignore-case
        if (text[Math.Max(0, text.Length - _longest)..].ContainsAny(RequiredLiterals.CaseOutliers)) return true;
        if (!_byLastChar.TryGetValue(char.ToUpperInvariant(text[^1]), out var pieces)) return false;
        foreach (var piece in pieces)
            if (text.EndsWith(piece, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// A lookahead naming words of ASCII letters, then the letters it looked at, then a word boundary, maybe after the
    /// ends of groups without a quantifier (what follows the letters is not consumed).
    /// </summary>
    [GeneratedRegex(@"\G\(\?=\(\?:(?<words>[A-Za-z]+(?:\|[A-Za-z]+)*)\)\\b\)\\p\{L\}\+(?=(?:\)(?![*+?{]))*\\b)")]
    private static partial Regex WordOfList();

    /// <summary>
    /// A pattern's reader: each method returns whether every match of what it read holds a character other than white
    /// space, and whether it ends at an unquantified end anchor; the pieces are collected as it reads.
    /// </summary>
    private sealed class Reader(string p)
    {
        private readonly StringBuilder _run = new();
        private int _lookaround;   // inside a lookaround nothing is matched text: any construct may be there

        public int Position { get; private set; }

        public List<string> Pieces { get; } = [];

        private bool AtEnd => Position >= p.Length;

        public (bool NeedsText, bool EndsAnchored) Alternation()
        {
            var (needs, anchored) = Sequence();
            while (!AtEnd && p[Position] == '|')
            {
                Position++;
                var branch = Sequence();
                needs &= branch.NeedsText;
                anchored &= branch.EndsAnchored;
            }
            return (needs, anchored);
        }

        private (bool NeedsText, bool EndsAnchored) Sequence()
        {
            var needs = false;
            var anchored = false;
            while (!AtEnd && p[Position] is not '|' and not ')')
            {
                var atom = Atom();
                var (min, max) = Quantifier();
                var quantified = (min, max) != (1, 1);
                if (atom.Literal is { } c)
                {
                    if (quantified) { EndRun(); Pieces.Add(c.ToString()); }
                    else _run.Append(c);
                }
                else EndRun();
                needs |= atom.NeedsText && min >= 1;
                anchored = atom.IsEndAnchor && !quantified;
            }
            EndRun();
            return (needs, anchored);
        }

        private void EndRun()
        {
            if (_run.Length > 0) Pieces.Add(_run.ToString());
            _run.Clear();
        }

        /// <summary>What one atom reads: a literal character other than white space (which may join a run), whether it needs such a character, whether it is an end anchor.</summary>
        private readonly record struct Read(char? Literal, bool NeedsText, bool IsEndAnchor = false);

        private static readonly Read Nothing = new(null, false);

        private Read Atom()
        {
            var c = p[Position++];
            switch (c)
            {
                case '(' when WordOfList().Match(p, Position - 1) is { Success: true } idiom:
                    // a whole word of a list read through a lookahead ("(?=(?:rose|fell)\b)\p{L}+\b"): the letters up to the
                    // word boundary are one of the words, so the words are pieces (the \b after it is read as usual)
                    EndRun();
                    Position = idiom.Index + idiom.Length;
                    if (_lookaround == 0) Pieces.AddRange(idiom.Groups["words"].Value.Split('|'));
                    return new Read(null, true);
                case '(':
                    EndRun();
                    return Group();
                case '[':
                    EndRun();
                    return Class();
                case '.':
                    return Unfollowed("any character");
                case '^':
                    return Nothing;
                case '$':
                    return new Read(null, false, IsEndAnchor: true);
                case '\\':
                    return Escape();
                case '*' or '+' or '?':
                    throw new NotSupportedException("a quantifier with nothing before it");
                default:
                    return Literal(c);
            }
        }

        private static Read Literal(char c) => char.IsWhiteSpace(c) ? Nothing : new Read(c, true);

        /// <summary>A construct that matches a character other than white space without a literal: in matched text, no pieces.</summary>
        private Read Unfollowed(string what) => _lookaround > 0 ? Nothing : throw new NotSupportedException(what);

        private Read Escape()
        {
            if (AtEnd) throw new NotSupportedException("a pattern ending in a backslash");
            var c = p[Position++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'G':
                    return Nothing;
                case 'z' or 'Z':
                    return new Read(null, false, IsEndAnchor: true);
                case 's' or 't' or 'n' or 'r' or 'f' or 'v':
                    return Nothing;
                case 'w' or 'W' or 'S' or 'd' or 'D':
                    return Unfollowed($"\\{c}");
                case 'p' or 'P':
                    var at = Position;
                    PatternSyntax.SkipProperty(p, ref at);
                    Position = at;
                    return Unfollowed($"\\{c}{{...}}");
                case 'u':
                    return Literal(Hex(4));
                case 'x':
                    return Literal(Hex(2));
                default:
                    // an escaped punctuation mark is itself; another letter or a digit is a backreference or an escape not followed here
                    if (char.IsLetterOrDigit(c)) throw new NotSupportedException($"the escape \\{c}");
                    return Literal(c);
            }
        }

        private char Hex(int digits)
        {
            var at = Position;
            var value = PatternSyntax.Hex(p, ref at, digits);
            Position = at;
            return value;
        }

        private Read Group()
        {
            var at = Position;
            var (kind, options) = PatternSyntax.Opening(p, ref at);
            Position = at;
            // multi-line: $ ends lines inside the window; pattern white space: spaces are not literals
            var on = PatternSyntax.TurnedOn(options);
            if (on.Contains('m') || on.Contains('x')) throw new NotSupportedException("multi-line or pattern white space");
            if (kind == PatternSyntax.GroupKind.OptionsOnly) return Nothing;
            var zeroWidth = kind == PatternSyntax.GroupKind.Lookaround;
            var before = Pieces.Count;
            if (zeroWidth) _lookaround++;
            var (needs, anchored) = Alternation();
            if (zeroWidth) _lookaround--;
            if (AtEnd || p[Position] != ')') throw new NotSupportedException("an unclosed group");
            Position++;
            if (!zeroWidth) return new Read(null, needs, anchored);
            Pieces.RemoveRange(before, Pieces.Count - before);   // a lookaround matches no text
            return Nothing;
        }

        /// <summary>A class: each member other than white space is a piece; it needs text when no member is white space.</summary>
        private Read Class()
        {
            if (!AtEnd && p[Position] == '^') return SkipClass("a negated class");
            var members = new List<char>();
            var first = true;
            while (!AtEnd && (p[Position] != ']' || first))
            {
                first = false;
                var lo = Member(out var isClass);
                if (isClass) return SkipClass("a class escape in a class");
                if (!AtEnd && p[Position] == '-' && Position + 1 < p.Length && p[Position + 1] != ']')
                {
                    Position++;
                    if (p[Position] == '[') throw new NotSupportedException("a class subtraction");
                    var hi = Member(out var hiIsClass);
                    if (hiIsClass || hi < lo || hi - lo > 64) return SkipClass("a wide range");
                    for (var m = lo; m <= hi; m++) members.Add(m);
                }
                else members.Add(lo);
            }
            if (AtEnd) throw new NotSupportedException("an unclosed class");
            Position++;
            if (members.Count == 0) throw new NotSupportedException("an empty class");
            if (_lookaround == 0)
                foreach (var m in members.Where(m => !char.IsWhiteSpace(m)).Distinct()) Pieces.Add(m.ToString());
            return new Read(null, members.All(m => !char.IsWhiteSpace(m)));
        }

        /// <summary>One member of a class; <paramref name="isClass"/> when it is a class escape (\s, \w, \p{...}).</summary>
        private char Member(out bool isClass)
        {
            isClass = false;
            var c = p[Position++];
            if (c == '[') throw new NotSupportedException("a class inside a class");
            if (c != '\\') return c;
            if (AtEnd) throw new NotSupportedException("an unclosed class");
            var e = p[Position++];
            switch (e)
            {
                case 's' or 'w' or 'W' or 'S' or 'd' or 'D' or 'p' or 'P':
                    isClass = true;
                    return '\0';
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'u': return Hex(4);
                case 'x': return Hex(2);
                default:
                    if (char.IsLetterOrDigit(e)) throw new NotSupportedException($"the escape \\{e} in a class");
                    return e;
            }
        }

        /// <summary>A class not followed: in matched text, no pieces; in a lookaround, passed over to its end.</summary>
        private Read SkipClass(string what)
        {
            if (_lookaround == 0) throw new NotSupportedException(what);
            while (!AtEnd && p[Position] != ']') Position += p[Position] == '\\' ? 2 : 1;
            if (AtEnd) throw new NotSupportedException("an unclosed class");
            Position++;
            return Nothing;
        }

        private (int Min, int Max) Quantifier()
        {
            var at = Position;
            var bounds = PatternSyntax.Quantifier(p, ref at);
            Position = at;
            return bounds;
        }
    }
}
