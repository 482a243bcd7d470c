using System.Globalization;
using System.Text.Json;
using Readout.Code;
using Readout.Export.Contract;
using Readout.Extract;

namespace Readout.Export;

/// <summary>Statements as JSON Lines (one <see cref="StatementRecord"/> per line) and CSV.</summary>
public static class StatementExporter
{
    public static int WriteJsonl(IEnumerable<Statement> statements, TextWriter w)
    {
        var n = 0;
        foreach (var st in statements) { w.WriteLine(ExportJson.Serialize(StatementRecord.From(st))); n++; }
        return n;
    }

    public static readonly string[] Header =
        ["id", "record", "speakers", "speaker_countries", "cue", "plover_event", "cameo", "goldstein", "quad_class", "topics", "negated", "future", "hypothetical", "source", "start", "end", "text"];

    public static int WriteCsv(IEnumerable<Statement> statements, TextWriter w)
    {
        w.WriteLine(string.Join(",", Header));
        var n = 0;
        foreach (var st in statements)
        {
            var cells = new[]
            {
                st.Id, st.Record ?? "", string.Join("; ", st.Speakers.Select(x => x.Name)), string.Join("; ", st.Speakers.Select(x => x.Country ?? "")),
                st.Cue, st.Plover.Event ?? "", st.Cameo ?? "", st.Goldstein?.ToString(CultureInfo.InvariantCulture) ?? "", st.QuadClass?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join("; ", st.Topics), st.Negated ? "1" : "0", st.Future ? "1" : "0", st.Hypothetical ? "1" : "0", st.Source,
                st.Start.ToString(CultureInfo.InvariantCulture), st.End.ToString(CultureInfo.InvariantCulture), st.Text,
            };
            w.WriteLine(string.Join(",", cells.Select(CsvExporter.Quote)));
            n++;
        }
        return n;
    }
}

/// <summary>
/// A GDELT-style event table: tab-separated, one row per coded event — each interaction record (CAMEO 04x:
/// consult by phone or video 041, visit 042, meet at a third place 044, written 040; a multilateral meeting once per
/// pair of its principals) and each statement
/// (its CAMEO code; 010 "make statement" for a plain assertion). As in GDELT, GLOBALEVENTID is a number (here
/// derived from the record's or statement's id, so it is the same in every export), SQLDATE is YYYYMMDD on
/// every row (the record's day, else the earliest publication date of its reports; an event with neither is
/// left out), and actor codes are CAMEO-style: the ISO3 country plus GOV for its officials, IGO for an
/// international organisation. Columns are listed in the README.
/// </summary>
public static class GdeltExporter
{
    public static readonly string[] Header =
    [
        "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumSources", "NumArticles",
        "ActionGeo_FullName", "ActionGeo_CountryCode", "SOURCEURL", "ReadoutId", "ReviewStatus", "ReviewedFields",
    ];

