using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Control;

/// <summary>
/// A call in progress as the services above the interpreter see it: the call, its account, and the
/// handle that redirects it (null for a leg no document runs on, such as a <c>&lt;Dial&gt;</c> leg).
/// </summary>
/// <param name="Call">The call.</param>
/// <param name="AccountSid">Its account.</param>
/// <param name="Control">Redirects it; null when it runs no documents.</param>
/// <param name="Application">Its application as it is now (its status callback may be changed).</param>
internal sealed record LiveCall(ICall Call, string AccountSid, CallControl? Control, CallApplicationHolder? Application);
