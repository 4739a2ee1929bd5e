using System.Globalization;

namespace RcmlEngine.Sip.Messages;

/// <summary>The Date header (RFC 3261 20.17): an RFC 1123 date, always in GMT.</summary>
internal static class SipDate
{
    public static bool TryParse(string value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value.Trim(), "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out date);

    public static string Format(DateTimeOffset date) =>
        date.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
}