    /// <summary>Writes the table; returns the rows written and the events left out for want of any date.</summary>
    public static (int Written, int Undated) Write(IEnumerable<Interaction> records, IEnumerable<Statement> statements, Codebook codebook, TextWriter w)
    {
        w.WriteLine(string.Join("\t", Header));
        int n = 0, undated = 0;
        var byId = new Dictionary<string, Interaction>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            byId[r.Id] = r;
            if (r.Participants.Count < 2) continue;
            var date = SqlDate(r);
            if (date is null) { undated++; continue; }
            var code = InteractionCode(r, codebook);
            var c = codebook.Cameo(code)!;
            var place = r.Location is null ? "" : string.Join(", ", new[] { r.Location.Venue, r.Location.City }.Where(x => !string.IsNullOrEmpty(x)));
            foreach (var (key, visitor, host) in Pairs(r))
            {
                Row(w, key, r.Id, date, Code(visitor), visitor, Code(host), host, true, c, r.Sources.Count, r.SourceFamilies ?? r.Sources.Count, place, r.Location?.Country, r.Sources[0].Uri, r);
                n++;
            }
        }
        foreach (var st in statements)
        {
            var code = st.Cameo ?? "010";
            var c = codebook.Cameo(code);
            if (c is null) continue;
            var record = st.Record is not null && byId.TryGetValue(st.Record, out var rec) ? rec : null;
            var date = record is null ? null : SqlDate(record);
            if (date is null) { undated++; continue; }
            var speaker = st.Speakers[0];
            var actor = new Actor(speaker.Name, speaker.Country ?? CountryOf(record, speaker.Name),
                speaker.Kind == SpeakerKind.Person ? Office.Official : null);
            var target = st.Target is { } t
                ? new Actor(t.Name, t.Country ?? CountryOf(record, t.Name), t.Kind == SpeakerKind.Person ? Office.Official : null)
                : record?.Participants.Where(p => p.Name != actor.Name && p.Country != actor.Country)
                    .Select(p => p with { Role = Office.Official }).FirstOrDefault();
            Row(w, st.Id, st.Id, date, Code(actor, speaker.Kind), actor, target is null ? "" : Code(target, st.Target?.Kind), target, false, c, 1, 1, "", null, st.Source, record);
            n++;
        }
        return (n, undated);
    }

    /// <summary>A number for an id, the same in every export: the first 52 bits of the id's SHA-256.</summary>
    public static long NumericId(string id) => Convert.ToInt64(Readout.Ingest.InputReader.Hash(id)[..13], 16);

    /// <summary>YYYYMMDD: the record's day, else the earliest publication date among its reports; null when neither is known.</summary>
    public static string? SqlDate(Interaction r)
    {
        if (r.Date is { Length: 10 } d && d[4] == '-') return d.Replace("-", "");
        return r.Sources.Select(s => s.Published).Where(p => p is { Length: >= 10 } && p[4] == '-').Order(StringComparer.Ordinal).FirstOrDefault()?[..10].Replace("-", "");
    }

    private static string? CountryOf(Interaction? record, string name) =>
        record?.Participants.Concat(record.Attendees).FirstOrDefault(p => p.Name == name && p.Country is not null)?.Country;

    /// <summary>The CAMEO-style code: country plus GOV for an official or a state's government, IGO for an organisation without a country.</summary>
    public static string Code(Actor a, SpeakerKind? kind = SpeakerKind.Person) => (a.Organisation is not null && a.Country is null ? SpeakerKind.Organisation : kind, a.Country) switch
    {
        (SpeakerKind.Organisation, null) => "IGO",
        (SpeakerKind.Organisation, { } c) => c + "IGO",
        (SpeakerKind.State, { } c) => c + "GOV",
        (_, { } c) => c + (a.Role is null ? "" : "GOV"),
        _ => "",
    };

    /// <summary>For a visit, the visitor acts (CAMEO 042 "make a visit") and the host receives; otherwise text order.</summary>
    public static (Actor Actor, Actor Recipient) VisitorFirst(Interaction r)
    {
        var p = r.Participants;
        if (r.Mode == InteractionMode.InPerson && r.Location?.Country is { } c && p[0].Country == c && p[1].Country != c) return (p[1], p[0]);
        return (p[0], p[1]);
    }

    /// <summary>The CAMEO code of an interaction: how the principals met.</summary>
    public static string InteractionCode(Interaction r, Codebook codebook)
    {
        if (r.Status == InteractionStatus.Planned) return "036";   // express intent to meet or negotiate
        return codebook.CameoFor("CONSULT", ConsultMode(r)) ?? "040";
    }

    /// <summary>
    /// The codebook's mode of a CONSULT (its own words, not a record's mode): a call, a visit, a meeting on third ground.
    /// </summary>
    internal static string? ConsultMode(Interaction r) => r.Mode switch
    {
        InteractionMode.Phone or InteractionMode.Video => "phone",
        InteractionMode.InPerson when r.Location?.Country is { } c && r.Participants.All(p => p.Country != c) => "third-party",
        InteractionMode.InPerson => "visit",
        _ => null,
    };

    /// <summary>
    /// The dyads of a record: one for two principals; for a multilateral meeting (one record, PLOVER's convention)
    /// every pair, as CAMEO codes dyadic events. A pair's event id is derived from the record id and the pair, so
    /// each row's GLOBALEVENTID is unique and the same in every export; ReadoutId names the one record.
    /// </summary>
    public static IEnumerable<(string Key, Actor Actor, Actor Recipient)> Pairs(Interaction r)
    {
        if (r.Participants.Count == 2)
        {
            var (visitor, host) = VisitorFirst(r);
            yield return (r.Id, visitor, host);
            yield break;
        }
        for (var i = 0; i < r.Participants.Count; i++)
            for (var j = i + 1; j < r.Participants.Count; j++)
                yield return ($"{r.Id}/{i}-{j}", r.Participants[i], r.Participants[j]);
    }

    private static void Row(TextWriter w, string key, string id, string date, string code1, Actor a1, string code2, Actor? a2, bool root, CameoCode c, int sources, int articles,
        string place, string? placeCountry, string url, Interaction? record)
    {
        var cells = new[]
        {
            NumericId(key).ToString(CultureInfo.InvariantCulture), date,
            code1, a1.Name, a1.Country ?? "", code2, a2?.Name ?? "", a2?.Country ?? "",
            root ? "1" : "0", c.Code, c.Code.Length > 3 ? c.Code[..3] : c.Code, c.Code[..2],
            c.QuadClass.ToString(CultureInfo.InvariantCulture), c.Goldstein.ToString("0.0", CultureInfo.InvariantCulture),
            sources.ToString(CultureInfo.InvariantCulture), articles.ToString(CultureInfo.InvariantCulture),
            place, placeCountry ?? "", url, id,
            record is null ? "" : RecordFields.ReviewStatus(record),
            string.Join(";", (record?.Review?.FieldsSet ?? []).Select(f => f.Wire())),
        };
        w.WriteLine(string.Join("\t", cells.Select(Cell)));
    }

    /// <summary>One cell on one line; a cell with a double quote is quoted with the quote doubled, as pandas' read_table and R's read.delim read it.</summary>
    public static string Cell(string x)
    {
        var one = CsvExporter.Neutralise(x.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
        return one.Contains('"') ? "\"" + one.Replace("\"", "\"\"") + "\"" : one;
    }
}

