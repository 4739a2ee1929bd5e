namespace RcmlEngine.Sip.Registrar;

/// <summary>How a <see cref="SipRegistrar"/> authenticates REGISTER requests and bounds its bindings.</summary>
/// <param name="PasswordFor">
/// The password of a client name, or null when there is no such client. The host supplies it from its
/// configuration; it is called for every authenticated REGISTER, so it should be a dictionary lookup.
/// </param>
internal sealed record SipRegistrarOptions(Func<string, string?> PasswordFor)
{
    /// <summary>
    /// RFC 3261 10.3 step 7: the minimum is only enforced for intervals under one hour, so a larger
    /// <see cref="MinExpires"/> could never be announced in a 423.
    /// </summary>
    public static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    /// <summary>The digest realm announced in challenges (RFC 3261 22.1).</summary>
    public string Realm { get; init; } = "rcml";

    /// <summary>
    /// Digest algorithms offered in a 401, one challenge each, preferred first (RFC 7616 3.7, RFC 8760 2.4);
    /// answers in MD5 or SHA-256 are accepted whatever this lists. MD5 alone by default: SIPp 3.6 and
    /// baresip 1.0 (libre) give up on a SHA-256 challenge instead of answering the MD5 one after it.
    /// Offer <c>["SHA-256", "MD5"]</c> when every client copes.
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["MD5"];

    /// <summary>
    /// REGISTERs with wrong credentials one source address may send per minute; past them, its REGISTERs are
    /// answered 403 without being checked until the minute ends (password guessing). 0: no limit.
    /// </summary>
    public int MaxFailuresPerSourcePerMinute { get; init; } = 10;

    /// <summary>How long a challenge's nonce is good for; an older but correct answer gets a new challenge with <c>stale=true</c>.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The interval granted when the request names none (RFC 3261 10.3 step 7: a locally configured default).</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Shorter non-zero intervals are refused with 423 Interval Too Brief and this as Min-Expires (RFC 3261 10.3 step 7).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer intervals are shortened to this (the registrar may shorten, RFC 3261 10.3 step 7).</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromSeconds(7200);

    /// <summary>Bindings one client name may hold; a REGISTER that would add more gets 503.</summary>
    public int MaxBindingsPerUser { get; init; } = 10;

    /// <summary>Client names holding bindings at once; a new one beyond this gets 503.</summary>
    public int MaxUsers { get; init; } = 10_000;

    /// <summary>How often expired bindings are removed (and reported) even when nobody looks them up.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The domains this registrar serves (RFC 3261 10.3 step 1): when set, a REGISTER whose
    /// Request-URI host is none of them gets 404. Null serves any host the request was sent to.
    /// </summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Throws when the values contradict each other, naming the value at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm))
        {
            throw new ArgumentException("Realm must not be empty", nameof(Realm));
        }

        if (MinExpires <= TimeSpan.Zero || MinExpires > OneHour)
        {
            throw new ArgumentException($"MinExpires must be between 1 second and 1 hour (RFC 3261 10.3), not {MinExpires}", nameof(MinExpires));
        }

        if (MaxExpires < MinExpires || DefaultExpires < MinExpires || DefaultExpires > MaxExpires)
        {
            throw new ArgumentException($"need MinExpires <= DefaultExpires <= MaxExpires, got {MinExpires}, {DefaultExpires}, {MaxExpires}", nameof(DefaultExpires));
        }

        if (MaxBindingsPerUser < 1 || MaxUsers < 1)
        {
            throw new ArgumentException("MaxBindingsPerUser and MaxUsers must be at least 1", nameof(MaxBindingsPerUser));
        }

        if (SweepInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("SweepInterval must be positive", nameof(SweepInterval));
        }

        if (Algorithms.Count == 0 || Algorithms.Any(a => a is not ("MD5" or "SHA-256")))
        {
            throw new ArgumentException("Algorithms must list MD5 and/or SHA-256", nameof(Algorithms));
        }
    }
}
