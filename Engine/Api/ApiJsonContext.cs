using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RcmlEngine.Api.Calls;
using RcmlEngine.Api.Conferences;
using RcmlEngine.Api.Queues;
using RcmlEngine.Api.Recordings;

namespace RcmlEngine.Api;

/// <summary>The API's JSON, source-generated: snake_case names as Twilio's, nulls written out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(CallResource))]
[JsonSerializable(typeof(CallListResource))]
[JsonSerializable(typeof(ConferenceResource))]
[JsonSerializable(typeof(ConferenceListResource))]
[JsonSerializable(typeof(ParticipantResource))]
[JsonSerializable(typeof(ParticipantListResource))]
[JsonSerializable(typeof(QueueResource))]
[JsonSerializable(typeof(QueueListResource))]
[JsonSerializable(typeof(MemberResource))]
[JsonSerializable(typeof(MemberListResource))]
[JsonSerializable(typeof(RecordingResource))]
[JsonSerializable(typeof(RecordingListResource))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The context the API writes with: as <see cref="Default"/>, with <c>&amp;</c> and <c>&lt;</c> in URIs left as they are.</summary>
    public static ApiJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
