using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Execution.Dialing;

internal sealed partial class DialTransfers
{
    [LoggerMessage(EventId = LogEventRange.Execution + 140, Level = LogLevel.Information,
        Message = "Call {TransferorSid} transfers call {StayerSid} (REFER): the referUrl document runs on {StayerSid}")]
    private partial void LogBlind(string transferorSid, string stayerSid);

    [LoggerMessage(EventId = LogEventRange.Execution + 141, Level = LogLevel.Information,
        Message = "Attended transfer (REFER with Replaces): call {StayerSid} bridged with call {OtherStayerSid}; {TransferorSid} and {ReplacedSid} released")]
    private partial void LogAttended(string stayerSid, string otherStayerSid, string transferorSid, string replacedSid);

    [LoggerMessage(EventId = LogEventRange.Execution + 142, Level = LogLevel.Error,
        Message = "A transfer failed")]
    private partial void LogTransferFailed(Exception exception);

    [LoggerMessage(EventId = LogEventRange.Execution + 143, Level = LogLevel.Information,
        Message = "Transfer of call {StayerSid} ended: final NOTIFY {StatusCode}")]
    private partial void LogTransferResolved(string stayerSid, int statusCode);
}
