using RcmlEngine.Conferences;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// Reads <c>POST Participants/{CallSid}.json</c>: Muted, Hold, HoldUrl, HoldMethod, AnnounceUrl, AnnounceMethod,
/// BeepOnExit, EndConferenceOnExit, Coaching and CallSidToCoach. WaitUrl and WaitMethod are accepted and not
/// used (Twilio's own only apply to a participant still waiting to join a room that has not started).
/// </summary>
internal static class ParticipantUpdateForm
{
    /// <summary>The changes, or null with the error recorded on <paramref name="reader"/>.</summary>
    public static ParticipantUpdate? Read(ApiFormReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var coached = reader.Text("CallSidToCoach", 64);
        if (coached is not null && !ConferenceResources.IsCallSid(coached))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"CallSidToCoach '{coached}' is not a CallSid");
        }

        var update = new ParticipantUpdate
        {
            Muted = Optional(reader, "Muted"),
            Hold = Optional(reader, "Hold"),
            HoldUrl = reader.Url("HoldUrl", ApiErrors.InvalidParameter),
            HoldMethod = reader.Form.Has("HoldMethod") ? MethodWord(reader.Method("HoldMethod", RcmlHttpMethod.Get)) : null,
            AnnounceUrl = reader.Url("AnnounceUrl", ApiErrors.InvalidParameter),
            AnnounceMethod = reader.Form.Has("AnnounceMethod") ? MethodWord(reader.Method("AnnounceMethod")) : null,
            BeepOnExit = Optional(reader, "BeepOnExit"),
            EndConferenceOnExit = Optional(reader, "EndConferenceOnExit"),
            Coaching = Optional(reader, "Coaching"),
            CallSidToCoach = coached,
        };
        _ = reader.Url("WaitUrl", ApiErrors.InvalidParameter);
        _ = reader.Method("WaitMethod");
        return reader.Error is null ? update : null;
    }

    private static bool? Optional(ApiFormReader reader, string name) =>
        reader.Text(name) is null ? null : reader.Boolean(name);

    private static string MethodWord(RcmlHttpMethod method) => method == RcmlHttpMethod.Get ? "GET" : "POST";
}
