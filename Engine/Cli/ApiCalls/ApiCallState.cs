using System.Text.Json;

namespace RcmlEngine.Cli.ApiCalls;

/// <summary>What <c>rcml call</c> reads of a call resource: its sid, status and duration.</summary>
/// <param name="Sid">The CallSid.</param>
/// <param name="Status">Twilio's status (<c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>...).</param>
/// <param name="Duration">Talk time in seconds, once the call has ended.</param>
internal sealed record ApiCallState(string Sid, string Status, string? Duration)
{
    /// <summary>The status of a call that answered and ended normally.</summary>
    public const string Completed = "completed";

    /// <summary>True once the call has ended: completed, busy, failed, no-answer or canceled.</summary>
    public bool IsFinal => Status is Completed or "busy" or "failed" or "no-answer" or "canceled";

    /// <summary>Reads a call resource's JSON; null when it is not one.</summary>
    public static ApiCallState? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "sid") is not { } sid || Text(root, "status") is not { } status)
            {
                return null;
            }

            return new ApiCallState(sid, status, Text(root, "duration"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string (or number) property of <paramref name="element"/>, or null.</summary>
    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
