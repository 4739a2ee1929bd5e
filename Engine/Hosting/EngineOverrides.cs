namespace RcmlEngine.Hosting;

/// <summary>
/// Command-line settings that win over the configuration (<c>rcml serve --sip-port --http-port --app</c>).
/// </summary>
internal sealed record EngineOverrides
{
    /// <summary>SIP port for both UDP and TCP.</summary>
    public int? SipPort { get; init; }

    /// <summary>HTTP port.</summary>
    public int? HttpPort { get; init; }

    /// <summary>Applications routed by user (<c>--app USER=URL</c>), ahead of the configured ones.</summary>
    public IReadOnlyList<(string User, Uri VoiceUrl)> Apps { get; init; } = [];

    /// <summary><c>--listen</c>: the address SIP (and so RTP) and HTTP bind; null keeps the configured ones.</summary>
    public string? ListenAddress { get; init; }

    /// <summary>
    /// Reads <c>USER=URL</c>: the user a call's Request-URI names (<c>sip:USER@host</c>) and the absolute
    /// http(s) voice URL. Returns false with a message naming the problem.
    /// </summary>
    public static bool TryParseApp(string text, out (string User, Uri VoiceUrl) app, out string? error)
    {
        app = default;
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (equals <= 0)
        {
            error = $"--app '{text}': expected USER=URL, e.g. --app ivr=http://127.0.0.1:3000/ivr";
            return false;
        }

        var user = text![..equals].Trim();
        if (!Uri.TryCreate(text[(equals + 1)..].Trim(), UriKind.Absolute, out var url) || !ConfigValues.IsHttpUrl(url))
        {
            error = $"--app '{text}': '{text[(equals + 1)..]}' is not an absolute http(s) URL";
            return false;
        }

        app = (user, url);
        error = null;
        return true;
    }

    /// <summary>Applies these overrides to <paramref name="options"/> (after binding, before validation).</summary>
    public void ApplyTo(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SipPort is { } sip)
        {
            options.Sip.UdpPort = sip;
            options.Sip.TcpPort = sip;
        }

        if (HttpPort is { } http)
        {
            options.Http.Port = http;
        }

        if (ListenAddress is { } address)
        {
            options.Sip.ListenAddress = address;
            options.Http.ListenAddress = address;
        }

        // A flag replaces a configured application of the same user rather than clashing with it.
        var users = Apps.Select(a => a.User).ToHashSet(StringComparer.Ordinal);
        options.Applications.RemoveAll(a => a.User is { } user && users.Contains(user));
        options.Applications.InsertRange(0, Apps.Select(a => new ApplicationOptions { Name = a.User, User = a.User, VoiceUrl = a.VoiceUrl }));
    }
}
