using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Media;
using RcmlEngine.Media.Processes;

namespace RcmlEngine.Api.Recordings;

/// <summary>
/// A recording's audio at Twilio's media URL, without authentication as Twilio serves it by default (the
/// application fetches its <c>RecordingUrl</c>): WAV at the URL itself or with <c>.wav</c>, MP3 with
/// <c>.mp3</c> (made once by ffmpeg beside the WAV, then served from there).
/// </summary>
internal sealed partial class RecordingMedia(IRecordingStore store, IProcessRunner processes, MediaOptions media, ILogger<RecordingMedia> logger) : IDisposable
{
    private const string Route = "/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}";
    private readonly SemaphoreSlim _encoding = new(2, 2);

    /// <summary>Frees the encoder gate.</summary>
    public void Dispose() => _encoding.Dispose();

    /// <summary>Maps the media routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(Route, ["GET", "HEAD"], (HttpContext context, string AccountSid, string RecordingSid, RecordingMedia media) => media.Wav(context, AccountSid, RecordingSid))
            .ExcludeFromDescription();
        app.MapMethods(Route + ".wav", ["GET", "HEAD"], (HttpContext context, string AccountSid, string RecordingSid, RecordingMedia media) => media.Wav(context, AccountSid, RecordingSid))
            .WithName("FetchRecordingWav").WithSummary("A recording's audio as WAV");
        app.MapMethods(Route + ".mp3", ["GET", "HEAD"], (HttpContext context, string AccountSid, string RecordingSid, RecordingMedia media) => media.Mp3Async(context, AccountSid, RecordingSid))
            .WithName("FetchRecordingMp3").WithSummary("A recording's audio as MP3");
    }

    private IResult Wav(HttpContext context, string accountSid, string recordingSid) =>
        store.FindFile(accountSid, recordingSid) is { } wav
            ? Results.File(wav, "audio/wav")
            : ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");

    private async Task<IResult> Mp3Async(HttpContext context, string accountSid, string recordingSid)
    {
        if (store.FindFile(accountSid, recordingSid) is not { } wav)
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        var mp3 = Path.ChangeExtension(wav, ".mp3");
        if (!File.Exists(mp3))
        {
            await _encoding.WaitAsync(context.RequestAborted);
            try
            {
                if (!File.Exists(mp3) && !await EncodeAsync(wav, mp3, context.RequestAborted))
                {
                    return ApiErrors.Of(StatusCodes.Status500InternalServerError, ApiErrors.ServiceUnavailable, "The recording could not be converted to MP3");
                }
            }
            finally
            {
                _encoding.Release();
            }
        }

        return Results.File(mp3, "audio/mpeg");
    }

    // Written to a temporary name and moved into place, so a half-written MP3 is never served.
    private async Task<bool> EncodeAsync(string wav, string mp3, CancellationToken cancellationToken)
    {
        var partial = mp3 + ".part";
        string[] arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "wav", "-i", wav, "-codec:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", partial];
        try
        {
            var result = await processes.RunAsync(new ProcessStart(media.FfmpegPath, arguments), null, cancellationToken);
            if (result.ExitCode != 0)
            {
                LogEncodeFailed(result.ExitCode, result.StandardError);
                File.Delete(partial);
                return false;
            }

            File.Move(partial, mp3, overwrite: true);
            return true;
        }
        catch (MediaException exception)
        {
            LogEncodeFailed(-1, exception.Message);
            File.Delete(partial);
            return false;
        }
    }
}
