namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Gather input&gt;</c>: <c>dtmf</c>, <c>speech</c> or <c>dtmf speech</c>.</summary>
[Flags]
internal enum GatherInput
{
    /// <summary>Nothing (never parsed; the attribute requires at least one).</summary>
    None = 0,

    /// <summary>Keypad digits.</summary>
    Dtmf = 1,

    /// <summary>Speech recognition.</summary>
    Speech = 2,
}
