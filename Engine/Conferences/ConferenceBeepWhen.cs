namespace RcmlEngine.Conferences;

/// <summary>When the room hears a beep as a participant comes and goes (<c>beep</c>).</summary>
internal enum ConferenceBeepWhen
{
    /// <summary>On enter and on exit.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,

    /// <summary>When it enters.</summary>
    OnEnter,

    /// <summary>When it leaves.</summary>
    OnExit,
}
