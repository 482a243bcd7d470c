using System.Globalization;
using Readout.Code;
using Readout.Documents;
using Readout.Pipeline;
using Xunit;

namespace Readout.Tests.Code;

public sealed class CodebookTests
{
    private static readonly Codebook Book = Codebook.LoadEmbedded();

    private static readonly string[] PloverTypes =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    private static int QuadOfRoot(int root) => root switch
    {
        >= 1 and <= 5 => 1,
        >= 6 and <= 8 => 2,
        >= 9 and <= 14 => 3,
        >= 15 and <= 20 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(root)),
    };

    [Fact]
    public void Every_cameo_code_has_the_quad_class_of_its_root()
    {
        var codes = Book.CameoCodes.ToList();
        Assert.True(codes.Count > 300, $"only {codes.Count} CAMEO codes");
        foreach (var c in codes)
        {
            var root = int.Parse(c.Code[..2], CultureInfo.InvariantCulture);
            Assert.Equal(QuadOfRoot(root), c.QuadClass);
            Assert.InRange(c.Goldstein, -10, 10);
            Assert.False(string.IsNullOrWhiteSpace(c.Label), c.Code);
        }
    }

    [Fact]
    public void Every_code_has_its_parents_and_all_twenty_roots_are_there()
    {
        for (var root = 1; root <= 20; root++)
            Assert.True(Book.IsValidCameo(root.ToString("00", CultureInfo.InvariantCulture)), $"root {root:00} missing");
        foreach (var c in Book.CameoCodes.Where(c => c.Code.Length > 2))
            Assert.True(Book.IsValidCameo(c.Code[..^1]), $"{c.Code} has no parent {c.Code[..^1]}");
    }

    [Fact]
    public void Plover_events_are_the_sixteen_types_and_cameo_rows_use_only_them()
    {
        Assert.Equal(PloverTypes.Order(), Book.PloverEvents.Order());
        foreach (var c in Book.CameoCodes)
            if (c.PloverEvent is not null)
                Assert.Contains(c.PloverEvent, PloverTypes);
        Assert.Null(Book.Cameo("010")!.PloverEvent);   // PLOVER dropped CAMEO 01 and 02
        Assert.Equal("CONSULT", Book.Cameo("041")!.PloverEvent);
        Assert.Equal("phone", Book.Cameo("041")!.PloverMode);
    }

    [Fact]
    public void Consult_by_phone_is_a_valid_code_under_root_04()
    {
        var code = Book.CameoFor("CONSULT", "phone");
        Assert.NotNull(code);
        Assert.True(Book.IsValidCameo(code));
        Assert.StartsWith("04", code);
        Assert.Equal("041", code);
        Assert.Equal("042", Book.CameoFor("CONSULT", "visit"));
        Assert.Equal("043", Book.CameoFor("consult", "HOST"));
    }

    [Fact]
    public void Every_plover_event_has_a_general_code_and_unknown_modes_fall_back_to_it()
    {
        foreach (var ev in PloverTypes)
        {
            var general = Book.CameoFor(ev, null);
            Assert.NotNull(general);
            Assert.True(Book.IsValidCameo(general), $"{ev} -> {general}");
            Assert.Equal(general, Book.CameoFor(ev, "no-such-mode"));
            Assert.Equal(general, Book.CameoFor(ev, ""));
        }
        Assert.Equal("030", Book.CameoFor("AGREE", null));
        Assert.Null(Book.CameoFor("NEGOTIATE", null));
        Assert.Null(Book.CameoFor("", "phone"));
    }

    [Fact]
    public void Every_plover_row_points_to_a_valid_code()
    {
        // Read plover.tsv itself so that every mode row is checked, not only the ones this test knows.
        using var stream = typeof(Codebook).Assembly.GetManifestResourceStream("lexicons/plover.tsv");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var rows = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 16);
        foreach (var r in rows)
        {
            Assert.True(Book.IsValidCameo(r[2]), $"{r[0]}/{r[1]} -> '{r[2]}' is not a CAMEO code");
            Assert.Equal(r[2], Book.CameoFor(r[0], r[1]));
            Assert.False(string.IsNullOrWhiteSpace(r[3]), $"{r[0]}/{r[1]} has no description");
        }
        foreach (var ev in PloverTypes)
            Assert.Contains(rows, r => r[0] == ev && r[1].Length == 0);
    }

    [Fact]
    public void Goldstein_is_positive_for_a_visit_and_negative_for_fighting()
    {
        Assert.True(Book.Cameo("042")!.Goldstein > 0);
        Assert.True(Book.Cameo("190")!.Goldstein < 0);
        Assert.True(Book.Cameo("195")!.Goldstein < 0);
        Assert.All(Book.CameoCodes.Where(c => c.Code.StartsWith("19", StringComparison.Ordinal)), c => Assert.True(c.Goldstein < 0, c.Code));
        Assert.Null(Book.Cameo("999"));
        Assert.False(Book.IsValidCameo("0"));
    }

    [Fact]
    public void Topics_find_trade_and_energy()
    {
        var topics = Book.Topics("Bilateral trade reached $172 billion while energy cooperation on oil and gas grew");
        Assert.Contains("trade", topics);
        Assert.Contains("energy", topics);
        Assert.DoesNotContain("military", topics);
        Assert.Equal(topics.Distinct().Count(), topics.Count);
    }

    [Fact]
    public void Topics_keep_file_order_and_respect_case_sensitive_acronyms()
    {
        var topics = Book.Topics("At the UN Security Council, NATO and the EU discussed Ukraine and Taiwan.");
        Assert.Equal(["ukraine", "taiwan", "un", "nato", "eu"], topics.Where(t => t is "ukraine" or "taiwan" or "un" or "nato" or "eu"));
        Assert.DoesNotContain("un", Book.Topics("un hombre who said this to eu nationals"));
        Assert.DoesNotContain("finance", Book.Topics("Settlers in the West Bank"));
        Assert.Contains("finance", Book.Topics("The central bank cut rates"));
        Assert.DoesNotContain("military", Book.Topics("think tanks in Washington"));
        Assert.Empty(Book.Topics(""));
        Assert.Equal(Book.TopicNames.Distinct().Count(), Book.TopicNames.Count);
        Assert.True(Book.TopicNames.Count >= 25);
    }

    [Fact]
    public void A_topic_pattern_past_its_time_limit_fails_the_document_with_RO1010_instead_of_dropping_the_topic()
    {
        // the embedded CAMEO and PLOVER books with one topic whose nested loop backtracks exponentially on a run of "a"
        // without a closing "b": 2^40 paths, far past a 2 s limit on any machine. The group is named: an unnamed one only
        // groups in a compiled topic (ExplicitCapture), and the regex optimiser then makes the loop atomic and fast
        string Read(string name)
        {
            if (name == "topics.tsv") return "topic\tpattern\ntrade\t\\btrade\\b\nslow\tpeace(?<run>a+)+b\n";
            using var stream = typeof(Codebook).Assembly.GetManifestResourceStream("lexicons/" + name)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        var book = Codebook.Load(Read, TimeSpan.FromSeconds(2));
        Assert.Equal(["trade"], book.Topics("trade and peace"));   // the slow pattern answers where it does not backtrack

        var text = "trade and peace" + new string('a', 40) + "c";
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() => book.Topics(text));
        var raw = new RawDocument("https://example.org/r", text, "text", Readout.Ingest.InputReader.Hash(text))
        {
            Origin = "topics.jsonl#L7",
        };
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromMinutes(1), new ErrorLog(Path.GetTempFileName()));
        var error = Assert.Throws<ReadoutException>(() => runner.Run(raw, _ => book.Topics(text)));
        Assert.Equal((ErrorCodes.TooSlow, "topics.jsonl#L7"), (error.Code, error.Document));
    }

    [Fact]
    public void Malformed_rows_name_the_file_and_line()
    {
        string Files(string name, string cameo, string plover, string topics) =>
            name switch { "cameo.tsv" => cameo, "plover.tsv" => plover, _ => topics };
        const string plover = "event\tmode\tcameo\tdescription\nCONSULT\t\t040\tTalks\n";
        const string topics = "topic\tpattern\ntrade\t\\btrade\\b\n";
        const string cameoOk = "# comment\ncode\tlabel\tgoldstein\tquad_class\tplover_event\tplover_mode\n04\tConsult\t1.0\t1\tCONSULT\t\n040\tConsult\t1.0\t1\tCONSULT\t\n";

        var ok = Codebook.Load(n => Files(n, cameoOk, plover, topics));
        Assert.Equal("040", ok.CameoFor("CONSULT", "phone"));

        var badQuad = Assert.Throws<ReadoutException>(() => Codebook.Load(n => Files(n, cameoOk + "041\tPhone\t1.0\t7\tCONSULT\tphone\n", plover, topics)));
        Assert.Contains("cameo.tsv", badQuad.Message);
        Assert.Contains("line 5", badQuad.Message);

        var badEvent = Assert.Throws<ReadoutException>(() => Codebook.Load(n => Files(n, cameoOk + "041\tPhone\t1.0\t1\tCHAT\t\n", plover, topics)));
        Assert.Contains("line 5", badEvent.Message);

        var badRegex = Assert.Throws<ReadoutException>(() => Codebook.Load(n => Files(n, cameoOk, plover, topics + "energy\t(oil\n")));
        Assert.Contains("topics.tsv", badRegex.Message);
        Assert.Contains("line 3", badRegex.Message);

        var badCode = Assert.Throws<ReadoutException>(() => Codebook.Load(n => Files(n, cameoOk, plover + "CONSULT\tphone\t041\tPhone\n", topics)));
        Assert.Contains("plover.tsv", badCode.Message);
        Assert.Contains("line 3", badCode.Message);
    }
}
