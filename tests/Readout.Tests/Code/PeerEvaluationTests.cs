using System.Globalization;
using Readout.Code;
using Readout.Evaluation;
using Readout.Pipeline;
using Xunit;

namespace Readout.Tests.Code;

public sealed class PeerEvaluationTests
{
    private const string Sample =
        """
        <?xml version='1.0' encoding='utf-8'?>
        <Validation>
        ###########################
        #  a banner <EventCoding eventcode="999" /> that is not a record
        ###########################
        <Sentences>
        <Sentence category="AFP" date="20080806" id="AFP_1" evaluate="true"/>
        <!-- PATTERN * TALKS   [046:046]     # HOLD-->
        <EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
        <EventCoding eventcode="042" sourcecode="USA" targetcode="BRA" />
        <Text>
        Brazil and the United States are seeking to deepen a partnership in energy,
        US Deputy Secretary of Energy Jeffrey Kupfer said here Wednesday.
        </Text>
        <Parse>
        1	Brazil	Brazil	PROPN	NNP	Number=Sing	0	root	_	_
        </Parse>
        </Sentence>

        <Sentence category="AFP" date="20080806" id="AFP_2" evaluate="true">
        <EventCoding noevents="True" />
        <Text>
        France on Wednesday condemned as`` unacceptable'' allegations by Rwanda.
        </Text>
        <Parse>
        1	France	France	PROPN	NNP	Number=Sing	0	root	_	_
        </Parse></Sentence>
        </Sentences>
        </Validation>
        """;

    private static string PeerFile => Path.GetFullPath(Path.Combine(TestPipeline.RepoRoot, "..", "shared", "corpus", "peer", "PETR2_GSR_validation.xml"));

    [Fact]
    public void Parse_reads_ids_texts_and_codes_leniently()
    {
        var records = PeerEvaluation.Parse(Sample);

        Assert.Equal(2, records.Count);
        Assert.Equal("AFP_1", records[0].Id);
        Assert.Equal("Brazil and the United States are seeking to deepen a partnership in energy, US Deputy Secretary of Energy Jeffrey Kupfer said here Wednesday.", records[0].Text);
        Assert.Equal(["031", "042"], records[0].GoldCodes);
        Assert.Equal("2008-08-06", records[0].Date);

        Assert.Equal("AFP_2", records[1].Id);
        Assert.Equal("France on Wednesday condemned as\" unacceptable\" allegations by Rwanda.", records[1].Text);
        Assert.Empty(records[1].GoldCodes);
    }

    [Fact]
    public void Parse_rebuilds_an_empty_text_from_the_parse_tokens()
    {
        const string xml =
            "<Sentence category=\"OTHER\" date=\"20150101\" id=\"abc\" evaluate=\"true\"/>\n" +
            "<EventCoding eventcode=\"190\" sourcecode=\"NGAREB\" targetcode=\"NGAMUS\" />\n" +
            "<Text>\n</Text>\n<Parse>\n" +
            "1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_\n" +
            "2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\tSpaceAfter=No\n" +
            "3\t.\t.\tPUNCT\t.\t_\t0\tpunct\t_\t_\n" +
            "</Parse></Sentence>\n";

        var r = Assert.Single(PeerEvaluation.Parse(xml));
        Assert.Equal("Boko Haram.", r.Text);
        Assert.Equal(["190"], r.GoldCodes);
    }

    [Fact]
    public void Parse_reads_the_real_validation_file_with_valid_cameo_codes()
    {
        Assert.True(File.Exists(PeerFile), $"peer validation file not found at {PeerFile}");
        var records = PeerEvaluation.Parse(File.ReadAllText(PeerFile));

        Assert.True(records.Count > 50, $"only {records.Count} records");
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        Assert.All(records, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), r.Id));
        Assert.Contains(records, r => r.GoldCodes.Count == 0);

        var book = ReadoutPipeline.CreateDefault().Codebook;
        var invalid = records.SelectMany(r => r.GoldCodes.Where(c => !book.IsValidCameo(c)).Select(c => $"{r.Id}:{c}")).ToList();
        Assert.True(invalid.Count == 0, "gold codes not in Readout's CAMEO codebook: " + string.Join(", ", invalid));
    }

    [Fact]
    public void Evaluate_on_the_real_file_gives_consistent_counts()
    {
        var records = PeerEvaluation.Parse(File.ReadAllText(PeerFile));
        var r = PeerEvaluation.Evaluate(records, ReadoutPipeline.CreateDefault(), TestContext.Current.CancellationToken);

        Assert.Equal(records.Count, r.Sentences);
        Assert.Equal(records.Count, r.Lines.Count);
        Assert.Equal(r.Sentences, r.GoldEventSentences + r.NoEventGold);
        Assert.InRange(r.CodedSentences, 0, r.GoldEventSentences);
        Assert.InRange(r.RootAgree, 0, r.CodedSentences);
        Assert.InRange(r.PloverComparable, 0, r.CodedSentences);
        Assert.InRange(r.PloverAgree, 0, r.PloverComparable);
        Assert.InRange(r.NoEventCorrect, 0, Math.Min(r.NoEventGold, r.NoEventPredicted));
        // Every gold-event sentence is either coded or predicted "no event".
        Assert.Equal(r.GoldEventSentences - r.CodedSentences, r.NoEventPredicted - r.NoEventCorrect);

        static string Pct(int a, int b) => b == 0 ? "n/a" : (100.0 * a / b).ToString("F1", CultureInfo.InvariantCulture) + "%";
        TestContext.Current.SendDiagnosticMessage(
            $"peer evaluation (PETR2_GSR_validation.xml): {r.Sentences} sentences, {r.GoldEventSentences} with gold events; " +
            $"coverage {r.CodedSentences}/{r.GoldEventSentences} {Pct(r.CodedSentences, r.GoldEventSentences)}; " +
            $"CAMEO root agreement {r.RootAgree}/{r.CodedSentences} {Pct(r.RootAgree, r.CodedSentences)}; " +
            $"PLOVER agreement {r.PloverAgree}/{r.PloverComparable} {Pct(r.PloverAgree, r.PloverComparable)}; " +
            $"no-event precision {r.NoEventCorrect}/{r.NoEventPredicted} {Pct(r.NoEventCorrect, r.NoEventPredicted)}");
    }

    /// <summary>
    /// Issue 4's target: CAMEO root agreement of at least 0.70 on the sentences both code, with Readout coding at
    /// least half of the gold-event sentences (so the figure cannot be bought by coding only the easy ones), and
    /// the same for the stricter first-code figure.
    /// </summary>
    [Fact]
    public void Issue4_peer_root_agreement_meets_the_target()
    {
        var records = PeerEvaluation.Parse(File.ReadAllText(PeerFile));
        var r = PeerEvaluation.Evaluate(records, ReadoutPipeline.CreateDefault(), TestContext.Current.CancellationToken);
        Assert.True(r.Coverage >= 0.5, $"coverage {r.CodedSentences}/{r.GoldEventSentences}");
        Assert.True(r.RootAgreement >= 0.70, $"root agreement {r.RootAgree}/{r.CodedSentences}");
        Assert.True((double)r.FirstRootAgree / r.CodedSentences >= 0.70, $"first-code root agreement {r.FirstRootAgree}/{r.CodedSentences}");
    }
}
