using System.IO.Compression;
using System.Text;
using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Ingest;

/// <summary>Issue 12: one bad record is one error naming file#Lnn, the file goes on; .gz read directly; stdin as strict as a path.</summary>
public sealed class Issue12InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-reader-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private const string Good = "{\"text\":\"President Biden spoke by phone with President Xi Jinping on 3 May 2021.\"}";

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    [Fact]
    public void Issue12_OneBadLineIsOneErrorNamingItsLineAndTheFileGoesOn()
    {
        var bad = new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' };
        var file = Write("mixed.jsonl", [.. Lines(Good, "{\"text\":\"\"}", "\uFEFF" + Good.Replace("3 May", "4 May"), "{\"url\":\"https://example.org/a\",\"text\":\"\\udfff x\"}", "not json", "{\"url\":\"https://example.org/b\"}"),
            .. bad, (byte)'\n', .. Encoding.UTF8.GetBytes(Good.Replace("3 May", "5 May") + "\n")]);

        var items = new InputReader().ReadAll(file).ToList();

        Assert.Equal(3, items.Count(i => i.Document is not null));
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.Equal([$"{file}#L2", $"{file}#L4", $"{file}#L5", $"{file}#L6", $"{file}#L7"], errors.Select(e => e.Document));
        Assert.Equal([ErrorCodes.Empty, ErrorCodes.BadJson, ErrorCodes.BadJson, ErrorCodes.BadJson, ErrorCodes.InvalidUtf8], errors.Select(e => e.Code));
        Assert.Contains("lone surrogate", errors[1].Message);
        Assert.Equal($"{file}#L3", items[2].Document!.Origin);   // the BOM that `cat a.jsonl b.jsonl` leaves is not an error
    }

    [Fact]
    public void Issue12_ARecordOfAJsonArrayIsOneError()
    {
        var file = Write("array.json", Encoding.UTF8.GetBytes($"[{Good}, {{\"url\":\"https://example.org/x\",\"text\":\"  \"}}, {Good.Replace("3 May", "6 May")}]"));
        var items = new InputReader().ReadAll(file).ToList();
        Assert.Equal(2, items.Count(i => i.Document is not null));
        var error = Assert.Single(items, i => i.Error is not null).Error!;
        Assert.Equal($"{file}#2", error.Document);
    }

    [Fact]
    public void Issue12_GzipFilesAreReadDirectlyAndBoundedWhenInflated()
    {
        var plain = Lines(Good, Good.Replace("3 May", "7 May"));
        using (var o = File.Create(Path.Combine(_dir, "a.jsonl.gz")))
        using (var z = new GZipStream(o, CompressionLevel.Fastest)) z.Write(plain);
        var docs = new InputReader().ReadAll(Path.Combine(_dir, "a.jsonl.gz")).ToList();
        Assert.All(docs, d => Assert.NotNull(d.Document));
        Assert.Equal(2, docs.Count);

        // a small .txt.gz that inflates past the limit is refused, not read into memory
        using (var o = File.Create(Path.Combine(_dir, "bomb.txt.gz")))
        using (var z = new GZipStream(o, CompressionLevel.Optimal)) z.Write(new byte[3 * 1024 * 1024].Select(_ => (byte)'a').ToArray());
        var bomb = Assert.Single(new InputReader(1024 * 1024).ReadAll(Path.Combine(_dir, "bomb.txt.gz")));
        Assert.Equal(ErrorCodes.TooLarge, bomb.Error!.Code);

        var broken = Assert.Single(new InputReader().ReadAll(Write("broken.jsonl.gz", "{\"text\":\"not compressed\"}"u8.ToArray())));
        Assert.Equal(ErrorCodes.BadGzip, broken.Error!.Code);
        Assert.Contains("broken.jsonl.gz", broken.Error.Document);

        var expanded = new InputReader().Expand([_dir], []).ToList();
        Assert.Contains(expanded, f => f.EndsWith("a.jsonl.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue12_StandardInputRefusesInvalidUtf8AsAPathWould()
    {
        var item = Assert.Single(new InputReader().ReadAll("-", new MemoryStream([.. "President Macron"u8, 0xE9, .. " met"u8])));
        Assert.Equal(ErrorCodes.InvalidUtf8, item.Error!.Code);
        Assert.Equal("stdin", item.Error.Document);
    }

    [Fact]
    public void Issue12_ALineOverTheLimitIsThatLinesErrorOnly()
    {
        var file = Write("long.jsonl", Lines("{\"text\":\"" + new string('x', 5000) + "\"}", Good));
        var items = new InputReader(1000).ReadAll(file).ToList();
        Assert.Equal(ErrorCodes.TooLarge, items[0].Error!.Code);
        Assert.Equal($"{file}#L1", items[0].Error!.Document);
        Assert.NotNull(items[1].Document);
    }
}
