using System.Text.Json.Serialization;

namespace RcmlEngine.Api.CallController;

/// <summary>The call controller's JSON, source-generated, snake_case as the rest of the API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CallControllerStatusJson))]
[JsonSerializable(typeof(CallControllerError))]
internal sealed partial class CallControllerJsonContext : JsonSerializerContext;
