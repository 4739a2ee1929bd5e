using System.Globalization;
using RcmlEngine.Calls.ClickToCall;

namespace RcmlEngine.Api.CallController;

/// <summary>A setup's status as POST and GET answer it (docs/click-to-call.md).</summary>
internal sealed record CallControllerStatusJson
{
    public required string CallingParty { get; init; }

    public required string CalledParty { get; init; }

    public required string Agent { get; init; }

    public string? Subject { get; init; }

    /// <summary>ringing, answered, referred, transfer-ringing, connected, failed.</summary>
    public required string State { get; init; }

    /// <summary>refer (the phone was transferred) or bridged (the engine connected the two legs).</summary>
    public required string Mode { get; init; }

    public string? CallSid { get; init; }

    public string? BridgedCallSid { get; init; }

    public int? SipCode { get; init; }

    public string? SipReason { get; init; }

    public string? Error { get; init; }

    public required bool IsForwardingAllowed { get; init; }

    /// <summary>Seconds.</summary>
    public required int Timeout { get; init; }

    /// <summary>Seconds.</summary>
    public required int ResultCacheTime { get; init; }

    public required string CreatedAt { get; init; }

    public string? EndedAt { get; init; }

    public string? ExpiresAt { get; init; }

    public required IReadOnlyList<CallControllerEventJson> Events { get; init; }

    public required string Uri { get; init; }

    /// <summary>The JSON of <paramref name="status"/>, found at <paramref name="uri"/>.</summary>
    public static CallControllerStatusJson Of(ClickToCallStatus status, string uri)
    {
        ArgumentNullException.ThrowIfNull(status);
        var request = status.Request;
        return new CallControllerStatusJson
        {
            CallingParty = request.CallingText,
            CalledParty = request.CalledText,
            Agent = request.Agent,
            Subject = request.Subject,
            State = NameOf(status.State),
            Mode = status.Mode == ClickToCallMode.Bridged ? "bridged" : "refer",
            CallSid = status.CallSid,
            BridgedCallSid = status.BridgedCallSid,
            SipCode = status.SipCode,
            SipReason = status.SipReason,
            Error = status.Error,
            IsForwardingAllowed = request.ForwardingAllowed,
            Timeout = (int)request.Timeout.TotalSeconds,
            ResultCacheTime = (int)request.ResultCacheTime.TotalSeconds,
            CreatedAt = Iso(status.CreatedAt),
            EndedAt = status.EndedAt is { } ended ? Iso(ended) : null,
            ExpiresAt = status.ExpiresAt is { } expires ? Iso(expires) : null,
            Events = [.. status.Events.Select(e => new CallControllerEventJson(NameOf(e.State), e.SipCode, e.Reason, Iso(e.At)))],
            Uri = uri,
        };
    }

    /// <summary>A state's name in the JSON.</summary>
    public static string NameOf(ClickToCallState state) => state switch
    {
        ClickToCallState.Ringing => "ringing",
        ClickToCallState.Answered => "answered",
        ClickToCallState.Referred => "referred",
        ClickToCallState.TransferRinging => "transfer-ringing",
        ClickToCallState.Connected => "connected",
        _ => "failed",
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
