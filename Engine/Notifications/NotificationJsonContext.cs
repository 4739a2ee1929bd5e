using System.Text.Json.Serialization;

namespace RcmlEngine.Notifications;

/// <summary>Source-generated JSON of notification messages: snake_case, compact, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CallNotificationEnvelope))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
