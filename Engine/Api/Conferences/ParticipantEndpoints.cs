using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Hosting;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// Twilio's Participants resource: add a participant by calling it (the conference named by sid, or by a
/// friendly name, which creates it), list with filters Muted, Hold and Coaching, fetch, update (mute, hold,
/// coach, announce...) and remove (kick) by CallSid or label. The room is asked through
/// <see cref="ConferenceRegistry"/>; the participant's call is placed as <c>POST Calls.json</c> places one.
/// </summary>
internal static class ParticipantEndpoints
{
    private const string ListPath = "/Conferences/{ConferenceSid}/Participants.json";
    private const string ItemPath = "/Conferences/{ConferenceSid}/Participants/{CallSid}.json";
    private static readonly string[] FilterNames = ["Muted", "Hold", "Coaching"];

    /// <summary>Maps the resource on the account group.</summary>
    public static void Map(RouteGroupBuilder account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.MapPost(ListPath, CreateAsync).WithName("CreateParticipant").WithSummary("Call a party into a conference (created by its friendly name if need be)");
        account.MapGet(ListPath, List).WithName("ListParticipant").WithSummary("List a conference's participants");
        account.MapGet(ItemPath, Fetch).WithName("FetchParticipant").WithSummary("Fetch a participant by CallSid or label");
        account.MapPost(ItemPath, UpdateAsync).WithName("UpdateParticipant").WithSummary("Mute, hold, coach or announce to a participant");
        account.MapDelete(ItemPath, DeleteAsync).WithName("DeleteParticipant").WithSummary("Remove (kick) a participant");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string ConferenceSid, ConferenceRegistry registry,
        OutboundCallLauncher launcher, EngineHttpAddress http, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return TooLarge(options.Value.MaxBodyBytes);
        }

        // A sid names a room that must exist; a friendly name names the room in progress, or one to create.
        var bySid = ConferenceResources.IsConferenceSid(ConferenceSid);
        var room = bySid ? registry.Find(account.Sid, ConferenceSid) : registry.FindActive(account.Sid, ConferenceSid);
        if (!bySid && room?.Status == ConferenceStatus.Completed)
        {
            room = null;
        }

