using Microsoft.Extensions.Logging;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// The logging scope that tags every line written for a call with its <c>CallSid</c> (structured, and
/// printed by the console logger as <c>CallSid:CA...</c>). Opening it again for the same call inside
/// itself (the host around the interpreter) adds nothing, so each line carries the sid once.
/// </summary>
internal static class CallLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("CallSid:{CallSid}");
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>Begins the scope of <paramref name="callSid"/>; dispose it when the call's work is done.</summary>
    public static IDisposable? Begin(ILogger logger, string callSid)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (Current.Value == callSid)
        {
            return null;
        }

        var outer = Current.Value;
        Current.Value = callSid;
        return new Restore(Scope(logger, callSid), outer);
    }

    private sealed class Restore(IDisposable? scope, string? outer) : IDisposable
    {
        public void Dispose()
        {
            scope?.Dispose();
            Current.Value = outer;
        }
    }
}
