using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Readout.Documents;
using Readout.Extract;
using Readout.Reviews;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>
/// Review in the web UI, behind the server's API key: a reviewer signs in once with the key and their name (an
/// HttpOnly, same-site cookie holds the name and a signature made with the key), then sees the review queue
/// and, on each interaction page, forms to reject, restore, confirm, correct, merge and split. Every form also
/// carries a token signed with the key, and the pages still run no script.
/// </summary>
internal static class ReviewPages
{
    private const string Cookie = "readout_reviewer";

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/review", Queue);
        pages.MapPost("/review/login", Login).DisableAntiforgery();
        pages.MapPost("/review/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(Cookie);
            return Results.Redirect("/review", permanent: false);
        }).DisableAntiforgery();
        pages.MapPost("/interactions/{id}/review", Submit).DisableAntiforgery();
    }

    /// <summary>The signed-in reviewer, or null (no key on the server, no cookie, or a cookie the key did not sign).</summary>
    public static string? Reviewer(HttpContext context, ReadoutServerOptions options)
    {
        if (options.ApiKey is null || context.Request.Cookies[Cookie] is not { } value) return null;
        var dot = value.IndexOf('.');
        if (dot <= 0) return null;
        try
        {
            var name = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value[..dot]));
            return CryptographicOperations.FixedTimeEquals(WebEncoders.Base64UrlDecode(value[(dot + 1)..]), Sign(options.ApiKey, "reviewer|" + name)) ? name : null;
        }
        catch (FormatException) { return null; }
    }

    private static byte[] Sign(string key, string text) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text));

    private static string FormToken(string key, string reviewer) => WebEncoders.Base64UrlEncode(Sign(key, "form|" + reviewer));

    private static IResult Page(string title, string body) => Results.Content(Layout(title, body), "text/html; charset=utf-8");

    private static string LoginForm(ReadoutServerOptions options, string? message = null)
    {
        if (options.ApiKey is null)
            return """<p class="error"><strong>RO4003</strong> review is off: start the server with --api-key KEY (or READOUT_API_KEY) to review in the browser.</p>""";
        return (message is null ? "" : $"""<p class="error">{E(message)}</p>""") + """
            <form class="filters login" action="/review/login" method="post">
              <label>Your name <input name="reviewer" required maxlength="80" autocomplete="name"></label>
              <label>API key <input name="key" type="password" required autocomplete="current-password"></label>
              <button type="submit">Sign in to review</button>
            </form>
            """;
    }

    private static async Task<IResult> Login(HttpContext context, ReadoutServerOptions options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var reviewer = form["reviewer"].ToString().Trim();
        var key = form["key"].ToString();
        if (options.ApiKey is null) return Page("Review", LoginForm(options));
        if (reviewer.Length == 0 || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey))))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page("Review", LoginForm(options, "RO4002 the name is missing or the key is not the server's API key"));
        }
        var value = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(reviewer)) + "." + WebEncoders.Base64UrlEncode(Sign(options.ApiKey, "reviewer|" + reviewer));
        context.Response.Cookies.Append(Cookie, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        return Results.Redirect("/review", permanent: false);
    }

    private static IResult Queue(HttpContext context, int? page, ReadoutServerOptions options, IReadoutStores stores, CancellationToken ct)
    {
        var reviewer = Reviewer(context, options);
        if (reviewer is null) return Page("Review", "<h2>Sign in</h2>" + LoginForm(options));
        var (offset, limit) = RequestParsing.Paging(page, 50);
        using var store = stores.OpenReader();
        var queue = store.ReviewQueue(offset, limit, ct);
        var sb = new StringBuilder($"""<p class="count">Signed in as <strong>{E(reviewer)}</strong> · {N(queue.Total)} records waiting for review, the likeliest to be wrong first</p>""");
        sb.Append("""<form action="/review/logout" method="post"><button type="submit" class="secondary">Sign out</button></form>""");
        if (queue.Items.Count == 0) sb.Append("""<p class="empty">Nothing waits for review.</p>""");
        else
        {
            sb.Append("""<div class="table-wrap"><table class="queue"><thead><tr><th>Date</th><th>Mode</th><th>Participants</th><th class="num">Sources</th><th>Why</th></tr></thead><tbody>""");
            foreach (var q in queue.Items)
                sb.Append(CultureInfo.InvariantCulture, $"""<tr class="record" data-id="{E(q.Record.Id)}"><td class="date">{InteractionLink(q.Record.Id, E(q.Record.Date ?? "undated"))}</td><td>{ModeIcon(q.Record.Mode)} {E(ModeLabel(q.Record.Mode))}</td><td>{string.Join(" – ", q.Record.Participants.Select(ActorLink))}</td><td class="num">{N(q.Record.Sources.Count)}</td><td>{E(q.Why)}</td></tr>""");
            sb.Append("</tbody></table></div>");
            var number = offset / limit + 1;
            if (queue.Total > offset + limit) sb.Append(CultureInfo.InvariantCulture, $"""<nav class="pager"><a href="/review?page={N(number + 1)}">next page →</a></nav>""");
        }
        return Page("Review queue", sb.ToString());
    }

    /// <summary>The review section of an interaction page: its state and trail for everyone, the forms for a signed-in reviewer.</summary>
    public static string Section(Interaction r, string? reviewer, ReadoutServerOptions options)
    {
        var sb = new StringBuilder("""<section class="review" id="review"><h2>Review</h2>""");
        var state = r.Review;
        sb.Append(state is null
            ? """<p class="muted">Not reviewed: every field is as the machine read it.</p>"""
            : $"""<p class="review-status {E(state.Status.Wire())}">{E(state.Status.Wire())}{SetByPerson(state)}</p>""");
        if (state is { Trail.Count: > 0 })
        {
            sb.Append("""<div class="table-wrap"><table class="trail"><thead><tr><th>#</th><th>When</th><th>Who</th><th>What</th><th>Before</th><th>After</th><th>Why</th></tr></thead><tbody>""");
            foreach (var e in state.Trail)
            {
                var field = e.Field is { } f ? " " + E(f.Wire()) : "";
                var other = e.Other is null ? "" : " " + InteractionLink(e.Other, E(e.Other));
                sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(e.Id.ToString(CultureInfo.InvariantCulture))}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td>{E(e.At)}</td><td>{E(e.Reviewer)}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td>{E(e.Action.Wire())}{field}{other}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td>{E(e.Before ?? "")}</td><td>{E(e.After ?? "")}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td>{E(e.Reason)}</td></tr>""");
            }
            sb.Append("</tbody></table></div>");
        }
        if (reviewer is null || options.ApiKey is null)
            return sb.Append(options.ApiKey is null ? "" : """<p><a href="/review">Sign in to review</a></p>""").Append("</section>").ToString();

        var token = FormToken(options.ApiKey, reviewer);
        var action = $"/interactions/{U(r.Id)}/review";
        string Form(ReviewAction act, string inner, string button) =>
            $"""<form class="review-form {act.Wire()}" action="{E(action)}" method="post"><input type="hidden" name="action" value="{act.Wire()}"><input type="hidden" name="token" value="{E(token)}">{inner}<label>Reason <input name="reason" required placeholder="why"></label><button type="submit">{E(button)}</button></form>""";
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="muted">Reviewing as <strong>{E(reviewer)}</strong>.</p><div class="review-forms">""");
        sb.Append(state?.Status == ReviewStatus.Rejected ? Form(ReviewAction.Restore, "", "Restore") : Form(ReviewAction.Reject, "", "Reject"));
        sb.Append(Form(ReviewAction.Confirm, "", "Confirm as right"));
        var fields = string.Concat(ReviewFields.All.Select(f => $"""<option value="{E(f.Wire())}">{E(f.Wire())}</option>"""));
        sb.Append(Form(ReviewAction.Correct, $"""<label>Field <select name="field">{fields}</select></label><label>Value <input name="value" placeholder="e.g. video, 2022-12-30, Moscow, Name (ISO3, role); Name (ISO3)"></label>""", "Correct"));
        sb.Append(Form(ReviewAction.Merge, """<label>Merge in record <input name="other" required placeholder="rec-..."></label>""", "Merge"));
        if (r.Sources.Count > 1)
        {
            var boxes = string.Concat(r.Sources.Select(s => s.Uri).Distinct().Select(u => $"""<label class="check"><input type="checkbox" name="source" value="{E(u)}"> {E(u)}</label>"""));
            sb.Append(Form(ReviewAction.Split, $"""<fieldset><legend>Reports that tell another interaction</legend>{boxes}</fieldset>""", "Split off"));
        }
        return sb.Append("</div></section>").ToString();
    }

    /// <summary>" · set by a person: mode, location.city" for a record whose fields a person set, else nothing.</summary>
    private static string SetByPerson(ReviewState state) =>
        state.FieldsSet.Count > 0 ? " · set by a person: " + E(string.Join(", ", state.FieldsSet.Select(f => f.Wire()))) : "";

    private static async Task<IResult> Submit(string id, HttpContext context, ReadoutServerOptions options, IReadoutStores stores, IngestGate gate)
    {
        if (options.ApiKey is null)
            throw new ApiProblem(StatusCodes.Status403Forbidden, ErrorCodes.IngestDisabled, "review is off; start the server with --api-key KEY to allow it");
        var reviewer = Reviewer(context, options)
            ?? throw new ApiProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "sign in to review first (/review)");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(form["token"].ToString()), Encoding.UTF8.GetBytes(FormToken(options.ApiKey, reviewer))))
            throw new ApiProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "the form's token does not match: reload the page and try again");
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var outcome = await ApiEndpoints.ReviewAsync(stores, gate, new ReviewRequest(form["action"].ToString(), id, form["reason"].ToString(), reviewer, DateTimeOffset.UtcNow,
            Field("field"), form["value"].ToString(), Field("other"), form["source"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()), context.RequestAborted);
        var target = outcome.Records.Count > 1 ? outcome.Records[^1] : outcome.Records[0];
        return Results.Redirect($"/interactions/{U(target)}#review", permanent: false);
    }
}
