using Microsoft.Data.Sqlite;

namespace RcmlEngine.Calls.Records;

internal sealed partial class SqliteCallRecordStore
{
    // A row in the order of Columns; null (logged) for one that cannot be read (edited by hand, newer words).
    private CallRecord? Read(SqliteDataReader reader)
    {
        if (!TryParse(reader.GetString(5), out CallDirection direction) || !TryParse(reader.GetString(6), out CallStatus status))
        {
            LogUnreadableRow(reader.GetString(0));
            return null;
        }

        return new CallRecord
        {
            Sid = reader.GetString(0),
            AccountSid = reader.GetString(1),
            ParentCallSid = Text(reader, 2),
            From = reader.GetString(3),
            To = reader.GetString(4),
            Direction = direction,
            Status = status,
            DateCreated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            DateUpdated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            StartTime = Time(reader, 9),
            EndTime = Time(reader, 10),
            AnswerTime = Time(reader, 11),
            Duration = reader.IsDBNull(12) ? null : reader.GetInt32(12),
            CallerName = Text(reader, 13),
            ForwardedFrom = Text(reader, 14),
            AnsweredBy = Text(reader, 15),
        };
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static bool TryParse(string word, out CallDirection direction)
    {
        foreach (var value in Enum.GetValues<CallDirection>())
        {
            if (value.ToWebhookValue() == word)
            {
                direction = value;
                return true;
            }
        }

        direction = default;
        return false;
    }

    private static bool TryParse(string word, out CallStatus status)
    {
        foreach (var value in Enum.GetValues<CallStatus>())
        {
            if (value.ToWebhookValue() == word)
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}
