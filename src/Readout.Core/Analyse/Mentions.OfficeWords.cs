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
    /// with a role word ("Director"), or holds one before two more words ("NEC Director Daleep Singh", "FEMA Administrator
    /// Deanne Criswell", "Implementation Coordinator Mitch Landrieu"), is the office's words and then the name, when the
    /// knowledge base does not know the run whole: the name is its last words, a given name with its initials and
    /// particles and the family name ("Marcia L. Fudge", "Liz Sherwood-Randall"), or a longer tail the knowledge base knows.
    /// </summary>
    /// <returns>The name without the office's words (the run itself when nothing is taken off), and whether a role
    /// word heads the office ("Director", "Administrator"): then the office makes the name a person's.</returns>
    private (NameRun Name, bool ByRole) WithoutOfficeWords(string text, List<Token> tokens, Match?[] matchAt, NameRun name, DateOnly? day)
    {
        var words = WordStarts(text, tokens, name);
        // a name of two words right after an office's words is a person's; a longer run is left whole, since the
        // words of an office the lexicon does not list ("Engagement", "Officer") cannot be told from a given name
        // ("Rosa Icela Rodríguez")
        if (words.Count(w => !NameGrammar.IsInitial(text, tokens, w)) < 3) return (name, words.Count == 2 && OfficePhraseBefore(tokens, name.Start, officeWord: true));
        var opener = OfficeOpener(tokens, words);
        if (opener == 0 && !AfterTitleConnector(tokens, matchAt, name.Start)) return (name, false);
        if (_lexicon.PeopleIndex.Resolve(text[name.CharStart..name.CharEnd], new NameContext(Day: day)) is { Exact: true }) return (name, false);

        // back from the family name over initials and particles to the given name
        var keep = words.Count - 1;
        while (keep > 0 && (NameGrammar.IsInitial(text, tokens, words[keep - 1]) || _lexicon.Analyse.NameParticles.Contains(tokens[words[keep - 1]].Text))) keep--;
        keep = Math.Max(keep - 1, opener);
        // a longer tail the knowledge base knows ("Andrés Manuel López Obrador")
        for (var k = keep - 1; k >= opener; k--)
        {
            var tail = text[tokens[words[k]].Start..name.CharEnd];
            if (_lexicon.PeopleIndex.Resolve(tail, new NameContext(Day: day)) is { Exact: true }) keep = k;
        }
        if (keep == 0) return (name, false);
        var start = words[keep];
        return (name with { Start = start, CharStart = tokens[start].Start }, opener > 0 || OfficePhraseBefore(tokens, name.Start, officeWord: false));
    }

    /// <summary>
    /// An office the lexicon has no title for ends right before the name: a role word, then connectors and office
    /// words only ("Deputy Director of the National Economic Council Sameera Fazili", "Chairman of the Joint Chiefs of
    /// Staff Mark Milley"); the office words stopped the name's run, so they were not taken off it. With
    /// <paramref name="officeWord"/>, one office word at least lies between: after connectors alone a pair of capitalised
    /// words is the office's subject ("Senior Advisor on Gender-Based Violence"), not a name.
    /// </summary>
    private bool OfficePhraseBefore(List<Token> tokens, int nameStart, bool officeWord)
    {
        var crossed = 0;
        var offices = 0;
        for (var j = nameStart - 1; j >= 0 && nameStart - j <= 10; j--)
        {
            var w = tokens[j].Text;
            if (_roleWordsTitleCase.Contains(w)) return crossed > 0 && (!officeWord || offices > 0);
            if (_officeWords.Contains(w)) offices++;
            else if (!_lexicon.Analyse.TitleConnectors.Contains(w)) return false;
            crossed++;
        }
        return false;
    }

    /// <summary>
    /// How many words open the run as an office's rather than a name's: those through its last role word that has two
    /// words after it, a given and a family name ("Director Brian Deese", "NEC Director Daleep Singh", "FEMA
    /// Administrator Deanne Criswell", "Implementation Coordinator Mitch Landrieu"), or an acronym and a role word before
    /// a family name ("FEMA Administrator Criswell"); 0 when neither.
    /// </summary>
    private int OfficeOpener(List<Token> tokens, List<int> words)
    {
        for (var p = words.Count - 3; p >= 0; p--)
            if (_roleWordsTitleCase.Contains(tokens[words[p]].Text)) return p + 1;
        // an acronym and a role word before a family name alone ("FEMA Administrator Criswell")
        var first = tokens[words[0]].Text;
        return first.Length is >= 2 and <= 6 && first.All(char.IsAsciiLetterUpper) && words[1] == words[0] + 1
            && _roleWordsTitleCase.Contains(tokens[words[1]].Text) ? 2 : 0;
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
