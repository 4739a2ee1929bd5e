using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Hosting;

namespace RcmlEngine.Api.Calls;

/// <summary>
/// Twilio's Calls resource: create (place a call that runs Url or Twiml once answered), list with filters
/// and paging, fetch, update a live call (redirect, hang up, change its callbacks) and delete a finished
/// call's record. Live calls are read from <see cref="LiveCallRegistry"/>, the rest from the call records.
/// </summary>
internal static class CallEndpoints
{
    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapPost("/Calls.json", CreateAsync).WithName("CreateCall").WithSummary("Place a call that runs Url or Twiml once answered");
        account.MapGet("/Calls.json", ListAsync).WithName("ListCall").WithSummary("List calls, newest first, with filters and paging");
        account.MapGet("/Calls/{CallSid}.json", FetchAsync).WithName("FetchCall").WithSummary("Fetch a call");
        account.MapPost("/Calls/{CallSid}.json", UpdateAsync).WithName("UpdateCall").WithSummary("Redirect a live call, hang it up, or change its callbacks");
        account.MapDelete("/Calls/{CallSid}.json", DeleteAsync).WithName("DeleteCall").WithSummary("Delete a finished call's record");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OutboundCallLauncher launcher, IRcmlDocumentReader documents,
        EngineHttpAddress http, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {options.Value.MaxBodyBytes} bytes");
        }

        var reader = new ApiFormReader(form);
        var request = CallCreateForm.Read(reader, account, documents, http.PublicBaseUrl);
        if (request is null)
        {
            return reader.Error!;
        }

        var placed = launcher.Launch(request);
        if (placed.Call is not { } call)
        {
            return OutboundCallForm.Refused(placed);
        }

        var created = CallRecord.Of(call, call.Lifecycle.StartTime);
        var resource = CallResources.Of(created) with { Status = "queued", StartTime = null };
        return Results.Json(resource, ApiJsonContext.Api.CallResource, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ICallRecordStore store, CallRecordKeeper keeper)
    {
        var account = ApiGuard.AccountOf(context);
        var query = ApiForm.Parse(context.Request.QueryString.Value);
        var (paging, pagingError) = ApiPaging.Read(query);
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var (filter, filters, error) = CallListFilter.Read(query, account.Sid, paging);
        if (filter is null)
        {
            return error!;
        }

        await keeper.FlushAsync(context.RequestAborted);
        var page = await store.QueryAsync(filter, context.RequestAborted);
        var list = paging.Fill(new CallListResource { Calls = [.. page.Items.Select(CallResources.Of)] },
            CallResources.ListPath(account.Sid), filters, page.Items.Count, page.NextPageToken, page.PreviousPageToken);
        return Results.Json(list, ApiJsonContext.Api.CallListResource);
    }

    private static async Task<IResult> FetchAsync(HttpContext context, string CallSid, LiveCallRegistry live,
        CallRecordKeeper keeper, TimeProvider time)
    {
        var account = ApiGuard.AccountOf(context);
        var record = await FindAsync(account.Sid, CallSid, live, keeper, time, context.RequestAborted);
        return record is null
            ? ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/")
            : Results.Json(CallResources.Of(record), ApiJsonContext.Api.CallResource);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string CallSid, LiveCallRegistry live,
        CallRecordKeeper keeper, IRcmlDocumentReader documents, TimeProvider time, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {options.Value.MaxBodyBytes} bytes");
        }

        var call = live.Find(account.Sid, CallSid);
        if (call is null)
        {
            var finished = await keeper.FindAsync(account.Sid, CallSid, context.RequestAborted);
            if (finished is null)
            {
                return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
            }

            // A finished call: hanging it up again changes nothing; anything else needs a live call.
            var asks = new ApiFormReader(form);
            return asks.Text("Url") is null && asks.Text("Twiml") is null
                ? Results.Json(CallResources.Of(finished), ApiJsonContext.Api.CallResource)
                : ApiErrors.BadRequest(ApiErrors.NotInProgress, "Call is not in-progress. Cannot redirect.");
        }

        var error = await CallUpdate.ApplyAsync(new ApiFormReader(form), call, documents, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        await keeper.FlushAsync(context.RequestAborted);
        var record = await FindAsync(account.Sid, CallSid, live, keeper, time, context.RequestAborted);
        return Results.Json(CallResources.Of(record ?? CallRecord.Of(call.Call, time.GetUtcNow())), ApiJsonContext.Api.CallResource);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string CallSid, LiveCallRegistry live, ICallRecordStore store, CallRecordKeeper keeper)
    {
        var account = ApiGuard.AccountOf(context);
        if (live.Find(account.Sid, CallSid) is not null)
        {
            return ApiErrors.BadRequest(ApiErrors.StillInUse, $"Call {CallSid} is still in progress: hang it up (Status=completed) before deleting its record");
        }

        // A call that has just ended may still have its final record on the way: written first, then deleted.
        await keeper.FlushAsync(context.RequestAborted);
        return await store.DeleteAsync(account.Sid, CallSid, context.RequestAborted)
            ? Results.NoContent()
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    // A call that has just ended has left the live calls before its final record is written: the keeper
    // still holds that record then, so a fetch never misses a call between the two.
    private static async Task<CallRecord?> FindAsync(string accountSid, string callSid, LiveCallRegistry live, CallRecordKeeper keeper,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (live.Find(accountSid, callSid) is { } call)
        {
            return CallRecord.Of(call.Call, time.GetUtcNow());
        }

        return await keeper.FindAsync(accountSid, callSid, cancellationToken);
    }
}
