namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Dial record&gt;</c>; <c>true</c> and <c>false</c> are the older aliases of the first two.</summary>
internal enum DialRecording
{
    /// <summary><c>do-not-record</c> (or <c>false</c>), the default.</summary>
    DoNotRecord,

    /// <summary><c>record-from-answer</c> (or <c>true</c>).</summary>
    RecordFromAnswer,

    /// <summary><c>record-from-ringing</c>.</summary>
    RecordFromRinging,

    /// <summary><c>record-from-answer-dual</c>: one channel per party.</summary>
    RecordFromAnswerDual,

    /// <summary><c>record-from-ringing-dual</c>: one channel per party.</summary>
    RecordFromRingingDual,
}
