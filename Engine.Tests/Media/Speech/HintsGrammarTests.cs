using RcmlEngine.Media.Speech;

namespace RcmlEngine.Tests.Media.Speech;

[TestFixture]
public sealed class HintsGrammarTests
{
    private static readonly HashSet<string> Dictionary = ["billing", "sales", "support", "technical", "o'clock"];

    [Test]
    public void Split_CommaSeparatedWithSpaces_TrimmedEntries()
    {
        HintsGrammar.Split(" billing, sales ,, technical support ").Should().Equal("billing", "sales", "technical support");
        HintsGrammar.Split(null).Should().BeEmpty();
    }

    [Test]
    public void UsablePhrases_UnknownWordsClassTokensAndDuplicates_LeftOut()
    {
        var phrases = HintsGrammar.UsablePhrases(
            ["Billing", "sales", "technical  support", "xyzzy", "$OOV_CLASS_DIGIT_SEQUENCE", "SALES", "billing <s>", "o'clock"],
            Dictionary.Contains);

        phrases.Should().Equal("billing", "sales", "technical support", "o'clock");
    }

    [Test]
    public void Build_Phrases_OneRuleWithAlternatives()
    {
        var grammar = HintsGrammar.Build(["billing", "sales", "technical support"]);

        grammar.Should().Be("#JSGF V1.0;\ngrammar hints;\npublic <hint> = billing | sales | technical support;\n");
    }

    [Test]
    public void Build_NoPhrases_Null()
    {
        HintsGrammar.Build([]).Should().BeNull("without usable hints the recognizer goes straight to free speech");
    }
}
