using System.Globalization;
using System.Xml.Linq;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// The document a participant's call runs once answered: <c>&lt;Response&gt;&lt;Dial timeLimit&gt;&lt;Conference
/// ...&gt;name&lt;/Conference&gt;&lt;/Dial&gt;&lt;/Response&gt;</c>, with the <c>&lt;Conference&gt;</c> attributes the
/// Participants API's parameters name. Built with <see cref="XElement"/>, so names and URLs are escaped.
/// Nothing follows the Dial: the call hangs up when it leaves the room.
/// </summary>
internal static class ParticipantTwiml
{
    /// <summary>The document joining <paramref name="friendlyName"/> with <paramref name="attributes"/>.</summary>
    public static string Of(string friendlyName, IEnumerable<(string Name, string Value)> attributes, int? timeLimitSeconds)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var conference = new XElement("Conference", attributes.Select(a => new XAttribute(a.Name, a.Value)), friendlyName);
        var dial = new XElement("Dial", conference);
        if (timeLimitSeconds is { } limit)
        {
            dial.SetAttributeValue("timeLimit", limit.ToString(CultureInfo.InvariantCulture));
        }

        return new XElement("Response", dial).ToString(SaveOptions.DisableFormatting);
    }
}
