using System.Globalization;
using System.Text.RegularExpressions;

namespace Readout.Store;

/// <summary>
/// The values an <see cref="InteractionFilter"/> takes, checked in one place for the CLI's options and the
/// server's query parameters. Each check returns null for a good value, else the one-line reason, which each
/// caller wraps in its own error (a usage error, an HTTP 400 naming the parameter).
/// </summary>
public static partial class FilterValues
{
    public static IReadOnlyList<string> Modes { get; } = Extract.Codes.Mode.Wires;

    /// <summary>The statuses a filter takes; "all" is no condition.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [.. Extract.Codes.Status.Wires, "all"];

    [GeneratedRegex(@"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", RegexOptions.CultureInvariant)]   // ASCII digits: \d also takes other scripts' digits
    private static partial Regex DatePattern();

    [GeneratedRegex("^[A-Za-z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    /// <summary>A date bound: YYYY, YYYY-MM or YYYY-MM-DD, a real month and day.</summary>
    public static string? DateProblem(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ok = DatePattern().IsMatch(value) && value.Length switch
        {
            10 => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            7 => int.Parse(value.AsSpan(5), CultureInfo.InvariantCulture) is >= 1 and <= 12,
            _ => true,
        };
        return ok ? null : $"{name} expects a date as YYYY-MM-DD (or YYYY-MM, YYYY), not '{value}'";
    }

    /// <summary>An ISO 3166-1 alpha-3 code, in any case.</summary>
    public static string? CountryProblem(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CountryPattern().IsMatch(value) ? null : $"{name} expects an ISO 3166-1 alpha-3 code such as RUS or CHN, not '{value}'";
    }

    /// <summary>A minimum confidence: a finite number from 0 to 1.</summary>
    public static string? ConfidenceProblem(string name, double value) =>
        double.IsFinite(value) && value is >= 0 and <= 1 ? null
            : $"{name} expects a number from 0 to 1 (such as 0.8), not {value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether <paramref name="from"/> comes after <paramref name="to"/> (a prefix bound covers its whole period: 2024 to 2024-09 is fine).</summary>
    public static bool Reversed(string? from, string? to) =>
        from is not null && to is not null && string.CompareOrdinal(from, to) > 0 && !to.StartsWith(from, StringComparison.Ordinal);
}
