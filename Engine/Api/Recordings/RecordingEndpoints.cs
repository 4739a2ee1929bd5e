using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Hosting;

namespace RcmlEngine.Api.Recordings;

/// <summary>
/// Twilio's Recordings resource: the account's recordings and a call's (filters CallSid, DateCreated with
/// its &lt; and &gt; forms; paging), fetch, and delete (the record and its audio). The audio itself is
/// served by <see cref="RecordingMedia"/>.
/// </summary>
internal static class RecordingEndpoints
{
    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapGet("/Recordings.json", ListOfAccountAsync).WithName("ListRecording").WithSummary("List recordings, newest first");
        account.MapGet("/Calls/{CallSid}/Recordings.json", ListOfCallAsync).WithName("ListCallRecording").WithSummary("List a call's recordings");
        account.MapGet("/Recordings/{RecordingSid}.json", FetchAsync).WithName("FetchRecording").WithSummary("Fetch a recording");
        account.MapDelete("/Recordings/{RecordingSid}.json", DeleteAsync).WithName("DeleteRecording").WithSummary("Delete a recording and its audio");
    }

    private static Task<IResult> ListOfAccountAsync(HttpContext context, IRecordingCatalog catalog, EngineHttpAddress http) =>
        ListAsync(context, catalog, http, null);

    private static Task<IResult> ListOfCallAsync(HttpContext context, string CallSid, IRecordingCatalog catalog, EngineHttpAddress http) =>
        ListAsync(context, catalog, http, CallSid);

    private static async Task<IResult> ListAsync(HttpContext context, IRecordingCatalog catalog, EngineHttpAddress http, string? callSid)
    {
        var account = ApiGuard.AccountOf(context);
        var form = ApiForm.Parse(context.Request.QueryString.Value);
        var (paging, pagingError) = ApiPaging.Read(form);
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var reader = new ApiFormReader(form);
        var (from, to) = ApiDateFilter.Read(reader, "DateCreated");
        var filterCall = callSid ?? reader.Text("CallSid");
        if (reader.Error is { } error)
        {
            return error;
        }

        string[] names = callSid is null ? ["CallSid", "DateCreated", "DateCreated<", "DateCreated>"] : ["DateCreated", "DateCreated<", "DateCreated>"];
        var filters = names.Where(form.Has).Select(n => new KeyValuePair<string, string>(n, form[n]!)).ToList();
        var query = new RecordingQuery
        {
            AccountSid = account.Sid,
            CallSid = filterCall,
            DateCreatedFrom = from,
            DateCreatedTo = to,
            PageSize = paging.PageSize,
            Page = paging.Page,
            PageToken = paging.PageToken,
        };
        var page = await catalog.QueryAsync(query, context.RequestAborted);
        var path = callSid is null ? RecordingResources.ListPath(account.Sid) : RecordingResources.CallListPath(account.Sid, callSid);
        var list = paging.Fill(new RecordingListResource { Recordings = [.. page.Items.Select(r => RecordingResources.Of(r, http.PublicBaseUrl))] },
            path, filters, page.Items.Count, page.NextPageToken, page.PreviousPageToken);
        return Results.Json(list, ApiJsonContext.Api.RecordingListResource);
    }

    private static async Task<IResult> FetchAsync(HttpContext context, string RecordingSid, IRecordingCatalog catalog, EngineHttpAddress http)
    {
        var account = ApiGuard.AccountOf(context);
        var record = await catalog.FindAsync(account.Sid, RecordingSid, context.RequestAborted);
        return record is null
            ? ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/")
            : Results.Json(RecordingResources.Of(record, http.PublicBaseUrl), ApiJsonContext.Api.RecordingResource);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string RecordingSid, IRecordingCatalog catalog)
    {
        var account = ApiGuard.AccountOf(context);
        return await catalog.DeleteAsync(account.Sid, RecordingSid, context.RequestAborted)
            ? Results.NoContent()
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }
}
