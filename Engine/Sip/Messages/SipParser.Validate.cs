namespace RcmlEngine.Sip.Messages;

internal static partial class SipParser
{
    /// <summary>
    /// Checks the headers the stack relies on (Via, From, To, Call-ID, CSeq, Max-Forwards, Contact,
    /// Route, Record-Route) and seeds the message's typed caches with the parsed values.
    /// Missing headers are not a syntax error: the UAS answers 400 for those (RFC 4475 3.3.1).
    /// </summary>
    private static SipParseResult Validate(SipMessage message)
    {
        var headers = message.Headers;
        var vias = new List<SipVia>(2);
        foreach (var value in headers.GetValues(SipHeaderNames.Via))
        {
            if (!SipVia.TryParse(value, out var via, out var error))
            {
                return Reject(message, SipHeaderNames.Via, error);
            }

            vias.Add(via);
        }

        if (vias.Count == 0 && headers.Contains(SipHeaderNames.Via))
        {
            return Reject(message, SipHeaderNames.Via, "empty or unbalanced Via value");
        }

        SipNameAddress? from = null;
        SipNameAddress? to = null;
        SipCSeq? cseq = null;
        foreach (var header in headers.All)
        {
            string error;
            switch (header.Name)
            {
                case SipHeaderNames.From:
                    if (!SipNameAddress.TryParse(header.Value, out var f, out error))
                    {
                        return Reject(message, header.Name, error);
                    }

                    from ??= f;
                    break;
                case SipHeaderNames.To:
                    if (!SipNameAddress.TryParse(header.Value, out var t, out error))
                    {
                        return Reject(message, header.Name, error);
                    }

                    to ??= t;
                    break;
                case SipHeaderNames.CSeq:
                    if (!SipCSeq.TryParse(header.Value, out var c, out error))
                    {
                        return Reject(message, header.Name, error);
                    }

                    if (message is SipRequest r && !string.Equals(c.Method, r.Method, StringComparison.Ordinal))
                    {
                        // RFC 4475 3.1.2.17/18: the CSeq method must match the request method.
                        return Reject(message, header.Name, $"CSeq method '{c.Method}' does not match the request method '{r.Method}'");
                    }

                    cseq ??= c;
                    break;
                case SipHeaderNames.CallId:
                    if (!IsCallId(header.Value))
                    {
                        return Reject(message, header.Name, "Call-ID is empty or holds characters outside 'word [@ word]'");
                    }

                    break;
                case SipHeaderNames.MaxForwards:
                    if (!SipGrammar.TryParseDecimal(header.Value, 255, out _))
                    {
                        return Reject(message, header.Name, $"'{Clip(header.Value)}' is not a number from 0 to 255");
                    }

                    break;
                case SipHeaderNames.Contact:
                    if (header.Value != "*" && !TryValidateAddresses(header.Value, out error))
                    {
                        return Reject(message, header.Name, error);
                    }

                    break;
                case SipHeaderNames.Route or SipHeaderNames.RecordRoute:
                    if (!TryValidateAddresses(header.Value, out error))
                    {
                        return Reject(message, header.Name, error);
                    }

                    break;
            }
        }

        message.SeedParsed(vias, from, to, cseq);
        return SipParseResult.Ok(message);
    }

    private static bool TryValidateAddresses(string value, out string error)
    {
        var items = new List<string>();
        if (!SipGrammar.TrySplitList(value, items))
        {
            error = "empty element or unterminated quoted string in the list";
            return false;
        }

        foreach (var item in items)
        {
            if (!SipNameAddress.TryParse(item, out _, out error))
            {
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    private static bool IsCallId(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var at = 0;
        foreach (var c in value)
        {
            if (c == '@')
            {
                at++;
            }
            else if (!SipGrammar.IsWordChar(c))
            {
                return false;
            }
        }

        return at <= 1 && value[0] != '@' && value[^1] != '@';
    }
}
