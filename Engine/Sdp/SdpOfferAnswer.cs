using System.Globalization;

namespace RcmlEngine.Sdp;

/// <summary>
/// The offer/answer model of RFC 3264 for one audio stream of G.711 and RFC 4733 events: builds
/// offers, answers offers, and applies answers to the offers this side made.
/// </summary>
internal static class SdpOfferAnswer
{
    /// <summary>The events this side accepts: the 16 DTMF events and flash (RFC 4733 3.2).</summary>
    public const string TelephoneEventRange = "0-16";

    /// <summary>An offer with one audio stream: each supported codec, telephone-event, ptime and direction.</summary>
    public static SdpSessionDescription CreateOffer(SdpLocalAudio local, SdpOrigin origin)
    {
        var formats = local.Codecs
            .Select(name => SdpAudioFormat.StaticPayloadTypeOf(name, 8000) is { } pt ? new SdpAudioFormat(pt, name, 8000) : null)
            .OfType<SdpAudioFormat>()
            .ToList();
        if (local.TelephoneEvent)
        {
            formats.Add(new SdpAudioFormat(local.TelephoneEventPayloadType, SdpAudioFormat.TelephoneEventName, 8000));
        }

        return Description(local, origin, AudioSection(local.Port, formats, local.PacketTimeMs, local.Direction));
    }

    /// <summary>
    /// Answers an offer: accepts the first audio stream over RTP/AVP with a supported codec (the
    /// offerer's first choice among them) and rejects every other stream with port 0.
    /// </summary>
    public static SdpNegotiation Answer(SdpSessionDescription offer, SdpLocalAudio local, SdpOrigin origin)
    {
        var sections = new List<SdpMediaDescription>(offer.Media.Count);
        SdpNegotiatedAudio? agreed = null;
        string? reason = null;
        foreach (var media in offer.Media)
        {
            if (agreed is null && media.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) && media.Port != 0)
            {
                var attempt = TryAccept(offer, media, local);
                if (attempt.Audio is { } audio)
                {
                    agreed = audio;
                    var formats = new List<SdpAudioFormat> { audio.Codec };
                    if (audio.TelephoneEventPayloadType is { } te)
                    {
                        formats.Add(new SdpAudioFormat(te, SdpAudioFormat.TelephoneEventName, 8000));
                    }

                    sections.Add(AudioSection(local.Port, formats, audio.PacketTimeMs, audio.LocalDirection));
                    continue;
                }

                reason ??= attempt.Error;
            }

            sections.Add(Rejected(media));
        }

        if (agreed is null)
        {
            return SdpNegotiation.Failed(reason ?? "the offer has no audio stream");
        }

