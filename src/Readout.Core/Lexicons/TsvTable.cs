using Readout.Documents;

namespace Readout.Lexicons;

/// <summary>
/// Reads the project's tab-separated data files: '#' comments, an exact header line, then rows with at
/// least the required columns (missing trailing cells are empty). A malformed file fails with RO0002
/// naming the file and line.
/// </summary>
public static class TsvTable
{
    public static IEnumerable<(int Line, string[] Cells)> Rows(string text, string file, string[] header, int required)
    {
        var headerSeen = false;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (!headerSeen)
            {
                headerSeen = true;
                if (cells.Length < header.Length || !header.SequenceEqual(cells.Take(header.Length), StringComparer.Ordinal))
                    Fail(file, lineNo, $"header is '{string.Join(' ', cells)}', expected '{string.Join(' ', header)}' (tab-separated)");
                continue;
            }
            if (cells.Length < required)
                Fail(file, lineNo, $"has {cells.Length} columns, expected at least {required} ({string.Join(", ", header)})");
            if (cells.Length > header.Length)
                Fail(file, lineNo, $"has {cells.Length} columns, expected at most {header.Length} ({string.Join(", ", header)})");
            if (cells.Length < header.Length)
                cells = [.. cells, .. Enumerable.Repeat("", header.Length - cells.Length)];
            yield return (lineNo, cells);
        }
        if (!headerSeen) Fail(file, lineNo, "has no header line");
    }

    private static void Fail(string file, int line, string message) =>
        throw new ReadoutException("RO0002", file, line > 0 ? $"line {line} {message}" : message);
}
