using System.Text.Json.Serialization;

namespace RcmlEngine.Hosting;

/// <summary>Source-generated JSON for the health endpoints' reason string.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
