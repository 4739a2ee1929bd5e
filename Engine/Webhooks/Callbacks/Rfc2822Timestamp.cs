using System.Globalization;

namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// The <c>Timestamp</c> of status callbacks: RFC 2822 3.3 date-time in UTC, as Twilio sends it
/// (<c>Mon, 23 Nov 2026 18:03:00 +0000</c>), with English day and month names whatever the culture.
/// </summary>
internal static class Rfc2822Timestamp
{
    /// <summary>Formats <paramref name="instant"/> in UTC.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
