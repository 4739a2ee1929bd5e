using RcmlEngine.Execution.Queueing;

namespace RcmlEngine.Tests.Execution.Queueing;

[TestFixture]
public sealed class QueueWaiterTests
{
    [Test]
    public void Leaving_ReadAfterTheCallerHungUp_IsCancelledNotDisposed()
    {
        var waiter = new QueueWaiter("CA1", "QU1", call: null!);
        waiter.SetReady(true);

        // The caller hangs up between its SetReady and the agent building its bridge.
        waiter.Dispose();
        using var bridge = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None, waiter.Leaving);

        bridge.IsCancellationRequested.Should().BeTrue("the agent ends the bridge it has not started");
    }
}
