namespace Readout.Tests;

/// <summary>
/// A readable spec file, as the stage tests use them: optional "key: value" header lines and '#'
/// comments, a "---" line, the input text, a "===" line, then the expected results, one per line.
/// </summary>
public sealed record SpecFile(string Name, IReadOnlyDictionary<string, string> Header, string Text, IReadOnlyList<string> Expected)
{
    public static SpecFile Read(string folder, string file)
    {
        var spec = File.ReadAllText(TestPipeline.SpecFolder(folder, file)).Replace("\r\n", "\n");
        var headerEnd = spec.StartsWith("---\n", StringComparison.Ordinal) ? -1 : spec.IndexOf("\n---\n", StringComparison.Ordinal);
        var expectStart = spec.LastIndexOf("\n===", StringComparison.Ordinal);
        if (expectStart < 0 || expectStart <= headerEnd)
            throw new InvalidDataException($"{folder}/{file}: needs a header, '---', the text, '===' and expectations");
        var header = (headerEnd < 0 ? "" : spec[..headerEnd]).Split('\n').Where(l => !l.StartsWith('#') && l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim());
        var text = spec[(headerEnd + 5)..expectStart];
        var expected = spec[(expectStart + 4)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
        return new SpecFile(file, header, text, expected);
    }

    /// <summary>The names of the spec files in a folder, for a theory's data.</summary>
    public static Xunit.TheoryData<string> In(string folder)
    {
        var data = new Xunit.TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestPipeline.SpecFolder(folder), "*.spec").Order()) data.Add(Path.GetFileName(f));
        return data;
    }
}
