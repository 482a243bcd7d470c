using System.Buffers;

namespace Readout.Lexicons;

/// <summary>
/// Literal words searched for as ordinal ignore-case compares them: the openings of a costly pattern
/// (<see cref="RequiredLiterals"/>), which it is not run without. The words written in ASCII are searched with one
/// vectorised <see cref="SearchValues{T}"/>; the others ("©", "ICP备") with a second one, and only in a text that has a
/// character outside ASCII. One search for both fell back to an automaton that looks every character of the text up
/// in a table: the copyright check of the junk-line filter, a sixth of the cleaning of a Reuters wire.
/// </summary>
/// <remarks>
/// Skipping the second search is exact: each of its words has a character outside ASCII whose upper case is outside
/// ASCII too, which only a character outside ASCII equals under ordinal ignore-case (every ASCII character's upper case
/// is ASCII). A word without such a character (a dotless ı, whose upper case is I) makes the second search run on
/// every text.
/// </remarks>
public sealed class LiteralSet
{
    private readonly SearchValues<string>? _ascii;
    private readonly SearchValues<string>? _other;
    private readonly bool _otherNeedsNonAscii;

    public LiteralSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var all = words.ToList();
        if (all.Any(string.IsNullOrEmpty)) throw new ArgumentException("a word of a literal set is empty", nameof(words));
        var ascii = all.Where(w => System.Text.Ascii.IsValid(w)).ToArray();
        var other = all.Where(w => !System.Text.Ascii.IsValid(w)).ToArray();
        _ascii = ascii.Length > 0 ? SearchValues.Create(ascii, StringComparison.OrdinalIgnoreCase) : null;
        _other = other.Length > 0 ? SearchValues.Create(other, StringComparison.OrdinalIgnoreCase) : null;
        _otherNeedsNonAscii = other.All(w => w.Any(c => c > '\u007F' && char.ToUpperInvariant(c) > '\u007F'));
    }

    /// <summary>Whether <paramref name="text"/> holds one of the words, compared ordinal ignore-case.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text) =>
        (_ascii is not null && text.ContainsAny(_ascii))
        || (_other is not null && (!_otherNeedsNonAscii || text.ContainsAnyExceptInRange('\0', '\u007F')) && text.ContainsAny(_other));
}
