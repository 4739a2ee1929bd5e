using RcmlEngine.Calls;

namespace RcmlEngine.Execution;

/// <summary>How a call's run ended.</summary>
/// <param name="Status">The call's final status.</param>
/// <param name="EndReason">What ended it.</param>
/// <param name="Documents">Documents fetched (fallbacks included).</param>
/// <param name="Verbs">Verbs run.</param>
/// <param name="Errors">Errors reported (fetch and parse failures, unsupported verbs, limits...).</param>
internal sealed record CallRunResult(CallStatus Status, CallEndReason? EndReason, int Documents, int Verbs, int Errors);
