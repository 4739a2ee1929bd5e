namespace RcmlEngine.Sip.Messages;

/// <summary>Method names (RFC 3261 7.1, 3515, 6086...). Methods are case-sensitive.</summary>
internal static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Message = "MESSAGE";

    /// <summary>The methods the user agent accepts, for the Allow header.</summary>
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY";

    /// <summary>Returns the shared instance for a known method, so hot paths do not allocate.</summary>
    public static string Intern(ReadOnlySpan<char> method) => method switch
    {
        Invite => Invite,
        Ack => Ack,
        Bye => Bye,
        Cancel => Cancel,
        Options => Options,
        Register => Register,
        Info => Info,
        Refer => Refer,
        Notify => Notify,
        Subscribe => Subscribe,
        Update => Update,
        Prack => Prack,
        Message => Message,
        _ => method.ToString(),
    };
}
