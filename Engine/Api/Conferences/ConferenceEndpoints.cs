using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RcmlEngine.Conferences;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// Twilio's Conferences resource over <see cref="ConferenceRegistry"/>: the account's rooms in progress and
/// recently ended (filters FriendlyName, Status, DateCreated and DateUpdated with their &lt; and &gt; forms;
/// paging), fetch, and update (<c>Status=completed</c> ends the room, <c>AnnounceUrl</c> plays into it).
/// </summary>
internal static class ConferenceEndpoints
{
    private static readonly string[] FilterNames =
        ["FriendlyName", "Status", "DateCreated", "DateCreated<", "DateCreated>", "DateUpdated", "DateUpdated<", "DateUpdated>"];

    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapGet("/Conferences.json", List).WithName("ListConference").WithSummary("List conferences, newest first, with filters and paging");
        account.MapGet("/Conferences/{Sid}.json", Fetch).WithName("FetchConference").WithSummary("Fetch a conference");
        account.MapPost("/Conferences/{Sid}.json", UpdateAsync).WithName("UpdateConference").WithSummary("End a conference, or play an announcement into it");
    }

    private static IResult List(HttpContext context, ConferenceRegistry registry)
    {
        var account = ApiGuard.AccountOf(context);
        var form = ApiForm.Parse(context.Request.QueryString.Value);
        var (paging, pagingError) = ApiPaging.Read(form);
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var reader = new ApiFormReader(form);
        var name = reader.Text("FriendlyName");
        var status = reader.Text("Status") is { } text ? ConferenceResources.ParseStatus(text) : null;
        if (reader.Text("Status") is { } given && status is null)
        {
            reader.Fail(ApiErrors.InvalidParameter, $"Status '{given}' is not one of init, in-progress, completed");
        }

        var (createdFrom, createdTo) = ApiDateFilter.Read(reader, "DateCreated");
        var (updatedFrom, updatedTo) = ApiDateFilter.Read(reader, "DateUpdated");
        if (reader.Error is { } error)
        {
            return error;
        }

        var rooms = registry.List(account.Sid).Where(r =>
            (name is null || r.FriendlyName == name)
            && (status is null || r.Status == status)
            && Within(r.DateCreated, createdFrom, createdTo)
            && Within(r.DateUpdated, updatedFrom, updatedTo)).ToList();
        var (items, next, previous) = paging.Slice(rooms);
        var filters = FilterNames.Where(form.Has).Select(n => new KeyValuePair<string, string>(n, form[n]!)).ToList();
        var list = paging.Fill(new ConferenceListResource { Conferences = [.. items.Select(ConferenceResources.Of)] },
            ConferenceResources.ListPath(account.Sid), filters, items.Count, next, previous);
        return Results.Json(list, ApiJsonContext.Api.ConferenceListResource);
    }

    private static IResult Fetch(HttpContext context, string Sid, ConferenceRegistry registry)
    {
        var account = ApiGuard.AccountOf(context);
        return registry.Find(account.Sid, Sid) is { } room
            ? Results.Json(ConferenceResources.Of(room), ApiJsonContext.Api.ConferenceResource)
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string Sid, ConferenceRegistry registry, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {options.Value.MaxBodyBytes} bytes");
        }

        if (registry.Find(account.Sid, Sid) is not { } room)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var reader = new ApiFormReader(form);
        var status = reader.Text("Status");
        if (status is not (null or "completed"))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"Status must be completed, not '{status}'");
        }

        var announce = reader.Url("AnnounceUrl", ApiErrors.InvalidParameter);
        var announceMethod = reader.Method("AnnounceMethod");
        if (reader.Error is { } error)
        {
            return error;
        }

        if (announce is not null && !room.Announce(announce, announceMethod == RcmlHttpMethod.Get ? "GET" : "POST"))
        {
            return ApiErrors.BadRequest(ApiErrors.NotInProgress, $"Conference {room.Sid} has ended: nothing can be announced in it");
        }

        if (status == "completed")
        {
            room.EndViaApi();
        }

        return Results.Json(ConferenceResources.Of(room), ApiJsonContext.Api.ConferenceResource);
    }

    private static bool Within(DateTimeOffset at, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null || at >= from) && (to is null || at < to);
}
