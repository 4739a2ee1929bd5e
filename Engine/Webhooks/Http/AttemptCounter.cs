using System.Runtime.CompilerServices;
using Polly;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Counts the attempts the resilience pipeline made for one request, so results can report them
/// (a box in the request's options, bumped by the retry strategy's OnRetry).
/// </summary>
internal static class AttemptCounter
{
    private static readonly HttpRequestOptionsKey<StrongBox<int>> Key = new("RcmlEngine.Webhooks.Attempts");

    /// <summary>Attaches a counter starting at one attempt.</summary>
    public static StrongBox<int> Attach(HttpRequestMessage request)
    {
        var box = new StrongBox<int>(1);
        request.Options.Set(Key, box);
        return box;
    }

    /// <summary>Called before each retry: one more attempt.</summary>
    public static void OnRetry(ResilienceContext context)
    {
        if (context.GetRequestMessage()?.Options.TryGetValue(Key, out var box) == true)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}
