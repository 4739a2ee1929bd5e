namespace RcmlEngine.Calls.ClickToCall;

/// <summary>What a click-to-call setup does: ring <see cref="Calling"/> as <see cref="Agent"/>, then connect it to <see cref="Called"/>.</summary>
internal sealed record ClickToCallRequest
{
    /// <summary>The account the setup belongs to (and is found by).</summary>
    public required string AccountSid { get; init; }

    /// <summary>The calling party as the request named it (the key of the setup, with <see cref="CalledText"/>).</summary>
    public required string CallingText { get; init; }

    /// <summary>The called party as the request named it.</summary>
    public required string CalledText { get; init; }

    /// <summary>The phone rung first (aliases resolved).</summary>
    public required ClickToCallParty Calling { get; init; }

    /// <summary>The party the calling phone is connected to (aliases resolved).</summary>
    public required ClickToCallParty Called { get; init; }

    /// <summary>Who the calling phone sees calling (From; a SIP URI or a user at the engine's address), and the referrer (Referred-By).</summary>
    public required string Agent { get; init; }

    /// <summary>The Subject header of the INVITE to the calling party; null for none.</summary>
    public string? Subject { get; init; }

    /// <summary>False refuses 3xx redirects (call forwarding) of the calling party: the setup fails with the 3xx.</summary>
    public bool ForwardingAllowed { get; init; } = true;

    /// <summary>How long the calling party's phone may ring (and the engine's own leg to the called party, when bridged).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the result is kept for GET once the setup is over.</summary>
    public TimeSpan ResultCacheTime { get; init; } = TimeSpan.FromSeconds(60);
}
