using RcmlEngine.Execution.Prompts;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Execution.Prompts;

[TestFixture]
public sealed class SsmlWriterTests
{
    [Test]
    public void Write_UnknownElement_KeepsItsTextAndLosesItsMarkup()
    {
        var say = RcmlTestDocuments.Verbs("<Say><audio src=\"/etc/passwd\"/>hi <break time=\"1s\"/><shout>there</shout></Say>")
            .Document!.Verbs[0].Should().BeOfType<SayVerb>().Subject;

        var ssml = SsmlWriter.Write(say.Ssml, "en-US");

        ssml.Should().NotContain("audio").And.NotContain("/etc/passwd").And.NotContain("shout");
        ssml.Should().EndWith(">hi <break time=\"1s\"/>there</speak>");
    }
}
