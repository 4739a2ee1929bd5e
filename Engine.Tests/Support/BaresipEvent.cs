using System.Text.Json;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// An event baresip's ctrl_tcp module reports (REGISTER_OK, REGISTER_FAIL, CALL_INCOMING,
/// CALL_RINGING, CALL_ESTABLISHED, CALL_CLOSED, CALL_DTMF_START, CALL_DTMF_END...).
/// </summary>
internal sealed record BaresipEvent(string Type, string? Class, string? AccountAor, string? Direction, string? PeerUri, string? CallId, string? Param, string Json)
{
    public static BaresipEvent From(JsonElement root, string json)
    {
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new BaresipEvent(Text(root, "type") ?? string.Empty, Text(root, "class"), Text(root, "accountaor"), Text(root, "direction"),
            Text(root, "peeruri"), Text(root, "id"), Text(root, "param"), json);
    }
}
