using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Readout.Store;

namespace Readout.Server;

/// <summary>The list filters of the API and of the timeline page: those of <c>readout events</c>, plus text, order and page.</summary>
public sealed record ListParameters
{
    /// <summary>Participant name contains this (case- and accent-insensitive); repeat to require several.</summary>
    [FromQuery(Name = "actor")] public string[]? Actor { get; init; }
    /// <summary>ISO 3166-1 alpha-3 country of a participant; two give a dyad.</summary>
    [FromQuery(Name = "country")] public string[]? Country { get; init; }
    /// <summary>Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }
    /// <summary>Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }
    /// <summary>phone, video, in_person or written.</summary>
    [FromQuery(Name = "mode")] public string? Mode { get; init; }
    /// <summary>happened, planned or all (the default).</summary>
    [FromQuery(Name = "status")] public string? Status { get; init; }
    /// <summary>Only records whose confidence (0..1, from their evidence) is at least this.</summary>
    [FromQuery(Name = "min_confidence")] public string? MinConfidence { get; init; }
    /// <summary>Words that a report behind the record must contain (full-text search).</summary>
    [FromQuery(Name = "q")] public string? Q { get; init; }
    /// <summary>date (oldest first), -date (newest first, the default) or -sources.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")] public int? Page { get; init; }
    /// <summary>Records per page, 1 to 200 (default 50).</summary>
    [FromQuery(Name = "page_size")] public int? PageSize { get; init; }
}

/// <summary>Checks request values and turns them into store queries; every refusal is an <see cref="ApiProblem"/> naming the parameter.</summary>
public static partial class RequestParsing
{
    /// <summary>
    /// The message for a query value that did not parse as its parameter's number (<c>?page=abc</c>), or null. The
    /// endpoints' handlers are generated at build time, and the generated handler answers such a value with a bare 400
    /// instead of the exception the run-time one threw; this finds the value from the endpoint's parameters so that the
    /// answer still says which value it could not read.
    /// </summary>
    public static string? UnboundQueryValue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var p in parameters.Where(p => p.HasTryParse))
        {
            var name = p.ParameterInfo.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name;
            var raw = context.Request.Query[name].ToString();
            var type = p.ParameterInfo.ParameterType;
            if (raw.Length == 0 || Parses(Nullable.GetUnderlyingType(type) ?? type, raw)) continue;
            var shown = Nullable.GetUnderlyingType(type) is { } inner ? Keyword(inner) + "?" : Keyword(type);
            return $"Failed to bind parameter \"{shown} {name}\" from \"{raw}\".";
        }
        return null;
    }

    private static bool Parses(Type type, string raw) =>
        type == typeof(int) ? int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(raw, out _)
        : true;   // a type this does not know is not said to have failed

    private static string Keyword(Type type) =>
        type == typeof(int) ? "int" : type == typeof(long) ? "long" : type == typeof(double) ? "double" : type == typeof(bool) ? "bool" : type.Name;

    public static IReadOnlyList<string> Modes => FilterValues.Modes;
    public static IReadOnlyList<string> Statuses => FilterValues.Statuses;
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    public static InteractionQuery ToQuery(ListParameters p)
    {
        var countries = (p.Country ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Country(c, "country")).Distinct().ToList();
        if (countries.Count > 2) throw ApiProblem.BadRequest("country", "give at most two countries (two make a dyad)");
        var mode = Blank(p.Mode)?.ToLowerInvariant().Replace('-', '_');
        if (mode is not null && !Modes.Contains(mode))
            throw ApiProblem.BadRequest("mode", $"mode must be one of {string.Join(", ", Modes)}, not '{mode}'");
        var status = Blank(p.Status)?.ToLowerInvariant() ?? "all";
        if (!Statuses.Contains(status))
            throw ApiProblem.BadRequest("status", $"status must be one of {string.Join(", ", Statuses)}, not '{status}'");
        var sort = Blank(p.Sort)?.ToLowerInvariant() ?? InteractionSort.DateDescending;
        if (!InteractionSort.All.Contains(sort))
            throw ApiProblem.BadRequest("sort", $"sort must be one of {string.Join(", ", InteractionSort.All)}, not '{sort}'");
        var from = Date(p.From, "from");
        var to = Date(p.To, "to");
        if (FilterValues.Reversed(from, to))
            throw ApiProblem.BadRequest("from", $"from ({from}) is after to ({to})");
        var (offset, limit) = Paging(p.Page, p.PageSize);
        var filter = new InteractionFilter(
            (p.Actor ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList(),
            countries, from, to, mode, status == "all" ? null : status) { MinConfidence = Confidence(p.MinConfidence) }.WithAliases(a => Readout.Pipeline.ReadoutPipeline.CreateDefault().Lexicon.PeopleIndex.NamesFor(a));
        return new InteractionQuery(filter, Blank(p.Q), sort, offset, limit);
    }

    /// <summary>A confidence threshold: a number from 0 to 1 written with a dot, or nothing.</summary>
    public static double? Confidence(string? value)
    {
        if (Blank(value) is not { } v) return null;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || FilterValues.ConfidenceProblem("min_confidence", c) is not null)
            throw ApiProblem.BadRequest("min_confidence", $"min_confidence must be a number from 0 to 1 (such as 0.8), not '{v}'");
        return c;
    }

    public static (int Offset, int Limit) Paging(int? page, int? pageSize)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize) throw ApiProblem.BadRequest("page_size", $"page_size must be between 1 and {MaxPageSize}, not {size}");
        var number = page ?? 1;
        if (number < 1) throw ApiProblem.BadRequest("page", $"page must be 1 or more, not {number}");
        if ((long)(number - 1) * size > int.MaxValue) throw ApiProblem.BadRequest("page", "page is too large");
        return ((number - 1) * size, size);
    }

    public static int Limit(int? value, string name, int fallback, int max)
    {
        var v = value ?? fallback;
        if (v < 1 || v > max) throw ApiProblem.BadRequest(name, $"{name} must be between 1 and {max}, not {v}");
        return v;
    }

    public static string Country(string value, string name)
    {
        var v = value.Trim();
        if (FilterValues.CountryProblem(name, v) is { } problem) throw ApiProblem.BadRequest(name, problem);
        return v.ToUpperInvariant();
    }

    /// <summary>Splits a dyad route value such as "CHN-RUS" (or "chn–rus") into two different countries.</summary>
    public static (string A, string B) Dyad(string value)
    {
        var parts = value.Split(['-', '–', '_', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw ApiProblem.BadRequest("dyad", $"a dyad is two ISO 3166-1 alpha-3 codes such as CHN-RUS, not '{value}'");
        var a = Country(parts[0], "dyad");
        var b = Country(parts[1], "dyad");
        if (a == b) throw ApiProblem.BadRequest("dyad", $"a dyad needs two different countries, not {a} twice");
        return string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }

    private static string? Date(string? value, string name)
    {
        var v = Blank(value);
        if (v is null) return null;
        if (FilterValues.DateProblem(name, v) is { } problem) throw ApiProblem.BadRequest(name, problem);
        return v;
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The period of the over-time chart: month (the default) or week, in any case.</summary>
    public static string Period(string? by)
    {
        var v = Blank(by)?.ToLowerInvariant() ?? "month";
        if (v is not ("month" or "week")) throw ApiProblem.BadRequest("by", $"by must be month or week, not '{by}'");
        return v;
    }
}
