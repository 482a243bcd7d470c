namespace Readout.Extract;

/// <summary>
/// The bounds every extractor keeps on the text it reads, written once. They sit beside the extractors rather than
/// in <see cref="Pipeline.TextLimits"/> (the pattern timeout and the document budget) because the pipeline
/// references the extractors: a reference back from Extract would make the two folders a cycle.
/// </summary>
public static class ExtractLimits
{
    /// <summary>
    /// The longest sentence read for interactions and statements. A "sentence" of thousands of characters is a
    /// page without stops or a run-on table, not a claim, and the clause reading of both extractors is superlinear
    /// in its length (a 550 KB one-line page took 43 s of processor time; found by the fuzzer).
    /// </summary>
    public const int MaxSentenceLength = 3000;
}
