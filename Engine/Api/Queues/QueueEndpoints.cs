using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RcmlEngine.Queues;

namespace RcmlEngine.Api.Queues;

/// <summary>
/// Twilio's Queues resource over <see cref="IQueueStore"/>: create (<c>FriendlyName</c>, <c>MaxSize</c> up to
/// 5000), list with paging, fetch, update, and delete (an empty queue only).
/// </summary>
internal static class QueueEndpoints
{
    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapPost("/Queues.json", CreateAsync).WithName("CreateQueue").WithSummary("Create a queue");
        account.MapGet("/Queues.json", List).WithName("ListQueue").WithSummary("List the account's queues, with paging");
        account.MapGet("/Queues/{Sid}.json", Fetch).WithName("FetchQueue").WithSummary("Fetch a queue");
        account.MapPost("/Queues/{Sid}.json", UpdateAsync).WithName("UpdateQueue").WithSummary("Rename or resize a queue");
        account.MapDelete("/Queues/{Sid}.json", Delete).WithName("DeleteQueue").WithSummary("Delete an empty queue");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IQueueStore queues, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return TooLarge(options.Value);
        }

        var reader = new ApiFormReader(form);
        var name = reader.Text("FriendlyName", QueueLimits.MaxNameLength);
        var size = reader.Integer("MaxSize", 1, QueueLimits.MaxSizeLimit) ?? QueueLimits.DefaultMaxSize;
        if (name is null or "")
        {
            reader.Fail(ApiErrors.InvalidParameter, "FriendlyName is required");
        }

        if (reader.Error is { } error)
        {
            return error;
        }

        return queues.Create(account.Sid, name!, size) is { } created
            ? Results.Json(QueueResources.Of(created), ApiJsonContext.Api.QueueResource, statusCode: StatusCodes.Status201Created)
            : ApiErrors.BadRequest(ApiErrors.InvalidParameter, $"A queue named '{name}' exists already");
    }

    private static IResult List(HttpContext context, IQueueStore queues)
    {
        var account = ApiGuard.AccountOf(context);
        var (paging, pagingError) = ApiPaging.Read(ApiForm.Parse(context.Request.QueryString.Value));
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var (items, next, previous) = paging.Slice(queues.List(account.Sid));
        var list = paging.Fill(new QueueListResource { Queues = [.. items.Select(QueueResources.Of)] },
            QueueResources.ListPath(account.Sid), [], items.Count, next, previous);
        return Results.Json(list, ApiJsonContext.Api.QueueListResource);
    }

    private static IResult Fetch(HttpContext context, string Sid, IQueueStore queues)
    {
        var account = ApiGuard.AccountOf(context);
        return queues.Find(account.Sid, Sid) is { } queue
            ? Results.Json(QueueResources.Of(queue), ApiJsonContext.Api.QueueResource)
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string Sid, IQueueStore queues, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return TooLarge(options.Value);
        }

        if (queues.Find(account.Sid, Sid) is null)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var reader = new ApiFormReader(form);
        var name = reader.Text("FriendlyName", QueueLimits.MaxNameLength);
        var size = reader.Integer("MaxSize", 1, QueueLimits.MaxSizeLimit);
        if (reader.Error is { } error)
        {
            return error;
        }

        return queues.Update(account.Sid, Sid, name is "" ? null : name, size) is { } updated
            ? Results.Json(QueueResources.Of(updated), ApiJsonContext.Api.QueueResource)
            : ApiErrors.BadRequest(ApiErrors.InvalidParameter, $"A queue named '{name}' exists already");
    }

    private static IResult Delete(HttpContext context, string Sid, IQueueStore queues)
    {
        var account = ApiGuard.AccountOf(context);
        if (queues.Find(account.Sid, Sid) is not { } queue)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        if (queue.CurrentSize > 0)
        {
            return ApiErrors.BadRequest(ApiErrors.StillInUse, $"Queue {Sid} has {queue.CurrentSize} callers waiting; it cannot be deleted");
        }

        queues.Delete(account.Sid, Sid);
        return Results.NoContent();
    }

    private static IResult TooLarge(ApiOptions options) =>
        ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {options.MaxBodyBytes} bytes");
}
