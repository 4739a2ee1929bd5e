using RcmlEngine.Execution;

namespace RcmlEngine.Api;

/// <summary>The account a request is authenticated as.</summary>
/// <param name="Account">Its sid, token and debugger webhook, as calls use them.</param>
/// <param name="LoopbackOnly">True for an account without an AuthToken (the default account): it answers only on loopback.</param>
internal sealed record ApiAccount(CallAccount Account, bool LoopbackOnly)
{
    /// <summary>The account's sid.</summary>
    public string Sid => Account.AccountSid;
}
