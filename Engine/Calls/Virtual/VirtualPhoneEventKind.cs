namespace RcmlEngine.Calls.Virtual;

/// <summary>What happened on a <see cref="VirtualPhone"/>.</summary>
internal enum VirtualPhoneEventKind
{
    /// <summary>The engine signalled ringing.</summary>
    Ringing,

    /// <summary>The engine answered.</summary>
    Answered,

    /// <summary>The engine declined the call.</summary>
    Rejected,

    /// <summary>The caller heard a prompt (once per loop).</summary>
    Heard,

    /// <summary>A playback stopped at a key.</summary>
    Interrupted,

    /// <summary>The engine started listening for keys or a recording.</summary>
    Listening,

    /// <summary>The caller pressed a key.</summary>
    KeyPressed,

    /// <summary>A recording was finished.</summary>
    Recorded,

    /// <summary>The call ended (either side).</summary>
    HungUp,

    /// <summary>Early media opened before the answer (Dial answerOnBridge).</summary>
    EarlyMedia,

    /// <summary>The call's audio was connected to another call's (Dial).</summary>
    Bridged,

    /// <summary>The engine transferred the call with a (simulated) REFER.</summary>
    Referred,
}
