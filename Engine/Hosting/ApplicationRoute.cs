using RcmlEngine.Execution;

namespace RcmlEngine.Hosting;

/// <summary>Where a call goes: the application and its account, ready for the interpreter.</summary>
/// <param name="Name">The application's name, for logs.</param>
/// <param name="Application">Its voice settings.</param>
/// <param name="Account">Its account.</param>
internal sealed record ApplicationRoute(string Name, CallApplication Application, CallAccount Account);
