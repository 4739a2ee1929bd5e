namespace RcmlEngine.Sip.Registrar;

/// <summary>One binding changed; <see cref="Binding"/> is its new state (its last state for Removed and Expired).</summary>
internal sealed class RegistrationChangedEventArgs(RegistrationChange change, RegistrationBinding binding) : EventArgs
{
    public RegistrationChange Change { get; } = change;

    public RegistrationBinding Binding { get; } = binding;

    /// <summary>The client name whose bindings changed.</summary>
    public string User => Binding.User;
}
