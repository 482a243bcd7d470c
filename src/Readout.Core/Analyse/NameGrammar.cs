using System.Collections.Frozen;
using Readout.Lexicons;
using Token = Readout.Lexicons.PhraseMatcher<object>.Token;

namespace Readout.Analyse;

/// <summary>A run of tokens that reads as a person's name: tokens [Start, End) and the text they cover.</summary>
public readonly record struct NameRun(int Start, int End, int CharStart, int CharEnd)
{
    public int Length => End - Start;
}

/// <summary>
/// The shape of a person's name in running text, in any script that has capital letters: capitalised words
/// ("Sauli Niinistö", "Nguyễn Phú Trọng"), hyphenated and apostrophised parts ("Al-Kadhimi", "Ban Ki-moon",
/// "O'Brien"), lower-case particles between words ("bin", "al", "da", "de", "van", "von"), initials
/// ("Joseph R. Biden"), and suffixes and regnal numbers ("Jr.", "II"), written "Biden, Jr." as well.
/// It says nothing of who the name belongs to: the mention finder decides whether a run is a person.
/// </summary>
public sealed class NameGrammar(IReadOnlySet<string> stopWords, AnalyseLexicon lexicon)
{
    private const int MaxTokens = 10;

    /// <summary>Lower-case particles between the words of a name, compared with case (analyse_words.tsv).</summary>
    private readonly FrozenSet<string> _particles = lexicon.NameParticles;

    /// <summary>Suffixes and regnal numbers after a name, compared with case (analyse_words.tsv).</summary>
    private readonly FrozenSet<string> _suffixes = lexicon.NameSuffixes;

    /// <summary>A word that can be part of a name: capitalised, with a lower-case letter, not a stop word.</summary>
    public bool IsNameWord(string t) =>
        t.Length >= 2 && char.IsUpper(t[0]) && !stopWords.Contains(t) && HasLower(t) && IsWordy(t);

    /// <summary>A family name written in capitals ("KISHIDA"), not a run of capitals (a headline, an acronym pair).</summary>
    private bool IsCapsWord(string t) =>
        t.Length >= 2 && t.Length <= 12 && !stopWords.Contains(t) && IsWordy(t) && LettersAllUpper(t);

    /// <summary>The longest name run starting at token i, or null.</summary>
    public NameRun? RunAt(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i >= tokens.Count) return null;
        int end;
        if (IsNameWord(tokens[i].Text)) end = i + 1;
        // "KISHIDA Fumio": the family name in capitals, as Japanese and Korean official texts write it
        else if (IsCapsWord(tokens[i].Text) && i + 1 < tokens.Count && IsSpace(Gap(text, tokens[i], tokens[i + 1])) && IsNameWord(tokens[i + 1].Text)) end = i + 1;
        else if (IsInitial(text, tokens, i) && i + 2 < tokens.Count && (IsNameWord(tokens[i + 2].Text) || IsInitial(text, tokens, i + 2))) end = i + 2;
        else return null;
        var words = 1;
        while (end < tokens.Count && end - i < MaxTokens)
        {
            var gap = Gap(text, tokens[end - 1], tokens[end]);
            var t = tokens[end].Text;
            if (gap is "-" && IsWordy(t)) { end++; continue; }                               // "Ki-moon", "Al-Kadhimi"
            if (!IsSpace(gap)) break;
            if (IsNameWord(t)) { end++; words++; continue; }
            if (IsCapsWord(t) && words >= 1 && !(end + 1 < tokens.Count && IsCapsWord(tokens[end + 1].Text))) { end++; words++; continue; }   // "Fumio KISHIDA"
            if (IsInitial(text, tokens, end) && end + 2 < tokens.Count && IsSpace(Gap(text, tokens[end + 1], tokens[end + 2]))
                && (IsNameWord(tokens[end + 2].Text) || IsInitial(text, tokens, end + 2))) { end += 2; continue; }   // "Joseph R. Biden"
            if (_particles.Contains(t) && end + 1 < tokens.Count
                && (IsNameWord(tokens[end + 1].Text) || IsParticleJoined(text, tokens, end)))
            {
                end++; continue;                                                              // "Lula da Silva", "bin Salman", "el-Sisi"
            }
            if (_suffixes.Contains(t) && words >= 1) { end = AfterPeriod(text, tokens, end); break; }
            break;
        }
        // "Joseph R. Biden, Jr.": a suffix after a comma still belongs to the name
        if (end + 1 < tokens.Count && tokens[end].Text == "," && _suffixes.Contains(tokens[end + 1].Text)
            && IsSpace(Gap(text, tokens[end], tokens[end + 1])))
            end = AfterPeriod(text, tokens, end + 1);
        // a run that ends in particles is not a name
        while (end > i + 1 && _particles.Contains(tokens[end - 1].Text)) end--;
        // "Jon Fi- — Finer": a word broken off by the speaker is not part of the name
        while (end > i + 1 && BrokenOff(text, tokens[end - 1])) end--;
        return new NameRun(i, end, tokens[i].Start, tokens[end - 1].End);
    }

    private static int AfterPeriod(string text, IReadOnlyList<Token> tokens, int suffix) =>
        suffix + 1 < tokens.Count && tokens[suffix + 1].Text == "." && tokens[suffix + 1].Start == tokens[suffix].End ? suffix + 2 : suffix + 1;

    /// <summary>"R." of "Joseph R. Biden": one capital letter and a period.</summary>
    internal static bool IsInitial(string text, IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Text.Length == 1 && char.IsUpper(tokens[i].Text[0]) && i + 1 < tokens.Count && tokens[i + 1].Text == "." && tokens[i + 1].Start == tokens[i].End;

    /// <summary>"al-Sisi": a lower-case particle joined by a hyphen to the next word.</summary>
    private static bool IsParticleJoined(string text, IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count && Gap(text, tokens[i], tokens[i + 1]) is "-" && char.IsUpper(tokens[i + 1].Text[0]);

    private static bool BrokenOff(string text, Token t) =>
        t.End + 1 < text.Length && text[t.End] == '-' && char.IsWhiteSpace(text[t.End + 1]);

    /// <summary>The text between two tokens, read in place: a string for each gap was made for every pair of words looked at.</summary>
    private static ReadOnlySpan<char> Gap(string text, Token a, Token b) => b.Start - a.End > 3 ? "   " : text.AsSpan(a.End, b.Start - a.End);

    /// <summary>One space, or a line break inside a paragraph (hard-wrapped text).</summary>
    private static bool IsSpace(ReadOnlySpan<char> gap) => gap is " " or "\n" or "\u00A0";

    private static bool HasLower(string t)
    {
        foreach (var c in t) if (char.IsLower(c)) return true;
        return false;
    }

    private static bool LettersAllUpper(string t)
    {
        foreach (var c in t) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static bool IsWordy(string t)
    {
        foreach (var c in t)
            if (!(char.IsLetter(c) || c is '\'' or '’' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark))
                return false;
        return true;
    }
}
