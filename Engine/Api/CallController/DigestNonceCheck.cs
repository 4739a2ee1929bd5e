namespace RcmlEngine.Api.CallController;

/// <summary>What <see cref="DigestNonces.Check"/> found.</summary>
internal enum DigestNonceCheck
{
    /// <summary>Ours, fresh, and its count grew.</summary>
    Valid,

    /// <summary>Ours but too old: the client should retry with a new nonce (<c>stale=true</c>).</summary>
    Stale,

    /// <summary>Not ours, malformed, or a replayed count.</summary>
    Invalid,
}
