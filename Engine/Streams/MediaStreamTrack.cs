namespace RcmlEngine.Streams;

/// <summary>The audio a media message carries: Twilio's <c>inbound</c> and <c>outbound</c>.</summary>
internal enum MediaStreamTrack : byte
{
    /// <summary>What the caller says.</summary>
    Inbound,

    /// <summary>What the caller hears from the engine.</summary>
    Outbound,
}
