using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using RcmlEngine.Diagnostics.Timeline;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>
/// <c>/console/events</c>: a server-sent event stream saying "change" when calls or their timelines moved,
/// at most once a second (the pages reload on it), and a comment every 15 s to keep proxies from closing it.
/// </summary>
internal static class ConsoleEvents
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Streams until the client goes away or the engine stops.</summary>
    public static async Task StreamAsync(HttpContext context, CallTimelines timelines, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(timelines);
        ArgumentNullException.ThrowIfNull(lifetime);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var stopping = ending.Token;
        var seen = timelines.Version;
        await context.Response.WriteAsync("retry: 5000\n\n", stopping);
        await context.Response.Body.FlushAsync(stopping);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                quiet.CancelAfter(KeepAlive);
                try
                {
                    await timelines.WaitForChangeAsync(seen, quiet.Token);
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", stopping);
                    await context.Response.Body.FlushAsync(stopping);
                    continue;
                }

                seen = timelines.Version;
                await context.Response.WriteAsync("event: change\ndata: " + seen + "\n\n", stopping);
                await context.Response.Body.FlushAsync(stopping);
                await Task.Delay(MinimumGap, time, stopping);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left.
        }
    }
}
