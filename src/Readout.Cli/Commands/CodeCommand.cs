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

    private static string Line(string uri, string text, CodedEvent e, Codebook book)
    {
        var code = book.Cameo(e.Cameo);
        return JsonSerializer.Serialize(new CodeLine(uri, e.Cameo, code?.Label, code?.Goldstein, code?.QuadClass, code?.PloverEvent,
            CodeActor.Of(e.Source), CodeActor.Of(e.Target), CodeSpan.Of(e.Evidence, text), e.Basis, CodeSpan.Of(e.Sentence, text)),
            CodeJson.Default.CodeLine);
    }
}

/// <summary>One line of <c>readout code</c>: a coded event with its actors, its evidence and its sentence.</summary>
internal sealed record CodeLine(string Uri, string Cameo, string? Label, double? Goldstein, int? QuadClass, string? Plover,
    CodeActor? Source, CodeActor? Target, CodeSpan Evidence, string Basis, CodeSpan Sentence);

/// <summary>An actor of a coded event, with its span in the clean text.</summary>
internal sealed record CodeActor(string Code, string Text, string? Country, string? Agent, string? Organisation, int Start, int End)
{
    public static CodeActor? Of(CodedActor? a) => a is null ? null : new(a.Code, a.Text, a.Country, a.Agent, a.Organisation, a.Span.Start, a.Span.End);
}

/// <summary>A span [start, end) of the clean text and its words.</summary>
internal sealed record CodeSpan(int Start, int End, string Text)
{
    public static CodeSpan Of(TextSpan span, string text) => new(span.Start, span.End, text[span.Start..span.End]);
}

/// <summary>The lines' serialisation metadata, generated at build time (the natively compiled CLI has no reflection).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(CodeLine))]
internal sealed partial class CodeJson : System.Text.Json.Serialization.JsonSerializerContext;
