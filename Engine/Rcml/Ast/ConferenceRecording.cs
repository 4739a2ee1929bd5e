namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Conference record&gt;</c>.</summary>
internal enum ConferenceRecording
{
    /// <summary><c>do-not-record</c>, the default.</summary>
    DoNotRecord,

    /// <summary><c>record-from-start</c>: the whole conference, from its start.</summary>
    RecordFromStart,
}
