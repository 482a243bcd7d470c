using System.Text;
using Readout.Extract;
using Readout.Store;

namespace Readout.Export;

/// <summary>JSON Lines: one record per line, in the export contract (README, "Export format"): its keys first, then the fusion keys.</summary>
public static class JsonlExporter
{
    public static int Write(IEnumerable<Interaction> interactions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(writer);
        var n = 0;
        foreach (var i in interactions)
        {
            writer.Write(RecordJson.Serialize(i));
            writer.Write('\n');
            n++;
        }
        writer.Flush();
        return n;
    }
}

/// <summary>
/// A flat table for spreadsheets, RFC 4180 quoting (fields with commas, quotes or line breaks quoted,
/// quotes doubled) with '\n' ending every line, as in every other export. A cell that a spreadsheet
/// would run as a formula (starting with =, +, -, @, tab or CR, OWASP's CSV-injection list) is
/// neutralised with a leading apostrophe, unless it is a plain number or a partial date such as --12-30. Multi-valued fields are joined with "; "; participant_countries lines up
/// with participants (an unknown country is an empty item). Evidence is left out: use JSONL for it.
/// </summary>
public static partial class CsvExporter
{
    public static readonly string[] Header =
        ["id", "status", "mode", "date", "date_basis", "participants", "participant_countries", "city", "country", "venue", "attendees", "sources"];

    private const string Separator = "; ";

    public static int Write(IEnumerable<Interaction> interactions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, Header);
        var n = 0;
        foreach (var i in interactions)
        {
            var participants = i.Participants ?? [];
            WriteRow(writer,
            [
                i.Id,
                i.Status,
                i.Mode,
                i.Date,
                i.DateBasis,
                string.Join(Separator, participants.Select(p => p.Name)),
                string.Join(Separator, participants.Select(p => p.Country ?? "")),
                i.Location?.City,
                i.Location?.Country,
                i.Location?.Venue,
                string.Join(Separator, (i.Attendees ?? []).Select(Describe)),
                string.Join(Separator, (i.Sources ?? []).Select(s => s.Uri)),
            ]);
            n++;
        }
        writer.Flush();
        return n;
    }

    private static string Describe(Actor a)
    {
        var extra = string.Join(", ", new[] { a.Country, a.Role }.Where(x => !string.IsNullOrEmpty(x)));
        return extra.Length == 0 ? a.Name : $"{a.Name} ({extra})";
    }

    private static void WriteRow(TextWriter w, IReadOnlyList<string?> fields)
    {
        for (var k = 0; k < fields.Count; k++)
        {
            if (k > 0) w.Write(',');
            w.Write(Quote(fields[k]));
        }
        w.Write('\n');
    }

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
