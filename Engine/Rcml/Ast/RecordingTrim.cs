namespace RcmlEngine.Rcml.Ast;

/// <summary>The <c>trim</c> attribute: whether leading and trailing silence is cut from a recording.</summary>
internal enum RecordingTrim
{
    /// <summary><c>trim-silence</c>.</summary>
    TrimSilence,

    /// <summary><c>do-not-trim</c>.</summary>
    DoNotTrim,
}
