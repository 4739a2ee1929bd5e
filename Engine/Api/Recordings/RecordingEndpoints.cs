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
        account.MapGet("/Conferences/{ConferenceSid}/Recordings.json", ListOfConferenceAsync).WithName("ListConferenceRecording").WithSummary("List a conference's recordings");
        account.MapGet("/Conferences/{ConferenceSid}/Recordings/{RecordingSid}.json", FetchOfConferenceAsync).WithName("FetchConferenceRecording").WithSummary("Fetch a conference's recording");
        account.MapGet("/Recordings/{RecordingSid}.json", FetchAsync).WithName("FetchRecording").WithSummary("Fetch a recording");
        account.MapDelete("/Recordings/{RecordingSid}.json", DeleteAsync).WithName("DeleteRecording").WithSummary("Delete a recording and its audio");
    }

    private static Task<IResult> ListOfAccountAsync(HttpContext context, IRecordingCatalog catalog, EngineHttpAddress http) =>
        ListAsync(context, catalog, http, null, null);

    private static Task<IResult> ListOfCallAsync(HttpContext context, string CallSid, IRecordingCatalog catalog, EngineHttpAddress http) =>
        ListAsync(context, catalog, http, CallSid, null);

    private static Task<IResult> ListOfConferenceAsync(HttpContext context, string ConferenceSid, IRecordingCatalog catalog, EngineHttpAddress http) =>
        ListAsync(context, catalog, http, null, ConferenceSid);

    private static async Task<IResult> FetchOfConferenceAsync(HttpContext context, string ConferenceSid, string RecordingSid, IRecordingCatalog catalog, EngineHttpAddress http)
    {
        var account = ApiGuard.AccountOf(context);
        var record = await catalog.FindAsync(account.Sid, RecordingSid, context.RequestAborted);
        return record is null || record.ConferenceSid != ConferenceSid
            ? ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/")
            : Results.Json(RecordingResources.Of(record, http.PublicBaseUrl), ApiJsonContext.Api.RecordingResource);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IRecordingCatalog catalog, EngineHttpAddress http, string? callSid, string? conferenceSid)
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
        var scoped = callSid is not null || conferenceSid is not null;
        var filterCall = callSid ?? (scoped ? null : reader.Text("CallSid"));
        var filterConference = conferenceSid ?? (scoped ? null : reader.Text("ConferenceSid"));
        if (reader.Error is { } error)
        {
            return error;
        }

        string[] names = scoped ? ["DateCreated", "DateCreated<", "DateCreated>"] : ["CallSid", "ConferenceSid", "DateCreated", "DateCreated<", "DateCreated>"];
        var filters = names.Where(form.Has).Select(n => new KeyValuePair<string, string>(n, form[n]!)).ToList();
        var query = new RecordingQuery
        {
            AccountSid = account.Sid,
            CallSid = filterCall,
            ConferenceSid = filterConference,
            DateCreatedFrom = from,
            DateCreatedTo = to,
            PageSize = paging.PageSize,
            Page = paging.Page,
            PageToken = paging.PageToken,
        };
        var page = await catalog.QueryAsync(query, context.RequestAborted);
        var path = callSid is not null ? RecordingResources.CallListPath(account.Sid, callSid)
            : conferenceSid is not null ? RecordingResources.ConferenceListPath(account.Sid, conferenceSid)
            : RecordingResources.ListPath(account.Sid);
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
