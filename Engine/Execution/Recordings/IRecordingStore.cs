namespace RcmlEngine.Execution.Recordings;

/// <summary>Where recordings are kept and at which URL they are served.</summary>
internal interface IRecordingStore
{
    /// <summary>Reserves a new recording of <paramref name="callSid"/>: its sid, the file to write (its folder exists) and its URL.</summary>
    StoredRecording Create(string accountSid, string callSid);

    /// <summary>
    /// The WAV file of a recording for the HTTP server, or null when there is none (or the sids are not
    /// well-formed, so a request path can never reach outside the store).
    /// </summary>
    string? FindFile(string accountSid, string recordingSid);

    /// <summary>Removes a recording (an empty one is not kept).</summary>
    void Delete(StoredRecording recording);
}
