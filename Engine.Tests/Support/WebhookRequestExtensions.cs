using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Support;

/// <summary>Reading the parameters of a recorded <see cref="WebhookRequest"/>.</summary>
internal static class WebhookRequestExtensions
{
    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public static string? Parameter(this WebhookRequest request, string name) =>
        request.Parameters.FirstOrDefault(p => p.Key == name).Value;
}