        if (bySid && room is null)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        if (!bySid && (ConferenceSid.Length > ParticipantCreateForm.MaxLabelLength || ConferenceSid.Any(char.IsControl)))
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, $"A conference's friendly name is at most {ParticipantCreateForm.MaxLabelLength} characters without control characters");
        }

        var reader = new ApiFormReader(form);
        if (ParticipantCreateForm.Read(reader, account, room?.FriendlyName ?? ConferenceSid, http.PublicBaseUrl) is not { } read)
        {
            return reader.Error!;
        }

        var (request, settings) = read;

        if (room is not null && Refusal(room, settings) is { } refused)
        {
            return refused;
        }

        var placed = launcher.Launch(request);
        if (placed.Call is not { } call)
        {
            return OutboundCallForm.Refused(placed);
        }

        room ??= registry.GetOrCreate(account.Sid, ConferenceSid, settings.MaxParticipants);
        var expected = room.Expect(call.Info.CallSid, settings);
        var participant = expected.Participant ?? (expected.Refusal == JoinRefusal.AlreadyIn ? room.Find(call.Info.CallSid) : null);
        if (participant is null)
        {
            // The room changed between the check and the call (filled up, ended, label taken): the call goes.
            await call.HangUpAsync(CancellationToken.None);
            return RefusalOf(room, settings, expected.Refusal);
        }

        // Answered as created (queued, unless it joined already), before the watcher replays the call's progress.
        var created = ConferenceResources.Of(participant);
        ParticipantCallWatcher.Watch(call, room);
        return Results.Json(created, ApiJsonContext.Api.ParticipantResource, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(HttpContext context, string ConferenceSid, ConferenceRegistry registry)
    {
        var account = ApiGuard.AccountOf(context);
        if (registry.Find(account.Sid, ConferenceSid) is not { } room)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var form = ApiForm.Parse(context.Request.QueryString.Value);
        var (paging, pagingError) = ApiPaging.Read(form);
        if (paging is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, pagingError!);
        }

        var reader = new ApiFormReader(form);
        bool? muted = form.Has("Muted") ? reader.Boolean("Muted") : null;
        bool? hold = form.Has("Hold") ? reader.Boolean("Hold") : null;
        bool? coaching = form.Has("Coaching") ? reader.Boolean("Coaching") : null;
        if (reader.Error is { } error)
        {
            return error;
        }

        var participants = room.Participants.Where(p =>
            (muted is null || p.Muted == muted) && (hold is null || p.Hold == hold) && (coaching is null || p.Coaching == coaching)).ToList();
        var (items, next, previous) = paging.Slice(participants);
        var filters = FilterNames.Where(form.Has).Select(n => new KeyValuePair<string, string>(n, form[n]!)).ToList();
        var list = paging.Fill(new ParticipantListResource { Participants = [.. items.Select(ConferenceResources.Of)] },
            ConferenceResources.ParticipantsPath(account.Sid, room.Sid), filters, items.Count, next, previous);
        return Results.Json(list, ApiJsonContext.Api.ParticipantListResource);
    }

    private static IResult Fetch(HttpContext context, string ConferenceSid, string CallSid, ConferenceRegistry registry)
    {
        var account = ApiGuard.AccountOf(context);
        return registry.Find(account.Sid, ConferenceSid)?.Find(CallSid) is { } participant
            ? Results.Json(ConferenceResources.Of(participant), ApiJsonContext.Api.ParticipantResource)
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string ConferenceSid, string CallSid, ConferenceRegistry registry, IOptions<ApiOptions> options)
    {
        var account = ApiGuard.AccountOf(context);
        if (await ApiForm.ReadBodyAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted) is not { } form)
        {
            return TooLarge(options.Value.MaxBodyBytes);
        }

        if (registry.Find(account.Sid, ConferenceSid) is not { } room || room.Find(CallSid) is not { } participant)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var reader = new ApiFormReader(form);
        if (ParticipantUpdateForm.Read(reader) is not { } update)
        {
            return reader.Error!;
        }

        if (update is { Coaching: true, CallSidToCoach: null } && participant.CallSidToCoach is null)
        {
            return ApiErrors.BadRequest(ApiErrors.InvalidParameter, "Coaching=true needs CallSidToCoach");
        }

        return room.Update(participant, update)
            ? Results.Json(ConferenceResources.Of(participant), ApiJsonContext.Api.ParticipantResource)
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string ConferenceSid, string CallSid, ConferenceRegistry registry, LiveCallRegistry live)
    {
        var account = ApiGuard.AccountOf(context);
        if (registry.Find(account.Sid, ConferenceSid) is not { } room || room.Find(CallSid) is not { } participant)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        // A participant in the room leaves it and its call goes on with its document; one still being
        // called is removed and its call hung up, as Twilio cancels it.
        var joined = participant.Status == ParticipantStatus.Connected;
        room.Leave(participant, ParticipantLeaveReason.Kicked, "in-progress");
        if (!joined && live.Find(account.Sid, participant.CallSid) is { } call)
        {
            await call.Call.HangUpAsync(context.RequestAborted);
        }

        return Results.NoContent();
    }

    private static IResult? Refusal(Conference room, ParticipantSettings settings)
    {
        var participants = room.Participants;
        var why = room.Status == ConferenceStatus.Completed ? JoinRefusal.Ended
            : settings.Label is { } label && participants.Any(p => p.Label == label) ? JoinRefusal.LabelTaken
            : participants.Count >= room.MaxParticipants ? JoinRefusal.Full
            : JoinRefusal.None;
        return why == JoinRefusal.None ? null : RefusalOf(room, settings, why);
    }

    private static IResult RefusalOf(Conference room, ParticipantSettings settings, JoinRefusal why) => why switch
    {
        JoinRefusal.LabelTaken => ApiErrors.BadRequest(ApiErrors.LabelInUse, $"Participant label '{settings.Label}' is in use by another participant of {room.Sid}"),
        JoinRefusal.Full => ApiErrors.BadRequest(ApiErrors.ConferenceFull, $"Conference {room.Sid} is full ({room.MaxParticipants} participants)"),
        _ => ApiErrors.BadRequest(ApiErrors.ParticipantNotAdded, $"Participant failed to be added: conference {room.Sid} has ended"),
    };

    private static IResult TooLarge(int maxBytes) =>
        ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, ApiErrors.InvalidParameter, $"the request body is over {maxBytes} bytes");
}
