using System.Globalization;
using System.Text;

namespace Readout.Store;

/// <summary>
/// An <see cref="InteractionFilter"/> (and a full-text condition) as the WHERE clause of a query over
/// <c>records r</c>, with its parameters: written once for both backends, which differ only in the pieces
/// their <see cref="SqlDialect"/> gives. The CLI's query, the server's lists and its summaries all use it, so
/// they cannot disagree about which records a filter keeps.
/// </summary>
internal sealed class FilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object Value)> _args = [];

    private FilterSql() { }

    /// <summary>The condition, over records aliased <c>r</c>.</summary>
    public string Where => _sql.ToString();

    /// <summary>The parameters the condition names (without their <c>@</c>).</summary>
    public IReadOnlyList<(string Name, object Value)> Args => _args;

    /// <summary>A key for caching a result of this condition: the condition and its arguments.</summary>
    public string CacheKey => Where + "\u0001" + string.Join("\u0001", _args.Select(a => a.Name + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture)));

    /// <param name="text">words every record's reports must contain (full-text search); null or blank for none.</param>
    /// <param name="scanInOrder">test country membership per row (<see cref="SqlDialect.NotIndexed"/>), so the planner
    /// walks the list order's index rather than looking the country's records up.</param>
    /// <exception cref="ArgumentOutOfRangeException">a review state or a minimum confidence the filter cannot take.</exception>
    public static FilterSql Build(InteractionFilter f, string? text, SqlDialect dialect, bool scanInOrder = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        var q = new FilterSql();
        q._sql.Append(Review(f.Review));
        if (f.MinConfidence is { } min)
        {
            if (!double.IsFinite(min) || min < 0 || min > 1)
                throw new ArgumentOutOfRangeException(nameof(f), min, "a confidence is between 0 and 1");
            // records without a confidence are left out: NULL >= x is not true
            q.And($"{dialect.JsonNumber("r.record_json", "confidence")} >= @min_confidence", ("min_confidence", min));
        }
        if (!string.IsNullOrEmpty(f.Status)) q.And("r.status = @status", ("status", f.Status));
        if (!string.IsNullOrEmpty(f.Mode)) q.And("r.mode = @mode", ("mode", f.Mode));
        if (!string.IsNullOrEmpty(f.From) || !string.IsNullOrEmpty(f.To)) q.And("r.date IS NOT NULL AND r.date NOT LIKE '--%'");
        if (!string.IsNullOrEmpty(f.From)) q.And("r.date >= @from", ("from", f.From));
        // a prefix bound is inclusive of its whole period: --to 2024-09 keeps 2024-09-30
        if (!string.IsNullOrEmpty(f.To)) q.And("substr(r.date, 1, length(@to)) <= @to", ("to", f.To));

        var n = 0;
        foreach (var actor in (f.Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct())
        {
            var forms = f.FormsOf(actor);
            var any = string.Join(" OR ", forms.Select((_, k) => dialect.Contains("a.name_fold", $"@actor{n}_{k}")));
            q.And($"EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = r.id AND a.kind = 'participant' AND ({any}))",
                forms.Select((form, k) => ($"actor{n}_{k}", (object)AdoStore.Fold(form))).ToArray());
            n++;
        }

        var countries = (f.Countries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        if (countries.Count == 2)
        {
            // a dyad: one range of record_dyads (the pair is stored smaller code first)
            var pair = countries.Order(StringComparer.Ordinal).ToList();
            q.And("r.id IN (SELECT record_id FROM record_dyads WHERE country_a = @country0 AND country_b = @country1)",
                ("country0", pair[0]), ("country1", pair[1]));
        }
        else if (countries.Count > 0)
        {
            var each = string.Join(" INTERSECT ", countries.Select((_, i) => $"SELECT record_id FROM record_actors WHERE country = @country{i} AND kind = 'participant'"));
            var id = scanInOrder ? dialect.NotIndexed("r.id") : "r.id";
            q.And($"{id} IN ({each})", countries.Select((c, i) => ($"country{i}", (object)c)).ToArray());
        }

        if (dialect.TextQuery(text ?? "") is { } match)
            q.And($"r.id IN (SELECT i.record_id FROM interactions i WHERE i.document_id IN ({dialect.DocumentsMatching("@text")}))", ("text", match));
        return q;
    }

    /// <summary>
    /// The review condition: null keeps every record but the rejected ones. Its values are checked against a
    /// fixed list (a review state's wire string, or "all"), so they are written literally.
    /// </summary>
    private static string Review(string? review) => review switch
    {
        null or "" => "r.id NOT IN (SELECT record_id FROM rejected_records)",
        "all" => "1 = 1",
        _ when Extract.Codes.ReviewStatus.TryParse(review, out var state) => state switch
        {
            Reviews.ReviewStatus.Unreviewed => "r.id IN (SELECT record_id FROM review_queue)",
            Reviews.ReviewStatus.Rejected => "r.id IN (SELECT record_id FROM rejected_records)",
            _ => "r.id NOT IN (SELECT record_id FROM rejected_records) AND r.id NOT IN (SELECT record_id FROM review_queue)",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(review), review, "review is unreviewed, reviewed, rejected or all"),
    };

    private void And(string condition, params (string Name, object Value)[] args)
    {
        _sql.Append(" AND ").Append(condition);
        _args.AddRange(args);
    }
}
