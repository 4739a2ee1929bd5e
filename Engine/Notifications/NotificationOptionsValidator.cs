using Microsoft.Extensions.Options;

namespace RcmlEngine.Notifications;

/// <summary>Checks the <c>Notifications</c> section at start; messages never repeat the connection string (it may hold a password).</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redis = options.Redis;
        if (!redis.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        try
        {
            if (StackExchange.Redis.ConfigurationOptions.Parse(redis.ConnectionString!).EndPoints.Count == 0)
            {
                errors.Add("Notifications:Redis:ConnectionString names no server (host:port)");
            }
        }
        catch (ArgumentException)
        {
            errors.Add("Notifications:Redis:ConnectionString is not a StackExchange.Redis configuration string");
        }

        if (string.IsNullOrWhiteSpace(redis.Key))
        {
            errors.Add("Notifications:Redis:Key must not be empty");
        }

        if (string.IsNullOrWhiteSpace(redis.StorePath))
        {
            errors.Add("Notifications:Redis:StorePath must not be empty");
        }

        if (redis.RetryDelay <= TimeSpan.Zero || redis.MaxRetryDelay < redis.RetryDelay)
        {
            errors.Add("Notifications:Redis:RetryDelay must be positive and at most MaxRetryDelay");
        }

        if (redis.CommandTimeout <= TimeSpan.Zero)
        {
            errors.Add("Notifications:Redis:CommandTimeout must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
