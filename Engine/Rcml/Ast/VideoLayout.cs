namespace RcmlEngine.Rcml.Ast;

/// <summary>Restcomm <c>&lt;Video layout&gt;</c> of an MCU conference.</summary>
internal enum VideoLayout
{
    /// <summary><c>tile</c>, the default.</summary>
    Tile,

    /// <summary><c>linear</c>.</summary>
    Linear,
}
