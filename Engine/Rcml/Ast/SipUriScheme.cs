namespace RcmlEngine.Rcml.Ast;

/// <summary>The scheme of a <see cref="RcmlSipUri"/>.</summary>
internal enum SipUriScheme
{
    /// <summary><c>sip:</c>.</summary>
    Sip,

    /// <summary><c>sips:</c>: TLS on every hop.</summary>
    Sips,
}
