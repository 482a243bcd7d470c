using System.Globalization;

namespace Readout.Lexicons;

/// <summary>
/// The parts of .NET pattern syntax that the readers of a pattern's text (<see cref="RequiredLiterals"/>,
/// <see cref="EndPieces"/>) read alike: what follows a group's "(", a quantifier, a \p{...} and a hexadecimal escape.
/// A construct they do not follow is <see cref="NotSupportedException"/>, which each reader turns into "nothing can be
/// said of this pattern".
/// </summary>
internal static class PatternSyntax
{
    /// <summary>What a group's opening made: a group that matches text, a lookaround (matches none), or inline options alone ("(?i)").</summary>
    public enum GroupKind { Matching, Lookaround, OptionsOnly }

    /// <summary>
    /// Reads the opening of a group whose "(" is just before <paramref name="position"/>: "(?:", "(?&gt;", a named group,
    /// a lookaround, inline options with a group ("(?-i:") or alone ("(?i)", read through its ")"). Returns the kind and
    /// the inline options' letters ("" for none); <paramref name="position"/> is left where the group's content starts.
    /// </summary>
    public static (GroupKind Kind, string Options) Opening(string p, ref int position)
    {
        if (position >= p.Length || p[position] != '?') return (GroupKind.Matching, "");
        position++;
        if (position >= p.Length) throw new NotSupportedException("an unfinished group");
        var c = p[position];
        if (c is '=' or '!') { position++; return (GroupKind.Lookaround, ""); }
        if (c == '<' && position + 1 < p.Length && p[position + 1] is '=' or '!') { position += 2; return (GroupKind.Lookaround, ""); }
        if (c is ':' or '>') { position++; return (GroupKind.Matching, ""); }
        if (c is '<' or '\'')
        {
            var end = p.IndexOf(c == '<' ? '>' : '\'', position + 1);
            if (end < 0) throw new NotSupportedException("an unfinished group name");
            position = end + 1;
            return (GroupKind.Matching, "");
        }
        if (c is '(' or '#') throw new NotSupportedException("a conditional or a comment");
        // inline options: "(?-i:...)" is a group; "(?i)" sets options for what follows and matches nothing
        var start = position;
        while (position < p.Length && p[position] is 'i' or 'm' or 'n' or 's' or 'x' or '-') position++;
        if (position >= p.Length) throw new NotSupportedException("unfinished options");
        var options = p[start..position];
        if (p[position] == ')') { position++; return (GroupKind.OptionsOnly, options); }
        if (p[position] != ':') throw new NotSupportedException("an unknown group");
        position++;
        return (GroupKind.Matching, options);
    }

    /// <summary>The options an inline option set turns on ("im" of "im-sx").</summary>
    public static ReadOnlySpan<char> TurnedOn(string options)
    {
        var minus = options.IndexOf('-', StringComparison.Ordinal);
        return minus < 0 ? options : options.AsSpan(0, minus);
    }

    /// <summary>The quantifier at <paramref name="position"/>, read past (with a lazy "?"), or (1, 1) when there is none.</summary>
    public static (int Min, int Max) Quantifier(string p, ref int position)
    {
        if (position >= p.Length) return (1, 1);
        (int, int) result;
        switch (p[position])
        {
            case '?': position++; result = (0, 1); break;
            case '*': position++; result = (0, int.MaxValue); break;
            case '+': position++; result = (1, int.MaxValue); break;
            case '{' when QuantifierAt(p, position, out var bounds):
                position = p.IndexOf('}', position) + 1;
                result = bounds;
                break;
            default: return (1, 1);
        }
        if (position < p.Length && p[position] == '?') position++;   // lazy: the same bounds
        return result;
    }

    /// <summary>Whether a "{n}", "{n,}" or "{n,m}" quantifier starts at <paramref name="at"/> (else "{" is a literal), and its bounds.</summary>
    public static bool QuantifierAt(string p, int at, out (int Min, int Max) bounds)
    {
        bounds = default;
        var close = p.IndexOf('}', at);
        if (close < 0) return false;
        var inside = p.AsSpan(at + 1, close - at - 1);
        var comma = inside.IndexOf(',');
        if (comma < 0)
        {
            if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            bounds = (n, n);
            return true;
        }
        if (!int.TryParse(inside[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return false;
        if (comma == inside.Length - 1) { bounds = (min, int.MaxValue); return true; }
        if (!int.TryParse(inside[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var max)) return false;
        bounds = (min, max);
        return true;
    }

    /// <summary>
    /// Passes over the "{...}" of a \p or \P escape whose letter is just before <paramref name="position"/>.
    /// </summary>
    public static void SkipProperty(string p, ref int position)
    {
        var close = p.IndexOf('}', position);
        if (close < 0) throw new NotSupportedException("an unclosed \\p{...}");
        position = close + 1;
    }

    /// <summary>The character of a \u (4 digits) or \x (2 digits) escape whose hexadecimal digits start at <paramref name="position"/>.</summary>
    public static char Hex(string p, ref int position, int digits)
    {
        if (position + digits > p.Length) throw new NotSupportedException("a short hexadecimal escape");
        var value = int.Parse(p.AsSpan(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        position += digits;
        return (char)value;
    }
}
