using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Registrar;

/// <summary>One Contact of a REGISTER, checked: the interval granted (zero removes it), q, instance and reg-id.</summary>
/// <param name="Contact">The Contact without its expires parameter.</param>
/// <param name="Expires">The interval granted: the request's, shortened to the maximum; zero removes the binding.</param>
/// <param name="Q">The q parameter, or null.</param>
/// <param name="InstanceId">The +sip.instance URN, or null.</param>
/// <param name="RegId">The reg-id parameter, or null.</param>
internal sealed record RequestedContact(SipNameAddress Contact, TimeSpan Expires, double? Q, string? InstanceId, string? RegId)
{
    /// <summary>
    /// True when this contact names <paramref name="binding"/>: the same instance and reg-id
    /// (RFC 5626: the instance identifies a UA whatever Contact URI it uses now), or an equivalent
    /// Contact URI (RFC 3261 10.3 step 7 by way of 19.1.4).
    /// </summary>
    public bool Matches(RegistrationBinding binding) =>
        (InstanceId is not null && string.Equals(InstanceId, binding.InstanceId, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(RegId, binding.RegId, StringComparison.Ordinal)) ||
        Contact.Uri.IsEquivalentTo(binding.ContactUri);
}
