using System.Text.Json;
using RcmlEngine.Notifications;

namespace RcmlEngine.Tests.Notifications;

[TestFixture]
public sealed class NotificationFormatTests
{
    [Test]
    public void Of_InboundCall_IsTheIntegrationsExactJson()
    {
        var message = NotificationFormat.Of(new InboundCallNotification
        {
            Number = "+15550001111",
            DialNumber = "+15550002222",
            HoldTime = 42,
            CallRef = "CA0123456789abcdef0123456789abcdef",
            ContactRef = "12345",
            Ref = "alice",
        });

        message.Type.Should().Be("call");
        message.Json.Should().Be(
            "{\"type\":\"call\",\"payload\":{\"number\":\"+15550001111\",\"dial_number\":\"+15550002222\",\"hold_time\":42," +
            "\"call_ref\":\"CA0123456789abcdef0123456789abcdef\",\"contact_ref\":\"12345\",\"call_dir\":\"inbound\",\"ref\":\"alice\"}}");
    }

    [Test]
    public void Of_NoContactRefAndQuotesInANumber_EmptyStringAndValidJson()
    {
        var message = NotificationFormat.Of(new InboundCallNotification
        {
            Number = "\"Bob\" <1001>",
            DialNumber = "support",
            CallRef = "CA1",
            Ref = "1002",
        });

        using var json = JsonDocument.Parse(message.Json);
        var payload = json.RootElement.GetProperty("payload");
        payload.GetProperty("number").GetString().Should().Be("\"Bob\" <1001>");
        payload.GetProperty("contact_ref").GetString().Should().BeEmpty();
        payload.GetProperty("hold_time").GetInt32().Should().Be(0);
        payload.GetProperty("call_dir").GetString().Should().Be("inbound");
    }
}
