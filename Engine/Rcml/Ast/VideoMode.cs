namespace RcmlEngine.Rcml.Ast;

/// <summary>Restcomm <c>&lt;Video mode&gt;</c> of a conference.</summary>
internal enum VideoMode
{
    /// <summary><c>mcu</c>: the server mixes the pictures (the default).</summary>
    Mcu,

    /// <summary><c>sfu</c>: each participant's video is forwarded unmixed.</summary>
    Sfu,
}
