using Readout.Documents;
using Readout.Extract;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>The code columns of the lexicon files are read into their codes, and a value that is none of them stops the load.</summary>
public sealed class LexiconCodeTests
{
    [Fact]
    public void Cue_modes_statement_classes_and_organisation_kinds_are_read_as_codes()
    {
        var lexicon = TestPipeline.Instance.Lexicon;
        // "any" is a cue that names no mode: it is no mode, not a fifth one
        Assert.Contains(lexicon.Cues, c => c.Mode is null);
        Assert.Contains(lexicon.Cues, c => c.Mode == InteractionMode.Phone);
        Assert.Equal(Enum.GetValues<StatementCueClass>().Order(), lexicon.StatementCues.Select(c => c.Class).Distinct().Order());
        Assert.Equal(Enum.GetValues<OrganisationKind>().Order(), lexicon.Organisations.Select(o => o.Kind).Distinct().Order());
        Assert.Equal(OrganisationKind.Intergovernmental, lexicon.Organisations.Single(o => o.Name == "United Nations").Kind);
    }

    [Theory]
    [InlineData(VerbDirection.Active, "active")]
    [InlineData(VerbDirection.Reverse, "reverse")]
    [InlineData(VerbDirection.Mutual, "mutual")]
    public void An_event_verb_direction_is_read_from_its_string(VerbDirection direction, string wire)
    {
        Assert.Equal(direction, Codes.VerbDirection.Parse(wire));
        Assert.Equal(wire, Codes.VerbDirection.Wire(direction));
        Assert.Contains(TestPipeline.Instance.Lexicon.EventVerbs, v => v.Direction == direction);
    }

    [Fact]
    public void A_string_that_is_no_event_verb_direction_is_refused()
    {
        Assert.Equal(["active", "reverse", "mutual"], Codes.VerbDirection.Wires);
        Assert.False(Codes.VerbDirection.TryParse("Active", out _));
        Assert.Equal("unknown event verb direction 'both' (expected one of active, reverse, mutual)",
            Assert.Throws<FormatException>(() => Codes.VerbDirection.Parse("both")).Message);
    }

    [Fact]
    public void Every_office_of_the_knowledge_base_is_a_record_role_once_exported()
    {
        // people.tsv's offices are the roles but "official", which its "other" posts are exported as
        var offices = TestPipeline.Instance.Lexicon.People.SelectMany(p => p.Tenures).Select(t => t.Role).Distinct().ToList();
        Assert.Contains(Person.OtherPost, offices);
        Assert.Equal(Enum.GetValues<Office>().Order(), offices.Select(o => Codes.Office.Parse(Person.ExportRole(o))).Distinct().Order());
    }

    [Theory]
    [InlineData("interaction_cues.tsv", "\tany\t", "\ttelepathy\t", "mode 'telepathy' of")]
    [InlineData("statement_cues.tsv", "\tagree", "\tagre", "unknown statement cue class 'agre'")]
    [InlineData("organisations.tsv", "\tintergovernmental\tUN", "\tinter-governmental\tUN", "kind of 'United Nations': unknown organisation kind 'inter-governmental'")]
    [InlineData("titles.tsv", "President\thead_of_state\t", "President\tpresident\t", "office of 'President': unknown role 'president' "
        + "(expected one of head_of_state, head_of_government, foreign_minister, defence_minister, vice_president, "
        + "national_security_advisor, official) or honorific")]
    [InlineData("titles.tsv", "\thonorific\t", "\thonourific\t", "unknown role 'honourific' (expected one of head_of_state,")]
    [InlineData("people.tsv", "\tdefence_minister\tMinister of Defence\t", "\tdefense_minister\tMinister of Defence\t",
        "office of 'Ahmad Shah Massoud': unknown role 'defense_minister'")]
    [InlineData("people.tsv", "\tother\t", "\tothers\t", "unknown role 'others' (expected one of head_of_state,")]
    [InlineData("event_verbs.tsv", "\t015\tactive\t", "\t015\tactiv\t",
        "direction 'activ' of 'claim(s|ed|ing)? responsibility' is not active, reverse or mutual")]
    public void A_code_that_is_none_of_the_codes_stops_the_load_naming_file_and_value(string file, string good, string bad, string message)
    {
        var dir = Directory.CreateTempSubdirectory("readout-lexcode-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, file);
            var text = File.ReadAllText(path);
            var at = text.IndexOf(good, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{file} has no '{good.Trim()}' to spoil");
            File.WriteAllText(path, string.Concat(text.AsSpan(0, at), bad, text.AsSpan(at + good.Length)));
            var e = Assert.Throws<ReadoutException>(() => LexiconLoader.LoadFolder(dir));
            Assert.Equal(("RO0003", file), (e.Code, e.Document));
            Assert.Contains(message, e.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
