using System.Globalization;

namespace RcmlEngine.Api;

/// <summary>
/// Twilio's date filters of a list: <c>Name=2026-12-07</c> (that day, UTC), <c>Name&gt;=</c> (on or after)
/// and <c>Name&lt;=</c> (on or before), each a date (<c>YYYY-MM-DD</c>) or an ISO 8601 date and time.
/// Read as a range: from (inclusive) to (exclusive).
/// </summary>
internal static class ApiDateFilter
{
    /// <summary>The range <paramref name="name"/>'s filters give; the reader records a value that is not a date.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Read(ApiFormReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        if (Parse(reader, name) is { } on)
        {
            from = on.Instant;
            to = on.IsDate ? on.Instant.AddDays(1) : on.Instant.AddTicks(1);
        }

        if (Parse(reader, name + ">") is { } after)
        {
            from = Later(from, after.Instant);
        }

        if (Parse(reader, name + "<") is { } before)
        {
            to = Earlier(to, before.IsDate ? before.Instant.AddDays(1) : before.Instant.AddTicks(1));
        }

        return (from, to);
    }

    private static (DateTimeOffset Instant, bool IsDate)? Parse(ApiFormReader reader, string name)
    {
        var text = reader.Text(name, 64);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return (new DateTimeOffset(date, TimeSpan.Zero), true);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return (instant.ToUniversalTime(), false);
        }

        reader.Fail(ApiErrors.InvalidParameter, $"{name} must be a date (YYYY-MM-DD) or an ISO 8601 date and time, not '{text}'");
        return null;
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
