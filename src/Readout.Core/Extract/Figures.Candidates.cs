using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Step 1 of <see cref="Extract"/>: the numbers of a sentence that are figures, with their currency, scale and
/// unit; what is not a figure (years, ordinals, clock times, ages, numbers in names) is left out.
/// </summary>
public sealed partial class FigureExtractor
{
    // ---- numbers -------------------------------------------------------------------------------------

    // The number grammar stays in the code, not in figure_patterns.tsv: each number word has its value in
    // WordValues below, each scale word and glued or currency sign its power of ten or ISO code in Scale and
    // PrefixCurrency, and a word added to the data alone would match and be worth nothing.

    private const string Units = "one|two|three|four|five|six|seven|eight|nine";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Words = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + Tens + "|ten|" + Units;

    // digits and written numbers apart: one case-insensitive pattern for both is several times slower
    [GeneratedRegex(@"(?<![\p{L}\p{N}_\-–/.,:#'’%=&])(?<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<glued>(?i:bn|bln|mn|mln|tn|trn|m|k|-?fold))?(?![\p{L}\p{N}_]|[.,]\d|[\-–/:]\w)")]
    private static partial Regex DigitsRx();

    // tried only at the words that open like a number word (WordStartPattern): the generated matcher's own search for
    // a start stopped at every e, f, n, o, s and t of every sentence
    [GeneratedRegex(@"\G(?<![\-–'’/])\b(?<w>(?:" + Tens + @")[-\s](?:" + Units + @")\b|(?:" + Words + @"))(?<wfold>-?fold)?(?![\p{L}\p{N}_]|[\-–]\w)", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenRx();

    private static readonly WordStartPattern WrittenNumbers = new(WrittenRx(), Words.Split('|').Select(w => w[..3]));

    [GeneratedRegex(@"(?<cur>US\$|U\.S\.\s?\$|AU\$|A\$|CA\$|C\$|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₽|₹|₩|(?<![\p{L}])(?:USD|EUR|GBP|CNY|RMB|RUB|JPY|INR|CHF)\s?)$")]
    private static partial Regex CurrencyPrefixRx();

    [GeneratedRegex(@"\G[ \t]*\n?[ \t]*(?<w>[\p{L}][\p{L}'’\-]*)(?:[ \t]*\n?[ \t]*(?<w>[\p{L}][\p{L}'’\-]*)){0,3}")]
    private static partial Regex FollowingWordsRx();

    private static readonly Dictionary<string, int> WordValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    // a ratio is number grammar, and reads the number words above: "one in six adult women", "4 in 10 mothers"
    [GeneratedRegex(@"\b(?:\d+|" + Words + @")\s+(?:in|out\s+of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RatioBefore();

    private static readonly int DigitsGroup = DigitsRx().GroupNumberFromName("d");
    private static readonly int GluedGroup = DigitsRx().GroupNumberFromName("glued");
    private static readonly int WordsGroup = WrittenRx().GroupNumberFromName("w");
    private static readonly int WordsFoldGroup = WrittenRx().GroupNumberFromName("wfold");

    /// <summary>The numbers of a sentence in text order: the matches of the digits and of the written numbers, merged.</summary>
    private static List<(Match Match, bool Written)> Numbers(string sentence)
    {
        var digits = DigitsRx().Matches(sentence);
        var words = WrittenNumbers.Matches(sentence);
        var all = new List<(Match, bool)>(digits.Count + words.Count);
        int d = 0, w = 0;
        while (d < digits.Count || w < words.Count)
        {
            if (w == words.Count || d < digits.Count && digits[d].Index <= words[w].Index) all.Add((digits[d++], false));
            else all.Add((words[w++], true));
        }
        return all;
    }

    // ---- candidates -----------------------------------------------------------------------------------

    private List<Candidate> FindCandidates(AnalysedDocument doc, Sentence s, string? yuanOrYen)
    {
        var text = doc.Clean.Text;
        var found = new List<Candidate>();
        var taken = -1;   // end of the last figure: a count's noun phrase may not swallow the next number
        foreach (var (m, written) in Numbers(s.Text))
        {
            int numStart = s.Span.Start + m.Index, numEnd = numStart + m.Length;
            if (numStart < taken || InLink(text, numStart)) continue;
            var digits = written ? "" : m.Groups[DigitsGroup].Value;
            decimal num;
            if (written)
            {
                var parts = m.Groups[WordsGroup].Value.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
                num = parts.Sum(p => WordValues[p]);
            }
            else if (!decimal.TryParse(digits.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out num) || num > 1e15m) continue;
            var isInteger = num == decimal.Truncate(num) && !digits.Contains('.');
            var glued = (written ? m.Groups[WordsFoldGroup].Value : m.Groups[GluedGroup].Value).ToLowerInvariant();
            var fold = glued.EndsWith("fold", StringComparison.Ordinal);

            // currency before the number, within the sentence: a figure never starts in the sentence before
            // ("pledged USD $\n5.2 billion" split at the line break; a figure starting there made every window
            // reaching back from it to its sentence's start negative, RO9000)
            var prefixText = text[Math.Max(s.Span.Start, numStart - 6)..numStart];
            var pm = CurrencyPrefixRx().Match(prefixText);
            string? currency = null;
            var start = numStart;
            var money = false;
            if (pm.Success && !written)
            {
                money = true;
                currency = PrefixCurrency(pm.Groups["cur"].Value.Trim(), yuanOrYen);
                start = numStart - pm.Length;
            }

            decimal scale = 1;
            if (!fold && glued.Length > 0)
            {
                if (glued is "m" or "k" && !money) continue;   // "5m", "3k" without a currency: metres? thousands? unclear
                scale = Scale(glued);
            }
            var sm = _w.Suffix.Match(text, numEnd, s.Span.End - numEnd);
            // the groups of an empty suffix match are read as unmatched without asking: every group of the suffix
            // pattern holds a word or a sign, and reading a match's groups makes an object of each (most numbers have no suffix)
            var suffix = sm.Success && sm.Length > 0 ? sm.Groups : null;
            var end = numEnd;
            if (suffix?["h"].Success == true)
            {
                if (!written || glued.Length > 0) continue;
                scale = 100;
            }
            if (suffix?["scale"].Success == true)
            {
                if (glued.Length > 0) continue;
                scale *= Scale(suffix!["scale"].Value.ToLowerInvariant());
            }
            if (suffix is not null) end = numEnd + sm.Length;
            var value = (double)(num * scale);
            var hasScale = scale != 1;

            Kind kind;
            string? unit = null;
            if (fold) { kind = Kind.Multiplier; unit = "times"; }
            else if (suffix?["pct"].Success == true) { kind = Kind.Percent; unit = "percent"; }
            else if (suffix?["pts"].Success == true) { kind = Kind.Points; unit = "percentage points"; }
            else if (suffix?["cur"].Success == true)
            {
                var word = suffix!["cur"].Value;
                if (word.Equals("won", StringComparison.OrdinalIgnoreCase) && !hasScale) continue;   // "they won"
                kind = Kind.Money; unit = "money";
                currency = WordCurrency(word) ?? currency;
            }
            else if (suffix?["times"].Success == true)
            {
                var before = text[WindowStart(s, start)..start];
                var after = text[numEnd..Math.Min(s.Span.End, numEnd + 80)];
                if (!_w.MoveBefore.IsMatch(before) && !_w.TimesComparative.IsMatch(after)) continue;   // "met 37 times": a frequency
                kind = Kind.Multiplier; unit = "times";
            }
            else if (suffix?["unit"].Success == true) { kind = Kind.Physical; unit = NormaliseUnit(suffix!["unit"].Value); }
            else if (money) { kind = Kind.Money; unit = "money"; }
            else
            {
                // a count: a plural noun phrase right after the number ("59 Tomahawk missiles")
                if (!hasScale && (num <= 1 || written && num == 2)) continue;   // "one of", "the two sides", "as two major countries"
                if (!hasScale && isInteger && num is >= 1000 and <= 2100 && !digits.Contains(',')) continue;   // a year
                var np = CountedNoun(text, end, s.Span.End);
                if (np is null) continue;
                if (!hasScale && char.IsUpper(np.Value.Text.Split(' ')[^1][0])) continue;   // "Two Heads of State": a title, "3 Doors Down": a name
                var before = text[WindowStart(s, numStart, 40)..numStart];
                if (_w.DeterminerBefore.IsMatch(before)) continue;
                // "Group of 20 leaders", "Boeing 737 jets"; a capitalised first word of the sentence ("Some 3,000 troops") is no name
                if (_w.NameBefore.Match(before) is { Success: true } nb && !(nb.Index == 0 && numStart - before.Length == s.Span.Start && char.IsUpper(before[0]))) continue;
                if (RatioBefore().IsMatch(before)) continue;   // "one in six adult women", "4 in 10 mothers": a ratio
                kind = Kind.Count;
                unit = Spaces().Replace(np.Value.Text, " ");
                end = np.Value.End;
            }

            // what a number in a date, a year, a name or a clock time is not
            var span = new TextSpan(numStart, numEnd);
            if (kind is not (Kind.Money or Kind.Percent or Kind.Points) && doc.Times.Any(t => t.Span.Overlaps(span))) continue;
            if (_w.ClockOrAgeAfter.IsMatch(text[numEnd..Math.Min(text.Length, numEnd + 12)]) && kind is not (Kind.Money or Kind.Percent)) continue;

            found.Add(new Candidate
            {
                Start = start, End = end, NumStart = numStart, NumEnd = numEnd, Value = value, Kind = kind, Unit = unit,
                Currency = currency,
            });
            taken = end;
        }
        return found;
    }

    /// <summary>A number inside a web address or markdown link target is not a figure.</summary>
    private static bool InLink(string text, int pos)
    {
        int a = pos, b = pos;
        while (a > 0 && !char.IsWhiteSpace(text[a - 1])) a--;
        while (b < text.Length && !char.IsWhiteSpace(text[b])) b++;
        var token = text.AsSpan(a, b - a);
        return token.Contains("://", StringComparison.Ordinal) || token.Contains("www.", StringComparison.OrdinalIgnoreCase) || token.Contains("](", StringComparison.Ordinal);
    }

    private (string Text, int End)? CountedNoun(string text, int from, int limit)
    {
        if (from >= limit) return null;
        var m = FollowingWordsRx().Match(text, from, Math.Min(limit, from + 160) - from);
        if (!m.Success || m.Index != from) return null;
        var words = m.Groups["w"].Captures;
        var best = -1;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Value;
            if (_w.StopWords.Contains(w) || WordValues.ContainsKey(w) || _w.ScaleWords.Contains(w)) break;
            // a new line inside the phrase ends it unless the text is hard-wrapped prose
            if (i > 0 && text[words[i - 1].Index..words[i].Index].Contains("\n\n")) break;
            if (IsPlural(w)) best = i;
        }
        if (best < 0) return null;
        var head = words[best].Value;
        if (_w.TimeUnits.Contains(head)) return null;
        var startWord = words[0].Index;
        var endWord = words[best].Index + words[best].Length;
        return (text[startWord..endWord], endWord);
    }

    private bool IsPlural(string w)
    {
        if (_w.IrregularPlurals.Contains(w)) return true;
        if (w.Length < 3 || !char.IsLetter(w[^1])) return false;
        var lw = w.ToLowerInvariant();
        if (!lw.EndsWith('s')) return false;
        if (lw.EndsWith("ss", StringComparison.Ordinal) || lw.EndsWith("us", StringComparison.Ordinal) || lw.EndsWith("is", StringComparison.Ordinal) || lw.EndsWith("'s", StringComparison.Ordinal) || lw.EndsWith("’s", StringComparison.Ordinal)) return false;
        return !_w.StopWords.Contains(lw) && !_w.NotPlurals.Contains(lw);
    }

    /// <summary>
    /// The scale words after a number ("5 billion"), which figure_patterns.tsv's suffix pattern uses as {scales}:
    /// written here, beside the value each has, so that one is never added without the other.
    /// </summary>
    internal const string Scales = "thousand|million|billion|trillion|bn|bln|mln|mn|tn|trn";

    private static decimal Scale(string s) => s switch
    {
        "thousand" or "k" => 1_000m,
        "million" or "mn" or "mln" or "m" => 1_000_000m,
        "billion" or "bn" or "bln" => 1_000_000_000m,
        "trillion" or "tn" or "trn" => 1_000_000_000_000m,
        _ => 1m,
    };

    private static string? PrefixCurrency(string p, string? yuanOrYen) => p.Replace(" ", "").ToUpperInvariant() switch
    {
        "US$" or "U.S.$" or "$" or "USD" => "USD",
        "A$" or "AU$" => "AUD",
        "C$" or "CA$" => "CAD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "NZ$" => "NZD",
        "R$" => "BRL",
        "€" or "EUR" => "EUR",
        "£" or "GBP" => "GBP",
        "₽" or "RUB" => "RUB",
        "₹" or "INR" => "INR",
        "₩" => "KRW",
        "RMB" or "CNY" => "CNY",
        "JPY" => "JPY",
        "CHF" => "CHF",
        "¥" => yuanOrYen,
        _ => null,
    };

    private static string? WordCurrency(string w)
    {
        var s = Spaces().Replace(w, " ").ToLowerInvariant();
        if (s.StartsWith("hong kong", StringComparison.Ordinal)) return "HKD";
        if (s.StartsWith("canadian", StringComparison.Ordinal)) return "CAD";
        if (s.StartsWith("australian", StringComparison.Ordinal)) return "AUD";
        if (s.StartsWith("singapore", StringComparison.Ordinal)) return "SGD";
        if (s.StartsWith("new zealand", StringComparison.Ordinal)) return "NZD";
        if (s.StartsWith("taiwan", StringComparison.Ordinal)) return "TWD";
        if (s.Contains("dollar") || s == "dlrs" || s == "usd") return "USD";
        if (s.StartsWith("euro", StringComparison.Ordinal) || s == "eur") return "EUR";
        if (s is "yuan" or "renminbi" or "rmb" or "cny") return "CNY";
        if (s.StartsWith("rub", StringComparison.Ordinal) || s.StartsWith("roub", StringComparison.Ordinal)) return "RUB";
        if (s is "yen" or "jpy") return "JPY";
        if (s is "pounds sterling" or "british pounds" or "sterling" or "stg" or "gbp") return "GBP";
        if (s.StartsWith("indian rupee", StringComparison.Ordinal) || s == "inr") return "INR";
        if (s.Contains("won")) return "KRW";
        if (s.Contains("lira")) return "TRY";
        if (s == "reais") return "BRL";
        if (s == "rand") return "ZAR";
        if (s.StartsWith("saudi", StringComparison.Ordinal)) return "SAR";
        if (s.StartsWith("swiss", StringComparison.Ordinal) || s == "chf") return "CHF";
        if (s.StartsWith("hryvnia", StringComparison.Ordinal)) return "UAH";
        if (s == "tenge") return "KZT";
        if (s == "rupiah") return "IDR";
        if (s == "ringgit") return "MYR";
        return null;   // rupees, riyals, francs, pesos, dirhams: which country's is not clear
    }

    private string? YuanOrYen(string text)
    {
        var yuan = _w.Yuan.IsMatch(text);
        var yen = _w.Yen.IsMatch(text);
        return yuan == yen ? null : yuan ? "CNY" : "JPY";
    }

    private static string NormaliseUnit(string u)
    {
        var s = Spaces().Replace(u, " ").ToLowerInvariant();
        return s switch
        {
            "tonne" or "metric tonnes" => "tonnes",
            "metric tons" or "ton" => "tons",
            "bpd" or "barrels a day" => "barrels per day",
            "bcm" or "billion cubic metres" or "billion cubic meters" => "cubic metres",
            "cubic meters" => "cubic metres",
            "kilometers" or "km" => "kilometres",
            "square kilometers" => "square kilometres",
            "mw" => "megawatts",
            "gw" => "gigawatts",
            "kwh" => "kilowatt-hours",
            "twh" => "terawatt-hours",
            "kg" or "kilos" => "kilograms",
            "liters" => "litres",
            "troy ounces" => "ounces",
            _ => s,
        };
    }

    private string Direction(string v) =>
        _w.Down.Contains(v) ? "down" : "up";

    private static string? NearestBasis(List<(TextSpan Span, string Text)> bases, Candidate c)
    {
        var near = bases.Where(b => Distance(b.Span, new TextSpan(c.Start, c.End)) <= 80)
            .OrderBy(b => Distance(b.Span, new TextSpan(c.Start, c.End))).FirstOrDefault();
        if (near.Text is null) return null;
        var t = near.Text.ToLowerInvariant();
        if (t.Contains("month") || t.Contains("m-o-m")) return "month-on-month";
        if (t.Contains("quarter") || t.Contains("q-o-q")) return "quarter-on-quarter";
        return "year-on-year";
    }

    /// <summary>Start of the stretch of the sentence looked at before a position (regexes anchored at its end stay cheap).</summary>
    private static int WindowStart(Sentence s, int pos, int width = 100) => Math.Max(s.Span.Start, pos - width);

    /// <summary>The window before a position (<see cref="WindowStart"/>) as a start and a length, for a range match.</summary>
    private static (int From, int Length) Before(Sentence s, int pos)
    {
        var from = WindowStart(s, pos);
        return (from, pos - from);
    }

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;
}
