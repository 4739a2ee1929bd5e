namespace RcmlEngine.Sip.Registrar;

/// <summary>What happened to a binding.</summary>
internal enum RegistrationChange
{
    /// <summary>A new contact was registered.</summary>
    Added,

    /// <summary>A registered contact was registered again (new expiry, maybe a new source or parameters).</summary>
    Refreshed,

    /// <summary>The UA removed it (expires=0, or <c>Contact: *</c>).</summary>
    Removed,

    /// <summary>Its time ran out without a refresh.</summary>
    Expired,
}
