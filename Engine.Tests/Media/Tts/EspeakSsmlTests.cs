using RcmlEngine.Media;
using RcmlEngine.Media.Tts;

namespace RcmlEngine.Tests.Media.Tts;

[TestFixture]
public sealed class EspeakSsmlTests
{
    [Test]
    public void Sanitize_AudioElement_KeepsItsFallbackTextAndDropsTheReference()
    {
        var safe = EspeakSsml.Sanitize("<speak>hi <audio src=\"/etc/passwd\">beep</audio> there</speak>");

        safe.Should().Be("<speak>hi beep there</speak>");
    }

    [Test]
    public void Sanitize_XmlBaseMarkAndVoice_AreRemoved()
    {
        var safe = EspeakSsml.Sanitize(
            "<speak xml:base=\"/tmp/\" xml:lang=\"en-GB\"><mark name=\"a\"/><voice name=\"../../etc/passwd\">hi</voice></speak>");

        safe.Should().Be("<speak xml:lang=\"en-GB\">hi</speak>");
    }

    [Test]
    public void Sanitize_AllowedMarkup_KeepsOnlyItsListedAttributes()
    {
        var safe = EspeakSsml.Sanitize(
            "<speak><break time=\"1s\" src=\"x\"/><prosody rate=\"slow\" xml:base=\"/\">a &amp; b</prosody><lang xml:lang=\"$(id)\">c</lang></speak>");

        safe.Should().Be("<speak><break time=\"1s\"/><prosody rate=\"slow\">a &amp; b</prosody><lang>c</lang></speak>");
    }

    [Test]
    public void Sanitize_Fragment_IsWrappedInSpeak()
    {
        EspeakSsml.Sanitize("One <break time=\"1500ms\"/> two").Should().Be("<speak>One <break time=\"1500ms\"/> two</speak>");
    }

    [Test]
    public void Sanitize_Dtd_IsRefused()
    {
        var act = () => EspeakSsml.Sanitize("<!DOCTYPE speak [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><speak>&x;</speak>");

        act.Should().Throw<MediaException>();
    }

    [Test]
    public void Sanitize_CommentsAndProcessingInstructions_AreNotPassedOn()
    {
        EspeakSsml.Sanitize("<speak>a<!-- b --><?espeak c?>d<![CDATA[<e>]]></speak>").Should().Be("<speak>ad&lt;e&gt;</speak>");
    }

    [Test]
    public void Sanitize_NestedThousandsDeep_IsRefusedNotOverflowingTheStack()
    {
        var deep = string.Concat(Enumerable.Repeat("<s>", 10_000)) + "hi" + string.Concat(Enumerable.Repeat("</s>", 10_000));

        var act = () => EspeakSsml.Sanitize(deep);

        act.Should().Throw<MediaException>().WithMessage("*nests deeper*");
    }
}
