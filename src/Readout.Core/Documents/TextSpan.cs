namespace Readout.Documents;

/// <summary>A half-open character range [Start, End) in a document's clean text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int position) => position >= Start && position < End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    /// <summary>The characters between two spans; 0 when they overlap or touch.</summary>
    public int GapTo(TextSpan other) => End <= other.Start ? other.Start - End : other.End <= Start ? Start - other.End : 0;
    public string Slice(string text) => text[Start..End];
    public override string ToString() => $"[{Start},{End})";
}

/// <summary>A piece of evidence: which field of a record it supports and the span that says so.</summary>
public sealed record Evidence(string Field, TextSpan Span, string Text);
