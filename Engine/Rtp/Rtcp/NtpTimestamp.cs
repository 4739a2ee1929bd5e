namespace RcmlEngine.Rtp.Rtcp;

/// <summary>A 64-bit NTP timestamp (RFC 3550 4): seconds since 1900 and a 32-bit binary fraction.</summary>
internal readonly record struct NtpTimestamp(uint Seconds, uint Fraction)
{
    // Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch).
    private const long UnixEpochInNtpSeconds = 2_208_988_800;

    /// <summary>The middle 32 bits, as the LSR field of a report block uses them (RFC 3550 6.4.1).</summary>
    public uint Middle => (Seconds << 16) | (Fraction >> 16);

    /// <summary>The NTP timestamp of a wall-clock time.</summary>
    public static NtpTimestamp From(DateTimeOffset time)
    {
        var unixTicks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = (unixTicks / TimeSpan.TicksPerSecond) + UnixEpochInNtpSeconds;
        var fraction = (ulong)(unixTicks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return new NtpTimestamp(unchecked((uint)seconds), (uint)fraction);
    }
}
