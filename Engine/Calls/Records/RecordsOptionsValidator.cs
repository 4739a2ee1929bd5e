using Microsoft.Extensions.Options;

namespace RcmlEngine.Calls.Records;

/// <summary>Rejects <see cref="RecordsOptions"/> that cannot work, at start, naming the setting.</summary>
internal sealed class RecordsOptionsValidator : IValidateOptions<RecordsOptions>
{
    // A PeriodicTimer's period is at most 2^32 - 2 milliseconds (49.7 days).
    private static readonly TimeSpan MaxPruneInterval = TimeSpan.FromDays(49);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RecordsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StorePath))
        {
            errors.Add("Records:StorePath must name a file");
        }

        if (options.Retention < TimeSpan.Zero)
        {
            errors.Add("Records:Retention must not be negative (00:00:00 keeps records forever)");
        }

        if (options.PruneInterval <= TimeSpan.Zero || options.PruneInterval > MaxPruneInterval)
        {
            errors.Add("Records:PruneInterval must be positive and at most 49 days");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
