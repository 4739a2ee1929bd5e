using RcmlEngine.Conferences;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Media;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Conferencing;

/// <summary>A <c>&lt;Conference&gt;</c> noun's attributes as the room's settings for the joining call.</summary>
internal static class ConferenceParticipantSettings
{
    /// <summary>The settings of <paramref name="noun"/>; relative callback URLs resolve against the running document.</summary>
    public static ParticipantSettings Of(ConferenceNoun noun, CallSession session)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(session);
        return new ParticipantSettings
        {
            Label = noun.ParticipantLabel,
            Muted = noun.Muted,
            Beep = noun.Beep switch
            {
                ConferenceBeep.Never => ConferenceBeepWhen.Never,
                ConferenceBeep.OnEnter => ConferenceBeepWhen.OnEnter,
                ConferenceBeep.OnExit => ConferenceBeepWhen.OnExit,
                _ => ConferenceBeepWhen.Always,
            },
            StartConferenceOnEnter = noun.StartConferenceOnEnter,
            EndConferenceOnExit = noun.EndConferenceOnExit,
            CallSidToCoach = noun.Coach,
            JitterSamples = JitterSamplesOf(noun.JitterBufferSize),
            MaxParticipants = noun.MaxParticipants,
            Callbacks = noun.StatusCallback is { OriginalString.Length: > 0 } url
                ? new ConferenceCallbackTarget(session.Resolve(url), noun.StatusCallbackMethod.ToWebhookMethod(), (ConferenceEventFilter)(int)noun.StatusCallbackEvent, session.Account.AuthToken)
                : null,
        };
    }

    /// <summary>How much audio the mixer gathers before mixing a participant: 20 ms (off) to 80 ms (large, the default).</summary>
    public static int JitterSamplesOf(ConferenceJitterBuffer size) => MediaAudio.SamplesOf(TimeSpan.FromMilliseconds(size switch
    {
        ConferenceJitterBuffer.Off => 20,
        ConferenceJitterBuffer.Small => 40,
        ConferenceJitterBuffer.Medium => 60,
        _ => 80,
    }));
}
