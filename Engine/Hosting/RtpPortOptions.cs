namespace RcmlEngine.Hosting;

/// <summary>The UDP ports media sessions use (<c>Rtp</c> section): one even port per call for RTP, the next for RTCP.</summary>
internal sealed class RtpPortOptions
{
    /// <summary>The lowest port, even (RFC 3550 11). Default 10000.</summary>
    public int PortMin { get; set; } = 10_000;

    /// <summary>The highest port. Default 20000.</summary>
    public int PortMax { get; set; } = 20_000;
}
