using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RcmlEngine.Calls.Records;

/// <summary>
/// A page token, Twilio's shape: <c>PA</c> (the page after) or <c>PB</c> (the page before) followed by
/// base64url of the boundary record's creation time (Unix milliseconds) and sid. Opaque to clients.
/// </summary>
/// <param name="Before">True for a <c>PB</c> token: the newer records before the boundary.</param>
/// <param name="CreatedMilliseconds">The boundary record's creation time, Unix milliseconds.</param>
/// <param name="Sid">The boundary record's sid.</param>
internal sealed record RecordPageToken(bool Before, long CreatedMilliseconds, string Sid)
{
    private const string AfterPrefix = "PA";
    private const string BeforePrefix = "PB";
    private const int MaxSidLength = 64;

    /// <summary>The token as sent to clients.</summary>
    public string Format()
    {
        var payload = Encoding.UTF8.GetBytes(CreatedMilliseconds.ToString(CultureInfo.InvariantCulture) + ":" + Sid);
        return (Before ? BeforePrefix : AfterPrefix) + Base64Url.EncodeToString(payload);
    }

    /// <summary>Reads a token made by <see cref="Format"/>; false for anything else.</summary>
    public static bool TryParse(string? value, out RecordPageToken? token)
    {
        token = null;
        if (value is null || value.Length <= AfterPrefix.Length || value.Length > 200)
        {
            return false;
        }

        var before = value.StartsWith(BeforePrefix, StringComparison.Ordinal);
        if (!before && !value.StartsWith(AfterPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value.AsSpan(AfterPrefix.Length)));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(payload.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var created))
        {
            return false;
        }

        var sid = payload[(colon + 1)..];
        if (sid.Length is 0 or > MaxSidLength || !sid.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        token = new RecordPageToken(before, created, sid);
        return true;
    }
}
