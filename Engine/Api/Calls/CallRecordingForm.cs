using RcmlEngine.Execution.Outbound;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Api.Calls;

/// <summary>Reads <c>Record</c>, <c>RecordingChannels</c>, <c>Trim</c> and the <c>RecordingStatusCallback</c> parameters of a new call.</summary>
internal static class CallRecordingForm
{
    /// <summary>The recording asked for; null without <c>Record=true</c> (problems recorded on <paramref name="reader"/>).</summary>
    public static OutboundRecording? Read(ApiFormReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.Boolean("Record"))
        {
            return null;
        }

        var channels = reader.Text("RecordingChannels") ?? "mono";
        if (channels is not ("mono" or "dual"))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"RecordingChannels must be mono or dual, not '{channels}'");
        }

        var trim = reader.Text("Trim") ?? "do-not-trim";
        if (trim is not ("trim-silence" or "do-not-trim"))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"Trim must be trim-silence or do-not-trim, not '{trim}'");
        }

        return new OutboundRecording
        {
            Dual = channels == "dual",
            TrimSilence = trim == "trim-silence",
            StatusCallback = reader.Url("RecordingStatusCallback", ApiErrors.InvalidParameter),
            StatusCallbackMethod = reader.Method("RecordingStatusCallbackMethod"),
            StatusCallbackEvents = EventsOf(reader),
        };
    }

    private static RecordingEvents EventsOf(ApiFormReader reader)
    {
        var words = reader.Form.All("RecordingStatusCallbackEvent").SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (words.Count == 0)
        {
            return RecordingEvents.Completed;
        }

        var events = RecordingEvents.None;
        foreach (var word in words)
        {
            events |= word switch
            {
                "in-progress" => RecordingEvents.InProgress,
                "completed" => RecordingEvents.Completed,
                "absent" => RecordingEvents.Absent,
                _ => RecordingEvents.None,
            };
            if (word is not ("in-progress" or "completed" or "absent"))
            {
                reader.Fail(ApiErrors.InvalidParameter, $"RecordingStatusCallbackEvent '{word}' is not one of in-progress, completed, absent");
            }
        }

        return events;
    }
}
