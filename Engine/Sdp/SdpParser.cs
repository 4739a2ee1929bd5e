using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RcmlEngine.Sdp;

/// <summary>
/// Parses SDP bodies (RFC 4566 5). Accepts CRLF or bare LF line ends and ignores trailing blank
/// lines; keeps lines it does not model. Malformed input never throws: it yields a
/// <see cref="SdpParseError"/> that names the line.
/// </summary>
internal static class SdpParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says which line and why.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out SdpSessionDescription? description,
        [NotNullWhen(false)] out SdpParseError? error)
    {
        description = null;
        var state = new SdpParseState();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var message = ParseLine(state, line);
            if (message is not null)
            {
                error = new SdpParseError(index + 1, line, message);
                return false;
            }
        }

        error = state.Finish(out description);
        return error is null;
    }

    private static string? ParseLine(SdpParseState state, string line)
    {
        if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
        {
            return "expected <type>=<value> with a lowercase type letter";
        }

        var type = line[0];
        var value = line[2..];
        if (!state.SawVersion)
        {
            return type == 'v' ? ParseVersion(state, value) : "the first line must be v=0";
        }

        return type switch
        {
            'v' => "v= may appear only once, as the first line",
            'o' => ParseOrigin(state, value),
            's' => state.SetSessionName(value),
            'c' => ParseConnection(value, out var connection) ?? state.SetConnection(connection!),
            't' => state.SetTiming(value),
            'm' => ParseMedia(state, value),
            'a' => AddAttribute(state, SdpAttribute.Parse(value)),
            _ => state.AddOther(new SdpLine(type, value)),
        };
    }

    private static string? AddAttribute(SdpParseState state, SdpAttribute attribute) =>
        CheckAttribute(attribute) ?? state.AddAttribute(attribute);

    // Attributes the negotiation relies on are checked here, so a bad one is reported with its line.
    private static string? CheckAttribute(SdpAttribute attribute) => attribute.Name.ToUpperInvariant() switch
    {
        "RTPMAP" when attribute.Value is null || !SdpRtpMap.TryParse(attribute.Value, out _) =>
            "rtpmap must be <payload type> <encoding name>/<clock rate>[/<channels>]",
        "PTIME" when !int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
            "ptime must be a whole number of milliseconds",
        _ => null,
    };

    private static string? ParseVersion(SdpParseState state, string value)
    {
        if (value.Trim() != "0")
        {
            return $"unsupported SDP version \"{value}\" (only 0 exists)";
        }

        state.SawVersion = true;
        return null;
    }

    private static string? ParseOrigin(SdpParseState state, string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return $"o= needs 6 fields (username sess-id sess-version nettype addrtype address), found {fields.Length}";
        }

        if (!ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return $"session version \"{fields[2]}\" is not a number";
        }

        return state.SetOrigin(new SdpOrigin(fields[0], fields[1], version, fields[3], fields[4], fields[5]));
    }

    private static string? ParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return $"c= needs 3 fields (nettype addrtype address), found {fields.Length}";
        }

        if (!fields[0].Equals("IN", StringComparison.OrdinalIgnoreCase))
        {
            return $"network type \"{fields[0]}\" is not IN";
        }

        var addressType = fields[1].ToUpperInvariant();
        if (addressType is not ("IP4" or "IP6"))
        {
            return $"address type \"{fields[1]}\" is neither IP4 nor IP6";
        }

        // Multicast addresses carry /ttl and /count suffixes; the address is what precedes them.
        var address = fields[2].Split('/')[0];
        if (address.Length == 0)
        {
            return "the connection address is empty";
        }

        connection = new SdpConnection("IN", addressType, address);
        return null;
    }

    private static string? ParseMedia(SdpParseState state, string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3)
        {
            return $"m= needs at least 3 fields (media port proto [fmt...]), found {fields.Length}";
        }

        var portText = fields[1];
        int? portCount = null;
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return $"port count \"{portText[(slash + 1)..]}\" is not a number";
            }

            portCount = count;
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return $"port \"{portText}\" is not a number from 0 to 65535";
        }

        state.StartMedia(new SdpMediaDescription
        {
            Media = fields[0],
            Port = port,
            PortCount = portCount,
            Protocol = fields[2],
            Formats = fields[3..],
        });
        return null;
    }
}
