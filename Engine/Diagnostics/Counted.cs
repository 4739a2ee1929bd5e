using System.Globalization;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// A count with its noun in the right number, for the lines people read: <c>1 document</c>, <c>2 verbs</c>,
/// <c>0 errors</c>. A value type formatted only when written, so a log line that is off costs nothing.
/// </summary>
/// <param name="Count">How many.</param>
/// <param name="Noun">The singular noun.</param>
/// <param name="Plural">The plural noun; by default the singular with an <c>s</c>.</param>
internal readonly record struct Counted(int Count, string Noun, string? Plural = null)
{
    /// <summary><c>1 document</c>, <c>2 documents</c>.</summary>
    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + " " + (Count == 1 ? Noun : Plural ?? Noun + "s");

    /// <summary>The text of <paramref name="count"/> <paramref name="noun"/>.</summary>
    public static string Of(int count, string noun) => new Counted(count, noun).ToString();
}
