using System.Collections.Frozen;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

public sealed record Sentence(int Index, TextSpan Span, int Paragraph, string Text);

/// <summary>
/// Splits clean text into sentences with half-open offsets: at line breaks, and after . ! ? when the
/// next word starts a sentence and the period does not end a known abbreviation or an initial.
/// </summary>
public sealed class SentenceSplitter(AnalyseLexicon lexicon)
{
    /// <summary>The abbreviations of analyse_words.tsv and the short month names, compared without regard to case.</summary>
    private readonly FrozenSet<string> _abbreviations = lexicon.Abbreviations;

    public List<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        int paragraph = 0, start = 0;
        void Emit(int end)
        {
            int s = start, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) result.Add(new Sentence(result.Count, new TextSpan(s, e), paragraph, text[s..e]));
            start = end;
        }
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (IsWrappedLine(text, start, i)) continue;   // hard-wrapped prose: the line goes on
                Emit(i);
                start = i + 1;
                if (i + 1 < text.Length && text[i + 1] == '\n') paragraph++;
                continue;
            }
            if (c is '.' or '!' or '?')
            {
                int j = i + 1;
                while (j < text.Length && text[j] is '"' or '”' or '’' or '\'' or ')') j++;
                if (j >= text.Length || text[j] != ' ') continue;
                int k = j;
                while (k < text.Length && text[k] == ' ') k++;
                if (k >= text.Length || !(char.IsUpper(text[k]) || text[k] is '"' or '“' or '‘' or '(' || char.IsDigit(text[k]))) continue;
                if (c == '.' && EndsWithAbbreviation(text, i)) continue;
                Emit(j);
            }
        }
        Emit(text.Length);
        return result;
    }

    /// <summary>
    /// A single line break inside running prose, as in hard-wrapped text: the line is long, does not end
    /// a sentence, and the next line is not blank.
    /// </summary>
    private static bool IsWrappedLine(string text, int lineStart, int newline)
    {
        if (newline + 1 >= text.Length || text[newline + 1] == '\n') return false;
        var lineBegin = text.LastIndexOf('\n', Math.Max(0, newline - 1)) + 1;
        if (newline - lineBegin < 50) return false;
        var last = text[newline - 1];
        if (last is '.' or '!' or '?' or ':' or '"' or '”' or ')' or ']') return false;
        var next = text[newline + 1];
        return char.IsLower(next) || char.IsLetterOrDigit(last) || last is ',' or ';' or '-' or '—';
    }

    private bool EndsWithAbbreviation(string text, int dot)
    {
        int s = dot;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.')) s--;
        var word = text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true;                 // an initial: "George H. Bush"
        if (word.Contains('.')) return true;                                         // "U.S." "H.E."
        return _abbreviations.Contains(word);
    }
}
