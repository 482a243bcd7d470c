using System.Data.Common;
using System.Globalization;
using Readout.Extract;

namespace Readout.Store;

public sealed record DayModeCount(string? Date, InteractionMode Mode, int Count);

public sealed record CountryCount(string Country, int Count);

public sealed record ModeCount(InteractionMode Mode, int Count);

/// <summary>In-person interactions at one place (city and country as the records give them; either may be missing).</summary>
public sealed record PlaceCount(string? City, string? Country, int Count);

/// <summary>
/// What a filter's records add up to, for the charts and the map: how many per day and mode (a day may be
/// partial "--12-30" or null), per participant country and per mode, and the in-person ones per place.
/// </summary>
public sealed record FilterSummary(int Total, IReadOnlyList<DayModeCount> Days, IReadOnlyList<CountryCount> Countries,
    IReadOnlyList<ModeCount> Modes, IReadOnlyList<PlaceCount> InPerson);

/// <summary>The SQL of <see cref="FilterSummary"/>, the same on both backends: only the filter's WHERE clause and its parameters differ.</summary>
internal static class FilterSummaries
{
    /// <param name="where">The filter as SQL over <c>records r</c>.</param>
    /// <param name="command">Makes a command with the filter's parameters bound.</param>
    public static FilterSummary Read(string where, Func<string, DbCommand> command, CancellationToken ct)
    {
        var days = new List<DayModeCount>();
        using (var cmd = command($"SELECT r.date, r.mode, COUNT(*) FROM records r WHERE {where} GROUP BY r.date, r.mode ORDER BY r.date, r.mode"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) days.Add(new DayModeCount(r.IsDBNull(0) ? null : r.GetString(0), Codes.Mode.Parse(r.GetString(1)), Int(r, 2)));
        ct.ThrowIfCancellationRequested();
        var countries = new List<CountryCount>();
        using (var cmd = command($"""
            SELECT a.country, COUNT(DISTINCT a.record_id) AS n FROM record_actors a JOIN records r ON r.id = a.record_id
            WHERE a.kind = 'participant' AND a.country IS NOT NULL AND {where}
            GROUP BY a.country ORDER BY n DESC, a.country
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) countries.Add(new CountryCount(r.GetString(0), Int(r, 1)));
        ct.ThrowIfCancellationRequested();
        var places = new List<PlaceCount>();
        using (var cmd = command($"SELECT r.city, r.country, COUNT(*) AS n FROM records r WHERE {where} AND r.mode = 'in_person' GROUP BY r.city, r.country ORDER BY n DESC, r.city, r.country"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) places.Add(new PlaceCount(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Int(r, 2)));
        var modes = days.GroupBy(d => d.Mode).Select(g => new ModeCount(g.Key, g.Sum(x => x.Count)))
            .OrderByDescending(m => m.Count).ThenBy(m => m.Mode.Wire(), StringComparer.Ordinal).ToList();
        return new FilterSummary(days.Sum(d => d.Count), days, countries, modes, places);
    }

    // PostgreSQL gives COUNT(*) as bigint, SQLite as an integer
    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
