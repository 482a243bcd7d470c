using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Runs every Specs/Extract/*.spec file. A spec is a small report and the interactions it must yield:
///
///   # what the case is about
///   published: 2021-06-29          (optional header lines: published, format, url)
///   ---
///   text of the report ...
///   ===
///   happened | video | 2021-06-28 | Vladimir Putin/RUS, Xi Jinping/CHN | - | -
///
/// A participant is written NAME/COUNTRY, or NAME/ORGANISATION for an official of the UN, EU, NATO...
///
/// Expected lines: status | mode | date | participants | location (city/COUNTRY/venue or -) | attendees (or -).
/// Every expected line must be found, and nothing else may be (an empty expectation means no interaction).
/// </summary>
public sealed class InteractionSpecTests
{
    public static TheoryData<string> Specs() => SpecFile.In("Extract");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string file)
    {
        var spec = SpecFile.Read("Extract", file);
        var expected = spec.Expected;
        var raw = new RawDocument(file, spec.Text, spec.Header.GetValueOrDefault("format", "text"), InputReader.Hash(spec.Text), Published: spec.Header.GetValueOrDefault("published"),
            Url: spec.Header.GetValueOrDefault("url"));

        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        var actual = result.Interactions.Select(Describe).ToList();

        foreach (var e in expected)
            Assert.True(actual.Contains(e), $"{file}: expected\n  {e}\nfound\n  {string.Join("\n  ", actual)}");
        Assert.True(actual.Count == expected.Count, $"{file}: expected {expected.Count} interactions, found\n  {string.Join("\n  ", actual)}");
    }

    private static string Describe(Interaction i)
    {
        var who = string.Join(", ", i.Participants.Select(p => $"{p.Name}/{p.Country ?? p.Organisation}").Order(StringComparer.Ordinal));
        var where = i.Location is null ? "-" : $"{i.Location.City}/{i.Location.Country}/{i.Location.Venue}";
        var att = i.Attendees.Count == 0 ? "-" : string.Join(", ", i.Attendees.Select(a => a.Name).Order(StringComparer.Ordinal));
        return $"{i.Status.Wire()} | {i.Mode.Wire()} | {i.Date ?? "-"} | {who} | {where} | {att}";
    }
}
