using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Registrar;

internal sealed partial class SipRegistrar
{
    private static partial class Log
    {
        // Client names and contacts identify people and devices: Debug, not Information.
        [LoggerMessage(EventId = LogEventRange.Sip + 300, Level = LogLevel.Debug, Message = "Registrar: binding {Change} for {User}: {Contact} from {Source}")]
        public static partial void BindingChanged(ILogger logger, RegistrationChange change, string user, SipUri contact, SipRemote source);

        [LoggerMessage(EventId = LogEventRange.Sip + 301, Level = LogLevel.Debug, Message = "Registrar: REGISTER from {Source} answered {Status} {Reason}")]
        public static partial void Refused(ILogger logger, int status, string reason, SipRemote source);

        [LoggerMessage(EventId = LogEventRange.Sip + 302, Level = LogLevel.Error, Message = "Registrar: a Changed subscriber failed on a {Change} event")]
        public static partial void SubscriberFailed(ILogger logger, Exception exception, RegistrationChange change);
    }
}
