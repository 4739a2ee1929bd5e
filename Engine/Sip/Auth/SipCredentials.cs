namespace RcmlEngine.Sip.Auth;

/// <summary>
/// A username and password to answer digest challenges with: per call (a Sip noun's) or per trunk.
/// <see cref="Realm"/>, when set, limits them to challenges of that realm.
/// </summary>
internal sealed record SipCredentials(string Username, string Password, string? Realm = null)
{
    /// <summary>Keeps the password out of logs and debugger views.</summary>
    public override string ToString() => $"SipCredentials {{ Username = {Username}, Realm = {Realm} }}";
}
