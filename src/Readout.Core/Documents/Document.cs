namespace Readout.Documents;

/// <summary>What ingest hands to the pipeline: one report's raw content and what came with it.</summary>
public sealed record RawDocument(
    string Uri,
    string Content,
    string Format,          // "text", "html" or "markdown"
    string ContentHash,
    string? Title = null,
    string? Published = null,
    string? Url = null)
{
    /// <summary>The fetch that brought this report from the web (null for files): kept in the store as evidence.</summary>
    public FetchEvidence? Fetch { get; init; }

    /// <summary>
    /// Where the report was read: the file, or the record in it (<c>file.jsonl#L12</c>, <c>file.json#3</c>).
    /// Errors name this rather than the report's url, so the user can find the line to mend.
    /// </summary>
    public string Origin { get; init; } = Uri;
}

/// <summary>
/// Maps offsets in the clean text back to offsets in the original content. Clean text is built
/// from pieces of the original; each piece records where it started in both.
/// </summary>
public sealed class OffsetMap
{
    private readonly List<(int Clean, int Original)> _anchors = [];

    public void Add(int cleanStart, int originalStart) => _anchors.Add((cleanStart, originalStart));

    public int Count => _anchors.Count;

    /// <summary>The original offset of a clean offset (exact within a copied piece).</summary>
    public int ToOriginal(int cleanOffset)
    {
        if (_anchors.Count == 0) return cleanOffset;
        int lo = 0, hi = _anchors.Count - 1, best = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_anchors[mid].Clean <= cleanOffset) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        var (c, o) = _anchors[best];
        return o + (cleanOffset - c);
    }
}

/// <summary>A report after cleaning: the text an analyst would read, and what the page said about itself.</summary>
public sealed record CleanDocument(
    RawDocument Raw,
    string Text,
    OffsetMap Map,
    string? Title,
    PublicationDate? Published,
    Dateline? Dateline)
{
    /// <summary>Where the report was published: the record's url, else the front matter's or the page's own (canonical) address.</summary>
    public string? Address { get; init; }
}

/// <summary>The publication date and where it was read from (meta tag, byline, header line...).</summary>
public sealed record PublicationDate(DateOnly Date, string Source, TextSpan? Span);

/// <summary>The dateline opening a story: "SOCHI, Russia, Sept 4 (Wire) -".</summary>
public sealed record Dateline(string? City, int? Month, int? Day, TextSpan Span);
