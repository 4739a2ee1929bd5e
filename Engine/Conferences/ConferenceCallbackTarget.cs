using RcmlEngine.Webhooks;

namespace RcmlEngine.Conferences;

/// <summary>Where a room's status callbacks go (set by its first participant that names one), signed with the account's token.</summary>
/// <param name="Url">The status callback URL.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Events">The events reported.</param>
/// <param name="AuthToken">The account's auth token, to sign them.</param>
internal sealed record ConferenceCallbackTarget(Uri Url, WebhookMethod Method, ConferenceEventFilter Events, string? AuthToken);
