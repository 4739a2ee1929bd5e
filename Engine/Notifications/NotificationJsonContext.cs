using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RcmlEngine.Notifications;

/// <summary>Source-generated JSON of notification messages: snake_case, compact, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CallNotificationEnvelope))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the messages are written with: as <see cref="JsonSerializerContext"/>'s default, but
    /// <c>+</c> and non-ASCII names are written as themselves (<c>"+15550001111"</c>, not <c>"\u002B..."</c>):
    /// the messages go to a program reading JSON, never into HTML.
    /// </summary>
    public static NotificationJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
