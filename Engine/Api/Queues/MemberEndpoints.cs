using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution.Queueing;
using RcmlEngine.Queues;

namespace RcmlEngine.Api.Queues;

/// <summary>
/// Twilio's queue Members resource: the callers waiting (front first, with paging), one caller by call sid or
/// <c>Front</c>, and the dequeue (<c>POST</c> with <c>Url</c> and <c>Method</c>): the caller leaves the queue
/// and its call runs that document (its Enqueue ends with <c>QueueResult=redirected</c>).
/// </summary>
internal static class MemberEndpoints
{
    /// <summary>The word that stands for the caller at the front.</summary>
    public const string Front = "Front";

    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapGet("/Queues/{QueueSid}/Members.json", List).WithName("ListMember").WithSummary("List a queue's callers, front first");
        account.MapGet("/Queues/{QueueSid}/Members/{CallSid}.json", Fetch).WithName("FetchMember").WithSummary("Fetch a caller in a queue (or Front)");
        account.MapPost("/Queues/{QueueSid}/Members/{CallSid}.json", DequeueAsync).WithName("UpdateMember").WithSummary("Dequeue a caller (or Front) to a document");
    }

    private static IResult List(HttpContext context, string QueueSid, IQueueStore queues)
    {
        var account = ApiGuard.AccountOf(context);
        if (queues.Find(account.Sid, QueueSid) is null)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var (paging, pagingError) = ApiPaging.Read(ApiForm.Parse(context.Request.QueryString.Value));
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var (items, next, previous) = paging.Slice(queues.Members(QueueSid));
        var list = paging.Fill(new MemberListResource { QueueMembers = [.. items.Select(m => QueueResources.Of(account.Sid, m))] },
            QueueResources.MembersPath(account.Sid, QueueSid), [], items.Count, next, previous);
        return Results.Json(list, ApiJsonContext.Api.MemberListResource);
    }

    private static IResult Fetch(HttpContext context, string QueueSid, string CallSid, IQueueStore queues)
    {
        var account = ApiGuard.AccountOf(context);
        return queues.Find(account.Sid, QueueSid) is not null && Find(queues, QueueSid, CallSid) is { } member
            ? Results.Json(QueueResources.Of(account.Sid, member), ApiJsonContext.Api.MemberResource)
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    private static async Task<IResult> DequeueAsync(
        HttpContext context, string QueueSid, string CallSid, IQueueStore queues, QueueWaiters waiters, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {options.Value.MaxBodyBytes} bytes");
        }

        var reader = new ApiFormReader(form);
        var url = reader.Url("Url", ApiErrors.InvalidUrl);
        var method = reader.Method("Method");
        if (url is null)
        {
            reader.Fail(ApiErrors.InvalidUrl, "Url is required");
        }

        if (reader.Error is { } error)
        {
            return error;
        }

        if (queues.Find(account.Sid, QueueSid) is null)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        // Taken from the store first (atomic: an agent cannot take it too), then its call is told.
        var taken = CallSid == Front ? queues.TakeFront(QueueSid) : queues.Take(QueueSid, CallSid);
        if (taken is null)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        waiters.Find(taken.CallSid)?.TryTake(new QueueTaking(null, url, method));
        return Results.Json(QueueResources.Of(account.Sid, taken), ApiJsonContext.Api.MemberResource);
    }

    private static QueueMember? Find(IQueueStore queues, string queueSid, string callSid) =>
        callSid == Front ? (queues.Members(queueSid) is [var front, ..] ? front : null) : queues.FindMember(queueSid, callSid);
}
