using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Runs Specs/Statements/*.spec: a report, then one expected statement per line —
/// speakers (names or ISO3, joined by " + ") | PLOVER type or "-" | a piece of the statement's text.
/// Each expected statement must be found with that speaker and type.
/// </summary>
public sealed class StatementSpecTests
{
    public static TheoryData<string> Specs() => SpecFile.In("Statements");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string file)
    {
        var spec = SpecFile.Read("Statements", file);
        var raw = new RawDocument(file, spec.Text, "text", InputReader.Hash(spec.Text), Published: spec.Header.GetValueOrDefault("published"));
        var statements = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken).Statements;
        var found = statements.Select(s => $"{string.Join(" + ", s.Speakers.Select(x => x.Name))} | {s.Plover.Event ?? "-"} | {s.Text}").ToList();

        foreach (var line in spec.Expected)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var hit = statements.FirstOrDefault(s => s.Text.Contains(parts[2], StringComparison.Ordinal)
                && string.Join(" + ", s.Speakers.Select(x => x.Name)) == parts[0] && (s.Plover.Event ?? "-") == parts[1]);
            Assert.True(hit is not null, $"{file}: expected\n  {line}\nfound\n  {string.Join("\n  ", found)}");
        }
    }
}
