using System.CommandLine;
using System.Globalization;
using Readout.Code;
using Readout.Evaluation;
using Readout.Documents;
using Readout.Pipeline;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout evaluate-peer PATH [-v]</c>: codes the sentences of a peer coder's CAMEO validation file
/// (UniversalPetrarch's PETR2_GSR_validation.xml) with Readout and reports agreement with the gold codes.
/// </summary>
public static class EvaluatePeerCommand
{
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "The validation file (lenient XML: <Sentence>, <EventCoding>, <Text> records)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every sentence: id, gold codes, Readout's codes, verdict, text" };
        var command = new Command("evaluate-peer",
            """
            Measure Readout's event coding against CAMEO-coded sentences of a peer coder (e.g. the
            UniversalPetrarch PETR2_GSR_validation.xml). A sentence is coded as the CAMEO codes of its
            interactions and of the acts the sentence event coder finds (as `readout code` prints them), else
            of its statements other than the residual 010 ("make statement"), else no event. Prints coverage
            (gold-event sentences Readout coded); CAMEO root agreement (some code, and Readout's first code) and
            PLOVER type agreement on sentences both code; codes per sentence; no-event precision and recall.
            Exit codes: 0 success, 1 the file cannot be read or holds no records, 130 interrupted.
            """);
        command.Arguments.Add(path);
        command.Options.Add(verbose);
        command.SetAction((p, ct) => Task.FromResult(Run(p.GetValue(path)!, p.GetValue(verbose), ct)));
        return command;
    }

    private static int Run(string path, bool verbose, CancellationToken ct)
    {
        string xml;
        try
        {
            if (!File.Exists(path))
            {
                Cli.Error(ErrorCodes.NotFound, path, "no such file");
                return ExitCodes.Error;
            }
            xml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Cli.Error(ErrorCodes.Unreadable, path, e.Message);
            return ExitCodes.Error;
        }

        var records = PeerEvaluation.Parse(xml);
        if (records.Count == 0)
        {
            Cli.Error(ErrorCodes.NoText, path, "no <Sentence> records with a <Text> block found");
            return ExitCodes.Error;
        }

        PeerReport report;
        try { report = PeerEvaluation.Evaluate(records, ReadoutPipeline.CreateDefault(), ct); }
        catch (OperationCanceledException) { return ExitCodes.Interrupted; }

        if (verbose)
        {
            foreach (var line in report.Lines) Console.WriteLine(line);
            Console.WriteLine();
        }
        Console.WriteLine(Row("sentences", report.Sentences.ToString(CultureInfo.InvariantCulture), ""));
        Console.WriteLine(Row("gold-event sentences", $"{report.GoldEventSentences}", $"(no event in gold: {report.NoEventGold})"));
        Console.WriteLine(Row("coverage", Ratio(report.CodedSentences, report.GoldEventSentences), "gold-event sentences Readout coded"));
        Console.WriteLine(Row("CAMEO root agreement", Ratio(report.RootAgree, report.CodedSentences), "some code shares a two-digit root, where both code an event"));
        Console.WriteLine(Row("first-code root agr.", Ratio(report.FirstRootAgree, report.CodedSentences), "Readout's first code (text order) shares a root with gold"));
        Console.WriteLine(Row("codes per sentence", report.CodedSentences == 0 ? "n/a" : (report.SystemCodes / (double)report.CodedSentences).ToString("F2", CultureInfo.InvariantCulture), "distinct Readout codes per coded sentence"));
        Console.WriteLine(Row("PLOVER type agreement", Ratio(report.PloverAgree, report.PloverComparable), "some code shares a PLOVER type, where both code an event and gold maps to PLOVER"));
        Console.WriteLine(Row("no-event precision", Ratio(report.NoEventCorrect, report.NoEventPredicted), "when Readout codes nothing, gold agrees"));
        Console.WriteLine(Row("no-event recall", Ratio(report.NoEventCorrect, report.NoEventGold), "of gold's no-event sentences, Readout codes nothing"));
        return ExitCodes.Ok;
    }

    private static string Row(string label, string value, string note) => $"{label,-22} {value,-18} {note}".TrimEnd();

    private static string Ratio(int a, int b) =>
        b == 0 ? $"{a}/{b}  n/a" : string.Create(CultureInfo.InvariantCulture, $"{a}/{b}  {100.0 * a / b:F1}%");
}
