using Readout.Lexicons;

namespace Readout.Analyse;

/// <summary>
/// A document's words, made once and shared by the steps that walk them all (as spaCy's <c>Doc</c>): the tokens
/// of <see cref="PhraseMatcher{T}.Tokenize"/> with their half-open offsets in the clean text, and each one's folded
/// form (<see cref="Lexicon.Fold"/>). The mention finder matches the gazetteer over them and the near-duplicate
/// signature shingles them, where each used to tokenise and fold the whole text for itself.
/// </summary>
public sealed class TokenLayer
{
    private readonly string[] _folded;

    private TokenLayer(List<PhraseMatcher<object>.Token> tokens, string[] folded)
    {
        List = tokens;
        _folded = folded;
    }

    public IReadOnlyList<PhraseMatcher<object>.Token> Tokens => List;

    /// <summary>The tokens as the list the mention finder's hot loops index directly.</summary>
    internal List<PhraseMatcher<object>.Token> List { get; }

    /// <summary>The folded form of each token, by index.</summary>
    public ReadOnlySpan<string> Folded => _folded;

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static TokenLayer Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = PhraseMatcher<object>.Tokenize(text);
        return new TokenLayer(tokens, PhraseMatcher<object>.Fold(tokens));
    }
}
