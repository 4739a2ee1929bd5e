using System.Text.Json.Serialization;

namespace RcmlEngine.Media.Fetching;

/// <summary>Source-generated JSON for cache metadata.</summary>
[JsonSerializable(typeof(MediaCacheEntry))]
internal sealed partial class MediaCacheJsonContext : JsonSerializerContext;
