namespace RcmlEngine.Sip.Messages;

/// <summary>One header line: its canonical name and its value as received (folding collapsed).</summary>
internal readonly record struct SipHeader(string Name, string Value);
