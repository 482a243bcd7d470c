using System.Text;
using Readout.Documents;
using Readout.Ingest.Fetch;
using Xunit;

namespace Readout.Tests.Ingest.Fetch;

/// <summary>Pages in the character sets official sites still serve, decoded from what the server or the page declares.</summary>
public sealed class CharsetTests : IAsyncLifetime
{
    private const string RussianTitle = "Телефонный разговор с Председателем КНР Си Цзиньпином";
    private const string ChineseHeadline = "习近平同俄罗斯总统普京举行视频会晤";

    private FixtureWeb _web = null!;

    public async ValueTask InitializeAsync() => _web = await FixtureWeb.StartAsync();

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    private async Task<RawDocument> Read(string path)
    {
        using var fetcher = new PageFetcher(new FetchOptions { PerHostPerSecond = 0 });
        return await new WebReader(fetcher).ReadAsync(_web.Url(path), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Issue16_a_windows_1251_page_is_decoded_from_its_meta_tag_or_the_header()
    {
        var bytes = FixtureWeb.FixtureBytes("ru-windows-1251.html");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));   // not UTF-8: the fixture is real windows-1251
        _web.Map("/ru-meta", bytes, "text/html");
        _web.Map("/ru-header", bytes, "text/html; charset=windows-1251");
        var byMeta = await Read("/ru-meta");
        Assert.Contains(RussianTitle, byMeta.Content);
        Assert.Equal("windows-1251 (<meta> tag)", byMeta.Fetch!.Charset);
        Assert.Equal(bytes, byMeta.Fetch.Body);   // the evidence is the bytes as sent, not the decoded text
        var byHeader = await Read("/ru-header");
        Assert.Contains("«С Новым годом»", byHeader.Content);
        Assert.Equal("windows-1251 (Content-Type header)", byHeader.Fetch!.Charset);
    }

    [Fact]
    public async Task Issue16_a_GB2312_page_is_decoded_from_its_meta_charset()
    {
        _web.Map("/zh", FixtureWeb.FixtureBytes("zh-gb2312.html"), "text/html");
        var doc = await Read("/zh");
        Assert.Contains(ChineseHeadline, doc.Content);
        Assert.Equal("gb2312 (<meta> tag)", doc.Fetch!.Charset);
        Assert.Equal(936, CharsetDecoder.Resolve("gb2312")!.CodePage);   // read as code page 936 (GBK, its superset), as browsers do
    }

    [Fact]
    public void The_header_wins_over_the_page_and_a_byte_order_mark_over_both()
    {
        var latin = Encoding.Latin1.GetBytes("<meta charset=\"iso-8859-1\"><p>café</p>");
        Assert.Equal("windows-1252", CharsetDecoder.Decode(latin, null, "x").Charset);
        Assert.Contains("café", CharsetDecoder.Decode(latin, "iso-8859-1", "x").Text);
        var utf8WithBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<meta charset=\"windows-1251\"><p>Москва</p>")).ToArray();
        var decoded = CharsetDecoder.Decode(utf8WithBom, "windows-1251", "x");
        Assert.Equal("byte-order mark", decoded.DeclaredBy);
        Assert.Contains("Москва", decoded.Text);
        var xml = Encoding.GetEncoding("windows-1251").GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>Кремль</title></rss>");
        Assert.Contains("Кремль", CharsetDecoder.Decode(xml, null, "x").Text);
    }

    [Fact]
    public void Unknown_character_sets_and_undeclared_non_UTF8_bytes_are_numbered_errors()
    {
        var unknown = Assert.Throws<ReadoutException>(() => CharsetDecoder.Decode("<p>x</p>"u8.ToArray(), "x-no-such-charset", "http://h/p"));
        Assert.Equal(ErrorCodes.UnknownCharset, unknown.Code);
        Assert.Contains("'x-no-such-charset'", unknown.Message);
        var undeclared = Assert.Throws<ReadoutException>(() => CharsetDecoder.Decode(FixtureWeb.FixtureBytes("zh-gb2312.html").Skip(60).ToArray(), null, "http://h/p"));
        Assert.Equal(ErrorCodes.InvalidUtf8, undeclared.Code);
        Assert.Contains("declares no character set", undeclared.Message);
    }
}
