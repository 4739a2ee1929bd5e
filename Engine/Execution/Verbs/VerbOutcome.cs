namespace RcmlEngine.Execution.Verbs;

/// <summary>The result of one verb: continue, hang up, or navigate to <see cref="Target"/>.</summary>
/// <param name="Kind">Which.</param>
/// <param name="Target">Where to go, for <see cref="VerbOutcomeKind.Navigate"/>.</param>
internal readonly record struct VerbOutcome(VerbOutcomeKind Kind, Navigation? Target)
{
    /// <summary>Run the next verb.</summary>
    public static VerbOutcome Continue => new(VerbOutcomeKind.Continue, null);

    /// <summary>End the call.</summary>
    public static VerbOutcome HangUp => new(VerbOutcomeKind.HangUp, null);

    /// <summary>Fetch and run <paramref name="target"/>.</summary>
    public static VerbOutcome Navigate(Navigation target) =>
        new(VerbOutcomeKind.Navigate, target ?? throw new ArgumentNullException(nameof(target)));
}
