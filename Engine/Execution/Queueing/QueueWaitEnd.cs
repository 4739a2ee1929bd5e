namespace RcmlEngine.Execution.Queueing;

/// <summary>How a wait document ended the caller's wait by itself.</summary>
internal enum QueueWaitEnd
{
    /// <summary><c>&lt;Leave&gt;</c>: the caller goes on after its Enqueue.</summary>
    Leave,

    /// <summary><c>&lt;Hangup&gt;</c>: the call ends.</summary>
    Hangup,
}
