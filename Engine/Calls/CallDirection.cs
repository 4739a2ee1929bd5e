namespace RcmlEngine.Calls;

/// <summary>Who started a call, as Twilio's <c>Direction</c> parameter says it.</summary>
internal enum CallDirection
{
    /// <summary><c>inbound</c>: a call that arrived at the engine.</summary>
    Inbound,

    /// <summary><c>outbound-api</c>: a call the REST API started.</summary>
    OutboundApi,

    /// <summary><c>outbound-dial</c>: a leg a <c>&lt;Dial&gt;</c> started.</summary>
    OutboundDial,
}
