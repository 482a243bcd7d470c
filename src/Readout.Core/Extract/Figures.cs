using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// A figure a report gives: a number with a unit or a currency ("$172.4 billion", "47.5 percent",
/// "1 million tonnes", "fourteen times", "59 Tomahawk missiles"), what it measures, the period it covers,
/// the change it shows and who gives it.
/// </summary>
/// <param name="Id">"fig-" and 12 hex digits derived from the report's content hash and the figure's start.</param>
/// <param name="Text">The figure as written: "$172.4 billion", "fourteenfold".</param>
/// <param name="Start">Start of <paramref name="Text"/> in the clean text.</param>
/// <param name="End">End of <paramref name="Text"/> in the clean text (half-open).</param>
/// <param name="Value">The number, scale applied: "$172.4 billion" → 172400000000; "47.5 percent" → 47.5.</param>
/// <param name="Unit">"money", "percent", "percentage points", "times" (a multiplier), a physical unit
/// ("tonnes", "barrels") or, for a count, the counted noun phrase ("Tomahawk missiles").</param>
/// <param name="Currency">ISO 4217 code where the text makes it clear ($ and US$ → USD, € and euros → EUR), else null.</param>
/// <param name="Measure">What the figure measures, from the nearby noun phrase ("trade between China and Russia").</param>
/// <param name="PeriodText">The period as written ("in the first 11 months of this year").</param>
/// <param name="PeriodStart">The period's first day (ISO), when the report fixes it; null when its year cannot be known.</param>
/// <param name="PeriodEnd">The period's last day (ISO); for "since 2001", the report's reference day when known.</param>
/// <param name="ChangePercent">The change the figure shows, in percent, negative for a fall ("down 3 percent" → -3).</param>
/// <param name="ChangeDirection">"up" or "down" ("increased to $172.4 billion", "fell 3 percent").</param>
/// <param name="ChangeBasis">"year-on-year", "month-on-month" or "quarter-on-quarter".</param>
/// <param name="Source">Who gives the figure: "according to X", "X said".</param>
/// <param name="SentenceStart">Start of the sentence the figure is in.</param>
/// <param name="SentenceEnd">End of that sentence (half-open).</param>
public sealed record Figure(string Id, string Text, int Start, int End, double Value, string? Unit, string? Currency,
    string? Measure, string? PeriodText, string? PeriodStart, string? PeriodEnd, double? ChangePercent,
    string? ChangeDirection, string? ChangeBasis, string? Source, int SentenceStart, int SentenceEnd);

/// <summary>
/// Finds figures in a report's clean text, sentence by sentence. A number counts only with a unit, a
/// currency, a percent sign, a multiplier ("times", "-fold") or a plural noun it counts; years, dates,
/// ordinals, clock times, durations and numbers inside names ("G20", "COVID-19") are not figures. A
/// percentage that gives the change of another figure in the same sentence ("$172.4 billion ..., a
/// year-on-year rise of 47.5 percent") is attached to that figure rather than reported alone. Periods
/// are resolved against the document's reference frame and never the clock.
/// </summary>
public static partial class FigureExtractor
{
    private enum Kind { Money, Percent, Points, Multiplier, Physical, Count }

    private sealed class Candidate
    {
        public int Start, End, NumStart, NumEnd;
        public double Value;
        public Kind Kind;
        public string? Unit, Currency;
        public double? ChangePercent;
        public string? Direction, Basis;
        public bool IsChange, Absorbed;
        public Candidate? ChangeFrom;   // the percentage attached to this figure: its subject is this figure's measure too
    }

    private sealed record Period(TextSpan Span, string Text, string? Start, string? End);

    // ---- numbers -------------------------------------------------------------------------------------

    private const string Units = "one|two|three|four|five|six|seven|eight|nine";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Words = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + Tens + "|ten|" + Units;

    // digits and written numbers apart: one case-insensitive pattern for both is several times slower
    [GeneratedRegex(@"(?<![\p{L}\p{N}_\-–/.,:#'’%=&])(?<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<glued>(?i:bn|bln|mn|mln|tn|trn|m|k|-?fold))?(?![\p{L}\p{N}_]|[.,]\d|[\-–/:]\w)")]
    private static partial Regex DigitsRx();

