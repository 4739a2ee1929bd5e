namespace RcmlEngine.Calls.Virtual;

/// <summary>What the engine listens for when it asks a <see cref="IVirtualCaller"/> for input.</summary>
internal enum VirtualInput
{
    /// <summary>Keys (<c>&lt;Gather&gt;</c>).</summary>
    Digits,

    /// <summary>A recording (<c>&lt;Record&gt;</c>): waits are the caller talking, a key may end it.</summary>
    Recording,
}
