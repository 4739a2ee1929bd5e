using RcmlEngine.Diagnostics;

namespace RcmlEngine.Tests.Diagnostics;

[TestFixture]
public sealed class LogTextTests
{
    [TestCase("X-Evil\u001b[31m", "X-Evil\\x1B[31m")]
    [TestCase("a\r\nINFO forged line", "a\\x0D\\x0AINFO forged line")]
    [TestCase("tab\there", "tab\\x09here")]
    [TestCase("back\\x1B", "back\\x5Cx1B")]
    [TestCase("rtl\u202Eexe.txt", "rtl\\u202Eexe.txt")]
    [TestCase("line\u2028sep", "line\\u2028sep")]
    [TestCase("c1\u009bhere", "c1\\x9Bhere")]
    public void Escape_ControlCharacters_WrittenAsEscapes(string input, string expected) =>
        LogText.Escape(input).Should().Be(expected);

    [TestCase("INVITE")]
    [TestCase("a84b4c76e66710@pc33.atlanta.com")]
    [TestCase("Zoë")]
    public void Escape_SafeText_Unchanged(string input) =>
        LogText.Escape(input).Should().Be(input);

    [Test]
    public void Escape_LongText_CutWithAnEllipsis()
    {
        var escaped = LogText.Escape(new string('a', 5000));

        escaped.Should().HaveLength(LogText.MaxLength + 1).And.EndWith("…");
    }

    [Test]
    public void Escape_Null_Empty() => LogText.Escape(null).Should().BeEmpty();
}
