using System.Text;
using Readout.Documents;
using Readout.Ingest.Feeds;
using Xunit;

namespace Readout.Tests.Ingest.Feeds;

public sealed class FeedParserTests
{
    private const string Base = "http://127.0.0.1:9/";

    private static byte[] Fixture(string name) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Readout.Tests.Ingest.FixtureWeb.FixtureBytes(name)).Replace("{base}", "http://127.0.0.1:9", StringComparison.Ordinal));

    [Fact]
    public void Issue16_RSS_items_come_with_their_guid_link_title_and_date_however_the_date_is_written()
    {
        var feed = FeedParser.Parse(Fixture("rss-updated.xml"), Base + "rss.xml");
        Assert.Equal("Fixture ministry: readouts", feed.Title);
        Assert.Equal(["fixture-call-5", "fixture-call-4", "fixture-call-3", "fixture-call-2"], feed.Entries.Select(e => e.Key));
        Assert.Equal(Base + "pages/call-5.html", feed.Entries[0].Link);
        Assert.Equal("Ramaphosa and Lula speak by telephone", feed.Entries[0].Title);
        // RFC 822 with a zone name, and a date no RFC reader accepts ("2023-11-02 09:00")
        Assert.Equal(["2023-05-10", "2022-10-22", "2023-11-02", "2024-03-26"], feed.Entries.Select(e => e.Published));
    }

    [Fact]
    public void Issue16_Atom_entries_and_an_entry_that_carries_its_text()
    {
        var feed = FeedParser.Parse(Fixture("atom.xml"), Base + "atom.xml");
        Assert.Equal(3, feed.Entries.Count);
        Assert.Equal(Base + "pages/call-2.html", feed.Entries[0].Link);
        var inline = feed.Entries[2];
        Assert.Equal("urn:fixture:inline", inline.Key);
        Assert.Null(inline.Link);
        Assert.Contains("Cyril Ramaphosa", inline.Html);
    }

    [Fact]
    public void Issue16_a_malformed_feed_or_other_XML_is_a_numbered_error_naming_the_feed()
    {
        var broken = Assert.Throws<ReadoutException>(() => FeedParser.Parse(Fixture("malformed.xml"), Base + "malformed.xml"));
        Assert.Equal(ErrorCodes.BadFeed, broken.Code);
        Assert.StartsWith($"{ErrorCodes.BadFeed} {Base}malformed.xml: is not a well-formed feed (line 6", broken.Message);
        var html = Assert.Throws<ReadoutException>(() => FeedParser.Parse("<html><body>not a feed</body></html>"u8.ToArray(), Base));
        Assert.Contains("<html> root, not an RSS 2.0", html.Message);
        Assert.Equal(ErrorCodes.BadFeed, Assert.Throws<ReadoutException>(() => FeedParser.Parse("just text"u8.ToArray(), Base)).Code);
    }

    [Fact]
    public void A_feed_in_windows_1251_is_read_in_the_encoding_it_declares()
    {
        Readout.Ingest.Fetch.CharsetDecoder.Resolve("utf-8");   // registers the code pages, for the test's own encoding too
        var body = Encoding.GetEncoding("windows-1251").GetBytes("""
            <?xml version="1.0" encoding="windows-1251"?>
            <rss version="2.0"><channel><title>Кремль</title><link>http://h/</link><description>d</description>
            <item><title>Телефонный разговор</title><link>http://h/1</link></item></channel></rss>
            """);
        var feed = FeedParser.Parse(body, "http://h/rss");
        Assert.Equal("Кремль", feed.Title);
        Assert.Equal("Телефонный разговор", Assert.Single(feed.Entries).Title);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("600", 600)]
    public void Intervals_read_as_durations(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), FeedList.ParseInterval(text));

    [Theory]
    [InlineData("5s")]
    [InlineData("soon")]
    [InlineData("-1m")]
    [InlineData("40d")]
    public void Too_short_or_unreadable_intervals_are_refused(string text) => Assert.Null(FeedList.ParseInterval(text));

    [Fact]
    public void A_feed_list_file_gives_each_feed_its_interval_and_names_a_bad_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# ministries\nhttps://a.example/rss 10m\n\nhttps://b.example/atom.xml   # default interval\nhttps://a.example/rss 1h\n");
            var feeds = FeedList.Read(["https://c.example/feed"], [file], TimeSpan.FromMinutes(15));
            Assert.Equal([("https://c.example/feed", 15), ("https://a.example/rss", 10), ("https://b.example/atom.xml", 15)],
                feeds.Select(f => (f.Url, (int)f.Interval.TotalMinutes)));
            File.WriteAllText(file, "https://a.example/rss\nhttps://b.example/rss every hour\n");
            var e = Assert.Throws<ReadoutException>(() => FeedList.Read([], [file], TimeSpan.FromMinutes(15)));
            Assert.Equal(ErrorCodes.BadFeedList, e.Code);
            Assert.Contains($"{file}#L2", e.Message);
        }
        finally { File.Delete(file); }
    }
}
