namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Conference beep&gt;</c>: when the room hears a beep as participants come and go.</summary>
internal enum ConferenceBeep
{
    /// <summary><c>true</c>: on enter and on exit, the default.</summary>
    Always,

    /// <summary><c>false</c>.</summary>
    Never,

    /// <summary><c>onEnter</c>.</summary>
    OnEnter,

    /// <summary><c>onExit</c>.</summary>
    OnExit,
}
