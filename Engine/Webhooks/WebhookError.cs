namespace RcmlEngine.Webhooks;

/// <summary>Why a webhook request failed: a Twilio-like code and a message naming the URL's host and the cause.</summary>
/// <param name="Code">The Twilio error code.</param>
/// <param name="Message">What happened, for logs and debugger notifications (no parameters, no tokens).</param>
internal sealed record WebhookError(WebhookErrorCode Code, string Message)
{
    /// <summary>"11205: connection refused by 127.0.0.1:5000".</summary>
    public override string ToString() => $"{(int)Code}: {Message}";
}
