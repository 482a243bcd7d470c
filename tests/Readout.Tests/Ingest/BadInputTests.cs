using System.Text;
using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Ingest;

/// <summary>Issue 2, "Bad input": every bad file gets a numbered error naming it; the rest of the batch is read.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ReadoutException ReadFails(string path, long maxBytes = InputReader.DefaultMaxBytes) =>
        Assert.Throws<ReadoutException>(() => new InputReader(maxBytes).Read(path));

    [Fact]
    public void EmptyFile()
    {
        var e = ReadFails(Write("empty.txt", []));
        Assert.Equal(ErrorCodes.Empty, e.Code);
        Assert.Contains("empty.txt", e.Message);
    }

    [Fact]
    public void WhitespaceOnlyFile() => Assert.Equal(ErrorCodes.Empty, ReadFails(Write("blank.txt", "  \n\n\t "u8.ToArray())).Code);

    [Fact]
    public void BinaryFile()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var e = ReadFails(Write("photo.txt", bytes));
        Assert.Equal(ErrorCodes.Binary, e.Code);
        Assert.Contains("photo.txt", e.Message);
    }

    [Fact]
    public void InvalidUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes("Pr\u00e9sident Macron a rencontr\u00e9 le pr\u00e9sident");
        var e = ReadFails(Write("latin1.txt", bytes));
        Assert.Equal(ErrorCodes.InvalidUtf8, e.Code);
        Assert.Contains("latin1.txt", e.Message);
    }

    [Fact]
    public void FiftyMegabyteFileIsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var fs = File.Create(path)) fs.SetLength(50L * 1024 * 1024);
        var e = ReadFails(path);
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Contains("huge.txt", e.Message);
        Assert.Contains("--max-size", e.Message);
    }

    [Fact]
    public void UnreadablePath()
    {
        var failures = new List<InputFailure>();
        var files = new InputReader().Expand([Path.Combine(_dir, "missing.txt")], failures).ToList();
        Assert.Empty(files);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(failures).Error.Code);
    }

    [Fact]
    public void FileWithoutReadPermission()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = Write("locked.txt", "President A met President B on Monday."u8.ToArray());
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            // root can read anything; then the file is simply read
            if (Environment.UserName == "root") { Assert.NotEmpty(new InputReader().Read(path)); return; }
            Assert.Equal(ErrorCodes.Unreadable, ReadFails(path).Code);
        }
        finally { File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); }
    }

    [Fact]
    public void PathThatIsADirectoryEntryButNotAFileIsUnreadable()
    {
        // a directory passed where a file is read: the reader reports it instead of crashing
        var e = Assert.Throws<ReadoutException>(() => new InputReader().Read(_dir + "/"));
        Assert.Equal(ErrorCodes.Unreadable, e.Code);
    }

    [Fact]
    public void DeeplyNestedHtmlIsReadWithoutStackOverflow()
    {
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 20000; i++) sb.Append("<div>");
        sb.Append("<p>President A held talks with President B on Monday.</p>");
        for (int i = 0; i < 20000; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        var path = Write("nested.html", Encoding.UTF8.GetBytes(sb.ToString()));
        var raw = Assert.Single(new InputReader().Read(path));
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        Assert.Contains("President A held talks", result.Document.Text);
    }

    [Fact]
    public void MalformedHtmlIsReadAsFarAsItGoes()
    {
        var path = Write("broken.html", "<html><body><p>Vladimir Putin held talks with <b>Xi Jinping in Moscow on 21 March 2023.<div><p>Unclosed <i>tags</table></span>"u8.ToArray());
        var raw = Assert.Single(new InputReader().Read(path));
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        Assert.Contains("Xi Jinping in Moscow", result.Document.Text);
    }

    [Fact]
    public void HtmlWithNoTextIsAnError()
    {
        var path = Write("scripts.html", "<html><head><script>var a=1;</script></head><body><nav>Home</nav></body></html>"u8.ToArray());
        var raw = Assert.Single(new InputReader().Read(path));
        var e = Assert.Throws<ReadoutException>(() => TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.NoText, e.Code);
        Assert.Contains("scripts.html", e.Message);
    }

    [Fact]
    public void JsonLinesWithABadLineNamesTheLine()
    {
        var path = Write("feed.jsonl", "{\"text\":\"one\"}\nnot json\n"u8.ToArray());
        var e = ReadFails(path);
        Assert.Equal(ErrorCodes.BadJson, e.Code);
        Assert.Contains("feed.jsonl#L2", e.Message);
    }

    [Fact]
    public void JsonRecordsCarryUrlTitleAndPublished()
    {
        var path = Write("feed.jsonl", "{\"url\":\"https://example.org/a\",\"title\":\"T\",\"published\":\"2021-06-29\",\"text\":\"Putin and Xi held a video call on Monday.\"}\n{\"html\":\"<p>Second</p>\"}\n"u8.ToArray());
        var docs = new InputReader().Read(path);
        Assert.Equal(2, docs.Count);
        Assert.Equal("https://example.org/a", docs[0].Uri);
        Assert.Equal("2021-06-29", docs[0].Published);
        Assert.Equal("html", docs[1].Format);
        Assert.NotEqual(docs[0].ContentHash, docs[1].ContentHash);
    }

    [Fact]
    public void FoldersAreWalkedRecursivelyAndGoldFilesSkipped()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "a", "b"));
        Write("a/b/one.txt", "x"u8.ToArray());
        Write("a/two.html", "x"u8.ToArray());
        Write("a/two.gold.json", "{}"u8.ToArray());
        Write("a/image.png", "x"u8.ToArray());
        var files = new InputReader().Expand([_dir], []).Select(Path.GetFileName).ToList();
        Assert.Equal(["one.txt", "two.html"], files.Order());
    }
}
