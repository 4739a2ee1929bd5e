using System.Text;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Cli;

/// <summary>A short indented outline of a document: one line per verb and noun with its position and content.</summary>
internal static class RcmlOutline
{
    public static string Write(RcmlDocument document)
    {
        var builder = new StringBuilder();
        builder.AppendLine($"{document.Span} Response");
        foreach (var verb in document.Verbs)
        {
            Append(builder, verb, 1);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, RcmlNode node, int depth)
    {
        builder.Append(' ', depth * 2).Append(node.Span).Append(' ').Append(node.ElementName);
        var summary = node switch
        {
            SayVerb say => Quote(say.Text),
            PlayVerb play => play.Digits is { } digits ? $"digits {digits}" : play.Url?.OriginalString,
            PauseVerb pause => $"{pause.Length.TotalSeconds}s",
            DialVerb dial => dial.Number,
            RedirectVerb redirect => redirect.Url?.OriginalString,
            RejectVerb reject => reject.Reason.ToString(),
            EnqueueVerb enqueue => Quote(enqueue.QueueName),
            NumberNoun number => number.PhoneNumber,
            SipNoun sip => sip.Uri?.Text,
            ClientNoun client => client.Identity,
            ConferenceNoun conference => Quote(conference.Name),
            QueueNoun queue => Quote(queue.Name),
            _ => null,
        };
        builder.AppendLine(summary is null ? string.Empty : $" {summary}");
        IEnumerable<RcmlNode> children = node switch
        {
            GatherVerb gather => gather.Children,
            DialVerb dial => dial.Nouns,
            ReferVerb refer => refer.Nouns,
            SipNoun { Video: { } video } => [video],
            ClientNoun { Video: { } video } => [video],
            ConferenceNoun { Video: { } video } => [video],
            _ => [],
        };
        foreach (var child in children)
        {
            Append(builder, child, depth + 1);
        }
    }

    private static string Quote(string text) => $"\"{(text.Length > 60 ? string.Concat(text.AsSpan(0, 57), "...") : text)}\"";
}
