using System.Globalization;
using System.Text;
using System.Text.Json;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>
/// The world map of in-person meetings, drawn on the server with nothing fetched: the land outline is Natural
/// Earth's 1:110m land (public domain) as the world-atlas package ships it in TopoJSON (data/geo/land-110m.json),
/// projected equirectangularly once; each place is a circle sized by its number of meetings, at the coordinates
/// the repository keeps for its cities (data/geo/city_coordinates.tsv, from GeoNames).
/// </summary>
internal sealed class WorldMap
{
    public const int Width = 960;
    private const double North = 84, South = -58;                     // Antarctica and the far north left out
    private static readonly double Scale = Width / 360.0;
    public static readonly int Height = (int)Math.Round((North - South) * Scale);

    private readonly Dictionary<(string City, string Country), (double Lat, double Lon)> _cities = new();
    private readonly Dictionary<string, List<(double Lat, double Lon)>> _byName = new(StringComparer.Ordinal);

    /// <summary>The land outline as a standalone SVG document (served as /map/land.svg, and cached by the browser).</summary>
    public string LandSvg { get; }

    public WorldMap(string landTopoJson, string cityTsv)
    {
        LandSvg = $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" overflow="hidden"><path fill="#dfe6ee" stroke="#b7c3d0" stroke-width="0.6" d="{LandPath(landTopoJson)}"/></svg>""";
        foreach (var line in cityTsv.Split('\n').Skip(1))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 4 || line.StartsWith('#')) continue;
            if (!double.TryParse(cells[2], CultureInfo.InvariantCulture, out var lat) || !double.TryParse(cells[3], CultureInfo.InvariantCulture, out var lon)) continue;
            _cities[(Fold(cells[0]), cells[1])] = (lat, lon);
            if (!_byName.TryGetValue(Fold(cells[0]), out var list)) _byName[Fold(cells[0])] = list = [];
            list.Add((lat, lon));
        }
    }

    public static WorldMap LoadEmbedded() => new(Resource("geo/land-110m.json"), Resource("geo/city_coordinates.tsv"));

    private static string Resource(string name)
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Readout.Server");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Fold(string s) => Readout.Lexicons.Lexicon.Fold(s);

    /// <summary>Where a city is: by name and country, else by name when only one city has it.</summary>
    public (double Lat, double Lon)? Locate(string? city, string? country)
    {
        if (string.IsNullOrEmpty(city)) return null;
        var key = Fold(city);
        if (country is not null && _cities.TryGetValue((key, country), out var at)) return at;
        return _byName.TryGetValue(key, out var list) && list.Count == 1 ? list[0] : null;
    }

    public static (double X, double Y) Project(double lat, double lon) => ((lon + 180) * Scale, (North - lat) * Scale);

    /// <summary>The map of the in-person places, and what could not be placed (no city, or a city without coordinates).</summary>
    public string Draw(IReadOnlyList<PlaceCount> places)
    {
        var c = CultureInfo.InvariantCulture;
        var placed = new List<(PlaceCount Place, double X, double Y)>();
        int noCity = 0, unknown = 0;
        foreach (var p in places)
        {
            if (p.City is null) { noCity += p.Count; continue; }
            if (Locate(p.City, p.Country) is not { } at) { unknown += p.Count; continue; }
            var (x, y) = Project(at.Lat, at.Lon);
            placed.Add((p, x, y));
        }
        var total = places.Sum(p => p.Count);
        var max = Math.Max(1, placed.Count == 0 ? 1 : placed.Max(p => p.Place.Count));
        var sb = new StringBuilder();
        sb.Append(c, $"""<svg class="map" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-labelledby="map-title"><title id="map-title">In-person interactions by place</title>""");
        sb.Append(c, $"""<image href="/map/land.svg" x="0" y="0" width="{Width}" height="{Height}"/>""");
        foreach (var (p, x, y) in placed.OrderByDescending(q => q.Place.Count))
        {
            var r = 3 + 12 * Math.Sqrt((double)p.Count / max);
            var label = $"{p.City}{(p.Country is null ? "" : ", " + p.Country)}: {p.Count} in person";
            sb.Append(c, $"""<circle class="place" cx="{x:F1}" cy="{y:F1}" r="{r:F1}" data-city="{E(p.City)}"><title>{E(label)}</title></circle>""");
        }
        sb.Append("</svg>");
        var notes = new List<string>();
        if (noCity > 0) notes.Add($"{N(noCity)} without a city");
        if (unknown > 0) notes.Add($"{N(unknown)} in a city without coordinates");
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="muted map-note">{N(placed.Sum(p => p.Place.Count))} of {N(total)} in-person interactions placed at {N(placed.Count)} places""");
        if (notes.Count > 0) sb.Append(" · not placed: " + string.Join(", ", notes));
        sb.Append(". Outline: Natural Earth (public domain); places: GeoNames (CC BY 4.0).</p>");
        return sb.ToString();
    }

    /// <summary>The land polygons of the TopoJSON as one SVG path: arcs delta-decoded, rings joined, each point projected.</summary>
    private static string LandPath(string topoJson)
    {
        using var doc = JsonDocument.Parse(topoJson);
        var root = doc.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        double sx = scale[0].GetDouble(), sy = scale[1].GetDouble(), tx = translate[0].GetDouble(), ty = translate[1].GetDouble();
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            double x = 0, y = 0;
            return arc.EnumerateArray().Select(pt =>
            {
                x += pt[0].GetDouble();
                y += pt[1].GetDouble();
                return (Lon: x * sx + tx, Lat: y * sy + ty);
            }).ToList();
        }).ToList();
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var geometry in root.GetProperty("objects").GetProperty("land").GetProperty("geometries").EnumerateArray())
        {
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("arcs")]
                : geometry.GetProperty("arcs").EnumerateArray().ToList();
            foreach (var polygon in polygons)
                foreach (var ring in polygon.EnumerateArray())
                {
                    var points = new List<(double Lon, double Lat)>();
                    foreach (var index in ring.EnumerateArray().Select(i => i.GetInt32()))
                    {
                        var arc = index >= 0 ? arcs[index] : Enumerable.Reverse(arcs[~index]).ToList();
                        points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
                    }
                    if (points.Count < 3 || points.All(p => p.Lat < South)) continue;
                    // a ring that crosses the antimeridian (Russia, Fiji) continues past the map's edge, where it is
                    // clipped, instead of drawing a line across the whole map
                    // (the part holding most of the ring's points stays on the map)
                    var shifts = new double[points.Count];
                    for (var i = 1; i < points.Count; i++)
                        shifts[i] = shifts[i - 1] + (Math.Abs(points[i].Lon - points[i - 1].Lon) <= 180 ? 0 : points[i].Lon < points[i - 1].Lon ? 360 : -360);
                    var main = shifts.GroupBy(x => x).OrderByDescending(g => g.Count()).First().Key;
                    for (var i = 0; i < points.Count; i++)
                    {
                        var (x, y) = Project(Math.Clamp(points[i].Lat, South - 2, North + 2), points[i].Lon + shifts[i] - main);
                        sb.Append(c, $"{(i == 0 ? 'M' : 'L')}{x:F1},{y:F1}");
                    }
                    sb.Append('Z');
                }
        }
        return sb.ToString();
    }
}
