using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Outbound;

/// <summary>A call placed (<see cref="Call"/>), or why it could not be (<see cref="Error"/>).</summary>
/// <param name="Call">The new call, ringing; null when it was not placed.</param>
/// <param name="Error">Why the party cannot be called (no trunk for the number, a client not registered, no media port...).</param>
/// <param name="Overloaded">True when the engine has no room for the call now (try again later).</param>
internal sealed record OutboundCallResult(ICall? Call, string? Error, bool Overloaded = false);
