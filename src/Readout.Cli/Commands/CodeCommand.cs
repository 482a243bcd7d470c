using System.CommandLine;
using System.Text.Json;
using Readout.Code;
using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout code PATH...</c>: codes every act the reports describe in CAMEO, sentence by sentence, as event-data
/// coders do — without storing anything. One JSON line per event, with the evidence and the reasoning.
/// </summary>
public static class CodeCommand
{
    public static Command Build()
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders to read (.txt .html .md .json .jsonl); '-' reads standard input",
        };
        var command = new Command("code",
            """
            Code the acts each report describes (attacks, arrests, visits, aid, sanctions, accusations...) in
            CAMEO, sentence by sentence, and print one JSON line per event: the report, the verb phrase and its
            offsets in the clean text, source and target actors (GDELT-style codes: country + agent, e.g.
            SYRREB), the sentence, the CAMEO code with its label, Goldstein score, QuadClass and PLOVER type, and the basis
            (the lexicon entry and each adjustment: passive, negation, intent, appeal, reported act).
            Nothing is stored. Exit codes: 0 success, 2 some inputs could not be read, 130 interrupted.
            """);
        command.Arguments.Add(paths);
        command.SetAction((p, ct) => Task.FromResult(Run(p.GetValue(paths)!, ct)));
        return command;
    }

    private static int Run(string[] paths, CancellationToken ct)
    {
        var reader = new InputReader();
        var failures = new List<InputFailure>();
        var runner = DocumentRunner.CreateDefault();
        var pipeline = runner.Pipeline;
        var failed = 0;
        try
        {
            foreach (var file in reader.Expand(paths, failures))
            {
                foreach (var item in reader.ReadAll(file))
                {
                    ct.ThrowIfCancellationRequested();
                    if (item.Error is { } readError) { Cli.Error(readError); failed++; continue; }
                    var raw = item.Document!;
                    IReadOnlyList<CodedEvent> events;
                    CleanDocument clean;
                    try
                    {
                        (clean, events) = runner.Run(raw, t =>
                        {
                            var c = pipeline.Clean(raw, t);
                            return (c, pipeline.EventCoder.Code(pipeline.Analyse(c, t), t));
                        }, ct);
                    }
                    catch (ReadoutException e) { Cli.Error(e); failed++; continue; }
                    foreach (var e in events) Console.Out.WriteLine(Line(raw.Uri, clean.Text, e, pipeline.Codebook));
                }
            }
        }
        catch (OperationCanceledException) { return ExitCodes.Interrupted; }
        foreach (var f in failures) { Console.Error.WriteLine("error " + f.Error.Message); failed++; }
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Line(string uri, string text, CodedEvent e, Codebook book)
    {
        var code = book.Cameo(e.Cameo);
        return JsonSerializer.Serialize(new
        {
            Uri = uri,
            Cameo = e.Cameo,
            Label = code?.Label,
            Goldstein = code?.Goldstein,
            QuadClass = code?.QuadClass,
            Plover = code?.PloverEvent,
            Source = Actor(e.Source),
            Target = Actor(e.Target),
            Evidence = new { e.Evidence.Start, e.Evidence.End, Text = text[e.Evidence.Start..e.Evidence.End] },
            e.Basis,
            Sentence = new { e.Sentence.Start, e.Sentence.End, Text = text[e.Sentence.Start..e.Sentence.End] },
        }, Json);
    }

    private static object? Actor(CodedActor? a) => a is null ? null : new
    {
        a.Code, a.Text, a.Country, a.Agent, a.Organisation, a.Span.Start, a.Span.End,
    };
}
