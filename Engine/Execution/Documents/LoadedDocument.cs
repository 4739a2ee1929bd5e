using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Documents;

/// <summary>A document ready to run, and the URL that served it (relative URLs in it resolve against it).</summary>
/// <param name="Document">The verbs.</param>
/// <param name="Url">The final URL, after HTTP redirects.</param>
internal sealed record LoadedDocument(RcmlDocument Document, Uri Url);
