using Readout.Lexicons;
using Match = Readout.Lexicons.PhraseMatcher<object>.Match;
using Token = Readout.Lexicons.PhraseMatcher<object>.Token;

namespace Readout.Analyse;

public sealed partial class MentionFinder
{
    /// <summary>
    /// The words of an office that the lexicon does not list, taken off the front of a name they ran into:
    /// "Secretary of Transportation Pete Buttigieg", "Senior Director for the Western Hemisphere Juan Gonzalez",
    /// "Advisor for Cyber and Emerging Technologies Anne Neuberger", "National Economic Council Director Brian Deese".
    /// A run of three words or more that follows a title's connector ("of", "for the", "and" after a title) or opens
    /// with a role word ("Director") is the office's words and then the name, when the knowledge base does not know
    /// the run whole: the name is its last words, a given name with its initials and particles and the family name
    /// ("Marcia L. Fudge", "Liz Sherwood-Randall"), or a longer tail the knowledge base knows.
    /// </summary>
    /// <returns>The name without the office's words; the run itself when nothing is taken off.</returns>
    private NameRun WithoutOfficeWords(string text, List<Token> tokens, Match?[] matchAt, NameRun name, DateOnly? day)
    {
        var words = WordStarts(text, tokens, name);
        if (words.Count(w => !NameGrammar.IsInitial(text, tokens, w)) < 3) return name;
        var opensWithRole = _roleWordsTitleCase.Contains(tokens[name.Start].Text);
        if (!opensWithRole && !AfterTitleConnector(tokens, matchAt, name.Start)) return name;
        if (_lexicon.PeopleIndex.Resolve(text[name.CharStart..name.CharEnd], new NameContext(Day: day)) is { Exact: true }) return name;

        // back from the family name over initials and particles to the given name
        var keep = words.Count - 1;
        while (keep > 0 && (NameGrammar.IsInitial(text, tokens, words[keep - 1]) || _lexicon.Analyse.NameParticles.Contains(tokens[words[keep - 1]].Text))) keep--;
        keep = Math.Max(keep - 1, opensWithRole ? 1 : 0);
        // a longer tail the knowledge base knows ("Andrés Manuel López Obrador")
        for (var k = keep - 1; k >= (opensWithRole ? 1 : 0); k--)
        {
            var tail = text[tokens[words[k]].Start..name.CharEnd];
            if (_lexicon.PeopleIndex.Resolve(tail, new NameContext(Day: day)) is { Exact: true }) keep = k;
        }
        if (keep == 0) return name;
        var start = words[keep];
        return name with { Start = start, CharStart = tokens[start].Start };
    }

    /// <summary>The first token of each word of the run: a word is what stands between spaces ("Sherwood-Randall" is one, "L." is one).</summary>
    private static List<int> WordStarts(string text, List<Token> tokens, NameRun name)
    {
        var starts = new List<int> { name.Start };
        for (var k = name.Start + 1; k < name.End; k++)
            if (tokens[k].Start > tokens[k - 1].End && char.IsWhiteSpace(text[tokens[k - 1].End])) starts.Add(k);
        return starts;
    }

    /// <summary>
    /// The token before the run is a connector of a title phrase ("of", "for", "and", "the"), and a title or an office
    /// word stands before it within the phrase ("Secretary of", "Director for the", "Advisor for Cyber and").
    /// </summary>
    private bool AfterTitleConnector(List<Token> tokens, Match?[] matchAt, int nameStart)
    {
        var k = nameStart - 1;
        if (k < 1 || !_lexicon.Analyse.TitleConnectors.Contains(tokens[k].Text)) return false;
        for (var j = k - 1; j >= 0 && k - j <= 6; j--)
        {
            var w = tokens[j].Text;
            if (matchAt[j]?.Value is Title { Role: not Title.Honorific } || _officeWords.Contains(w) || _roleWordsTitleCase.Contains(w)) return true;
            if (!_lexicon.Analyse.TitleConnectors.Contains(w) && !(w.Length > 1 && char.IsUpper(w[0]))) return false;
        }
        return false;
    }
}
