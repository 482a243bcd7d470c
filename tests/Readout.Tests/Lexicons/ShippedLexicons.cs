using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>The shipped lexicon files (data/lexicons), read as they are or with one line of one file edited.</summary>
internal static class ShippedLexicons
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", name));

    /// <summary>The shipped files with the line of <paramref name="file"/> that starts so replaced (or removed, for null).</summary>
    public static Func<string, string> Edited(string file, string startOfLine, string? replacement) => name =>
    {
        var text = Read(name);
        if (name != file) return text;
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(startOfLine, StringComparison.Ordinal));
        Assert.True(at >= 0, $"{file} has no line starting '{startOfLine}'");
        if (replacement is null) lines.RemoveAt(at);
        else lines[at] = replacement;
        return string.Join('\n', lines);
    };

    /// <summary>
    /// The exception loading the files through <paramref name="load"/> throws with the line of <paramref name="file"/>
    /// that starts so replaced (or removed, for null), after checking its code and the file it names.
    /// </summary>
    public static Readout.Documents.ReadoutException LoadFails(Func<Func<string, string>, object> load,
        string file, string startOfLine, string? replacement, string code, string named)
    {
        var e = Assert.Throws<Readout.Documents.ReadoutException>(() => load(Edited(file, startOfLine, replacement)));
        Assert.Equal((code, named), (e.Code, e.Document));
        return e;
    }

    /// <summary>The line number (from 1) of the line of <paramref name="file"/> that starts so.</summary>
    public static int LineOf(string file, string startOfLine) =>
        Read(file).Split('\n').ToList().FindIndex(l => l.StartsWith(startOfLine, StringComparison.Ordinal)) + 1;

    /// <summary>The whole lexicon loaded from a copy of the shipped folder with one line of one file edited.</summary>
    public static Readout.Lexicons.Lexicon LoadEdited(string file, string startOfLine, string? replacement)
    {
        var dir = Directory.CreateTempSubdirectory("readout-lex-").FullName;
        try
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
            {
                var name = Path.GetFileName(path);
                File.WriteAllText(Path.Combine(dir, name), Edited(file, startOfLine, replacement)(name));
            }
            return Readout.Lexicons.LexiconLoader.LoadFolder(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
