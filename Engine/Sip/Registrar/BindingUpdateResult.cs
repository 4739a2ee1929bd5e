namespace RcmlEngine.Sip.Registrar;

/// <summary>The outcome of a REGISTER on the table: the bindings now current (when applied) and what changed.</summary>
internal sealed record BindingUpdateResult(
    BindingUpdateOutcome Outcome,
    IReadOnlyList<RegistrationBinding> Bindings,
    IReadOnlyList<RegistrationChangedEventArgs> Changes);
