namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Enqueue&gt;</c>: puts the caller in a named queue until an agent dequeues them.</summary>
internal sealed record EnqueueVerb : RcmlVerb
{
    /// <summary>The queue's name (the element's text).</summary>
    public string QueueName { get; init; } = string.Empty;

    /// <summary><c>action</c>: requested when the caller leaves the queue; null continues with the next verb.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary>
    /// <c>waitUrl</c>: the document (or audio) played while waiting. Null: the default music; an empty URL
    /// (<c>waitUrl=""</c>): silence.
    /// </summary>
    public Uri? WaitUrl { get; init; }

    /// <summary><c>maxQueueSize</c>: the caller is refused (<c>QueueResult=queue-full</c>) when this many wait already; null: the queue's own size.</summary>
    public int? MaxQueueSize { get; init; }

    /// <summary><c>waitUrlMethod</c>.</summary>
    public RcmlHttpMethod WaitUrlMethod { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Enqueue";
}
