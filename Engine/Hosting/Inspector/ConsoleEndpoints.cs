using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Api;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Records;
using RcmlEngine.Conferences;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Execution.Control;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>
/// The call inspector at <c>/console</c>: the account's calls in progress and recent calls (filterable by
/// number, status and start date), a call's page with its timeline (SIP, documents, verbs, keys, webhooks)
/// and its legs, and the conferences in progress with their participants. Same authentication as the REST
/// API (HTTP Basic AccountSid:AuthToken; open on loopback only when no account is configured); each account
/// sees its own calls only. Read-only.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>The console's root path.</summary>
    public const string Path = "/console";

    private const string AccountKey = "RcmlEngine.Console.Account";
    private const int RecentCalls = 50;

    /// <summary>Maps the pages and the event stream.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<CallTimelines>() is null)
        {
            return;
        }

        var console = app.MapGroup(Path).AddEndpointFilter(GuardAsync).ExcludeFromDescription();
        console.MapGet("/", CallsAsync);
        console.MapGet("/calls/{callSid}", CallAsync);
        console.MapGet("/conferences", Conferences);
        console.MapGet("/events", ConsoleEvents.StreamAsync);
    }

    /// <summary>The account the console's guard authenticated.</summary>
    public static string AccountOf(HttpContext context) => (string)context.Items[AccountKey]!;

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var accounts = context.RequestServices.GetRequiredService<ApiAccounts>();
        var account = accounts.Authenticate(context.Request.Headers.Authorization, context.Connection.RemoteIpAddress);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        if (account is null)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"RcmlEngine console\"";
            return Results.Text(accounts.IsOpenOnLoopback
                ? "401: no account is configured, so the console answers on loopback only\n"
                : "401: sign in with an AccountSid and its AuthToken\n", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Items[AccountKey] = account.Sid;
        return await next(invocation);
    }

    private static async Task<IResult> CallsAsync(HttpContext context, LiveCallRegistry live, ICallRecordStore store)
    {
        var account = AccountOf(context);
        var query = context.Request.Query;
        string? number = query["number"];
        string? statusText = query["status"];
        string? since = query["since"];
        var status = ParseStatus(statusText);
        DateTimeOffset? from = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

        var page = new ConsoleHtml("Calls", account);
        page.Raw("<form method=\"get\" action=\"/console\">Number <input name=\"number\" value=\"").Text(number)
            .Raw("\"> Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var option in new[] { "queued", "ringing", "in-progress", "completed", "busy", "no-answer", "canceled", "failed" })
        {
            page.Raw("<option").Raw(option == statusText ? " selected" : string.Empty).Raw(">").Text(option).Raw("</option>");
        }

        page.Raw("</select> Since <input name=\"since\" placeholder=\"2026-12-07\" value=\"").Text(since).Raw("\"><button>Filter</button></form>");

        var running = live.All().Where(c => c.AccountSid == account).Select(c => c.Call.Info)
            .Where(info => Matches(info.From, info.To, number)).ToList();
        page.Raw("<h2>In progress (").Text(running.Count.ToString(CultureInfo.InvariantCulture)).Raw(")</h2>");
        page.Raw("<table id=\"live-calls\"><tr><th>Call</th><th>From</th><th>To</th><th>Direction</th><th>Parent</th></tr>");
        foreach (var info in running)
        {
            page.Raw("<tr><td>").Link(Path + "/calls/" + info.CallSid, info.CallSid).Raw("</td><td>").Text(info.From).Raw("</td><td>").Text(info.To)
                .Raw("</td><td>").Text(info.Direction.ToWebhookValue()).Raw("</td><td>").Text(info.ParentCallSid).Raw("</td></tr>");
        }

        page.Raw("</table>");

        // The store filters one number per side: ask for each and merge, newest first.
        var records = new Dictionary<string, CallRecord>(StringComparer.Ordinal);
        foreach (var (to, fromParty) in string.IsNullOrEmpty(number) ? [(null, null)] : new (string?, string?)[] { (number, null), (null, number) })
        {
            var found = await store.QueryAsync(new CallRecordQuery
            {
                AccountSid = account, To = to, From = fromParty, Status = status, StartTimeFrom = from, PageSize = RecentCalls,
            }, context.RequestAborted);
            foreach (var record in found.Items)
            {
                records[record.Sid] = record;
            }
        }

        page.Raw("<h2>Recent calls</h2><table id=\"recent-calls\"><tr><th>Call</th><th>Status</th><th>From</th><th>To</th><th>Direction</th><th>Started (UTC)</th><th>Duration</th><th>Parent</th></tr>");
        foreach (var record in records.Values.OrderByDescending(r => r.DateCreated).Take(RecentCalls))
        {
            page.Raw(record.Status is CallStatus.Failed or CallStatus.Busy or CallStatus.NoAnswer ? "<tr class=\"failed\">" : "<tr>")
                .Raw("<td>").Link(Path + "/calls/" + record.Sid, record.Sid).Raw("</td><td>").Text(record.Status.ToWebhookValue())
                .Raw("</td><td>").Text(record.From).Raw("</td><td>").Text(record.To).Raw("</td><td>").Text(record.Direction.ToWebhookValue())
                .Raw("</td><td>").Text(ConsoleHtml.Time(record.StartTime ?? record.DateCreated))
                .Raw("</td><td>").Text(record.Duration is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) + " s" : "—")
                .Raw("</td><td>").Text(record.ParentCallSid).Raw("</td></tr>");
        }

        page.Raw("</table>");
        return Html(page);
    }

    private static async Task<IResult> CallAsync(HttpContext context, string callSid, CallRecordKeeper records, ICallRecordStore store, CallTimelines timelines)
    {
        var account = AccountOf(context);
        var record = await records.FindAsync(account, callSid, context.RequestAborted);
        var timeline = timelines.Find(callSid) is { } found && found.AccountSid == account ? found : null;
        if (record is null && timeline is null)
        {
            return Results.Text("404: no such call in this account\n", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        var page = new ConsoleHtml("Call " + callSid, account);
        if (record is not null)
        {
            page.Raw("<table id=\"call\"><tr><th>Status</th><th>From</th><th>To</th><th>Direction</th><th>Started (UTC)</th><th>Answered</th><th>Ended</th><th>Duration</th></tr><tr><td>")
                .Text(record.Status.ToWebhookValue()).Raw("</td><td>").Text(record.From).Raw("</td><td>").Text(record.To)
                .Raw("</td><td>").Text(record.Direction.ToWebhookValue()).Raw("</td><td>").Text(ConsoleHtml.Time(record.StartTime ?? record.DateCreated))
                .Raw("</td><td>").Text(ConsoleHtml.Time(record.AnswerTime)).Raw("</td><td>").Text(ConsoleHtml.Time(record.EndTime))
                .Raw("</td><td>").Text(record.Duration is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) + " s" : "—").Raw("</td></tr></table>");
            if (record.ParentCallSid is { } parent)
            {
                page.Raw("<p>Leg of ").Link(Path + "/calls/" + parent, parent).Raw("</p>");
            }
        }

        var legs = await store.QueryAsync(new CallRecordQuery { AccountSid = account, ParentCallSid = callSid, PageSize = 50 }, context.RequestAborted);
        if (legs.Items.Count > 0)
        {
            page.Raw("<h2>Legs</h2><ul id=\"legs\">");
            foreach (var leg in legs.Items)
            {
                page.Raw("<li>").Link(Path + "/calls/" + leg.Sid, leg.Sid).Raw(" → ").Text(leg.To).Raw(" (").Text(leg.Status.ToWebhookValue()).Raw(")</li>");
            }

            page.Raw("</ul>");
        }

        ConsoleTimeline.Render(page, timeline, timelines.KeepFinished);
        return Html(page);
    }

    private static IResult Conferences(HttpContext context, ConferenceRegistry conferences)
    {
        var account = AccountOf(context);
        var page = new ConsoleHtml("Conferences", account);
        var rooms = conferences.List(account);
        page.Raw("<table id=\"conferences\"><tr><th>Conference</th><th>Name</th><th>Status</th><th>Created (UTC)</th><th>Participants</th></tr>");
        foreach (var room in rooms)
        {
            page.Raw("<tr><td>").Text(room.Sid).Raw("</td><td>").Text(room.FriendlyName).Raw("</td><td>").Text(room.Status.ToString())
                .Raw("</td><td>").Text(ConsoleHtml.Time(room.DateCreated)).Raw("</td><td><ul>");
            foreach (var participant in room.Participants)
            {
                page.Raw("<li>").Link(Path + "/calls/" + participant.CallSid, participant.CallSid).Raw(" ").Text(participant.Status.ToString())
                    .Raw(participant.Muted ? " <b>muted</b>" : string.Empty).Raw(participant.Hold ? " <b>on hold</b>" : string.Empty).Raw("</li>");
            }

            page.Raw("</ul></td></tr>");
        }

        page.Raw("</table>");
        if (rooms.Count == 0)
        {
            page.Raw("<p class=\"muted\">No conference in progress or recently ended.</p>");
        }

        return Html(page);
    }

    private static bool Matches(string from, string to, string? number) =>
        string.IsNullOrEmpty(number) || from.Contains(number, StringComparison.OrdinalIgnoreCase) || to.Contains(number, StringComparison.OrdinalIgnoreCase);

    private static CallStatus? ParseStatus(string? text)
    {
        foreach (var status in Enum.GetValues<CallStatus>())
        {
            if (status.ToWebhookValue() == text)
            {
                return status;
            }
        }

        return null;
    }

    private static IResult Html(ConsoleHtml page) => Results.Content(page.Finish(), "text/html; charset=utf-8");
}
