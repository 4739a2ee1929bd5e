namespace RcmlEngine.Cli.ApiCalls;

/// <summary>What <c>rcml call</c> places and where: the engine's API, the account, and the call's parameters.</summary>
internal sealed class ApiCallSettings
{
    /// <summary>The engine's HTTP base URL (<c>http://127.0.0.1:8080</c>).</summary>
    public required Uri Api { get; init; }

    /// <summary>The AccountSid, the user of HTTP Basic.</summary>
    public required string Account { get; init; }

    /// <summary>The AuthToken, the password of HTTP Basic; none sends an empty one (the default account on loopback).</summary>
    public string? Token { get; init; }

    /// <summary>Twilio's <c>To</c>: a <c>sip:</c> URI, <c>client:name</c> or a number.</summary>
    public required string To { get; init; }

    /// <summary>Twilio's <c>From</c>.</summary>
    public required string From { get; init; }

    /// <summary>Twilio's <c>Url</c>: the document run once the call is answered (or <see cref="Twiml"/>).</summary>
    public Uri? Url { get; init; }

    /// <summary>Twilio's <c>Twiml</c>: the document itself.</summary>
    public string? Twiml { get; init; }

    /// <summary>Twilio's <c>Timeout</c>: seconds to let the call ring; none leaves the engine's default.</summary>
    public int? Timeout { get; init; }

    /// <summary>Twilio's <c>StatusCallback</c>.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>How often the call's status is fetched while following it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The form of <c>POST Calls.json</c>, with Twilio's parameter names.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CreateForm()
    {
        var form = new List<KeyValuePair<string, string>> { new("To", To), new("From", From) };
        if (Url is not null)
        {
            form.Add(new("Url", Url.AbsoluteUri));
        }

        if (Twiml is not null)
        {
            form.Add(new("Twiml", Twiml));
        }

        if (Timeout is { } timeout)
        {
            form.Add(new("Timeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (StatusCallback is not null)
        {
            form.Add(new("StatusCallback", StatusCallback.AbsoluteUri));
        }

        return form;
    }
}
