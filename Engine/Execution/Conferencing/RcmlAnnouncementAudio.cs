using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Prompts;
using RcmlEngine.Media;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Execution.Conferencing;

/// <summary>
/// A room's <c>AnnounceUrl</c>, as Twilio reads it: an audio file, or a document whose <c>Say</c>, <c>Play</c>
/// and <c>Pause</c> are played in order (other verbs are skipped). The document is requested with the room's
/// <c>ConferenceSid</c>, <c>FriendlyName</c> and <c>AccountSid</c>.
/// </summary>
internal sealed class RcmlAnnouncementAudio(IDocumentFetcher fetcher, IRcmlDocumentReader reader, IAudioSourceFactory? audio = null) : IAnnouncementAudio
{
    // A looping Play in an announcement plays this many times at most: an announcement ends.
    private const int MaxLoops = 10;

    /// <inheritdoc />
    public async Task<IAudioSource> OpenAsync(Conference room, Uri url, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(url);
        if (audio is null)
        {
            throw new MediaException("announcements need audio, which this mode has not");
        }

        KeyValuePair<string, string>[] parameters =
        [
            new("ConferenceSid", room.Sid),
            new("FriendlyName", room.FriendlyName),
            new("AccountSid", room.AccountSid),
        ];
        var webhookMethod = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ? WebhookMethod.Get : WebhookMethod.Post;
        var fetched = await fetcher.FetchAsync(new WebhookRequest(url, webhookMethod, parameters, room.Callbacks?.AuthToken), null, cancellationToken);
        if (fetched.Error is not null || !DocumentLoader.AcceptedMediaTypes.Contains(fetched.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return await audio.OpenUrlAsync(url, cancellationToken);
        }

        var reading = reader.Read(fetched.Body);
        if (!reading.IsRunnable)
        {
            throw new MediaException($"the announcement at {url} is not valid RCML");
        }

        var documentUrl = fetched.FinalUrl ?? url;
        var parts = new List<Func<CancellationToken, Task<IAudioSource>>>();
        foreach (var verb in reading.Document!.Verbs)
        {
            Prompt? prompt = verb switch
            {
                SayVerb say => VerbPrompts.Say(say),
                PlayVerb { Url: { OriginalString.Length: > 0 } file } play => new AudioPrompt(file.IsAbsoluteUri ? file : new Uri(documentUrl, file)) { Loop = play.Loop },
                PauseVerb pause => new SilencePrompt(pause.Length),
                _ => null,
            };
            if (prompt is null)
            {
                continue;
            }

            var times = prompt.Loop <= 0 ? MaxLoops : Math.Min(prompt.Loop, MaxLoops);
            for (var i = 0; i < times; i++)
            {
                parts.Add(token => PromptAudio.OpenAsync(prompt, audio, token));
            }
        }

        return new SequenceAudioSource(parts);
    }
}
