using System.Globalization;

namespace RcmlEngine.Cli.ApiCalls;

/// <summary>
/// The work of <c>rcml call</c>: places the call through the REST API, prints its sid and status, fetches it
/// every <see cref="ApiCallSettings.PollInterval"/> and prints each new status with the time since it was
/// placed, until it ends; then its duration. Cancelled while following (Ctrl+C), it hangs the call up.
/// </summary>
internal sealed class ApiCallFollower(ApiCallSettings settings, TextWriter output, TextWriter errors, TimeProvider time)
{
    /// <summary>Exit code: the call was answered and completed.</summary>
    public const int Completed = 0;

    /// <summary>Exit code: the call ended otherwise (busy, failed, no-answer, canceled) or was interrupted.</summary>
    public const int NotCompleted = 1;

    /// <summary>Places and follows the call; returns the exit code (<see cref="RcmlCommandLine.UsageError"/> for an API error).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var client = new ApiCallClient(settings.Api, settings.Account, settings.Token);
        ApiCallState call;
        try
        {
            call = await client.CreateAsync(settings.CreateForm(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("rcml call: interrupted before the API answered").ConfigureAwait(false);
            return NotCompleted;
        }
        catch (Exception exception) when (Describe(exception) is { } problem)
        {
            await errors.WriteLineAsync($"rcml call: {problem}").ConfigureAwait(false);
            return RcmlCommandLine.UsageError;
        }

        await output.WriteLineAsync($"{call.Sid} {call.Status}").ConfigureAwait(false);
        var started = time.GetTimestamp();
        var shown = call.Status;
        while (!call.IsFinal)
        {
            try
            {
                await Task.Delay(settings.PollInterval, time, cancellationToken).ConfigureAwait(false);
                call = await client.FetchAsync(call.Sid, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await HangUpAsync(client, call.Sid).ConfigureAwait(false);
            }
            catch (Exception exception) when (Describe(exception) is { } problem)
            {
                await errors.WriteLineAsync($"rcml call: following {call.Sid}: {problem}").ConfigureAwait(false);
                return RcmlCommandLine.UsageError;
            }

            if (call.Status != shown)
            {
                shown = call.Status;
                var elapsed = time.GetElapsedTime(started).TotalSeconds;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{elapsed,6:0.0} s  {shown}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"duration: {call.Duration ?? "0"} s").ConfigureAwait(false);
        return call.Status == ApiCallState.Completed ? Completed : NotCompleted;
    }

    // Ctrl+C: the call must not outlive the command that placed it.
    private async Task<int> HangUpAsync(ApiCallClient client, string sid)
    {
        await errors.WriteLineAsync($"rcml call: interrupted, hanging up {sid}").ConfigureAwait(false);
        try
        {
            var call = await client.HangUpAsync(sid, CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync($"hung up: {call.Status}").ConfigureAwait(false);
        }
        catch (Exception exception) when (Describe(exception) is { } problem)
        {
            await errors.WriteLineAsync($"rcml call: hanging up {sid}: {problem}").ConfigureAwait(false);
        }

        return NotCompleted;
    }

    // What the user is told of a failed request; null for exceptions that are not about the API.
    private string? Describe(Exception exception) => exception switch
    {
        ApiCallException api when api.Code is { } code => $"{api.Message} (code {code}, HTTP {(int)api.Status})",
        ApiCallException api => $"{api.Message} (HTTP {(int)api.Status})",
        HttpRequestException http => $"cannot reach the API at {settings.Api}: {http.Message}",
        TaskCanceledException => $"the API at {settings.Api} did not answer within {ApiCallClient.RequestTimeout.TotalSeconds:0} s",
        _ => null,
    };
}
