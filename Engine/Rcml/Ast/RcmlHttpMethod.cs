namespace RcmlEngine.Rcml.Ast;

/// <summary>How the engine requests an <c>action</c>, <c>url</c> or callback: RCML allows <c>GET</c> and <c>POST</c>.</summary>
internal enum RcmlHttpMethod
{
    /// <summary><c>POST</c>, the default almost everywhere.</summary>
    Post,

    /// <summary><c>GET</c>.</summary>
    Get,
}
