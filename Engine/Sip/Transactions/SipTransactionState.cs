namespace RcmlEngine.Sip.Transactions;

/// <summary>States of the RFC 3261 17 state machines, with Accepted from RFC 6026.</summary>
internal enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
