using Microsoft.Extensions.Options;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks;

/// <summary>Rejects settings that cannot work, at start, naming the setting.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        Positive(errors, "Webhooks:ConnectTimeout", options.ConnectTimeout);
        Positive(errors, "Webhooks:Fetch:Timeout", options.Fetch.Timeout);
        Positive(errors, "Webhooks:Callbacks:AttemptTimeout", options.Callbacks.AttemptTimeout);
        Positive(errors, "Webhooks:Callbacks:RetryBaseDelay", options.Callbacks.RetryBaseDelay);
        Positive(errors, "Webhooks:Queue:RedeliveryDelay", options.Queue.RedeliveryDelay);
        Positive(errors, "Webhooks:Queue:MaxAge", options.Queue.MaxAge);
        Check(errors, options.MaxRedirects >= 0, "Webhooks:MaxRedirects must be 0 or more");
        Check(errors, options.Fetch.MaxRetries >= 0, "Webhooks:Fetch:MaxRetries must be 0 or more");
        Check(errors, options.Fetch.MaxBodyBytes > 0, "Webhooks:Fetch:MaxBodyBytes must be positive");
        Check(errors, options.Callbacks.MaxRetries >= 0, "Webhooks:Callbacks:MaxRetries must be 0 or more");
        Check(errors, options.Callbacks.BreakerFailureRatio is > 0 and <= 1, "Webhooks:Callbacks:BreakerFailureRatio must be in (0, 1]");
        Check(errors, options.Callbacks.BreakerMinimumThroughput >= 2, "Webhooks:Callbacks:BreakerMinimumThroughput must be 2 or more");
        Check(errors, options.Callbacks.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), "Webhooks:Callbacks:BreakerSamplingDuration must be 0.5 s or more");
        Check(errors, options.Callbacks.BreakerBreakDuration >= TimeSpan.FromMilliseconds(500), "Webhooks:Callbacks:BreakerBreakDuration must be 0.5 s or more");
        Check(errors, options.Queue.MaxPending > 0, "Webhooks:Queue:MaxPending must be positive");
        Check(errors, options.Queue.MaxAttempts > 0, "Webhooks:Queue:MaxAttempts must be positive");
        Check(errors, !string.IsNullOrWhiteSpace(options.Queue.StorePath), "Webhooks:Queue:StorePath must name a file");
        for (var i = 0; i < options.AllowedAddresses.Count; i++)
        {
            Check(errors, AddressRanges.TryParse(options.AllowedAddresses[i], out _),
                $"Webhooks:AllowedAddresses:{i} '{options.AllowedAddresses[i]}' is not an IP address or CIDR range");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string setting, TimeSpan value) =>
        Check(errors, value > TimeSpan.Zero, $"{setting} must be positive");

    private static void Check(List<string> errors, bool ok, string error)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }
}
