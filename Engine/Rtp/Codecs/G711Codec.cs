namespace RcmlEngine.Rtp.Codecs;

/// <summary>
/// One of the two G.711 laws as an RTP audio codec: its RTP encoding name, static payload type and
/// sample rate (RFC 3551 6, Table 4), with span encode/decode. One sample per byte, 8 kHz.
/// </summary>
internal sealed class G711Codec
{
    /// <summary>The clock rate of both laws (RFC 3551 4.5.14).</summary>
    public const int ClockRate = 8000;

    /// <summary>PCMU, static payload type 0.</summary>
    public static readonly G711Codec Pcmu = new("PCMU", 0, muLaw: true);

    /// <summary>PCMA, static payload type 8.</summary>
    public static readonly G711Codec Pcma = new("PCMA", 8, muLaw: false);

    private readonly bool _muLaw;

    private G711Codec(string encodingName, int staticPayloadType, bool muLaw)
    {
        EncodingName = encodingName;
        StaticPayloadType = staticPayloadType;
        _muLaw = muLaw;
    }

    /// <summary>The encoding name of <c>a=rtpmap</c> (RFC 4566 6), e.g. <c>PCMU</c>.</summary>
    public string EncodingName { get; }

    /// <summary>The static payload type of RFC 3551 Table 4.</summary>
    public int StaticPayloadType { get; }

    /// <summary>The code a zero sample encodes to (what a silent frame is filled with).</summary>
    public byte SilenceCode => _muLaw ? G711MuLaw.Silence : G711ALaw.Silence;

    /// <summary>The codec with this encoding name (case-insensitive), or null.</summary>
    public static G711Codec? FromName(string encodingName) =>
        string.Equals(encodingName, Pcmu.EncodingName, StringComparison.OrdinalIgnoreCase) ? Pcmu
        : string.Equals(encodingName, Pcma.EncodingName, StringComparison.OrdinalIgnoreCase) ? Pcma
        : null;

    /// <summary>Encodes samples to codes, one byte each.</summary>
    public void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (_muLaw)
        {
            G711MuLaw.Encode(samples, codes);
        }
        else
        {
            G711ALaw.Encode(samples, codes);
        }
    }

    /// <summary>Decodes codes to samples, one sample each.</summary>
    public void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (_muLaw)
        {
            G711MuLaw.Decode(codes, samples);
        }
        else
        {
            G711ALaw.Decode(codes, samples);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{EncodingName}/{ClockRate}";
}
