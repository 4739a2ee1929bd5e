using RcmlEngine.Webhooks.Signing;

namespace RcmlEngine.Tests.Webhooks.Signing;

[TestFixture]
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    // Twilio's published example, parameters deliberately not in sorted order.
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("To", "+18005551212"),
        new("CallSid", "CA1234567890ABCDE"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("Caller", "+14158675309"),
    ];

    [Test]
    public void Compute_TwilioTestVector_MatchesPublishedSignature() =>
        TwilioSignature.Compute(Token, Url, Parameters).Should().Be(Expected);

    [Test]
    public void Compute_NoParameters_SignsTheUrlAlone() =>
        TwilioSignature.Compute(Token, Url, null).Should().NotBe(Expected).And.Be(TwilioSignature.Compute(Token, Url, []));

    [Test]
    public void IsValid_TestVector_IsTrue() =>
        TwilioSignatureValidator.IsValid(Token, Url, Parameters, Expected).Should().BeTrue();

    [Test]
    public void IsValid_ChangedDigit_IsFalse()
    {
        var tampered = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p);
        TwilioSignatureValidator.IsValid(Token, Url, tampered, Expected).Should().BeFalse();
    }

    [Test]
    public void IsValid_WrongToken_IsFalse() =>
        TwilioSignatureValidator.IsValid("54321", Url, Parameters, Expected).Should().BeFalse();

    [TestCase(null)]
    [TestCase("")]
    public void IsValid_MissingSignature_IsFalse(string? signature) =>
        TwilioSignatureValidator.IsValid(Token, Url, Parameters, signature).Should().BeFalse();

    [Test]
    public void IsValid_ProxyAddedDefaultPort_IsTrue() =>
        TwilioSignatureValidator.IsValid(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Parameters, Expected).Should().BeTrue();

    [Test]
    public void IsValid_SignedWithPortReceivedWithout_IsTrue()
    {
        var signature = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php", Parameters);
        TwilioSignatureValidator.IsValid(Token, "https://mycompany.com/myapp.php", Parameters, signature).Should().BeTrue();
    }
}
