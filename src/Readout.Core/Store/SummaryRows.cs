using System.Data.Common;
using System.Globalization;
using Readout.Extract;

namespace Readout.Store;

/// <summary>One record as the server's lists show it, before its participants are added.</summary>
internal readonly record struct SummaryRow(
    string Id, InteractionStatus Status, InteractionMode Mode, string? Date, Location? Location, int Sources);

/// <summary>
/// What the server's queries share on both backends: the columns of a listed record, how they are read,
/// and how a dyad summary is shaped from every record of the pair. Only the SQL around them differs.
/// </summary>
internal static class SummaryRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "r.id, r.status, r.mode, r.date, r.city, r.country, r.venue, r.source_count";

    /// <summary>A record's year as SQL, or NULL when its date has none ("--12-30").</summary>
    public const string DatedYear = "CASE WHEN r.date IS NOT NULL AND r.date NOT LIKE '--%' THEN CAST(substr(r.date, 1, 4) AS INTEGER) END";

    /// <summary>Reads the rows of a query over <see cref="Columns"/>; a stored status or mode that is no code fails naming it.</summary>
    public static List<SummaryRow> Read(DbCommand cmd)
    {
        var rows = new List<SummaryRow>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var (city, country, venue) = (NullableString(r, 4), NullableString(r, 5), NullableString(r, 6));
            var location = city is null && country is null && venue is null ? null : new Location(city, country, venue);
            // PostgreSQL gives source_count as bigint, SQLite as an integer
            var sources = r.IsDBNull(7) ? 0 : Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture);
            rows.Add(new SummaryRow(r.GetString(0), Codes.Status.Parse(r.GetString(1)), Codes.Mode.Parse(r.GetString(2)),
                NullableString(r, 3), location, sources));
        }
        return rows;
    }

    public static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    /// <summary>
    /// A dyad summary's counts, first and last dated record and timeline, from every record of the pair,
    /// newest first; <see cref="DyadShape.Shown"/> are the rows whose participants the summary needs.
    /// </summary>
    public static DyadShape ShapeDyad(List<SummaryRow> rows, int timelineLimit)
    {
        static int? Year(string? date) => date is { Length: >= 4 } d && !d.StartsWith("--", StringComparison.Ordinal) ? int.Parse(d[..4], CultureInfo.InvariantCulture) : null;
        var perYear = rows.GroupBy(x => (Year: Year(x.Date), x.Mode))
            .Select(g => new YearModeCount(g.Key.Year, g.Key.Mode, g.Count()))
            // modes in the order of their strings, as when they were strings (in_person before phone): the API's order
            .OrderBy(x => x.Year is null).ThenBy(x => x.Year).ThenBy(x => x.Mode.Wire(), StringComparer.Ordinal).ToList();
        var dated = rows.Where(x => Year(x.Date) is not null).ToList();
        var first = dated.Count == 0 ? (SummaryRow?)null : dated[^1];
        var last = dated.Count == 0 ? (SummaryRow?)null : dated[0];
        var timeline = rows.Take(timelineLimit).Reverse().ToList();
        var shown = timeline.Concat(new[] { first, last }.OfType<SummaryRow>()).DistinctBy(x => x.Id).ToList();
        return new DyadShape(rows.Count, perYear, first, last, timeline, shown);
    }

    /// <summary>The summary, once the shown rows have their participants (by record id).</summary>
    public static DyadSummary Summary(string a, string b, DyadShape shape, IReadOnlyList<YearTopicCount> topics, IReadOnlyDictionary<string, InteractionSummary> shown) =>
        new(a, b, shape.Total, shape.PerYear, topics,
            shape.First is { } f ? shown[f.Id] : null, shape.Last is { } l ? shown[l.Id] : null,
            shape.Timeline.Select(x => shown[x.Id]).ToList());
}

/// <summary>What <see cref="SummaryRows.ShapeDyad"/> derives from a pair's records.</summary>
internal sealed record DyadShape(int Total, IReadOnlyList<YearModeCount> PerYear, SummaryRow? First, SummaryRow? Last,
    IReadOnlyList<SummaryRow> Timeline, List<SummaryRow> Shown);
