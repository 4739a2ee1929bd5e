using System.Globalization;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// The parameters of a Dial's <c>action</c> request: <c>DialCallStatus</c>, <c>DialCallSid</c>,
/// <c>DialCallDuration</c> (the answered leg's talk time), <c>RecordingUrl</c>, <c>RecordingSid</c> and
/// <c>RecordingDuration</c> when recorded, and for a <c>&lt;Sip&gt;</c> leg <c>DialSipCallId</c>,
/// <c>DialSipResponseCode</c> and one <c>DialSipHeader_X-Name</c> per X- header of its final response.
/// </summary>
internal static class DialActionParameters
{
    /// <summary>The prefix of the parameters that carry the final response's X- headers.</summary>
    public const string SipHeaderPrefix = "DialSipHeader_";

    /// <summary>Twilio's <c>DialCallStatus</c> word: <c>completed</c> for an answered leg.</summary>
    public static string StatusWord(DialStatus status) => status switch
    {
        DialStatus.Answered => "completed",
        DialStatus.Busy => "busy",
        DialStatus.NoAnswer => "no-answer",
        DialStatus.Canceled => "canceled",
        _ => "failed",
    };

    /// <summary>The parameters for <paramref name="status"/>, reported by <paramref name="leg"/> (the winner, or the leg that decided the failure).</summary>
    public static List<KeyValuePair<string, string>> Of(DialStatus status, DialLeg? leg, StoredRecording? stored, RecordingResult? recording)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("DialCallStatus", StatusWord(status)) };
        if (leg is not null)
        {
            parameters.Add(new("DialCallSid", leg.CallSid));
            parameters.Add(new("DialCallDuration", leg.Call.Lifecycle.DurationSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        if (stored is not null && recording is not null)
        {
            parameters.Add(new("RecordingUrl", stored.Url.OriginalString));
            parameters.Add(new("RecordingSid", stored.RecordingSid));
            parameters.Add(new("RecordingDuration", ((int)Math.Ceiling(recording.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }

        if (leg is { Party.IsSip: true })
        {
            var outcome = leg.Outcome;
            if (leg.Call.Info.SipCallId is { } callId)
            {
                parameters.Add(new("DialSipCallId", callId));
            }

            if (outcome is { SipStatusCode: > 0 })
            {
                parameters.Add(new("DialSipResponseCode", outcome.SipStatusCode.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var (name, value) in outcome?.Headers ?? [])
            {
                if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
                {
                    parameters.Add(new(SipHeaderPrefix + name, value));
                }
            }
        }

        return parameters;
    }
}