/// <summary>
/// PLOVER-style JSON Lines: one event per line with id, date, actor, recipient, event, mode, context,
/// event location, the text and its citation — interactions as CONSULT (with mode phone, visit or
/// third-party) and statements with their own type.
/// </summary>
public static class PloverExporter
{
    public static int Write(IEnumerable<Interaction> records, IEnumerable<Statement> statements, TextWriter w)
    {
        var n = 0;
        var byId = new Dictionary<string, Interaction>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            byId[r.Id] = r;
            if (r.Participants.Count < 2) continue;
            var evidence = r.Sources[0].Evidence.FirstOrDefault(e => e.Field == RecordField.Interaction);
            var mode = GdeltExporter.ConsultMode(r);
            var (actor, recipient) = GdeltExporter.VisitorFirst(r);
            Emit(w, new PloverInteractionEvent(
                r.Id, r.Date, r.Status.Wire(), Who(actor), Who(recipient), "CONSULT", mode,
                r.Mode is InteractionMode.Video or InteractionMode.Written ? [r.Mode.Wire()] : [],
                r.Location is null ? null : LocationRecord.From(r.Location), evidence?.Text,
                r.Sources.Select(s => new PloverReportCitation(s.Uri, s.Title, s.Published)).ToList(),
                RecordFields.ReviewStatus(r), (r.Review?.FieldsSet ?? []).Select(f => f.Wire()).ToList()));
            n++;
        }
        foreach (var st in statements.Where(s => s.Plover.Event is not null))
        {
            var record = st.Record is not null && byId.TryGetValue(st.Record, out var rec) ? rec : null;
            Emit(w, new PloverStatementEvent(
                st.Id, record?.Date, InteractionStatus.Happened.Wire(), SpeakerRecord.From(st.Speakers[0]),
                st.Target is null ? null : SpeakerRecord.From(st.Target), st.Plover.Event, st.Plover.Mode, st.Topics,
                record?.Location is null ? null : LocationRecord.From(record.Location), st.Text,
                [new PloverSpanCitation(st.Source, st.Start, st.End, st.Record)]));
            n++;
        }
        return n;
    }

    private static PloverActorRecord Who(Actor a) => new(a.Name, a.Country, SpeakerKind.Person.Wire(), a.Role?.Wire());

    private static void Emit<T>(TextWriter w, T line) => w.WriteLine(ExportJson.Serialize(line));
}
