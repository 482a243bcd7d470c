using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Lexicons;

/// <summary>One word or phrase of a word list, with the office it names (role words of an office only) and the readers that read it.</summary>
public sealed record ListedWord(string Form, string? Role, IReadOnlySet<string> Uses);

/// <summary>
/// A list of plain words read by several readers (speech_verbs.tsv, role_words.tsv): each word is written once, and
/// its uses say which readers read it. The readers' lists differ, some on purpose, most by how each grew; a use keeps
/// each reader's list exactly as it was measured, so that moving a list here changes no record.
/// </summary>
public sealed partial class SharedWords
{
    private readonly Dictionary<string, string> _roleByForm = new(StringComparer.OrdinalIgnoreCase);

    public string File { get; }
    public IReadOnlyList<ListedWord> Words { get; }

    private SharedWords(string file, IReadOnlyList<ListedWord> words)
    {
        File = file;
        Words = words;
        foreach (var w in words)
            if (w.Role is not null) _roleByForm[w.Form] = w.Role;
    }

    /// <summary>No words, for a lexicon built in code (tests): a reader that asks for a use of it fails as for a typo.</summary>
    public static SharedWords Empty(string file) => new(file, []);

    /// <summary>The forms a reader reads, in the file's order. A use no row names is a reader's typo, not an empty list.</summary>
    public IReadOnlyList<string> Forms(string use)
    {
        var forms = Words.Where(w => w.Uses.Contains(use)).Select(w => w.Form).ToList();
        return forms.Count > 0 ? forms : throw new ArgumentException($"no word of {File} has the use '{use}'", nameof(use));
    }

    /// <summary>
    /// The forms of a use as a regex alternation (without a group): each word escaped, the words of a phrase joined
    /// by <paramref name="gap"/> (" " for a reader that reads them as written, @"\s+" for one that allows any white
    /// space), in title case for a reader of capitalised titles ("prime minister" → "Prime Minister").
    /// </summary>
    public string Alternation(string use, string gap = " ", bool titleCase = false) =>
        string.Join("|", Forms(use).Select(f => string.Join(gap, (titleCase ? TitleCase(f) : f).Split(' ').Select(Regex.Escape))));

    /// <summary>The office a form names ("Prime Ministers" → head_of_government), in any case; null for a form that names none.</summary>
    public string? RoleOf(string form) => _roleByForm.GetValueOrDefault(form);

    /// <summary>"prime minister" → "Prime Minister", "secretary-general" → "Secretary-general" (only a space starts a word).</summary>
    public static string TitleCase(string form) =>
        string.Join(' ', form.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"^[a-z]+(?:[ '-][a-z]+)*$")]
    private static partial Regex PlainWords();

    /// <summary>
    /// Reads a word list: header <c>form[ role] uses</c>. A form that is not plain lower-case words, a form listed
    /// twice, a use no reader has, a role that is no office, or an office reader's word without a role fails with
    /// RO0003 naming the file and line; a use no row has fails naming the file.
    /// </summary>
    /// <param name="roles">The offices a role may name, with <paramref name="roleUse"/> the use whose words must name one; null for a list without a role column.</param>
    internal static SharedWords Read(
        string text, string file, IReadOnlyCollection<string> uses, IReadOnlyCollection<string>? roles = null, string? roleUse = null)
    {
        string[] header = roles is null ? ["form", "uses"] : ["form", "role", "uses"];
        var words = new List<ListedWord>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in TsvTable.Rows(text, file, header, header.Length))
        {
            var form = cells[0];
            if (!PlainWords().IsMatch(form))
                Fail(file, line, $"form '{form}' is not plain lower-case words (one row per spelling, no regex)");
            if (!lineOf.TryAdd(form, line))
                Fail(file, line, $"form '{form}' is also on line {lineOf[form]}");
            var listed = cells[^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (listed.Length == 0) Fail(file, line, $"'{form}' has no use");
            foreach (var u in listed.Where(u => !uses.Contains(u)))
                Fail(file, line, $"use '{u}' of '{form}' is not {string.Join(", ", uses)}");
            string? role = null;
            if (roles is not null)
            {
                role = cells[1].Length == 0 ? null : cells[1];
                if (role is not null && !roles.Contains(role))
                    Fail(file, line, $"role '{role}' of '{form}' is not {string.Join(", ", roles)}");
                if (role is null && listed.Contains(roleUse))
                    Fail(file, line, $"'{form}' is read as an office ({roleUse}) but names no role");
            }
            words.Add(new ListedWord(form, role, listed.ToHashSet(StringComparer.Ordinal)));
        }
        // a reader whose use no row has would read an empty alternation, which matches everywhere
        foreach (var u in uses.Where(u => !words.Any(w => w.Uses.Contains(u))))
            throw new ReadoutException("RO0003", file, $"no form has the use '{u}'");
        return new SharedWords(file, words);
    }

    private static void Fail(string file, int line, string message) => throw new ReadoutException("RO0003", file, $"line {line}: {message}");
}

/// <summary>The readers of speech_verbs.tsv (its header says what each reads a speech verb for).</summary>
public static class SpeechUse
{
    public const string Clause = "clause", Closing = "closing", ReadoutOpening = "readout_opening", SaidOn = "said_on",
        Institution = "institution", Appositive = "appositive";
    public static readonly IReadOnlyList<string> All = [Clause, Closing, ReadoutOpening, SaidOn, Institution, Appositive];
}

/// <summary>
/// The readers of role_words.tsv (its header says what each reads a role word for); the offices its words name are
/// <see cref="Extract.Codes.Office"/>'s.
/// </summary>
public static class RoleUse
{
    public const string Office = "office", DemonymOffice = "demonym_office", BareTitle = "bare_title", NameTitle = "name_title",
        Joiner = "joiner", Filler = "filler", BeforeName = "before_name", Appositive = "appositive", HeadNoun = "head_noun";
    public static readonly IReadOnlyList<string> All =
        [Office, DemonymOffice, BareTitle, NameTitle, Joiner, Filler, BeforeName, Appositive, HeadNoun];
}
