using System.Globalization;

namespace RcmlEngine.Sdp;

/// <summary>An audio payload format of an m-line: payload type, encoding name and clock rate.</summary>
internal sealed record SdpAudioFormat(int PayloadType, string EncodingName, int ClockRate)
{
    /// <summary>The encoding name of RFC 4733 events.</summary>
    public const string TelephoneEventName = "telephone-event";

    /// <summary>The payload type this engine offers for telephone-event (dynamic range, RFC 3551 3).</summary>
    public const int DefaultTelephoneEventPayloadType = 101;

    // RFC 3551 6, Table 4: static audio payload types, named so errors can say what was offered.
    private static readonly Dictionary<int, (string Name, int Rate)> StaticTypes = new()
    {
        [0] = ("PCMU", 8000),
        [3] = ("GSM", 8000),
        [4] = ("G723", 8000),
        [5] = ("DVI4", 8000),
        [6] = ("DVI4", 16000),
        [7] = ("LPC", 8000),
        [8] = ("PCMA", 8000),
        [9] = ("G722", 8000),
        [10] = ("L16", 44100),
        [11] = ("L16", 44100),
        [12] = ("QCELP", 8000),
        [13] = ("CN", 8000),
        [14] = ("MPA", 90000),
        [15] = ("G728", 8000),
        [18] = ("G729", 8000),
    };

    /// <summary>The static payload type of RFC 3551 for an encoding name at a clock rate, or null.</summary>
    public static int? StaticPayloadTypeOf(string encodingName, int clockRate)
    {
        foreach (var (payloadType, known) in StaticTypes)
        {
            if (known.Name.Equals(encodingName, StringComparison.OrdinalIgnoreCase) && known.Rate == clockRate)
            {
                return payloadType;
            }
        }

        return null;
    }

    /// <summary>
    /// The format a payload type of a media section stands for: its <c>a=rtpmap</c>, else the static
    /// assignment of RFC 3551; null for an unknown dynamic type or a format that is not a number.
    /// </summary>
    public static SdpAudioFormat? Resolve(SdpMediaDescription media, string format)
    {
        if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType) || payloadType > 127)
        {
            return null;
        }

        if (media.RtpMaps.TryGetValue(payloadType, out var map))
        {
            return new SdpAudioFormat(payloadType, map.EncodingName, map.ClockRate);
        }

        return StaticTypes.TryGetValue(payloadType, out var known) ? new SdpAudioFormat(payloadType, known.Name, known.Rate) : null;
    }

    /// <summary>True when this is <c>telephone-event/8000</c>.</summary>
    public bool IsTelephoneEvent =>
        EncodingName.Equals(TelephoneEventName, StringComparison.OrdinalIgnoreCase) && ClockRate == 8000;

    /// <summary>The <c>a=rtpmap</c> value of this format.</summary>
    public string RtpMapValue => string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PayloadType} ({EncodingName}/{ClockRate})");
}
