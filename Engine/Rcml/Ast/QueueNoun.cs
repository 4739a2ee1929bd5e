namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Queue&gt;</c>: dequeues the caller waiting longest in a named queue and bridges them.</summary>
internal sealed record QueueNoun : RcmlNoun
{
    /// <summary>The queue's name (the element's text).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>url</c>: a document run on the dequeued caller before bridging.</summary>
    public Uri? Url { get; init; }

    /// <summary><c>method</c> for <see cref="Url"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Queue";
}
