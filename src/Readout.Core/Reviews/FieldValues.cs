using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Extract;

namespace Readout.Reviews;

/// <summary>
/// A record's correctable fields as text — the form <c>show</c> prints, a person types and the trail keeps:
/// a mode or status word, a date (YYYY-MM-DD, --MM-DD, or empty for unknown), a place word, and actors as
/// <c>Name (ISO3, role); Name (ISO3)</c>, the role one of <see cref="Codes.Office"/>'s. An empty value clears a field.
/// </summary>
public static partial class FieldValues
{
    public static readonly IReadOnlyList<string> Modes = Codes.Mode.Wires;
    public static readonly IReadOnlyList<string> Statuses = Codes.Status.Wires;

    [GeneratedRegex(@"^\s*(?<name>[^()]+?)\s*(\((?<country>[A-Za-z]{3})?\s*(,\s*(?<role>[^()]*?))?\s*\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ActorPattern();

    public static string? Format(Interaction r, RecordField field) => field switch
    {
        RecordField.Status => r.Status.Wire(),
        RecordField.Mode => r.Mode.Wire(),
        RecordField.Date => r.Date,
        RecordField.City => r.Location?.City,
        RecordField.Country => r.Location?.Country,
        RecordField.Venue => r.Location?.Venue,
        RecordField.Participants => Actors(r.Participants),
        RecordField.Attendees => Actors(r.Attendees),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a correctable field"),
    };

    public static string Actors(IEnumerable<Actor> actors) => string.Join("; ", actors.Select(a =>
    {
        var role = a.Role?.Wire();
        var extra = string.Join(", ", new[] { a.Country ?? "", role ?? "" }.Where(x => x.Length > 0));
        return a.Country is null && role is not null ? $"{a.Name} (, {role})" : extra.Length == 0 ? a.Name : $"{a.Name} ({extra})";
    }));

    /// <summary>The value in its stored form, or the reason it cannot be a value of the field.</summary>
    public static (string? Value, string? Error) Normalise(RecordField field, string? value)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        switch (field)
        {
            case RecordField.Mode:
            case RecordField.Status:
                var allowed = field == RecordField.Mode ? Modes : Statuses;
                var word = v is null ? null : Codes.Spelled(v);
                if (word == "inperson") word = InteractionMode.InPerson.Wire();
                return word is not null && allowed.Contains(word) ? (word, null)
                    : (null, $"{field.Wire()} must be one of {string.Join(", ", allowed)}, not '{value}'");
            case RecordField.Date:
                if (v is null) return (null, null);
                if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return (v, null);
                if (Regex.IsMatch(v, @"^--\d{2}-\d{2}$") && DateOnly.TryParseExact("2000" + v[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return (v, null);
                return (null, $"date must be YYYY-MM-DD, --MM-DD (day and month) or empty (unknown), not '{value}'");
            case RecordField.Country:
                if (v is null) return (null, null);
                return Regex.IsMatch(v, "^[A-Za-z]{3}$") ? (v.ToUpperInvariant(), null) : (null, $"location.country must be an ISO 3166-1 alpha-3 code such as CHN, not '{value}'");
            case RecordField.City:
            case RecordField.Venue:
                return (v is null ? null : Regex.Replace(v, @"\s+", " "), null);
            case RecordField.Participants:
            case RecordField.Attendees:
                var actors = ParseActors(v, out var error);
                if (error is not null) return (null, error);
                if (field == RecordField.Participants && actors.Count < 2)
                    return (null, "participants needs at least two actors, as 'Name (ISO3, role); Name (ISO3)'");
                return (actors.Count == 0 ? null : Actors(actors), null);
            default:
                return (null, $"'{field.Wire()}' is not a field that can be corrected; one of {ReviewFields.Names}");
        }
    }

    public static IReadOnlyList<Actor> ParseActors(string? value, out string? error)
    {
        error = null;
        var list = new List<Actor>();
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = ActorPattern().Match(part);
            if (!m.Success) { error = $"'{part}' is not an actor; write 'Name (ISO3, role)', 'Name (ISO3)' or 'Name'"; return []; }
            var country = m.Groups["country"].Success ? m.Groups["country"].Value.ToUpperInvariant() : null;
            var name = Regex.Replace(m.Groups["name"].Value, @"\s+", " ");
            var roleText = m.Groups["role"].Success ? m.Groups["role"].Value.Trim() : "";
            Office? role = null;
            if (roleText.Length > 0)
            {
                // written as a mode is ("Foreign Minister" is foreign_minister); a role that is no code is refused, not kept as text
                if (!Codes.Office.TryParseSpelled(roleText, out var office))
                {
                    error = $"the role of '{name}' must be one of {string.Join(", ", Codes.Office.Wires)}, not '{roleText}'";
                    return [];
                }
                role = office;
            }
            list.Add(new Actor(name, country, role));
        }
        return list;
    }

    /// <summary>A code as a person may type it ("In Person", "foreign-minister") in the form of its wire string.</summary>
    /// <summary>
    /// The actors of a stored correction, read as a reviewer's are: a role stored as typed before roles were codes
    /// ("Head of State") reads as its code, and one that is no code fails naming its value rather than becoming no
    /// actors.
    /// </summary>
    private static IReadOnlyList<Actor> StoredActors(string? value) =>
        ParseActors(value, out var error) is var actors && error is null ? actors
            : throw new FormatException($"stored actors '{value}': {error}");

    /// <summary>The record with one field set to a (normalised) value.</summary>
    public static Interaction Set(Interaction r, RecordField field, string? value)
    {
        Location? Place(Func<Location, Location> change)
        {
            var l = change(r.Location ?? new Location(null, null, null));
            return l.City is null && l.Country is null && l.Venue is null ? null : l;
        }
        return field switch
        {
            RecordField.Status => r with { Status = value is null ? r.Status : Codes.Status.Parse(value) },
            RecordField.Mode => value is null ? r : WithMode(r, Codes.Mode.Parse(value)),
            RecordField.Date => r with
            {
                Date = value,
                DateBasis = value is null ? Analyse.DateBasis.ClearedByReviewer : Analyse.DateBasis.SetByReviewer,
                DateCertainty = null,
            },
            RecordField.City => r with { Location = Place(l => l with { City = value }) },
            RecordField.Country => r with { Location = Place(l => l with { Country = value }) },
            RecordField.Venue => r with { Location = Place(l => l with { Venue = value }) },
            RecordField.Participants => r with { Participants = StoredActors(value) },
            RecordField.Attendees => r with { Attendees = StoredActors(value) },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a correctable field"),
        };
    }

    /// <summary>A place belongs only to a meeting in person: another mode clears it.</summary>
    private static Interaction WithMode(Interaction r, InteractionMode mode) =>
        r with { Mode = mode, Location = mode == InteractionMode.InPerson ? r.Location : null };
}
