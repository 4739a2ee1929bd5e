using Microsoft.Extensions.Options;
using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Recordings;

/// <summary>
/// Recordings as files: <c>{Folder}/{AccountSid}/{RecordingSid}.wav</c>, served (by the engine's HTTP
/// server) at <c>{BaseUrl}2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}</c>, Twilio's shape
/// (the URL without extension returns the WAV; with <c>.wav</c> too).
/// </summary>
internal sealed class FileSystemRecordingStore(IOptions<RecordingStoreOptions> options) : IRecordingStore
{
    /// <summary>The file extension of stored recordings.</summary>
    public const string Extension = ".wav";

    private readonly RecordingStoreOptions _options = options.Value;

    /// <inheritdoc />
    public StoredRecording Create(string accountSid, string callSid)
    {
        if (!TwilioSid.IsValid(accountSid, TwilioSid.AccountPrefix))
        {
            throw new ArgumentException($"not an account sid: {accountSid}", nameof(accountSid));
        }

        var recordingSid = TwilioSid.New(TwilioSid.RecordingPrefix);
        var folder = Path.Combine(Path.GetFullPath(_options.Folder), accountSid);
        Directory.CreateDirectory(folder);
        var baseUrl = _options.BaseUrl.OriginalString.EndsWith('/') ? _options.BaseUrl : new Uri(_options.BaseUrl.OriginalString + "/");
        var url = new Uri(baseUrl, $"2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}");
        return new StoredRecording(recordingSid, accountSid, callSid, Path.Combine(folder, recordingSid + Extension), url);
    }

    /// <inheritdoc />
    public string? FindFile(string accountSid, string recordingSid)
    {
        if (recordingSid?.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) == true)
        {
            recordingSid = recordingSid[..^Extension.Length];
        }

        if (!TwilioSid.IsValid(accountSid, TwilioSid.AccountPrefix) || !TwilioSid.IsValid(recordingSid, TwilioSid.RecordingPrefix))
        {
            return null;
        }

        var path = Path.Combine(Path.GetFullPath(_options.Folder), accountSid, recordingSid + Extension);
        return File.Exists(path) ? path : null;
    }

    /// <inheritdoc />
    public void Delete(StoredRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        File.Delete(recording.FilePath);
    }
}
