using RcmlEngine.Execution;
using RcmlEngine.Execution.Control;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Execution.Control;

[TestFixture]
public sealed class CallControlTests
{
    private static readonly Navigation Target = new(new Uri("http://127.0.0.1/next"), RcmlHttpMethod.Post);

    [Test]
    public void Redirect_WhileADocumentRuns_CancelsItAndIsTakenOnce()
    {
        var control = new CallControl();
        using var document = control.BeginDocument(CancellationToken.None);

        control.Redirect(Target).Should().BeTrue();

        document.IsCancellationRequested.Should().BeTrue();
        control.TakeRedirect().Should().BeSameAs(Target);
        control.TakeRedirect().Should().BeNull();
    }

    [Test]
    public void Redirect_BeforeTheNextDocument_ThatDocumentStartsCancelled()
    {
        var control = new CallControl();

        control.Redirect(Target);
        using var document = control.BeginDocument(CancellationToken.None);

        document.IsCancellationRequested.Should().BeTrue();
    }

    [Test]
    public void Redirect_AfterTheCallsDocumentsEnded_IsRefused()
    {
        var control = new CallControl();
        control.Finish();

        control.Redirect(Target).Should().BeFalse();
        control.TakeRedirect().Should().BeNull();
    }

    [Test]
    public void Redirect_Twice_TheLaterWins()
    {
        var control = new CallControl();
        var later = Target with { Url = new Uri("http://127.0.0.1/later") };

        control.Redirect(Target);
        control.Redirect(later);

        control.TakeRedirect().Should().Be(later);
    }
}
