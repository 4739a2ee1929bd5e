using System.Globalization;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// A count with its noun in the right number, for the lines people read: <c>1 document</c>, <c>2 verbs</c>,
/// <c>0 errors</c>. A value type formatted only when written, so a log line that is off costs nothing.
/// </summary>
/// <param name="Count">How many.</param>
/// <param name="Noun">The singular noun; an <c>s</c> is added unless the count is one.</param>
internal readonly record struct Counted(int Count, string Noun)
{
    /// <summary><c>1 document</c>, <c>2 documents</c>.</summary>
    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + " " + (Count == 1 ? Noun : Noun + "s");

    /// <summary>The text of <paramref name="count"/> <paramref name="noun"/>.</summary>
    public static string Of(int count, string noun) => new Counted(count, noun).ToString();
}
