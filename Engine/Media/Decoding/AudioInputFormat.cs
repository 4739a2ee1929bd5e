namespace RcmlEngine.Media.Decoding;

/// <summary>
/// The ffmpeg demuxer for a media file, from an allow-list of audio formats, recognized by the file's
/// first bytes (a server's Content-Type is not trusted for this). ffmpeg is always told the format
/// with <c>-f</c>, so its probing never picks a playlist, a concat list (<c>ffconcat</c>, which reads
/// other files), an image sequence or anything else that reaches beyond the one file.
/// </summary>
internal static class AudioInputFormat
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 12;

    /// <summary>The demuxer for the file whose first bytes are <paramref name="header"/>, or null when it is not an allowed audio format.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8))
        {
            return "wav";
        }

        if (header.StartsWith("OggS"u8))
        {
            return "ogg";
        }

        if (header.StartsWith("fLaC"u8))
        {
            return "flac";
        }

        if (header.StartsWith("ID3"u8))
        {
            return "mp3";
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("FORM"u8) && (header[8..12].SequenceEqual("AIFF"u8) || header[8..12].SequenceEqual("AIFC"u8)))
        {
            return "aiff";
        }

        // MP4 audio (.m4a): an ftyp box first. The mov demuxer leaves external data references off by default.
        if (header.Length >= 8 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return "mov";
        }

        if (header.Length >= 2 && header[0] == 0xFF)
        {
            // A frame sync: ADTS AAC has 12 bits of sync and layer 0; MPEG audio 11 bits and a layer.
            if ((header[1] & 0xF6) == 0xF0)
            {
                return "aac";
            }

            if ((header[1] & 0xE0) == 0xE0 && (header[1] & 0x06) != 0)
            {
                return "mp3";
            }
        }

        return null;
    }
}
