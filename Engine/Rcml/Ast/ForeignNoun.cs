namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// A noun of <c>&lt;Connect&gt;</c> that belongs to a Twilio service RcmlEngine does not offer
/// (<c>&lt;ConversationRelay&gt;</c>, <c>&lt;Room&gt;</c>, <c>&lt;VirtualAgent&gt;</c>...): accepted by the parser, reported
/// as not supported when it runs. Its attributes are kept in <see cref="RcmlNode.UnknownAttributes"/>.
/// </summary>
internal sealed record ForeignNoun : RcmlNoun
{
    /// <summary>The element's name as written.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The Twilio product it belongs to, for messages.</summary>
    public string Product { get; init; } = string.Empty;

    /// <inheritdoc/>
    public override string ElementName => Name;
}
