using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

/// <summary><c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c>, <c>&lt;Connect&gt;</c> and their nouns.</summary>
internal static partial class RcmlValidator
{
    /// <summary>Twilio's limit of streams a call may fork at once.</summary>
    public const int MaxStreamsPerStart = 4;

    private static void Start(StartVerb start, ICollection<RcmlDiagnostic> d)
    {
        Url(d, start, "action", start.Action);
        if (start.Nouns.Count == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, start, "<Start> needs a noun: <Stream>, <Transcription> or <Recording>");
        }

        var streams = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var noun in start.Nouns)
        {
            if (noun is StreamNoun stream)
            {
                streams++;
                StreamUrl(stream, d);
                UniqueName(stream.Name, stream, names, d);
                StreamParameters(stream, d);
            }
            else if (noun is TranscriptionNoun transcription)
            {
                Url(d, transcription, "statusCallbackUrl", transcription.StatusCallbackUrl);
                UniqueName(transcription.Name, transcription, names, d);
            }
            else if (noun is StartRecordingNoun recording)
            {
                Url(d, recording, "recordingStatusCallback", recording.RecordingStatusCallback);
            }
        }

        if (streams > MaxStreamsPerStart)
        {
            Error(d, RcmlDiagnosticCodes.TooManyTargets, start, $"<Start> has {streams} <Stream> nouns; a call streams to at most {MaxStreamsPerStart} at once");
        }
    }

    private static void Stop(StopVerb stop, ICollection<RcmlDiagnostic> d)
    {
        if (stop.Nouns.Count == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, stop, "<Stop> needs a noun: <Stream name=\"...\"> or <Transcription name=\"...\">");
        }

        foreach (var noun in stop.Nouns)
        {
            var name = noun switch
            {
                StreamNoun stream => stream.Name,
                TranscriptionNoun transcription => transcription.Name,
                _ => string.Empty,
            };
            if (string.IsNullOrEmpty(name))
            {
                Error(d, RcmlDiagnosticCodes.MissingContent, noun,
                    $"<{noun.ElementName}> in <Stop> needs the name given in its <Start> (name=\"...\"): that is how it is found");
            }
        }
    }

    private static void Connect(ConnectVerb connect, ICollection<RcmlDiagnostic> d)
    {
        Url(d, connect, "action", connect.Action);
        if (connect.Nouns.Count == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, connect, "<Connect> needs a noun: <Stream url=\"wss://...\">");
            return;
        }

        if (connect.Nouns.Count > 1)
        {
            Error(d, RcmlDiagnosticCodes.TooManyTargets, connect, $"<Connect> has {connect.Nouns.Count} nouns; it connects the call to one");
        }

        foreach (var noun in connect.Nouns)
        {
            if (noun is not StreamNoun stream)
            {
                continue;
            }

            StreamUrl(stream, d);
            StreamParameters(stream, d);
            if (stream.Track != StreamTrack.InboundTrack)
            {
                Error(d, RcmlDiagnosticCodes.ConflictingContent, stream,
                    "<Stream> in <Connect> is bidirectional and carries the inbound track only; remove track (or use <Start><Stream> to fork both tracks)");
            }
        }
    }

    private static void StreamUrl(StreamNoun stream, ICollection<RcmlDiagnostic> d)
    {
        if (stream.Url is null || stream.Url.OriginalString.Length == 0)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, stream, "<Stream> needs url=\"wss://...\": the WebSocket server to stream to");
        }
        else if (!stream.Url.IsAbsoluteUri || stream.Url.Scheme is not ("ws" or "wss"))
        {
            Error(d, RcmlDiagnosticCodes.UnsupportedUrlScheme, stream,
                $"<Stream> url '{stream.Url.OriginalString}' is not an absolute ws:// or wss:// URL");
        }

        Url(d, stream, "statusCallback", stream.StatusCallback);
    }

    private static void StreamParameters(StreamNoun stream, ICollection<RcmlDiagnostic> d)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in stream.Parameters)
        {
            if (name.Length > 0 && !seen.Add(name))
            {
                Warning(d, RcmlDiagnosticCodes.IneffectiveAttribute, stream,
                    $"<Stream> has two <Parameter name=\"{name}\">; the start message keeps the last");
            }
        }
    }

    private static void UniqueName(string? name, RcmlNode node, HashSet<string> names, ICollection<RcmlDiagnostic> d)
    {
        if (!string.IsNullOrEmpty(name) && !names.Add(name))
        {
            Error(d, RcmlDiagnosticCodes.ConflictingContent, node, $"<{node.ElementName}> name=\"{name}\" is used twice in this <Start>; names must be unique");
        }
    }
}
