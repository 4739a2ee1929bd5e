using System.Text;

namespace RcmlEngine.Sdp;

/// <summary>Writes a <see cref="SdpSessionDescription"/> in the line order of RFC 4566 5, with CRLF line ends.</summary>
internal static class SdpWriter
{
    /// <summary>The SDP body text.</summary>
    public static string Write(SdpSessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        Line(text, 'o', description.Origin.ToString());
        Line(text, 's', description.SessionName.Length == 0 ? "-" : description.SessionName);
        foreach (var other in description.OtherLines.Where(l => l.Type is 'i' or 'u' or 'e' or 'p'))
        {
            Line(text, other.Type, other.Value);
        }

        if (description.Connection is { } connection)
        {
            Line(text, 'c', connection.ToString());
        }

        foreach (var other in description.OtherLines.Where(l => l.Type == 'b'))
        {
            Line(text, other.Type, other.Value);
        }

        Line(text, 't', description.Timing);
        foreach (var other in description.OtherLines.Where(l => l.Type is not ('i' or 'u' or 'e' or 'p' or 'b')))
        {
            Line(text, other.Type, other.Value);
        }

        foreach (var attribute in description.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }

        foreach (var media in description.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, SdpMediaDescription media)
    {
        Line(text, 'm', media.MediaLine);
        foreach (var other in media.OtherLines.Where(l => l.Type == 'i'))
        {
            Line(text, other.Type, other.Value);
        }

        if (media.Connection is { } connection)
        {
            Line(text, 'c', connection.ToString());
        }

        foreach (var other in media.OtherLines.Where(l => l.Type != 'i'))
        {
            Line(text, other.Type, other.Value);
        }

        foreach (var attribute in media.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
