using System.Text;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Clean;

/// <summary>
/// Builds clean text from lines of a page, leaving out what a reader skips: navigation bars, image file
/// names and photo captions, bylines, copyright and licence lines, share bars, "related" lists, reader-app footers and
/// repeated lines. Each kept line is copied whole, so the offset map is exact. The phrases it knows are the
/// lexicon's (<see cref="JunkLineLexicon"/>); what tells a line by its shape alone is here.
/// </summary>
public sealed partial class JunkLineFilter(JunkLineLexicon lexicon, MetadataReader metadata)
{
    private static readonly LiteralSet ImageExtensions = new([".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp"]);

    // shapes, not words: a file name, a list item's mark, a reader app's caption marks, an address, a dash
    [GeneratedRegex(@"[\w\-]+\.(jpe?g|png|gif|webp|svg|bmp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ImageFile();

    [GeneratedRegex(@"^(\s*[-*•]\s+|\s*\d+\.\s+)")]
    private static partial Regex ListItem();

    // a reader app's caption marks: a line opening with "??" or a credit between them ("?? PHOTO AGENCY ??")
    [GeneratedRegex(@"^\s*\?\?|\?\? ?[\p{Lu}][\p{Lu} .&'-]{1,40} ?\?\?")]
    private static partial Regex ReaderAppMarks();

    [GeneratedRegex(@"\S+@\S+\.\w+")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\s*(--|—|–)\s")]
    private static partial Regex Attribution();

    private static readonly LiteralSet Photo = new(["photo"]);

    /// <summary>
    /// What every match of the photo credit pattern needs: the word "photo", or the line ending in an agency's name
    /// (its third branch is anchored at the end). Checked first because the pattern tries a match at every space.
    /// A character the pattern's ignore-case equates with an ASCII letter (the Kelvin sign) leaves it to the pattern.
    /// </summary>
    private bool MayBeCredit(string line)
    {
        if (RequiredLiterals.MayHold(line, Photo)) return true;
        var tail = line.AsSpan().TrimEnd('.');
        foreach (var agency in lexicon.CreditAgencies)
            if (tail.EndsWith(agency, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Filters lines. Each input line carries its offset in the original content.</summary>
    /// <param name="linesAreParagraphs">HTML blocks: every kept line is a paragraph of its own.</param>
    public (string Text, OffsetMap Map) Filter(IEnumerable<(string Line, int Offset)> lines, bool linesAreParagraphs = false)
    {
        var map = new OffsetMap();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inList = false;
        var pendingBreak = false;
        var all = lines.ToList();
        // sized once for the lines and their breaks instead of grown by doubling
        var sb = new StringBuilder(all.Sum(l => l.Line.Length + 2));
        for (int i = 0; i < all.Count; i++)
        {
            var (raw, offset) = all[i];
            var lead = raw.Length - raw.AsSpan().TrimStart().Length;
            var line = raw.Trim();
            if (line.Length == 0) { pendingBreak = true; inList = false; continue; }
            if (lexicon.ListHeader.IsMatch(line)) { inList = true; continue; }
            if (inList && (ListItem().IsMatch(line) || line.Length < 80)) continue;
            inList = false;
            if (IsJunk(line, i + 1 < all.Count ? all[i + 1].Line : "")) continue;
            // a caption: a short line ending with a photo credit — not the story (a story's lead may follow an image too)
            if (line.Length < 400 && MayBeCredit(line) && lexicon.PhotoCredit.IsMatch(line)) continue;
            if (line.Length > 20 && !seen.Add(line)) continue;   // repeated headline or caption
            if (sb.Length > 0) sb.Append(pendingBreak || linesAreParagraphs ? "\n\n" : "\n");
            pendingBreak = false;
            map.Add(sb.Length, offset + lead);
            sb.Append(line);
        }
        return (sb.ToString(), map);
    }

    /// <param name="line">The line, trimmed.</param>
    /// <param name="next">The next line as read (trimmed here, and only for a quoted line, the one test that reads it).</param>
    private bool IsJunk(string line, string next)
    {
        // the length and literal tests come first: they are exact preconditions of the patterns after them and
        // spare most lines of a long story the patterns' scans (the clean stage was 14% of a Reuters ingest)
        if (RequiredLiterals.MayHold(line, ImageExtensions) && ImageFile().IsMatch(line)) return true;
        if (line.Length < 300 && (lexicon.CopyrightOpenings is not { } openings || RequiredLiterals.MayHold(line, openings))
            && lexicon.Copyright.IsMatch(line)) return true;
        if (line.Length < 200 && lexicon.Boilerplate.IsMatch(line)) return true;
        if (line.Contains("??", StringComparison.Ordinal) && ReaderAppMarks().IsMatch(line)) return true;
        if (line.Length < 200 && line.Contains('@', StringComparison.Ordinal) && Email().IsMatch(line)) return true;
        if (Attribution().IsMatch(line)) return true;
        // a pull quote: a short quoted line followed by its attribution
        if ((line.StartsWith('"') || line.StartsWith('“')) && Attribution().IsMatch(next.AsSpan().Trim())) return true;
        var shape = LineShape.Of(line);
        // navigation bars: many short items separated by '|' '/' '>' '·'
        if (!shape.HasDigit && shape.Separators >= 2 && shape.Words <= 3 * (shape.Separators + 1) + 2) return true;
        // masthead and section labels in capitals ("THE HARBOUR POST", "XI JINPING")
        if (!shape.HasDigit && shape.Words <= 10 && shape.HasLetter && !shape.HasLetterNotUpper && !line.EndsWith('.')) return true;
        // a line with no Latin letters at all (a language menu, a licence number), unless it is a date
        if (!shape.HasLatinLetter && metadata.ParseAnyDate(line) is null) return true;
        return false;
    }

    /// <summary>
    /// What the last tests read of a line, counted in one pass without allocating: every line of every page comes
    /// here, and splitting it into words and walking it with LINQ was a tenth of the pipeline's allocations.
    /// </summary>
    private readonly record struct LineShape(
        int Words, int Separators, bool HasDigit, bool HasLetter, bool HasLetterNotUpper, bool HasLatinLetter)
    {
        public static LineShape Of(ReadOnlySpan<char> line)
        {
            int words = 0, separators = 0;
            bool digit = false, letter = false, notUpper = false, latin = false, inWord = false;
            foreach (var c in line)
            {
                // words as Split(' ', RemoveEmptyEntries) counts them: runs between spaces
                if (c == ' ') inWord = false;
                else if (!inWord) { inWord = true; words++; }
                if (c is '|' or '›' or '»' or '·' or '>' or '/') separators++;
                if (char.IsDigit(c)) digit = true;
                if (char.IsLetter(c)) { letter = true; if (!char.IsUpper(c)) notUpper = true; }
                if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin = true;
            }
            return new LineShape(words, separators, digit, letter, notUpper, latin);
        }
    }
}
