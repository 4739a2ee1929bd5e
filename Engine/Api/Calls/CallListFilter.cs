using Microsoft.AspNetCore.Http;
using RcmlEngine.Calls.Records;

namespace RcmlEngine.Api.Calls;

/// <summary>Reads the filters of <c>GET Calls.json</c>: To, From, ParentCallSid, Status, StartTime and EndTime (with their &lt; and &gt; forms).</summary>
internal static class CallListFilter
{
    private static readonly string[] Names = ["To", "From", "ParentCallSid", "Status", "StartTime", "StartTime<", "StartTime>", "EndTime", "EndTime<", "EndTime>"];

    /// <summary>The store query, the filters as given (for the page URIs), or the error to answer.</summary>
    public static (CallRecordQuery? Query, List<KeyValuePair<string, string>> Filters, IResult? Error) Read(ApiForm form, string accountSid, ApiPaging paging)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(paging);
        var reader = new ApiFormReader(form);
        var status = reader.Text("Status") is { } text ? CallResources.ParseStatus(text) : null;
        if (reader.Text("Status") is { } given && status is null)
        {
            reader.Fail(ApiErrors.InvalidParameter, $"Status '{given}' is not one of queued, ringing, in-progress, canceled, completed, failed, busy, no-answer");
        }

        var (startFrom, startTo) = ApiDateFilter.Read(reader, "StartTime");
        var (endFrom, endTo) = ApiDateFilter.Read(reader, "EndTime");
        var filters = Names.Where(form.Has).Select(n => new KeyValuePair<string, string>(n, form[n]!)).ToList();
        if (reader.Error is { } error)
        {
            return (null, filters, error);
        }

        var query = new CallRecordQuery
        {
            AccountSid = accountSid,
            To = reader.Text("To"),
            From = reader.Text("From"),
            ParentCallSid = reader.Text("ParentCallSid"),
            Status = status,
            StartTimeFrom = startFrom,
            StartTimeTo = startTo,
            EndTimeFrom = endFrom,
            EndTimeTo = endTo,
            PageSize = paging.PageSize,
            Page = paging.Page,
            PageToken = paging.PageToken,
        };
        return (query, filters, null);
    }
}
