namespace Readout.Lexicons;

public sealed record Country(string Iso3, string Iso2, string Name, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms, string Capital, IReadOnlyList<string> CapitalAliases);

/// <summary>
/// One tenure of one person in one office, as PETRARCH's dated actor entries: a state's office (Country set)
/// or an international organisation's (Organisation set: UN, EU, NATO, AU...). Title is the post's own
/// title ("Supreme Leader", "Minister of Foreign Affairs and Worship").
/// </summary>
public sealed record RoleTenure(string? Country, string Role, string Title, DateOnly Start, DateOnly? End, string? Organisation = null)
{
    public bool HeldOn(DateOnly day) => day >= Start && (End is null || day <= End);

    /// <summary>Days between the tenure and a day (0 while it is held).</summary>
    public int DistanceTo(DateOnly d) =>
        d < Start ? Start.DayNumber - d.DayNumber : End is { } e && d > e ? d.DayNumber - e.DayNumber : 0;
}

/// <summary>A person of the knowledge base (data/lexicons/people.tsv): canonical name, other forms, tenures.</summary>
/// <param name="Id">The Wikidata id where the source knows it, else the canonical name.</param>
public sealed record Person(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<RoleTenure> Tenures, string? Id = null)
{
    /// <summary>The tenure the person held on a day (the highest office), or the nearest one; the latest when the day is unknown.</summary>
    public RoleTenure? TenureOn(DateOnly? day)
    {
        if (day is { } d)
        {
            var held = Tenures.Where(t => t.HeldOn(d)).OrderBy(t => RoleRank(t.Role)).FirstOrDefault();
            if (held is not null) return held;
            return Tenures.OrderBy(t => t.DistanceTo(d)).ThenBy(t => RoleRank(t.Role)).FirstOrDefault();
        }
        return Tenures.OrderByDescending(t => t.Start).ThenBy(t => RoleRank(t.Role)).FirstOrDefault();
    }

    /// <summary>
    /// Offices in the order a report would name them by: a head of state before a minister; an official, and a post of the
    /// knowledge base's own ("other"), last.
    /// </summary>
    public static int RoleRank(string role) => Extract.Codes.Office.TryParse(role, out var office) ? office switch
    {
        Extract.Office.HeadOfState => 0, Extract.Office.HeadOfGovernment => 1, Extract.Office.VicePresident => 2,
        Extract.Office.ForeignMinister => 3, Extract.Office.DefenceMinister => 4, Extract.Office.NationalSecurityAdvisor => 5, _ => 6,
    } : 6;

    /// <summary>The office column's word for a post that is none of the record's roles.</summary>
    public const string OtherPost = "other";

    /// <summary>The office as exported: the knowledge base's "other" posts are officials.</summary>
    public static string ExportRole(string role) => role == OtherPost ? Extract.Codes.Office.Wire(Extract.Office.Official) : role;
}

/// <param name="Code">The organisation's code in the knowledge base of office-holders (UN, EU, NATO, AU), for bodies whose officials it holds.</param>
public sealed record Organisation(string Name, IReadOnlyList<string> Aliases, Extract.OrganisationKind Kind, string? Code = null);

public sealed record Venue(string Name, IReadOnlyList<string> Aliases, string City, string Country, string Kind);

public sealed record City(string Name, IReadOnlyList<string> Aliases, string Country);

/// <summary>A publisher's web site and the state (ISO3) or organisation (UN, EU...) it speaks for.</summary>
public sealed record Publisher(string Host, string Place);

/// <summary>A title that names an office: "Prime Minister" is head_of_government; "Secretary of State" in the USA is foreign_minister.</summary>
public sealed record Title(string Text, string Role, string? Country, bool Principal)
{
    /// <summary>The role column's word for a form of address that names no office (Mr, Dr, His Majesty).</summary>
    public const string Honorific = "honorific";
}

/// <summary>A phrase that says an interaction happened, with the mode it implies and how strongly.</summary>
/// <param name="NeedsObject">The phrase is an interaction only with a person as its object ("called Prime Minister Kishida", not "called for calm").</param>
/// <param name="NoInfinitive">An infinitive after the object makes the phrase an appeal ("called on Putin to extend the deal").</param>
/// <param name="Mode">The mode the phrase names; null for a phrase that does not say how (mode "any" in the file).</param>
public sealed record InteractionCue(string Pattern, Extract.InteractionMode? Mode, int Strength, string Note,
    bool NeedsObject = false, bool NoInfinitive = false);

/// <summary>A verb or phrase that reports what an actor said or wanted, with its class (say, agree, support...).</summary>
public sealed record StatementCue(string Pattern, Extract.StatementCueClass Class);

/// <summary>A content pattern that sets a statement's PLOVER type when its cue only reports speech.</summary>
public sealed record PloverRule(string Pattern, string Event);

/// <summary>A verb phrase that reports an act, with its CAMEO code (data/lexicons/event_verbs.tsv).</summary>
/// <param name="Direction">active (source acts on target), reverse (the act comes from the actor after the verb) or mutual.</param>
/// <param name="Nominal">The phrase names the act as a noun and still reports it after an article ("an air strike").</param>
/// <param name="NeedsTarget">Coded only with an object actor right after the phrase.</param>
public sealed record EventVerb(
    string Pattern, string Cameo, Extract.VerbDirection Direction, string Note, bool Nominal = false, bool NeedsTarget = false);

/// <summary>A word for an actor that is not a named person, country or organisation, with its CAMEO agent code (data/lexicons/agents.tsv).</summary>
public sealed record AgentWord(string Pattern, string Agent, string? Country, string Note);
