namespace RcmlEngine.Execution.Recordings;

/// <summary>A recording's place in the store: where it is written and the URL the application fetches it at.</summary>
/// <param name="RecordingSid"><c>RE</c> + 32 hex.</param>
/// <param name="AccountSid">Its account.</param>
/// <param name="CallSid">The call it was made in.</param>
/// <param name="FilePath">The WAV file.</param>
/// <param name="Url">Twilio's <c>RecordingUrl</c>: the engine's HTTP base URL + <c>2010-04-01/Accounts/AC.../Recordings/RE...</c>.</param>
internal sealed record StoredRecording(string RecordingSid, string AccountSid, string CallSid, string FilePath, Uri Url);
