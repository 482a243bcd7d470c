using System.Globalization;
using Readout.Analyse;
using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>Runs Specs/Analyse/dates.spec: each line a reference frame, a text and the day it must resolve to.</summary>
public sealed class DateSpecTests
{
    public static TheoryData<string> Lines()
    {
        var data = new TheoryData<string>();
        foreach (var l in File.ReadLines(TestPipeline.SpecFolder("Analyse", "dates.spec")))
            if (l.Trim().Length > 0 && !l.StartsWith('#')) data.Add(l);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Resolves(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        var frame = parts[0] switch
        {
            "-" => new ReferenceFrame(null, null, DateBasis.NothingInReport),
            var y when y.StartsWith("year ", StringComparison.Ordinal) => new ReferenceFrame(null, int.Parse(y[5..], CultureInfo.InvariantCulture), DateBasis.StatedYear(int.Parse(y[5..], CultureInfo.InvariantCulture), y)),
            var d => new ReferenceFrame(DateOnly.Parse(d, CultureInfo.InvariantCulture), null, DateBasis.Publication(DateOnly.Parse(d, CultureInfo.InvariantCulture), "the spec line")),
        };
        var times = new TemporalExtractor(TestPipeline.Instance.Lexicon.Dates).Extract(parts[1]);
        Assert.NotEmpty(times);
        var best = times.FirstOrDefault(t => t.Kind != TemporalKind.Coarse);
        if (parts[2] == "none")
        {
            Assert.Null(best);
            return;
        }
        Assert.NotNull(best);
        var resolved = DateResolver.Resolve(best, frame, future: false);
        Assert.NotNull(resolved);
        Assert.Equal(parts[2], resolved.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? resolved.Partial);
        Assert.False(string.IsNullOrWhiteSpace(resolved.Basis.Text));
    }
}
