namespace RcmlEngine.Calls.Dialing;

/// <summary>What a <see cref="DialRequest.Target"/> names.</summary>
internal enum DialTargetKind
{
    /// <summary>A SIP URI (<c>&lt;Sip&gt;</c>), called as it is.</summary>
    Sip,

    /// <summary>A phone number (<c>&lt;Number&gt;</c>, Dial's text), called through the trunk the dial plan gives it.</summary>
    Number,

    /// <summary>A client name (<c>&lt;Client&gt;</c>), rung at every registration it holds.</summary>
    Client,
}
