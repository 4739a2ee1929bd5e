using RcmlEngine.Calls.Dialing;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// One party a <c>&lt;Dial&gt;</c> rings, read from its noun (or from Dial's text, a bare number): what to
/// call, the screening document run on the party when it answers, the keys sent once it answers, and
/// where its own progress events go.
/// </summary>
internal sealed record DialParty
{
    /// <summary>The noun's element name (<c>Number</c>, <c>Sip</c>, <c>Client</c>), for messages.</summary>
    public required string Element { get; init; }

    /// <summary>What the target names.</summary>
    public required DialTargetKind Kind { get; init; }

    /// <summary>The SIP URI, number or client name.</summary>
    public required string Target { get; init; }

    /// <summary>Digest credentials (<c>&lt;Sip username password&gt;</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary><c>url</c>: the screening document, run on the party alone once it answers; null bridges at once.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>method</c> of <see cref="Url"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>sendDigits</c> (<c>&lt;Number&gt;</c>): keys sent as RFC 4733 events once it answers.</summary>
    public string? SendDigits { get; init; }

    /// <summary><c>statusCallback</c>: receives this party's progress events; null for none.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary><c>statusCallbackMethod</c>.</summary>
    public RcmlHttpMethod StatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>statusCallbackEvent</c>.</summary>
    public CallProgressEvents StatusCallbackEvent { get; init; } = CallProgressEvents.Completed;

    /// <summary><c>&lt;Client&gt;</c>'s <c>&lt;Parameter&gt;</c> children, sent as <c>X-</c> headers (<see cref="ClientParameterHeaders"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>True for <c>&lt;Sip&gt;</c>: the action then carries the <c>DialSip*</c> parameters.</summary>
    public bool IsSip => Kind == DialTargetKind.Sip;

    /// <summary>
    /// The parties of <paramref name="dial"/>: its text as one number, or its Number, Sip and Client nouns in
    /// order. Conference and Queue are not parties (the executor reports them as not supported).
    /// </summary>
    public static IReadOnlyList<DialParty> Of(DialVerb dial)
    {
        ArgumentNullException.ThrowIfNull(dial);
        if (dial.Number is { Length: > 0 } number)
        {
            return [new DialParty { Element = "Dial", Kind = DialTargetKind.Number, Target = number.Trim() }];
        }

        var parties = new List<DialParty>(dial.Nouns.Count);
        foreach (var noun in dial.Nouns)
        {
            switch (noun)
            {
                case NumberNoun n:
                    parties.Add(new DialParty
                    {
                        Element = n.ElementName, Kind = DialTargetKind.Number, Target = n.PhoneNumber.Trim(), SendDigits = n.SendDigits,
                        Url = n.Url, Method = n.Method,
                        StatusCallback = n.StatusCallback, StatusCallbackMethod = n.StatusCallbackMethod, StatusCallbackEvent = n.StatusCallbackEvent,
                    });
                    break;
                case SipNoun s when s.Uri is { } uri:
                    parties.Add(new DialParty
                    {
                        Element = s.ElementName, Kind = DialTargetKind.Sip, Target = uri.Text, Username = s.Username, Password = s.Password,
                        Url = s.Url, Method = s.Method,
                        StatusCallback = s.StatusCallback, StatusCallbackMethod = s.StatusCallbackMethod, StatusCallbackEvent = s.StatusCallbackEvent,
                    });
                    break;
                case ClientNoun c:
                    parties.Add(new DialParty
                    {
                        Element = c.ElementName, Kind = DialTargetKind.Client, Target = c.Identity.Trim(), Parameters = c.Parameters,
                        Url = c.Url, Method = c.Method,
                        StatusCallback = c.StatusCallback, StatusCallbackMethod = c.StatusCallbackMethod, StatusCallbackEvent = c.StatusCallbackEvent,
                    });
                    break;
            }
        }

        return parties;
    }
}