    [GeneratedRegex(@"(?<![\-–'’/])\b(?<w>(?:" + Tens + @")[-\s](?:" + Units + @")\b|(?:" + Words + @"))(?<wfold>-?fold)?(?![\p{L}\p{N}_]|[\-–]\w)", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenRx();

    [GeneratedRegex(@"\G(?:\s(?<h>hundred)(?!\p{L}))?(?:\s?(?<scale>thousand|million|billion|trillion|bn|bln|mln|mn|tn|trn)(?!\p{L}))?(?:\s?(?<pct>%)|\s(?<pct>per\s?cent|percent|pct)(?!\p{L})|\s(?<pts>percentage\s+points?)(?!\p{L})|\s(?<cur>" + CurrencyWords + @")(?!\p{L})|\s(?<times>times)(?!\p{L})|\s(?<unit>" + PhysicalUnits + @")(?![\p{L}\-]))?", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixRx();

    private const string CurrencyWords =
        @"(?:US|U\.S\.|American|Hong\s+Kong|Canadian|Australian|Singapore|New\s+Zealand|Taiwan)\s+(?:dollars?|dlrs)|dollars?|dlrs|euros?|yuan|renminbi|RMB|rubles?|roubles?|yen|pounds\s+sterling|British\s+pounds|sterling|stg|Indian\s+rupees?|rupees?|South\s+Korean\s+won|won|Turkish\s+lira|lira|reais|rand|Saudi\s+riyals?|riyals?|dirhams?|Swiss\s+francs?|francs?|hryvnias?|hryvnia|tenge|rupiah|ringgit|pesos?|USD|EUR|CNY|RUB|JPY|GBP|INR|CHF";

    private const string PhysicalUnits =
        @"(?:metric\s+)?tonnes|(?:metric\s+)?tons|tonne|barrels\s+(?:per|a)\s+day|barrels|bpd|(?:billion\s+)?cubic\s+(?:metres|meters)|bcm|square\s+(?:kilometres|kilometers|miles)|kilometres|kilometers|km|miles|hectares|acres|megawatts|MW|gigawatts|GW|kilowatt-hours|kWh|terawatt-hours|TWh|kilograms|kilos|kg|litres|liters|gallons|bushels|ounces|troy\s+ounces";

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

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "nor", "as", "than",
        "that", "which", "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "has", "have", "had",
        "will", "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "per", "each", "more", "less",
        "into", "onto", "over", "under", "about", "after", "before", "during", "since", "until", "while", "this", "these",
        "those", "its", "their", "his", "her", "our", "your", "my", "not", "also", "only", "still", "all", "both", "such",
        "said", "says", "so", "yet", "then", "there", "here", "when", "where", "if", "it", "they", "them", "he", "she", "we",
        "you", "i", "us", "me", "let", "between", "among", "against", "across", "through", "via", "up", "down", "out", "off", "again",
        "already", "every", "other", "another", "some", "any", "no", "most", "many", "much", "few", "several", "own", "same",
    };

    private static readonly HashSet<string> ScaleWords = new(StringComparer.OrdinalIgnoreCase)
    { "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "dozen" };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "seconds", "minutes", "hours", "days", "weeks", "fortnights", "months", "quarters", "years", "decades", "centuries",
        "millennia", "nights", "mornings", "afternoons", "evenings", "weekends", "times", "percent", "cents", "others", "ones",
        "hrs", "mins", "secs", "yrs", "cts", "mths", "qtrs", "wks", "terms", "sessions", "occasions", "rounds",
    };

    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "men", "women", "children", "personnel", "police", "staff", "aircraft", "cattle", "livestock", "troops",
        "feet", "geese", "mice", "teeth", "persons", "citizens",
    };

    // a count introduced by one of these refers to a known set ("the two countries"), not a figure
    [GeneratedRegex(@"(?:\b(?:the|these|those|their|its|his|her|our|your|my|both|all|whose|every|each|first|last|next|past|previous|other|another|top|only)|['’]s)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex DeterminerBefore();

    [GeneratedRegex(@"\b(?:\d+|" + Words + @")\s+(?:in|out\s+of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RatioBefore();

    [GeneratedRegex(@"\b(?:will|would|shall|can|could|should|may|might|must|has|have|had|is|are|was|were|do|does|did|be|been)\b|\b(?:a|an|the)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotANounPhrase();

    // "Group of 20 leaders", "Apollo 11 astronauts", "Resolution 2231": a number in a name
    [GeneratedRegex(@"(?:\b\p{Lu}[\p{L}\-]*\s+(?:of\s+)?|\b(?:No|no|Nos|page|pages|pp|p|article|chapter|section|paragraph|item|number|resolution|aged|age|flight|route|room|level|phase|grade|size|category|class|model|version|point|points|score|scored)\.?\s+)$")]
    private static partial Regex NameBefore();

    [GeneratedRegex(@"^\s*(?:years?\s+old|year-old|a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|hours?\s+GMT)", RegexOptions.IgnoreCase)]
    private static partial Regex ClockOrAgeAfter();

    // ---- change ---------------------------------------------------------------------------------------

    private const string UpWords = "rose|rise|rises|risen|rising|increased|increase|increases|increasing|grew|grow|grows|grown|growing|growth|jumped|jump|jumps|surged|surge|surges|soared|soar|climbed|climb|climbs|gained|gain|gains|expanded|expand|expands|expansion|advanced|up|higher|doubled|tripled|hike|hikes|boosted|added";
    private const string DownWords = "fell|fall|falls|fallen|falling|dropped|drop|drops|declined|decline|declines|declining|decreased|decrease|decreases|shrank|shrunk|shrink|shrinks|contracted|contraction|slid|slide|slipped|plunged|plunge|plummeted|slumped|slump|tumbled|down|lower|reduction|reduced|cut|cuts|lost|loss|losses|dipped|dip|eased";
    private const string Approx = @"(?:by|of|some|about|around|roughly|nearly|almost|approximately|an\s+estimated|more\s+than|less\s+than|over|just\s+over|just\s+under|a\s+further|another|a|an|only|just|as\s+much\s+as|at\s+least|close\s+to|well\s+over)";
    private const string BasisWords = @"year[- ]on[- ]year|y-o-y|yoy|month[- ]on[- ]month|m-o-m|quarter[- ]on[- ]quarter|q-o-q";

    [GeneratedRegex(@"\b(?<v>" + UpWords + "|" + DownWords + @")\b(?:\s+(?:" + BasisWords + @"))?\s+(?:" + Approx + @"\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeBeforeRx();

    [GeneratedRegex(@"^\s*(?:(?:" + BasisWords + @"|annual|yearly|monthly|quarterly|on-year)\s+)?(?<v>increase|rise|growth|jump|gain|surge|climb|hike|expansion|drop|decline|fall|decrease|contraction|reduction|cut|slump|plunge|loss|higher|lower|more|less|up|down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeAfterRx();

    // a level reached by a move: "increased to $172.4 billion", "fell to 3 percent"
    [GeneratedRegex(@"\b(?<v>" + UpWords + "|" + DownWords + @")\b\s+(?:to|at)\s+(?:" + Approx + @"\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelMoveBeforeRx();

    [GeneratedRegex(@"\b(?:" + BasisWords + @"|(?:from|over|compared\s+(?:with|to))\s+(?:a|the\s+previous|the\s+prior|the\s+same\s+period\s+(?:of\s+|in\s+)?(?:last|a|the\s+previous)|the\s+same\s+(?:month|quarter)\s+(?:of\s+|in\s+)?(?:last|a|the\s+previous))\s+(?<u>year|month|quarter)(?:\s+(?:earlier|ago|before))?|(?:compared\s+(?:with|to)|from|over|on)\s+(?:the\s+)?same\s+period\s+(?:of\s+|in\s+)?last\s+year|on\s+the\s+year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BasisRx();

    [GeneratedRegex(@"\b(?:times)\s+(?:more|higher|larger|bigger|greater|over|as\s+(?:much|many|large|high|big))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimesComparativeRx();

    // ---- periods --------------------------------------------------------------------------------------

    private const string Mon = @"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private const string NumW = @"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private const string YRef = @"this\s+year|last\s+year|the\s+(?:current|previous|past)\s+year|the\s+year|(?:19|20)\d\d";
    // a preposition before a period belongs to it ("in the first 11 months"); matched apart so the period regex stays cheap
    [GeneratedRegex(@"\b(?:in|during|for|over|through|throughout|within|between|from)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionBefore();

    [GeneratedRegex(@"^(?:in|during|for|over|through|throughout|within|between|from|since|by|before)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithPreposition();

    [GeneratedRegex(
        @"\bthe\s+first\s+(?<fm>" + NumW + @")\s+months(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\bthe\s+first\s+(?<fq>two|three|2|3)\s+quarters(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\bthe\s+(?<oq>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\b(?<qq>Q[1-4])\s+(?<y>(?:19|20)\d\d)\b" +
        @"|\bthe\s+(?<hf>first|second)\s+half(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\b(?:the\s+)?(?<m1>" + Mon + @")\.?\s*(?:-|–|to|through|and)\s*(?<m2>" + Mon + @")\b\.?(?:\s+(?:period\s+)?(?:of\s+)?(?<y>" + YRef + @"))?(?:\s+period\b)?" +
        @"|\b(?:between|from)\s+(?<ya>(?:19|20)\d\d)\s*(?:-|–|to|through|and)\s*(?<yb>(?:19|20)\d\d)\b" +
        @"|\b(?:since|from)\s+(?<since>(?:19|20)\d\d)\b" +
        @"|\b(?:in|during|for|over|throughout|through)\s+(?:the\s+(?:whole|entire|full|calendar|fiscal)\s+(?:year\s+)?(?:of\s+)?)?(?:fiscal\s+)?(?<yo>(?:19|20)\d\d)\b(?![\-–/]\d)" +
        @"|\b(?:in|during)\s+(?<mo>" + Mon + @")\b(?!\.?\s*(?:-|–|to|through|and)\s*(?:" + Mon + @")\b)\.?(?:\s*,?\s*(?<y>(?:19|20)\d\d)\b)?" +
        @"|\b(?:the\s+)?(?:past|last|previous)\s+(?<pn>" + NumW + @"|few|several)\s+(?<pu>years|decades|months)\b" +
        @"|\bover\s+(?<pn>" + NumW + @")\s+(?<pu>years|decades)\b" +
        @"|\b(?<rel>last|this|the\s+previous|the\s+past|the\s+current)\s+year\b" +
        @"|\b(?<relm>last|this)\s+month\b" +
        @"|\b(?:by|before)\s+(?<by>(?:19|20)\d\d)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PeriodRx();

    // ---- measure --------------------------------------------------------------------------------------

    private const string MeasureVerbs = "increased|increase|increases|rose|rise|rises|risen|grew|grow|grows|grown|expanded|expand|expands|reached|reach|reaches|reaching|hit|hits|hitting|exceeded|exceed|exceeds|exceeding|passed|passes|crossed|neared|approached|touched|surpassed|surpass|surpasses|topped|tops|top|totaled|totalled|total|totals|amounted|amounts|amount|climbed|climbs|jumped|jumps|surged|surges|soared|fell|falls|fallen|fall|dropped|drops|declined|declines|decreased|decreases|shrank|shrunk|contracted|stood|stands|stand|came|comes|was|were|is|are|be|doubled|tripled|multiplied|equalled|equaled|equals|slid|slipped|plunged|slumped|tumbled|gained|gains|advanced|hovered|remained|remains|worth|valued|estimated";

    [GeneratedRegex(@"(?:\b(?:is|are|was|were|has\s+been|had\s+been|have\s+been)\s+(?:expected|projected|forecast|set|likely|estimated|seen|poised|due|on\s+track)\s+)?(?:\b(?:has|have|had|was|were|is|are|will|would|could|should|may|might|to|be|been|being)\s+)*(?<!\b(?:a|an|the)\s+)\b(?<v>" + MeasureVerbs + @")\b(?:\s+(?:" + Approx + @"|to|at|from|up\s+to|a\s+record|a\s+new\s+high\s+of|a\s+record\s+high\s+of|a\s+total\s+of|beyond|some|almost))*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VerbBeforeRx();

    [GeneratedRegex(@",\s*with\b|[,;:(\u2014\u2013""“”]|\s-\s|\b(?:that|which|who|while|whereas|when|because|said|says|say|noted|added|stated|stressed|emphasi[sz]ed|underscored|pointed\s+out|told\s+\S+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundaryRx();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThe();

    [GeneratedRegex(@"\s+(?:data|figures|statistics|estimates)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingData();

    [GeneratedRegex(@"\b(yuan|renminbi|RMB)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YuanRx();

    [GeneratedRegex(@"\byen\b", RegexOptions.IgnoreCase)]
    private static partial Regex YenRx();

    [GeneratedRegex(@"\b(?:a|an|the)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleBefore();

    [GeneratedRegex(@"^\s+(?:(?:worth\s+of|of)\s+(?!\d)|in\s+(?-i:(?=\p{Ll})))", RegexOptions.IgnoreCase)]
    private static partial Regex OfAfter();

    [GeneratedRegex(@"^(?:(?:19|20)\d\d|" + Mon + ")", RegexOptions.IgnoreCase)]
    private static partial Regex YearOrMonthStart();

    [GeneratedRegex(@"\s(?:of|worth|totalling|totaling|valued\s+at)\s+(?:" + Approx + @"\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex OfBefore();

    [GeneratedRegex(@"[’'](?:re|ve|ll|m|d)\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"[,”""]\s*$")]
    private static partial Regex QuoteOrCommaEnd();

    [GeneratedRegex(@"^(?:the\s+)?(?<n>\p{Lu}[\p{L}.'’&\-]*(?:\s+(?:of|for|and|the|on|\p{Lu}[\p{L}.'’&\-]*))*)")]
    private static partial Regex CapitalisedName();

    [GeneratedRegex(@"^(?:I|We|You|They|It)(?:['’]\w+)?$")]
    private static partial Regex PronounName();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’&\-]*$")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"(?<=\s)(?:just|also|previously|earlier|recently|already|then|now|later|again|further|separately|certainly|\p{L}+ly)$", RegexOptions.IgnoreCase)]
    private static partial Regex AdverbEnd();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesis();

    // ", which he said had grown": the last relative clause, whose antecedent ends at the comma
    [GeneratedRegex(@",\s*(?:which|that)\b(?!.*,\s*(?:which|that)\b)[^,]*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex RelativeRx();

    // a move that leads to a figure: "rose by $5 billion", "has expanded roughly fourteen times"
    [GeneratedRegex(@"\b(?<v>(?!(?:up|down|higher|lower|added|cut|cuts|lost)\b)(?:" + UpWords + "|" + DownWords + @"))\b\s+(?:" + Approx + @"\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveBeforeRx();

    [GeneratedRegex(@"^\s*(?:to|at|,)?\s*(?:(?:about|around|roughly|nearly|almost|approximately|an\s+estimated|some|just\s+over|just\s+under|more\s+than|over)\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadsTo();

    [GeneratedRegex(@"\b(?:while|whereas|with|but|and|compared|against|versus|vs)\b|[;:]", RegexOptions.IgnoreCase)]
    private static partial Regex AnotherClaim();

    /// <summary>Between a figure and the change after it lies only its period, its basis and the change's own words.</summary>
    private static bool ChangeFollows(string text, int from, int to, List<TextSpan> masks)
    {
        return to - from <= 120 && !AnotherClaim().IsMatch(Unmasked(text, from, to, masks));
    }

    /// <summary>The text between two offsets without the period and basis phrases in it.</summary>
    private static string Unmasked(string text, int from, int to, List<TextSpan> masks)
    {
        var sb = new System.Text.StringBuilder(to - from);
        for (int i = from; i < to; i++) if (!masks.Any(m => m.Contains(i))) sb.Append(text[i]);
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*,?\s*or\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OrPercent();

    [GeneratedRegex(@"^(?:(?:and|but|so|yet|while|then|also|meanwhile|moreover|however)\s+)*(?:(?:the|a|an)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingGlueRx();

    private static readonly HashSet<string> GenericHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "total", "number", "sum", "amount", "figure", "value", "record", "level", "high", "low", "peak", "average", "estimate",
        "maximum", "minimum", "increase", "rise", "growth", "jump", "gain", "drop", "decline", "fall", "decrease", "reduction",
        "cut", "loss", "surge", "tune", "excess", "worth", "one", "some", "part", "share", "rate", "upwards", "more", "less",
    };

    private static readonly HashSet<string> TimeHeads = new(StringComparer.OrdinalIgnoreCase)
    { "year", "years", "quarter", "quarters", "half", "month", "months", "week", "weeks", "day", "days", "calendar", "period", "time", "decade", "decades" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    { "it", "they", "this", "that", "which", "he", "she", "we", "these", "those", "there", "what", "who", "i", "you" };

    // ---- source ---------------------------------------------------------------------------------------

    [GeneratedRegex(@"\baccording\s+to\s+(?<src>.+?)(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$|\s+(?:which|who|that|as|while|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b))", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingToRx();

    [GeneratedRegex(@"^(?:(?:the|official|latest|preliminary|new|recent)\s+)*(?:data|figures|statistics|numbers|estimates|calculations)\s+(?:from|by|of|released\s+by|published\s+by|compiled\s+by|issued\s+by)\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex DataFromRx();

    [GeneratedRegex(@"\b(?<v>said|says|say|told|tells|stated|noted|added|announced|reported|reports|estimated|estimates|showed|shows|show|revealed|disclosed|pointed\s+out|stressed|emphasi[sz]ed|underscored|highlighted|observed|recalled|predicted|forecast|expects)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportVerbRx();

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "on", "de", "du", "&" };

    // ------------------------------------------------------------------------------------------------

    /// <summary>The figures of one analysed report, in text order.</summary>
    public static IReadOnlyList<Figure> Extract(AnalysedDocument doc, CancellationToken ct = default)
    {
        var text = doc.Clean.Text;
        var frameYear = doc.Frame.Date?.Year ?? doc.Frame.Year;
        var frameDay = doc.Frame.Date;
        var yuanOrYen = YuanOrYen(text);
        var result = new List<Figure>();

        foreach (var s in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            var sText = s.Text;
            var cands = FindCandidates(doc, s, yuanOrYen);
            if (cands.Count == 0) continue;
            var basisSpans = BasisRx().Matches(sText).Select(m => (Span: new TextSpan(s.Span.Start + m.Index, s.Span.Start + m.Index + m.Length), Text: m.Value)).ToList();
            var periods = FindPeriods(sText, s.Span.Start, basisSpans.Select(b => b.Span).ToList(), frameYear, frameDay);
            // a number inside a period ("the first 11 months") is part of the period
            cands.RemoveAll(c => periods.Any(p => p.Span.Overlaps(new TextSpan(c.NumStart, c.NumEnd))));
            if (cands.Count == 0) continue;

            // a level reached by a move: "increased to $172.4 billion"
            foreach (var c in cands.Where(c => c.Kind is not (Kind.Percent or Kind.Points)))
            {
                var before = text[WindowStart(s, c.Start)..c.Start];
                if (LevelMoveBeforeRx().Match(before) is { Success: true } lm) c.Direction = Direction(lm.Groups["v"].Value);
                else if (MoveBeforeRx().Match(before) is { Success: true } cm)
                    c.Direction = Direction(cm.Groups["v"].Value);
            }

            // change: percentages that say how much something moved
            foreach (var c in cands.Where(c => c.Kind is Kind.Percent or Kind.Points))
            {
                var before = text[WindowStart(s, c.Start)..c.Start];
                var after = text[c.End..Math.Min(s.Span.End, c.End + 120)];
                var mb = ChangeBeforeRx().Match(before);
                var ma = ChangeAfterRx().Match(after);
                string? dir = mb.Success ? Direction(mb.Groups["v"].Value) : ma.Success ? Direction(ma.Groups["v"].Value) : null;
                // "increased by $3.4 billion, or 8 percent": the same move in percent
                if (dir is null && cands.LastOrDefault(t => t.End <= c.Start) is { Direction: { } prevDir, Kind: not (Kind.Percent or Kind.Points) } prevFig
                    && OrPercent().IsMatch(text[prevFig.End..c.Start]))
                    dir = prevDir;
                if (dir is null)
                {
                    if (LevelMoveBeforeRx().Match(before) is { Success: true } lm) c.Direction = Direction(lm.Groups["v"].Value);
                    continue;
                }
                c.IsChange = true;
                c.Direction = dir;
                c.Basis = NearestBasis(basisSpans, c);
                if (c.Kind == Kind.Percent) c.ChangePercent = dir == "down" ? -c.Value : c.Value;
            }
            var masks = periods.Select(p => p.Span).Concat(basisSpans.Select(b => b.Span)).ToList();
            foreach (var p in cands.Where(c => c.IsChange && c.Kind == Kind.Percent))
            {
                // the figure just before ("$172.4 billion ..., a year-on-year rise of 47.5 percent") or the one the
                // change leads to ("up 33 percent to $67.4 million"), with nothing between that starts another claim
                var prev = cands.LastOrDefault(t => t.End <= p.Start);
                var next = cands.FirstOrDefault(t => t.Start >= p.End);
                Candidate? target = null;
                if (prev is { Kind: Kind.Money or Kind.Physical or Kind.Count, ChangePercent: null } && ChangeFollows(text, prev.End, p.Start, masks))
                    target = prev;
                else if (next is { Kind: Kind.Money or Kind.Physical or Kind.Count, ChangePercent: null } && LeadsTo().IsMatch(Unmasked(text, p.End, next.Start, masks)))
                    target = next;
                if (target is null) continue;
                target.ChangePercent = p.ChangePercent;
                target.Direction = p.Direction;
                target.Basis = p.Basis;
                target.ChangeFrom = p;
                p.Absorbed = true;
            }

            foreach (var c in cands.Where(c => !c.Absorbed))
            {
                // the nearest period not separated from the figure by another figure ("$776 million, up 12 percent from $693 million last year")
                var period = periods.Where(p => !p.Span.Overlaps(new TextSpan(c.Start, c.End)))
                    .Where(p => !cands.Any(o => o != c && (o.Start >= Math.Min(p.Span.End, c.End) && o.End <= Math.Max(p.Span.Start, c.Start))))
                    .OrderBy(p => Distance(p.Span, new TextSpan(c.Start, c.End))).FirstOrDefault();
                var measure = Measure(doc, s, c, masks, cands) ?? (c.ChangeFrom is { } from ? Measure(doc, s, from, masks, cands) : null);
                var source = Source(doc, s, c);
                var id = "fig-" + InputReader.Hash($"{doc.Clean.Raw.ContentHash}|{c.Start}")[..12];
                result.Add(new Figure(id, text[c.Start..c.End], c.Start, c.End, c.Value, c.Unit, c.Currency, measure,
                    period?.Text, period?.Start, period?.End, c.ChangePercent, c.Direction, c.Basis, source, s.Span.Start, s.Span.End));
            }
        }
        return result;
    }

    // ---- candidates -----------------------------------------------------------------------------------

    private static List<Candidate> FindCandidates(AnalysedDocument doc, Sentence s, string? yuanOrYen)
    {
        var text = doc.Clean.Text;
        var found = new List<Candidate>();
        var taken = -1;   // end of the last figure: a count's noun phrase may not swallow the next number
        var numbers = DigitsRx().Matches(s.Text).Concat(WrittenRx().Matches(s.Text)).OrderBy(m => m.Index).ToList();
        foreach (var m in numbers)
        {
            int numStart = s.Span.Start + m.Index, numEnd = numStart + m.Length;
            if (numStart < taken || InLink(text, numStart)) continue;
            var written = m.Groups["w"].Success;
            decimal num;
            if (written)
            {
                var parts = m.Groups["w"].Value.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
                num = parts.Sum(p => WordValues[p]);
            }
            else if (!decimal.TryParse(m.Groups["d"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out num) || num > 1e15m) continue;
            var isInteger = num == decimal.Truncate(num) && !m.Groups["d"].Value.Contains('.');
            var glued = (m.Groups["glued"].Success ? m.Groups["glued"].Value : m.Groups["wfold"].Value).ToLowerInvariant();
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
            var sm = SuffixRx().Match(text, numEnd, s.Span.End - numEnd);
            var end = numEnd;
            if (sm.Groups["h"].Success)
            {
                if (!written || glued.Length > 0) continue;
                scale = 100;
            }
            if (sm.Groups["scale"].Success)
            {
                if (glued.Length > 0) continue;
                scale *= Scale(sm.Groups["scale"].Value.ToLowerInvariant());
            }
            if (sm.Success && sm.Length > 0) end = numEnd + sm.Length;
            var value = (double)(num * scale);
            var hasScale = scale != 1;

            Kind kind;
            string? unit = null;
            if (fold) { kind = Kind.Multiplier; unit = "times"; }
            else if (sm.Groups["pct"].Success) { kind = Kind.Percent; unit = "percent"; }
            else if (sm.Groups["pts"].Success) { kind = Kind.Points; unit = "percentage points"; }
            else if (sm.Groups["cur"].Success)
            {
                var word = sm.Groups["cur"].Value;
                if (word.Equals("won", StringComparison.OrdinalIgnoreCase) && !hasScale) continue;   // "they won"
                kind = Kind.Money; unit = "money";
                currency = WordCurrency(word) ?? currency;
            }
            else if (sm.Groups["times"].Success)
            {
                var before = text[WindowStart(s, start)..start];
                var after = text[numEnd..Math.Min(s.Span.End, numEnd + 80)];
                if (!MoveBeforeRx().IsMatch(before) && !TimesComparativeRx().IsMatch(after)) continue;   // "met 37 times": a frequency
                kind = Kind.Multiplier; unit = "times";
            }
            else if (sm.Groups["unit"].Success) { kind = Kind.Physical; unit = NormaliseUnit(sm.Groups["unit"].Value); }
            else if (money) { kind = Kind.Money; unit = "money"; }
            else
            {
                // a count: a plural noun phrase right after the number ("59 Tomahawk missiles")
                if (!hasScale && (num <= 1 || written && num == 2)) continue;   // "one of", "the two sides", "as two major countries"
                if (!hasScale && isInteger && num is >= 1000 and <= 2100 && !m.Groups["d"].Value.Contains(',')) continue;   // a year
                var np = CountedNoun(text, end, s.Span.End);
                if (np is null) continue;
                if (!hasScale && char.IsUpper(np.Value.Text.Split(' ')[^1][0])) continue;   // "Two Heads of State": a title, "3 Doors Down": a name
                var before = text[WindowStart(s, numStart, 40)..numStart];
                if (DeterminerBefore().IsMatch(before)) continue;
                // "Group of 20 leaders", "Boeing 737 jets"; a capitalised first word of the sentence ("Some 3,000 troops") is no name
                if (NameBefore().Match(before) is { Success: true } nb && !(nb.Index == 0 && numStart - before.Length == s.Span.Start && char.IsUpper(before[0]))) continue;
                if (RatioBefore().IsMatch(before)) continue;   // "one in six adult women", "4 in 10 mothers": a ratio
                kind = Kind.Count;
                unit = Spaces().Replace(np.Value.Text, " ");
                end = np.Value.End;
            }

            // what a number in a date, a year, a name or a clock time is not
            var span = new TextSpan(numStart, numEnd);
            if (kind is not (Kind.Money or Kind.Percent or Kind.Points) && doc.Times.Any(t => t.Span.Overlaps(span))) continue;
            if (ClockOrAgeAfter().IsMatch(text[numEnd..Math.Min(text.Length, numEnd + 12)]) && kind is not (Kind.Money or Kind.Percent)) continue;

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

    private static (string Text, int End)? CountedNoun(string text, int from, int limit)
    {
        if (from >= limit) return null;
        var m = FollowingWordsRx().Match(text, from, Math.Min(limit, from + 160) - from);
        if (!m.Success || m.Index != from) return null;
        var words = m.Groups["w"].Captures;
        var best = -1;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Value;
            if (StopWords.Contains(w) || WordValues.ContainsKey(w) || ScaleWords.Contains(w)) break;
            // a new line inside the phrase ends it unless the text is hard-wrapped prose
            if (i > 0 && text[words[i - 1].Index..words[i].Index].Contains("\n\n")) break;
            if (IsPlural(w)) best = i;
        }
        if (best < 0) return null;
        var head = words[best].Value;
        if (TimeUnits.Contains(head)) return null;
        var startWord = words[0].Index;
        var endWord = words[best].Index + words[best].Length;
        return (text[startWord..endWord], endWord);
    }

    private static bool IsPlural(string w)
    {
        if (IrregularPlurals.Contains(w)) return true;
        if (w.Length < 3 || !char.IsLetter(w[^1])) return false;
        var lw = w.ToLowerInvariant();
        if (!lw.EndsWith('s')) return false;
        if (lw.EndsWith("ss", StringComparison.Ordinal) || lw.EndsWith("us", StringComparison.Ordinal) || lw.EndsWith("is", StringComparison.Ordinal) || lw.EndsWith("'s", StringComparison.Ordinal) || lw.EndsWith("’s", StringComparison.Ordinal)) return false;
        return !StopWords.Contains(lw) && lw is not ("was" or "has" or "does" or "goes" or "says" or "sees" or "news" or "series" or "yes" or "less" or "unless" or "thus" or "plus" or "whereas" or "perhaps");
    }

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

    private static string? YuanOrYen(string text)
    {
        var yuan = YuanRx().IsMatch(text);
        var yen = YenRx().IsMatch(text);
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

    private static string Direction(string v) =>
        DownWordSet.Contains(v) ? "down" : "up";

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

    private static readonly HashSet<string> MeasureVerbSet = new(MeasureVerbs.Split('|'), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> MoveWordSet = new((MeasureVerbs + "|" + UpWords + "|" + DownWords).Split('|'), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> DownWordSet = new(DownWords.Split('|'), StringComparer.OrdinalIgnoreCase);

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    // ---- periods --------------------------------------------------------------------------------------

    private static List<Period> FindPeriods(string sText, int offset, List<TextSpan> basisSpans, int? year, DateOnly? day)
    {
        var list = new List<Period>();
        foreach (Match m in PeriodRx().Matches(sText))
        {
            var ms = m.Index;
            if (!StartsWithPreposition().IsMatch(m.Value)
                && PrepositionBefore().Match(sText, Math.Max(0, ms - 16), ms - Math.Max(0, ms - 16)) is { Success: true } pb)
                ms = pb.Index;
            var span = new TextSpan(offset + ms, offset + m.Index + m.Length);
            if (basisSpans.Any(b => b.Overlaps(span))) continue;
            var (start, end) = Resolve(m, year, day);
            list.Add(new Period(span, Spaces().Replace(sText[ms..(m.Index + m.Length)], " ").Trim(), start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static (DateOnly? Start, DateOnly? End) Resolve(Match m, int? frameYear, DateOnly? day)
    {
        int? Y(string? yref)
        {
            if (string.IsNullOrEmpty(yref)) return frameYear;
            if (int.TryParse(yref, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return y;
            var r = Spaces().Replace(yref, " ").ToLowerInvariant();
            if (r is "last year" or "the previous year" or "the past year") return frameYear - 1;
            return frameYear;
        }
        static DateOnly First(int y, int mo) => new(y, mo, 1);
        static DateOnly Last(int y, int mo) => new(y, mo, DateTime.DaysInMonth(y, mo));
        var g = m.Groups;
        var yv = g["y"].Success ? g["y"].Value : null;

        if (g["fm"].Success && Y(yv) is { } y1)
        {
            var n = Number(g["fm"].Value);
            return n is >= 1 and <= 12 ? (First(y1, 1), Last(y1, n)) : (null, null);
        }
        if (g["fq"].Success && Y(yv) is { } y2) return (First(y2, 1), Last(y2, 3 * Number(g["fq"].Value)));
        if (g["oq"].Success && Y(yv) is { } y3)
        {
            var q = g["oq"].Value.ToLowerInvariant() switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
            return (First(y3, 3 * q - 2), Last(y3, 3 * q));
        }
        if (g["qq"].Success && Y(yv) is { } y4)
        {
            var q = g["qq"].Value[1] - '0';
            return (First(y4, 3 * q - 2), Last(y4, 3 * q));
        }
        if (g["hf"].Success && Y(yv) is { } y5)
            return g["hf"].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? (First(y5, 1), Last(y5, 6)) : (First(y5, 7), Last(y5, 12));
        if (g["m1"].Success && Y(yv) is { } y6)
        {
            int a = MetadataMonth(g["m1"].Value), b = MetadataMonth(g["m2"].Value);
            return a <= b ? (First(y6, a), Last(y6, b)) : (First(y6 - 1, a), Last(y6, b));
        }
        if (g["ya"].Success)
        {
            int a = int.Parse(g["ya"].Value, CultureInfo.InvariantCulture), b = int.Parse(g["yb"].Value, CultureInfo.InvariantCulture);
            return a <= b ? (First(a, 1), Last(b, 12)) : (null, null);
        }
        if (g["since"].Success)
        {
            var a = int.Parse(g["since"].Value, CultureInfo.InvariantCulture);
            return (First(a, 1), day is { } d && d.Year >= a ? d : null);
        }
        if (g["yo"].Success)
        {
            var a = int.Parse(g["yo"].Value, CultureInfo.InvariantCulture);
            return (First(a, 1), Last(a, 12));
        }
        if (g["mo"].Success)
        {
            var mo = MetadataMonth(g["mo"].Value);
            if (yv is not null) { var a = int.Parse(yv, CultureInfo.InvariantCulture); return (First(a, mo), Last(a, mo)); }
            if (day is { } d) { var a = mo > d.Month ? d.Year - 1 : d.Year; return (First(a, mo), Last(a, mo)); }
            if (frameYear is { } fy) return (First(fy, mo), Last(fy, mo));
            return (null, null);
        }
        if (g["rel"].Success)
        {
            var r = Spaces().Replace(g["rel"].Value, " ").ToLowerInvariant();
            if (r == "the past" || frameYear is not { } fy) return (null, null);
            var a = r is "last" or "the previous" ? fy - 1 : fy;
            return (First(a, 1), Last(a, 12));
        }
        if (g["relm"].Success && day is { } dd)
        {
            var first = new DateOnly(dd.Year, dd.Month, 1);
            if (g["relm"].Value.Equals("last", StringComparison.OrdinalIgnoreCase)) first = first.AddMonths(-1);
            return (first, Last(first.Year, first.Month));
        }
        if (g["by"].Success)
        {
            var a = int.Parse(g["by"].Value, CultureInfo.InvariantCulture);
            return (null, Last(a, 12));
        }
        return (null, null);
    }

    private static int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : WordValues.GetValueOrDefault(s, 0);

    private static int MetadataMonth(string s) => s[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    // ---- measure --------------------------------------------------------------------------------------

    private static string? Measure(AnalysedDocument doc, Sentence s, Candidate c, List<TextSpan> masks, List<Candidate> cands)
    {
        if (c.Kind == Kind.Count) return null;
        var text = doc.Clean.Text;
        var win = WindowStart(s, c.Start);
        var before = text[win..c.Start];

        // "a $400 billion gas deal"
        if (c.Kind == Kind.Money && ArticleBefore().IsMatch(before))
        {
            var np = WordsForward(text, c.End, s.Span.End, allowFirstStop: false);
            if (np is not null) return np;
        }

        // subject of the verb that leads to the figure: "Trade between China and Russia increased to $172.4 billion"
        var vm = VerbBeforeRx().Match(before);
        if (!vm.Success && c.Kind is Kind.Percent or Kind.Points) vm = ChangeBeforeRx().Match(before);   // "store sales up nine percent"
        if (vm.Success && !cands.Any(o => o != c && o.End > win + vm.Index - 1 && o.End <= c.Start))
        {
            var clauseEnd = win + vm.Index;
            var subject = Subject(doc, s, WindowStart(s, clauseEnd, 240), clauseEnd, masks);
            if (subject is not null) return subject;
        }

        // "1 million tonnes of discounted grain", "$10 billion in loans", "47.5 percent of the market"
        var of = OfAfter().Match(text[c.End..Math.Min(s.Span.End, c.End + 40)]);
        if (of.Success)
        {
            var npStart = c.End + of.Length;
            var np = WordsForward(text, npStart, s.Span.End, allowFirstStop: false, allowDeterminer: true);
            if (np is not null && !YearOrMonthStart().IsMatch(np)
                && !cands.Any(o => o != c && o.Start >= npStart && o.Start <= text.IndexOf(np, npStart, StringComparison.Ordinal) + np.Length + 3))
                return np;
        }

        // "a trade volume of $X", "investment worth $X"
        var ofBefore = OfBefore().Match(before);
        if (ofBefore.Success)
        {
            var npEnd = win + ofBefore.Index;
            var np = WordsBackward(text, win, npEnd);
            if (np is not null && !cands.Any(o => o != c && o.End <= npEnd && o.End > npEnd - np.Length - 1)) return np;
        }
        return null;
    }

    /// <summary>The noun phrase that ends at <paramref name="clauseEnd"/>, from the start of its clause.</summary>
    private static string? Subject(AnalysedDocument doc, Sentence s, int clauseStart, int clauseEnd, List<TextSpan> masks)
    {
        var text = doc.Clean.Text;
        // a parenthesis inside the subject is skipped, not a boundary: "purchase price (including costs) will be"
        var clause = Parenthesis().Replace(text[clauseStart..clauseEnd], m => new string(' ', m.Length));
        var bounds = ClauseBoundaryRx().Matches(clause);
        var from = clauseStart;
        foreach (Match b in bounds) from = clauseStart + b.Index + b.Length;
        // a period or basis phrase inside the subject ends it: "Bilateral trade in the first three quarters of 2021"
        var to = clauseEnd;
        foreach (var mk in masks)
            if (mk.Start >= from && mk.Start < to) to = mk.Start;
            else if (mk.Start < from && mk.End > from) from = Math.Min(mk.End, to);
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        var lead = LeadingGlueRx().Match(text[from..to]);
        var start = from + lead.Length;
        var subject = Spaces().Replace(clause[(start - clauseStart)..(to - clauseStart)], " ").Trim().TrimEnd(',', ';', ':');
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        if (words.Length == 0 || (words.Length == 1 && Pronouns.Contains(words[0])))
        {
            // "trade, which he said had grown": the relative pronoun's antecedent
            var rel = RelativeRx().Match(clause);
            return rel.Success ? WordsBackward(text, clauseStart, clauseStart + rel.Index) : null;
        }
        if (words.Length > 10 || Pronouns.Contains(words[0]) && words.Length == 1) return null;
        if (!words.Any(w => w.Any(char.IsLetter)) || NotANounPhrase().IsMatch(subject) || ReportVerbRx().IsMatch(subject) || Contraction().IsMatch(subject)) return null;
        return CaseFirst(doc, s, start, subject);
    }

    /// <summary>Lower-cases the first letter unless the phrase starts with a name, an acronym or a word capitalised mid-sentence.</summary>
    private static string CaseFirst(AnalysedDocument doc, Sentence s, int start, string phrase)
    {
        if (phrase.Length == 0 || !char.IsUpper(phrase[0])) return phrase;
        var first = phrase.Split(' ')[0];
        if (first.Length > 1 && first.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))) return phrase;   // "EU", "RMB"
        if (start > s.Span.Start) return phrase;                                                          // capitalised mid-sentence: a name
        if (doc.Mentions.Matches.Any(m => m.Start == start) || doc.Mentions.People.Any(p => p.Span.Start == start)
            || doc.Mentions.Places.Any(p => p.Span.Start == start)) return phrase;
        return char.ToLowerInvariant(phrase[0]) + phrase[1..];
    }

    private static string? WordsForward(string text, int from, int limit, bool allowFirstStop, bool allowDeterminer = false)
    {
        if (from >= limit) return null;
        var m = FollowingWordsRx().Match(text, from, Math.Min(limit, from + 160) - from);
        if (!m.Success || m.Index != from) return null;
        var kept = new List<string>();
        var caps = m.Groups["w"].Captures;
        for (int i = 0; i < caps.Count; i++)
        {
            var w = caps[i].Value;
            if (i == 0 && allowDeterminer && w.ToLowerInvariant() is "the" or "a" or "an" or "its" or "their") continue;
            if (StopWords.Contains(w) && !(i == 0 && allowFirstStop)) break;
            if (MoveWordSet.Contains(w) && kept.Count > 0) break;
            kept.Add(w);
        }
        if (kept.Count == 0 || kept.Count == 1 && GenericHeads.Contains(kept[0]) || TimeHeads.Contains(kept[^1])) return null;
        return string.Join(' ', kept);
    }

    private static string? WordsBackward(string text, int limit, int end)
    {
        var words = new List<string>();
        var i = end;
        while (words.Count < 4)
        {
            while (i > limit && char.IsWhiteSpace(text[i - 1])) i--;
            var j = i;
            while (j > limit && (char.IsLetter(text[j - 1]) || text[j - 1] is '-' or '\'' or '’')) j--;
            if (j == i) break;
            var w = text[j..i];
            if (StopWords.Contains(w) || MeasureVerbSet.Contains(w) || ReportVerbRx().IsMatch(w) || w.EndsWith("ed", StringComparison.Ordinal) && words.Count > 0) break;
            words.Insert(0, w);
            i = j;
        }
        if (words.Count == 0 || GenericHeads.Contains(words[^1])) return null;
        if (Pronouns.Contains(words[0]) && words.Count == 1) return null;
        return string.Join(' ', words);
    }

    // ---- source ---------------------------------------------------------------------------------------

    private static string? Source(AnalysedDocument doc, Sentence s, Candidate c)
    {
        var text = doc.Clean.Text;
        var am = AccordingToRx().Match(s.Text);
        if (am.Success)
        {
            var src = Spaces().Replace(am.Groups["src"].Value, " ").Trim();
            src = DataFromRx().Replace(src, "");
            src = LeadingThe().Replace(src, "");
            src = TrailingData().Replace(src, "");
            if (src.Length > 0 && src.Split(' ').Length <= 10) return src;
        }

        Match? best = null;
        foreach (Match v in ReportVerbRx().Matches(s.Text))
        {
            var abs = new TextSpan(s.Span.Start + v.Index, s.Span.Start + v.Index + v.Length);
            if (abs.Overlaps(new TextSpan(c.Start, c.End))) continue;
            if (v.Value.Equals("added", StringComparison.OrdinalIgnoreCase) && abs.End <= c.Start && c.Start - abs.End <= 12
                && string.IsNullOrWhiteSpace(text[abs.End..c.Start].Replace("about", "").Replace("some", "")))
                continue;   // "London added £300 million": a contribution, not something reported
            if (best is null || Distance(abs, new TextSpan(c.Start, c.End)) < Distance(new TextSpan(s.Span.Start + best.Index, s.Span.Start + best.Index + best.Length), new TextSpan(c.Start, c.End)))
                best = v;
        }
        if (best is null) return null;
        var vStart = s.Span.Start + best.Index;
        var vEnd = vStart + best.Length;

        // "..., said Ivan Melnikov"
        var beforeVerb = text[Math.Max(s.Span.Start, vStart - 8)..vStart];
        if (QuoteOrCommaEnd().IsMatch(beforeVerb))
        {
            var after = FollowingName(doc, vEnd, s.Span.End);
            if (after is not null) return after;
        }
        return SpeakerBefore(doc, s, vStart);
    }

    private static string? FollowingName(AnalysedDocument doc, int from, int limit)
    {
        var text = doc.Clean.Text;
        var i = from;
        while (i < limit && char.IsWhiteSpace(text[i])) i++;
        var person = doc.Mentions.People.FirstOrDefault(p => p.Span.Start == i);
        if (person is not null) return person.Name;
        var m = CapitalisedName().Match(text[i..Math.Min(limit, i + 120)]);
        if (!m.Success) return null;
        return TrimConnectors(m.Groups["n"].Value);
    }

    /// <summary>Who is named right before a reporting verb: a person, an organisation, "he" (the person last named) or a capitalised name.</summary>
    private static string? SpeakerBefore(AnalysedDocument doc, Sentence s, int vStart)
    {
        var text = doc.Clean.Text;
        var e = vStart;
        while (e > s.Span.Start && char.IsWhiteSpace(text[e - 1])) e--;
        // "Fauci just said", "the company previously reported": an adverb between the speaker and the verb
        while (AdverbEnd().Match(text, Math.Max(s.Span.Start, e - 20), e - Math.Max(s.Span.Start, e - 20)) is { Success: true } adv && adv.Index > s.Span.Start)
        {
            e = adv.Index;
            while (e > s.Span.Start && char.IsWhiteSpace(text[e - 1])) e--;
        }
        // "the Kremlin spokesman, Dmitry Peskov, said"
        var eName = e;
        if (eName > s.Span.Start && text[eName - 1] == ',') eName--;

        var person = doc.Mentions.People.Where(p => p.Span.End == eName || p.Span.End == e).OrderByDescending(p => p.Span.Length).FirstOrDefault();
        if (person is not null) return person.Name;
        var org = doc.Mentions.Matches.Where(m => (m.End == e || m.End == eName) && m.Value is Organisation).OrderByDescending(m => m.End - m.Start).FirstOrDefault();
        if (org is not null) return ((Organisation)org.Value).Name;

        var w0 = e;
        while (w0 > s.Span.Start && char.IsLetter(text[w0 - 1])) w0--;
        var lastWord = text[w0..e];
        if (lastWord.ToLowerInvariant() is "he" or "she")
        {
            var prev = doc.Mentions.People.LastOrDefault(p => p.Span.End <= w0 && w0 - p.Span.End < 1500);
            return prev?.Name;
        }
        if (lastWord.ToLowerInvariant() is "data" or "figures" or "statistics" or "estimates")
            return WordsBackward(text, s.Span.Start, w0);

        // a capitalised name: "the General Administration of Customs said"
        var words = new List<(int Start, string W)>();
        var i = e;
        while (i > s.Span.Start)
        {
            var j = i;
            while (j > s.Span.Start && !char.IsWhiteSpace(text[j - 1])) j--;
            var w = text[j..i];
            if (w.Length == 0) break;
            var isCap = NameToken().IsMatch(w);
            if (!isCap && !NameConnectors.Contains(w)) break;
            words.Insert(0, (j, w));
            i = j;
            while (i > s.Span.Start && char.IsWhiteSpace(text[i - 1])) i--;
        }
        while (words.Count > 0 && NameConnectors.Contains(words[0].W)) words.RemoveAt(0);
        if (words.Count == 0)
        {
            // "the energy ministry said", "analysts said"
            var np = WordsBackward(text, s.Span.Start, e);
            return np is not null && np.Split(' ').Length <= 3 && np.All(ch => char.IsLetter(ch) || ch is ' ' or '-') ? np : null;
        }
        var name = string.Join(' ', words.Select(w => w.W));
        if (Pronouns.Contains(name) || PronounName().IsMatch(name)) return null;
        return TrimConnectors(name);
    }

    private static string? TrimConnectors(string name)
    {
        var ws = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (ws.Count > 0 && NameConnectors.Contains(ws[^1])) ws.RemoveAt(ws.Count - 1);
        while (ws.Count > 0 && (NameConnectors.Contains(ws[0]) || StopWords.Contains(ws[0]))) ws.RemoveAt(0);
        return ws.Count == 0 ? null : string.Join(' ', ws);
    }
}
