namespace RcmlEngine.Sdp;

/// <summary>
/// What <see cref="SdpParser"/> has read so far: session lines until the first <c>m=</c>, then the
/// current media section. Each setter returns an error message, or null when the line is accepted.
/// </summary>
internal sealed class SdpParseState
{
    private readonly List<SdpAttribute> _sessionAttributes = [];
    private readonly List<SdpLine> _sessionOther = [];
    private readonly List<SdpMediaDescription> _media = [];
    private readonly List<SdpAttribute> _mediaAttributes = [];
    private readonly List<SdpLine> _mediaOther = [];
    private SdpOrigin? _origin;
    private string? _sessionName;
    private SdpConnection? _sessionConnection;
    private string _timing = "0 0";
    private SdpMediaDescription? _current;

    public bool SawVersion { get; set; }

    public string? SetOrigin(SdpOrigin origin)
    {
        if (_origin is not null || _current is not null)
        {
            return "o= must appear once, in the session section";
        }

        _origin = origin;
        return null;
    }

    public string? SetSessionName(string value)
    {
        if (_current is not null)
        {
            return "s= belongs to the session section, before any m=";
        }

        _sessionName = value;
        return null;
    }

    public string? SetConnection(SdpConnection connection)
    {
        if (_current is null)
        {
            _sessionConnection = connection;
        }
        else
        {
            // Several c= in one media section are for layered multicast; the first is the one used.
            _current = _current.Connection is null ? _current with { Connection = connection } : _current;
        }

        return null;
    }

    public string? SetTiming(string value)
    {
        if (_current is not null)
        {
            return "t= belongs to the session section, before any m=";
        }

        _timing = value;
        return null;
    }

    public string? AddAttribute(SdpAttribute attribute)
    {
        (_current is null ? _sessionAttributes : _mediaAttributes).Add(attribute);
        return null;
    }

    public string? AddOther(SdpLine line)
    {
        (_current is null ? _sessionOther : _mediaOther).Add(line);
        return null;
    }

    public void StartMedia(SdpMediaDescription media)
    {
        CloseMedia();
        _current = media;
    }

    /// <summary>Builds the description; an error for a body missing what every SDP must have.</summary>
    public SdpParseError? Finish(out SdpSessionDescription? description)
    {
        description = null;
        if (!SawVersion)
        {
            return new SdpParseError(0, string.Empty, "the body is empty or has no v= line");
        }

        if (_origin is null)
        {
            return new SdpParseError(0, string.Empty, "the o= line is missing");
        }

        CloseMedia();
        description = new SdpSessionDescription
        {
            Origin = _origin,
            SessionName = _sessionName ?? "-",
            Connection = _sessionConnection,
            Timing = _timing,
            Attributes = _sessionAttributes.ToArray(),
            OtherLines = _sessionOther.ToArray(),
            Media = _media.ToArray(),
        };
        return null;
    }

    private void CloseMedia()
    {
        if (_current is null)
        {
            return;
        }

        _media.Add(_current with { Attributes = _mediaAttributes.ToArray(), OtherLines = _mediaOther.ToArray() });
        _mediaAttributes.Clear();
        _mediaOther.Clear();
        _current = null;
    }
}
