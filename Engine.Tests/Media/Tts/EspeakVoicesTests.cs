using RcmlEngine.Media.Tts;

namespace RcmlEngine.Tests.Media.Tts;

[TestFixture]
public sealed class EspeakVoicesTests
{
    [TestCase(null, null, "en-us+m3")]
    [TestCase("man", "en-US", "en-us+m3")]
    [TestCase("woman", "en-GB", "en-gb+f3")]
    [TestCase("alice", "fr-FR", "fr-fr+f3")]
    [TestCase("alice", "es-MX", "es-419+f3")]
    [TestCase("Polly.Joanna-Neural", null, "en-us+f3")]
    [TestCase("Polly.Matthew", "en-US", "en-us+m3")]
    [TestCase("Google.de-DE-Standard-A", null, "de+m3")]
    [TestCase("woman", "zh-CN", "cmn+f3")]
    [TestCase("man", "pt-BR", "pt-br+m3")]
    [TestCase("man", "nl-BE", "nl+m3")]
    [TestCase("man", "xx-YY", "en-us+m3")]
    [TestCase("woman", "it", "it+f3")]
    public void Map_VoiceAndLanguage_GivesEspeakVoice(string? voice, string? language, string expected)
    {
        EspeakVoices.Map(voice, language).Should().Be(expected);
    }
}