        var answer = Description(local, origin, sections.ToArray());
        return SdpNegotiation.Agreed(agreed, answer);
    }

    /// <summary>Applies the peer's answer to the offer this side sent.</summary>
    public static SdpNegotiation ApplyAnswer(SdpSessionDescription offer, SdpSessionDescription answer, SdpLocalAudio local)
    {
        if (answer.Media.Count != offer.Media.Count)
        {
            return SdpNegotiation.Failed(
                $"the answer has {answer.Media.Count} m-lines but the offer had {offer.Media.Count} (RFC 3264 6)");
        }

        var index = offer.Media.ToList().FindIndex(m => m.Media == "audio" && m.Port != 0);
        if (index < 0)
        {
            return SdpNegotiation.Failed("the offer had no audio stream");
        }

        var media = answer.Media[index];
        if (media.Port == 0)
        {
            return SdpNegotiation.Failed("the answer rejected the audio stream (port 0)");
        }

        var offered = offer.Media[index];
        var codec = media.Formats
            .Select(f => SdpAudioFormat.Resolve(media, f) ?? SdpAudioFormat.Resolve(offered, f))
            .FirstOrDefault(f => f is not null && IsSupported(f, local) && offered.Formats.Contains(Number(f.PayloadType)));
        if (codec is null)
        {
            return SdpNegotiation.Failed($"the answer chose no codec this side offered: {Describe(media)}");
        }

        var telephoneEvent = local.TelephoneEvent ? TelephoneEventOf(media) : null;
        return Agree(answer, media, codec, telephoneEvent, local.Direction, PacketTime(answer, media, local.PacketTimeMs));
    }

    private static SdpNegotiation TryAccept(SdpSessionDescription offer, SdpMediaDescription media, SdpLocalAudio local)
    {
        if (!media.IsPlainRtp)
        {
            return SdpNegotiation.Failed($"the audio transport {media.Protocol} is not supported (RTP/AVP only)");
        }

        var codec = media.Formats
            .Select(f => SdpAudioFormat.Resolve(media, f))
            .FirstOrDefault(f => f is not null && IsSupported(f, local));
        if (codec is null)
        {
            return SdpNegotiation.Failed($"no common codec: offered {Describe(media)}; supported {string.Join(", ", local.Codecs)}");
        }

        var telephoneEvent = local.TelephoneEvent ? TelephoneEventOf(media) : null;
        return Agree(offer, media, codec, telephoneEvent, local.Direction, PacketTime(offer, media, SdpLocalAudio.DefaultPacketTimeMs));
    }

    private static SdpNegotiation Agree(
        SdpSessionDescription remote,
        SdpMediaDescription media,
        SdpAudioFormat codec,
        int? telephoneEvent,
        SdpDirection localWish,
        int packetTimeMs)
    {
        var connection = remote.ConnectionFor(media);
        if (connection is null)
        {
            return SdpNegotiation.Failed("the audio stream has no c= line, at media or session level");
        }

        var remoteDirection = remote.DirectionFor(media);
        if (connection.IsHoldAddress)
        {
            // RFC 3264 8.4: the old hold convention says "do not send to me".
            remoteDirection = SdpDirections.From(remoteDirection.Sends(), receives: false);
        }

        var address = connection.IsHoldAddress ? null : connection.IPAddress;
        var rtp = address is null ? null : new System.Net.IPEndPoint(address, media.Port);
        var rtcp = address is null ? null : new System.Net.IPEndPoint(address, RtcpPort(media));
        var direction = localWish.Intersect(remoteDirection.Reverse());
        return SdpNegotiation.Agreed(new SdpNegotiatedAudio(rtp, rtcp, codec, telephoneEvent, packetTimeMs, direction));
    }

    private static bool IsSupported(SdpAudioFormat format, SdpLocalAudio local) =>
        format.ClockRate == 8000 && local.Codecs.Any(c => c.Equals(format.EncodingName, StringComparison.OrdinalIgnoreCase));

    private static int? TelephoneEventOf(SdpMediaDescription media) =>
        media.Formats.Select(f => SdpAudioFormat.Resolve(media, f)).FirstOrDefault(f => f?.IsTelephoneEvent == true)?.PayloadType;

    /// <summary>RFC 3605: <c>a=rtcp:port</c> overrides the default of RTP port + 1 (RFC 3550 11).</summary>
    private static int RtcpPort(SdpMediaDescription media)
    {
        var value = media.AttributeValue("rtcp");
        var first = value?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : media.Port + 1;
    }

    /// <summary>
    /// The peer's <c>a=ptime</c> (media level, else session level) when it is a multiple of 10 ms from
    /// 10 to 60 (whole G.711 frames), capped by <c>a=maxptime</c>; otherwise the fallback.
    /// </summary>
    private static int PacketTime(SdpSessionDescription description, SdpMediaDescription media, int fallback)
    {
        var ptime = ParseMs(media.AttributeValue("ptime") ?? description.AttributeValue("ptime"));
        var chosen = ptime is >= 10 and <= 60 && ptime % 10 == 0 ? ptime.Value : fallback;
        var max = ParseMs(media.AttributeValue("maxptime") ?? description.AttributeValue("maxptime"));
        return max is >= 10 && max < chosen ? max.Value / 10 * 10 : chosen;
    }

    private static int? ParseMs(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : null;

    private static SdpSessionDescription Description(SdpLocalAudio local, SdpOrigin origin, params SdpMediaDescription[] media) => new()
    {
        Origin = origin,
        SessionName = local.SessionName,
        Connection = SdpConnection.For(local.Address),
        Media = media,
    };

    private static SdpMediaDescription AudioSection(
        int port, IReadOnlyList<SdpAudioFormat> formats, int packetTimeMs, SdpDirection direction)
    {
        var attributes = formats.Select(f => new SdpAttribute("rtpmap", f.RtpMapValue)).ToList();
        foreach (var te in formats.Where(f => f.IsTelephoneEvent))
        {
            attributes.Add(new SdpAttribute("fmtp", $"{Number(te.PayloadType)} {TelephoneEventRange}"));
        }

        attributes.Add(new SdpAttribute("ptime", Number(packetTimeMs)));
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        return new SdpMediaDescription
        {
            Media = "audio",
            Port = port,
            Protocol = "RTP/AVP",
            Formats = formats.Select(f => Number(f.PayloadType)).ToArray(),
            Attributes = attributes,
        };
    }

    /// <summary>RFC 3264 6: a refused stream is answered with port 0 and the offered formats.</summary>
    private static SdpMediaDescription Rejected(SdpMediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats.Count > 0 ? offered.Formats : new[] { "0" },
    };

    private static string Describe(SdpMediaDescription media) =>
        media.Formats.Count == 0
            ? "no formats"
            : string.Join(", ", media.Formats.Select(f => SdpAudioFormat.Resolve(media, f)?.ToString() ?? f));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
