using System.Text.Json;
using Readout.Export;
using Readout.Extract;
using Readout.Fuse;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Export;

public sealed class ExporterTests
{
    private static readonly string[] TopKeys = ["id", "status", "mode", "date", "date_basis", "participants", "location", "attendees", "sources"];
    private static readonly string[] SourceKeys = ["uri", "title", "published", "content_hash", "evidence"];
    /// <summary>Keys a fused record may carry after the contract keys (each left out when null).</summary>
    private static readonly string[] FusionKeys = ["provenance", "conflicts", "source_families", "members", "date_certainty", "confidence", "confidence_factors", "lexicon_version"];

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>Two independent reports of one call (phone against video) and a visit reported once, fused by the store.</summary>
    private static IReadOnlyList<Interaction> FusedRecords()
    {
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        store.SaveDocument(Report("ha", Texts[0], Interaction("a-1", "2024-09-04", InteractionMode.Phone),
            Interaction("a-2", "2024-10-16", InteractionMode.InPerson, participants: [("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN")],
                location: new Location("Kazan", "RUS", null))));
        store.SaveDocument(Report("hb", Texts[1], Interaction("b-1", "2024-09-04", InteractionMode.Video)));
        return store.Query(InteractionFilter.All);
    }

    [Fact]
    public void Jsonl_writes_one_contract_object_per_line()
    {
        // report-level interactions have no fusion fields: exactly the contract keys, nothing more
        var records = new[]
        {
            Interaction("a1", "2024-09-04", location: new Location("Sochi", "RUS", "Bocharov Ruchei")),
            Interaction("a2", null!, InteractionMode.Video),
        };
        var w = new StringWriter();
        Assert.Equal(2, JsonlExporter.Write(records, w));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);

        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal(TopKeys, root.EnumerateObject().Select(p => p.Name).ToArray());
            foreach (var a in root.GetProperty("participants").EnumerateArray().Concat(root.GetProperty("attendees").EnumerateArray()))
                Assert.Equal(["name", "country", "role"], a.EnumerateObject().Select(p => p.Name).ToArray());
            var source = root.GetProperty("sources")[0];
            Assert.Equal(["uri", "title", "published", "content_hash", "evidence"], source.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(["field", "start", "end", "text"], source.GetProperty("evidence")[0].EnumerateObject().Select(p => p.Name).ToArray());
        }

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["city", "country", "venue"], first.RootElement.GetProperty("location").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("dateline", first.RootElement.GetProperty("date_basis").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("date").ValueKind);
    }

    [Fact]
    public void Jsonl_of_fused_records_starts_with_the_contract_keys_and_adds_the_fusion_keys()
    {
        var records = FusedRecords();
        var w = new StringWriter();
        Assert.Equal(2, JsonlExporter.Write(records, w));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);

        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var keys = Keys(root);
            // the contract keys, in order, first; after them only fusion keys, in their declared order
            Assert.Equal(TopKeys, keys.Take(TopKeys.Length));
            var extra = keys.Skip(TopKeys.Length).ToArray();
            Assert.Equal(FusionKeys.Where(extra.Contains), extra);
            Assert.Subset(extra.ToHashSet(), new HashSet<string> { "provenance", "conflicts", "source_families", "members", "confidence", "confidence_factors" });
            Assert.DoesNotContain("date_certainty", extra);   // no inferred year here

            Assert.StartsWith("rec-", root.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.String, root.GetProperty("date").ValueKind);
            foreach (var a in root.GetProperty("participants").EnumerateArray().Concat(root.GetProperty("attendees").EnumerateArray()))
                Assert.Equal(["name", "country", "role"], Keys(a));
            foreach (var source in root.GetProperty("sources").EnumerateArray())
            {
                Assert.Equal([.. SourceKeys, "family"], Keys(source));
                Assert.Equal(source.GetProperty("content_hash").GetString(), source.GetProperty("family").GetString());
                Assert.Equal(["field", "start", "end", "text"], Keys(source.GetProperty("evidence")[0]));
            }
            Assert.Equal(root.GetProperty("sources").GetArrayLength(), root.GetProperty("members").GetArrayLength());
            Assert.Equal(root.GetProperty("sources").GetArrayLength(), root.GetProperty("source_families").GetInt32());
            foreach (var support in root.GetProperty("provenance").EnumerateArray())
                Assert.Equal(["field", "value", "sources"], Keys(support));
        }

        // the call: one record from two reports that disagree on the mode
        using var call = JsonDocument.Parse(lines[0]);
        var c = call.RootElement;
        Assert.Equal(FusionEngine.RecordId(InteractionStatus.Happened, "Recep Tayyip Erdoğan|Vladimir Putin", "2024-09-04"), c.GetProperty("id").GetString());
        Assert.Equal("2024-09-04", c.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("location").ValueKind);
        Assert.Equal(["a-1", "b-1"], c.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["ha.txt", "hb.txt"], c.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("uri").GetString()).Order());
        var conflict = Assert.Single(c.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(["field", "values"], Keys(conflict));
        Assert.Equal("mode", conflict.GetProperty("field").GetString());
        Assert.Equal(["phone:ha.txt", "video:hb.txt"], conflict.GetProperty("values").EnumerateArray()
            .Select(v => $"{v.GetProperty("value").GetString()}:{string.Join(",", v.GetProperty("sources").EnumerateArray().Select(x => x.GetString()))}").Order());

        // the visit: reported once, nothing to disagree on, its place kept
        using var visit = JsonDocument.Parse(lines[1]);
        var v = visit.RootElement;
        Assert.Equal(["city", "country", "venue"], Keys(v.GetProperty("location")));
        Assert.Equal("Kazan", v.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal(0, v.GetProperty("conflicts").GetArrayLength());
        Assert.Equal(["a-2"], v.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Jsonl_of_fused_records_round_trips()
    {
        var records = FusedRecords();
        var w = new StringWriter();
        JsonlExporter.Write(records, w);
        var back = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(RecordJson.Deserialize).ToList();
        Assert.Equal(records.Select(RecordJson.Serialize), back.Select(RecordJson.Serialize));
        Assert.Equal(2, back[0].SourceFamilies);
        Assert.Equal(["a-1", "b-1"], back[0].Members);
    }

    [Fact]
    public void Issue15_csv_of_fused_records_has_actor_columns_counts_and_review_status_and_lists_every_source()
    {
        var records = FusedRecords();
        var w = new StringWriter();
        Assert.Equal(2, CsvExporter.Write(records, w));
        var lines = w.ToString().Split('\n');   // every export ends its lines with '\n' alone (issue 12)
        Assert.Equal(string.Join(",", CsvExporter.Header), lines[0]);
        // actor1_* and actor2_* follow the fields of an actor, whatever they are; the rest is fixed
        Assert.Equal("name,country,role", string.Join(",", Readout.Export.RecordFields.ActorFields.Take(3)));
        Assert.Equal("id,date,status,mode," + string.Join(",", Readout.Export.RecordFields.ActorFields.Select(f => "actor1_" + f)) + "," + string.Join(",", Readout.Export.RecordFields.ActorFields.Select(f => "actor2_" + f))
            + ",other_participants,place,city,place_country,venue,attendees,source_count,source_families,confidence,review_status,reviewed_fields,date_basis,sources", lines[0]);
        var more = new string(',', Readout.Export.RecordFields.ActorFields.Count - 3);
        var call = records[0];
        Assert.StartsWith($"{call.Id},2024-09-04,happened,{call.Mode.Wire()},Vladimir Putin,RUS,head_of_state{more},"
            + $"Recep Tayyip Erdoğan,TUR,head_of_state{more},,,,,,", lines[1]);
        Assert.Contains(FormattableString.Invariant($",2,2,{call.Confidence:0.###},unreviewed,,dateline,"), lines[1]);
        Assert.InRange(call.Confidence!.Value, 0.0, 1.0);
        Assert.EndsWith("," + string.Join(" ", call.Sources.Select(s => s.Uri)), lines[1]);
        Assert.StartsWith($"{records[1].Id},2024-10-16,happened,in_person,Vladimir Putin,RUS,head_of_state{more},"
            + $"Xi Jinping,CHN,head_of_state{more},,\"Kazan, RUS\",Kazan,RUS,,", lines[2]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void Jsonl_keeps_diacritics_readable_and_round_trips()
    {
        var i = Interaction("a1", "2024-09-04");
        var w = new StringWriter();
        JsonlExporter.Write([i], w);
        Assert.Contains("Recep Tayyip Erdoğan", w.ToString());
        Assert.Equal(RecordJson.Serialize(i), RecordJson.Serialize(RecordJson.Deserialize(w.ToString().TrimEnd('\n'))));
    }

    [Fact]
    public void Issue15_csv_quotes_commas_and_quotes_and_puts_every_field_on_one_line()
    {
        var i = Interaction("a1", "2024-09-04", participants: [("Mohammed bin Salman, Crown Prince", "SAU"), ("Joe \"Joey\"\nBiden", null)],
            location: new Location("Jeddah", "SAU", "Al-Salam Palace, \"royal\"\r\n wing"));
        var w = new StringWriter();
        Assert.Equal(1, CsvExporter.Write([i], w));
        var lines = w.ToString().Split('\n');   // every export ends its lines with '\n' alone (issue 12)
        Assert.Equal(3, lines.Length);
        var more = new string(',', Readout.Export.RecordFields.ActorFields.Count - 3);
        Assert.StartsWith($"a1,2024-09-04,happened,phone,\"Mohammed bin Salman, Crown Prince\",SAU,head_of_state{more},"
            + $"\"Joe \"\"Joey\"\" Biden\",,head_of_state{more},,"
            + "\"Al-Salam Palace, \"\"royal\"\" wing, Jeddah, SAU\",Jeddah,SAU,\"Al-Salam Palace, \"\"royal\"\" wing\","
            + "\"Sergei Lavrov (RUS, foreign_minister)\",1,1,,unreviewed,,dateline,doc.txt", lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_quote_follows_rfc_4180(string? field, string expected) => Assert.Equal(expected, CsvExporter.Quote(field));
}
