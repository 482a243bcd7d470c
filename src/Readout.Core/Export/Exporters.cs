using System.Text;
using Readout.Export.Contract;
using Readout.Extract;

namespace Readout.Export;

/// <summary>
/// JSON Lines: one record per line, in the export contract (<see cref="InteractionRecord"/>; README, "Export
/// format"): its keys first, then the fusion keys.
/// </summary>
public static class JsonlExporter
{
    public static int Write(IEnumerable<Interaction> interactions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(writer);
        var n = 0;
        foreach (var i in interactions)
        {
            writer.Write(ExportJson.Serialize(InteractionRecord.From(i)));
            writer.Write('\n');
            n++;
        }
        writer.Flush();
        return n;
    }
}

/// <summary>
/// A flat table an analyst loads as it is (pandas, R, a spreadsheet): RFC 4180 quoting (fields with commas or
/// quotes quoted, quotes doubled) with '\n' ending every line, as in every other export; one row per record, no
/// line breaks inside a field. The first two participants are actor1 and actor2, one column per field of an actor
/// as the export has them (name, country, role, and any field a later version adds); further participants and the
/// attendees are joined with "; ". review_status and reviewed_fields say what a person did: the values are those
/// after review. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, OWASP's
/// CSV-injection list) is neutralised with a leading apostrophe, unless it is a plain number or a partial date
/// such as --12-30. Evidence is left out: use JSON Lines for it.
/// </summary>
public static partial class CsvExporter
{
    private const string Separator = "; ";

    /// <summary>The header: fixed columns around actor1_* and actor2_*, which follow the keys of the contract's <see cref="ActorRecord"/>.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "id", "date", "status", "mode",
        .. RecordFields.ActorFields.Select(f => "actor1_" + f), .. RecordFields.ActorFields.Select(f => "actor2_" + f),
        "other_participants", "place", "city", "place_country", "venue", "attendees",
        "source_count", "source_families", "confidence", "review_status", "reviewed_fields", "date_basis", "sources",
    ];

    public static int Write(IEnumerable<Interaction> interactions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, Header);
        var n = 0;
        foreach (var i in interactions)
        {
            WriteRow(writer, Row(i));
            n++;
        }
        writer.Flush();
        return n;
    }

    /// <summary>One record's cells, in the order of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string?> Row(Interaction i)
    {
        var participants = i.Participants ?? [];
        var l = i.Location;
        return
        [
            i.Id, i.Date, i.Status.Wire(), i.Mode.Wire(),
            .. RecordFields.ActorCells(participants.ElementAtOrDefault(0)), .. RecordFields.ActorCells(participants.ElementAtOrDefault(1)),
            string.Join(Separator, participants.Skip(2).Select(Describe)),
            l is null ? null : string.Join(", ", new[] { l.Venue, l.City, l.Country }.Where(x => !string.IsNullOrEmpty(x))),
            l?.City, l?.Country, l?.Venue,
            string.Join(Separator, (i.Attendees ?? []).Select(Describe)),
            (i.Sources?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (i.SourceFamilies ?? i.Sources?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            RecordFields.Confidence(i)?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            RecordFields.ReviewStatus(i), string.Join(Separator, (i.Review?.FieldsSet ?? []).Select(f => f.Wire())),
            i.DateBasis.Text,
            string.Join(" ", (i.Sources ?? []).Select(s => s.Uri)),
        ];
    }

    private static string Describe(Actor a)
    {
        var extra = string.Join(", ", new[] { a.Country, a.Role?.Wire() }.Where(x => !string.IsNullOrEmpty(x)));
        return extra.Length == 0 ? a.Name : $"{a.Name} ({extra})";
    }

    /// <summary>Writes one row; every field is on one line (runs of white space, line breaks included, become one space).</summary>
    public static void WriteRow(TextWriter w, IReadOnlyList<string?> fields)
    {
        for (var k = 0; k < fields.Count; k++)
        {
            if (k > 0) w.Write(',');
            w.Write(Quote(OneLine(fields[k])));
        }
        w.Write('\n');
    }

    private static string? OneLine(string? s) =>
        s is null || s.AsSpan().IndexOfAny("\r\n\t\u2028\u2029") < 0 ? s : System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>A field as RFC 4180 writes it.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        field = Neutralise(field.Contains('\r') ? field.ReplaceLineEndings("\n") : field);
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) return field;
        var sb = new StringBuilder(field.Length + 8).Append('"');
        foreach (var ch in field)
        {
            if (ch == '"') sb.Append('"');
            sb.Append(ch);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A cell a spreadsheet will not run as a formula: "=HYPERLINK(...)" becomes "'=HYPERLINK(...)".</summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !Inert().IsMatch(cell) ? "'" + cell : cell;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|--[0-9]{2}-[0-9]{2})$")]
    private static partial System.Text.RegularExpressions.Regex Inert();
}
