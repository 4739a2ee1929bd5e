using System.Globalization;

namespace RcmlEngine.Sdp;

/// <summary>An <c>a=rtpmap:</c> value (RFC 4566 6): <c>101 telephone-event/8000</c>.</summary>
internal sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Parses an rtpmap value; false when it is malformed.</summary>
    public static bool TryParse(string value, out SdpRtpMap? map)
    {
        map = null;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType))
        {
            return false;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate))
        {
            return false;
        }

        int? channels = null;
        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            channels = count;
        }

        map = new SdpRtpMap(payloadType, parts[0], clockRate, channels);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Channels is { } channels
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{channels}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");
}
