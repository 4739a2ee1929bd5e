using RcmlEngine.Queues;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Api.Queues;

/// <summary>Turns queues and their members into Twilio's JSON, and names their paths.</summary>
internal static class QueueResources
{
    /// <summary>The path of the account's queues list.</summary>
    public static string ListPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Queues.json";

    /// <summary>The path of one queue.</summary>
    public static string PathOf(string accountSid, string queueSid) => $"/2010-04-01/Accounts/{accountSid}/Queues/{queueSid}.json";

    /// <summary>The path of a queue's members list.</summary>
    public static string MembersPath(string accountSid, string queueSid) => $"/2010-04-01/Accounts/{accountSid}/Queues/{queueSid}/Members.json";

    /// <summary><paramref name="queue"/> as Twilio shows a queue.</summary>
    public static QueueResource Of(QueueInfo queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new QueueResource
        {
            AccountSid = queue.AccountSid,
            AverageWaitTime = (int)queue.AverageWaitTime.TotalSeconds,
            CurrentSize = queue.CurrentSize,
            DateCreated = Rfc2822Timestamp.Format(queue.DateCreated),
            DateUpdated = Rfc2822Timestamp.Format(queue.DateUpdated),
            FriendlyName = queue.FriendlyName,
            MaxSize = queue.MaxSize,
            Sid = queue.Sid,
            Uri = PathOf(queue.AccountSid, queue.Sid),
        };
    }

    /// <summary><paramref name="member"/> as Twilio shows a queue member.</summary>
    public static MemberResource Of(string accountSid, QueueMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new MemberResource
        {
            CallSid = member.CallSid,
            DateEnqueued = Rfc2822Timestamp.Format(member.DateEnqueued),
            Position = member.Position,
            QueueSid = member.QueueSid,
            Uri = $"/2010-04-01/Accounts/{accountSid}/Queues/{member.QueueSid}/Members/{member.CallSid}.json",
            WaitTime = (int)member.WaitTime.TotalSeconds,
        };
    }
}
