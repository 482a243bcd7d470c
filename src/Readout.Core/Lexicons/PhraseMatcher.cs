namespace Readout.Lexicons;

/// <summary>
/// Finds lexicon phrases in text, longest match first, then by priority (as spaCy's EntityRuler).
/// Matching is on whole words, case- and diacritic-insensitive, but a match must start with a capital
/// letter in the text so that "us" is not the United States — unless the phrase was added as case-free
/// (titles: "the Japanese prime minister").
/// </summary>
public sealed class PhraseMatcher<T> where T : class
{
    private readonly Dictionary<string, List<(string[] Tokens, T Value, int Priority, bool AnyCase)>> _byFirst = new();

    public void Add(string phrase, T value, int priority, bool anyCase = false)
    {
        var tokens = Tokenize(phrase).Select(t => Lexicon.Fold(t.Text)).ToArray();
        if (tokens.Length == 0 || phrase.Length < 2) return;
        if (!_byFirst.TryGetValue(tokens[0], out var list)) _byFirst[tokens[0]] = list = [];
        list.Add((tokens, value, priority, anyCase));
    }

    public sealed record Match(int Start, int End, T Value, int Priority);

    /// <summary>All non-overlapping matches in text order.</summary>
    public List<Match> FindAll(string text)
    {
        var toks = Tokenize(text);
        return FindAll(toks, Fold(toks));
    }

    /// <summary>The folded form of each token (<see cref="Lexicon.Fold"/>), computed once per document.</summary>
    public static string[] Fold(IReadOnlyList<Token> tokens)
    {
        var folded = new string[tokens.Count];
        for (int i = 0; i < folded.Length; i++) folded[i] = Lexicon.Fold(tokens[i].Text);
        return folded;
    }

    /// <summary>All non-overlapping matches in text order, over tokens already made.</summary>
    public List<Match> FindAll(IReadOnlyList<Token> toks, ReadOnlySpan<string> folded)
    {
        var result = new List<Match>();
        for (int i = 0; i < toks.Count;)
        {
            Match? best = null; int bestLen = 0;
            if (_byFirst.TryGetValue(folded[i], out var cands))
            {
                var upper = char.IsUpper(toks[i].Text[0]);
                foreach (var (tokens, value, priority, anyCase) in cands)
                {
                    if (!upper && !anyCase) continue;
                    if (i + tokens.Length > toks.Count) continue;
                    var ok = true;
                    for (int k = 1; k < tokens.Length && ok; k++)
                    {
                        ok = folded[i + k] == tokens[k]
                             // tokens of one phrase are separated by at most a space or hyphen in the text
                             && toks[i + k].Start - toks[i + k - 1].End <= 2;
                    }
                    if (!ok) continue;
                    if (tokens.Length > bestLen || (tokens.Length == bestLen && priority > best!.Priority))
                    {
                        bestLen = tokens.Length;
                        best = new Match(toks[i].Start, toks[i + tokens.Length - 1].End, value, priority);
                    }
                }
            }
            if (best is not null) { result.Add(best); i += bestLen; } else i++;
        }
        return result;
    }

    public readonly record struct Token(int Start, int End, string Text);

    /// <summary>
    /// Words are letters/digits (with the combining marks of a decomposed "Niinistö") with inner apostrophes,
    /// periods of abbreviations and hyphens split off.
    /// </summary>
    public static List<Token> Tokenize(string text)
    {
        // about one token in five characters of running text: sized once instead of grown by doubling (the
        // copies were a twentieth of the pipeline's allocations)
        var list = new List<Token>(text.Length / 5 + 4);
        for (var bounds = new TokenBounds(text); bounds.MoveNext();)
            list.Add(new Token(bounds.Start, bounds.End, bounds.End - bounds.Start == 1 && text[bounds.Start] < 128
                ? OneAscii[text[bounds.Start]] : text[bounds.Start..bounds.End]));
        return list;
    }

    /// <summary>
    /// The token of each ASCII character alone ("," "." "I" "5"), made once instead of a string for each: the token
    /// step of a Reuters pass allocated 229 MB with them, 216 MB without.
    /// </summary>
    private static readonly string[] OneAscii = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>The bounds of <see cref="Tokenize"/>'s tokens, one after the other.</summary>
    private struct TokenBounds(string text)
    {
        private int _next;

        public int Start { get; private set; }
        public int End { get; private set; }

        public bool MoveNext()
        {
            var i = _next;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    int s = i;
                    while (i < text.Length && !IsPossessive(text, i) && (char.IsLetterOrDigit(text[i]) || IsMark(text[i]) ||
                           ((text[i] == '\'' || text[i] == '’' || text[i] == '.') && i + 1 < text.Length && char.IsLetter(text[i + 1])
                            && (text[i] != '.' || IsInitialDot(text, i)))))
                        i++;
                    // keep the period of "U.S." style abbreviations
                    if (i < text.Length && text[i] == '.' && i - s >= 1 && text.AsSpan(s, i - s).Contains('.')) i++;
                    return Found(s, i);
                }
                if (!char.IsWhiteSpace(text[i]) && text[i] != '-') return Found(i, i + 1);
                i++;
            }
            _next = i;
            return false;
        }

        private bool Found(int start, int end)
        {
            (Start, End, _next) = (start, end, end);
            return true;
        }
    }

    private static bool IsMark(char c) =>
        c >= '\u0300' && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>"Putin's": the possessive ending is not part of the name.</summary>
    private static bool IsPossessive(string text, int i) =>
        (text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && text[i + 1] == 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]));

    private static bool IsInitialDot(string text, int dot) =>
        // "U.S", "H.W" : a single letter before the dot
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2]));
}
