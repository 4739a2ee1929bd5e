using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Virtual;

/// <summary>One thing that happened on a <see cref="VirtualPhone"/>, for tests and the terminal.</summary>
/// <param name="At">Time since the call started.</param>
/// <param name="Kind">What.</param>
/// <param name="Text">A human description (<c>Say (man, en): Hello</c>).</param>
internal sealed record VirtualPhoneEvent(TimeSpan At, VirtualPhoneEventKind Kind, string Text)
{
    /// <summary>The prompt heard, for <see cref="VirtualPhoneEventKind.Heard"/>.</summary>
    public Prompt? Prompt { get; init; }

    /// <summary>The key, for <see cref="VirtualPhoneEventKind.KeyPressed"/> and <see cref="VirtualPhoneEventKind.Interrupted"/>.</summary>
    public char? Key { get; init; }

    /// <summary><c>[mm:ss.f] text</c>.</summary>
    public override string ToString() =>
        $"[{(int)At.TotalMinutes:00}:{At.Seconds:00}.{At.Milliseconds / 100}] {Text}";
}
