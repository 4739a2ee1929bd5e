using System.Text.Json.Serialization;
using RcmlEngine.Api.Calls;
using RcmlEngine.Api.Recordings;

namespace RcmlEngine.Api;

/// <summary>The API's JSON, source-generated: snake_case names as Twilio's, nulls written out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(CallResource))]
[JsonSerializable(typeof(CallListResource))]
[JsonSerializable(typeof(RecordingResource))]
[JsonSerializable(typeof(RecordingListResource))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
