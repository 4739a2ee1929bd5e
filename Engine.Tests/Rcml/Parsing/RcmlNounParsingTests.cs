using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary>Every noun: defaults, every attribute, and the forms of its content.</summary>
[TestFixture]
public sealed class RcmlNounParsingTests
{
    [Test]
    public void Number_AllAttributes_AreRead()
    {
        var number = RcmlTestDocuments.CleanNoun<NumberNoun>(
            "<Number sendDigits=\"wW12#\" url=\"whisper.xml\" method=\"GET\" statusCallback=\"https://cb.example/s\" statusCallbackMethod=\"GET\""
            + " statusCallbackEvent=\"initiated ringing answered completed\">+15551230000</Number>");

        number.Should().BeEquivalentTo(new
        {
            PhoneNumber = "+15551230000",
            SendDigits = "wW12#",
            Url = new Uri("whisper.xml", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            StatusCallback = new Uri("https://cb.example/s"),
            StatusCallbackMethod = RcmlHttpMethod.Get,
            StatusCallbackEvent = CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Answered | CallProgressEvents.Completed,
        });
    }

    [TestCase("initiated ringing")]
    [TestCase("initiated,ringing")]
    [TestCase("initiated, ringing")]
    [TestCase("  ringing \t initiated ")]
    public void StatusCallbackEvent_SpacesOrCommas_GiveTheSameEvents(string events)
    {
        var number = RcmlTestDocuments.CleanNoun<NumberNoun>($"<Number statusCallback=\"s\" statusCallbackEvent=\"{events}\">1</Number>");

        number.StatusCallbackEvent.Should().Be(CallProgressEvents.Initiated | CallProgressEvents.Ringing);
    }

    [Test]
    public void Sip_AllAttributes_AreRead()
    {
        var sip = RcmlTestDocuments.CleanNoun<SipNoun>(
            "<Sip username=\"u\" password=\"p\" url=\"screen.xml\" method=\"GET\" statusCallback=\"cb\" statusCallbackMethod=\"GET\" statusCallbackEvent=\"answered\">"
            + "\n   sip:bob@example.com;transport=tcp?X-Acct=42&amp;User-to-User=ab%3Bencoding%3Dhex\n   </Sip>");

        sip.Should().BeEquivalentTo(new
        {
            Username = "u",
            Password = "p",
            Url = new Uri("screen.xml", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            StatusCallback = new Uri("cb", UriKind.Relative),
            StatusCallbackMethod = RcmlHttpMethod.Get,
            StatusCallbackEvent = CallProgressEvents.Answered,
        });
        sip.Uri!.Transport.Should().Be("tcp");
        sip.Uri.Headers.Should().Equal(new KeyValuePair<string, string>("X-Acct", "42"), new KeyValuePair<string, string>("User-to-User", "ab;encoding=hex"));
    }

    [Test]
    public void Sip_RestcommNameWithVideo_TakesTheUriFromName()
    {
        var sip = RcmlTestDocuments.CleanNoun<SipNoun>("<Sip name=\"sip:alice@127.0.0.1:5080\"><Video enable=\"true\" overlay=\"text\"></Video></Sip>");

        sip.Uri!.Port.Should().Be(5080);
        sip.Video.Should().BeEquivalentTo(new { Enable = true, Overlay = "text", Mode = VideoMode.Mcu });
    }

    [Test]
    public void Sip_InvalidUri_PointsAtTheText()
    {
        var error = RcmlTestDocuments.Single("<Dial><Sip>\n    tel:+15550100</Sip></Dial>", RcmlDiagnosticCodes.InvalidContent);

        error.Should().BeEquivalentTo(new { Line = 2, Column = 5 });
        error.Message.Should().Contain("'sip:'");
    }

    [Test]
    public void Client_TextIdentityOrElementOrName_AreRead()
    {
        var dial = RcmlTestDocuments.Clean<DialVerb>(
            "<Dial><Client url=\"w\" method=\"GET\" statusCallback=\"s\" statusCallbackEvent=\"ringing\" statusCallbackMethod=\"GET\">jenny</Client>"
            + "<Client><Identity>tommy</Identity><Parameter name=\"FirstName\" value=\"Tom\"/><Parameter name=\"Vip\" value=\"yes\"/></Client>"
            + "<Client name=\"alice\"><Video enable=\"true\"/></Client></Dial>");

        var clients = dial.Nouns.Cast<ClientNoun>().ToList();
        clients.Select(c => c.Identity).Should().Equal("jenny", "tommy", "alice");
        clients[0].Should().BeEquivalentTo(new { Method = RcmlHttpMethod.Get, StatusCallbackEvent = CallProgressEvents.Ringing, StatusCallbackMethod = RcmlHttpMethod.Get });
        clients[1].Parameters.Should().Equal(new KeyValuePair<string, string>("FirstName", "Tom"), new KeyValuePair<string, string>("Vip", "yes"));
        clients[2].Video!.Enable.Should().BeTrue();
    }

    [Test]
    public void Conference_AllAttributes_AreRead()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>(
            "<Conference muted=\"true\" beep=\"onExit\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"true\" waitUrl=\"music.wav\" waitMethod=\"GET\""
            + " maxParticipants=\"12\" record=\"record-from-start\" trim=\"do-not-trim\" statusCallback=\"s\" statusCallbackMethod=\"GET\""
            + " statusCallbackEvent=\"start,end join leave mute hold modify speaker announcement\" recordingStatusCallback=\"r\""
            + " recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"absent\">Room 42</Conference>");

        conference.Should().BeEquivalentTo(new
        {
            Name = "Room 42",
            Muted = true,
            Beep = ConferenceBeep.OnExit,
            StartConferenceOnEnter = false,
            EndConferenceOnExit = true,
            WaitUrl = new Uri("music.wav", UriKind.Relative),
            WaitInSilence = false,
            WaitMethod = RcmlHttpMethod.Get,
            MaxParticipants = 12,
            Record = ConferenceRecording.RecordFromStart,
            Trim = RecordingTrim.DoNotTrim,
            StatusCallbackMethod = RcmlHttpMethod.Get,
            StatusCallbackEvent = (ConferenceEvents)511,
            RecordingStatusCallbackMethod = RcmlHttpMethod.Get,
            RecordingStatusCallbackEvent = RecordingEvents.Absent,
        });
    }

    [Test]
    public void Conference_EmptyWaitUrl_MeansSilence()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>("<Conference waitUrl=\"\">quiet</Conference>");

        conference.WaitInSilence.Should().BeTrue();
        new ConferenceNoun().WaitInSilence.Should().BeFalse("no waitUrl means the default music");
    }

    [TestCase("true", nameof(ConferenceBeep.Always))]
    [TestCase("false", nameof(ConferenceBeep.Never))]
    [TestCase("onEnter", nameof(ConferenceBeep.OnEnter))]
    public void Conference_BeepValues_AreRead(string value, string expected)
    {
        RcmlTestDocuments.CleanNoun<ConferenceNoun>($"<Conference beep=\"{value}\">r</Conference>").Beep.Should().Be(Enum.Parse<ConferenceBeep>(expected));
    }

    [Test]
    public void Conference_RestcommVideo_IsRead()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>(
            "<Conference name=\"1112\"><Video enable=\"true\" mode=\"sfu\" resolution=\"4CIF\" layout=\"linear\" overlay=\"hi\"/></Conference>");

        conference.Name.Should().Be("1112");
        conference.Video.Should().BeEquivalentTo(new { Enable = true, Mode = VideoMode.Sfu, Resolution = VideoResolution.Cif4, Layout = VideoLayout.Linear, Overlay = "hi" });
    }

    [Test]
    public void Conference_TwilioParticipantAttributes_AreRead()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>(
            "<Conference participantLabel=\"customer\" coach=\"CA0123456789abcdef0123456789abcdef\" jitterBufferSize=\"small\">Room 42</Conference>");

        conference.Should().BeEquivalentTo(new
        {
            ParticipantLabel = "customer",
            Coach = "CA0123456789abcdef0123456789abcdef",
            JitterBufferSize = ConferenceJitterBuffer.Small,
        });
    }

    [Test]
    public void Conference_WithoutParticipantAttributes_HasTwilioDefaults()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>("<Conference>r</Conference>");

        conference.Should().BeEquivalentTo(new { ParticipantLabel = (string?)null, Coach = (string?)null, JitterBufferSize = ConferenceJitterBuffer.Large });
    }

    [TestCase("large", nameof(ConferenceJitterBuffer.Large))]
    [TestCase("medium", nameof(ConferenceJitterBuffer.Medium))]
    [TestCase("small", nameof(ConferenceJitterBuffer.Small))]
    [TestCase("off", nameof(ConferenceJitterBuffer.Off))]
    public void Conference_JitterBufferSizeValues_AreRead(string value, string expected)
    {
        RcmlTestDocuments.CleanNoun<ConferenceNoun>($"<Conference jitterBufferSize=\"{value}\">r</Conference>")
            .JitterBufferSize.Should().Be(Enum.Parse<ConferenceJitterBuffer>(expected));
    }

    [Test]
    public void Conference_EmptyLabelAndCoach_MeanNone()
    {
        var conference = RcmlTestDocuments.CleanNoun<ConferenceNoun>("<Conference participantLabel=\"\" coach=\"\">r</Conference>");

        conference.ParticipantLabel.Should().BeNull();
        conference.Coach.Should().BeNull();
    }

    [Test]
    public void Conference_RestcommNameAndText_TheTextNamesTheRoomAndNameIsReportedIgnored()
    {
        const string Verbs = "<Dial><Conference name=\"lobby\">Room 42</Conference></Dial>";

        var result = RcmlTestDocuments.Verbs(Verbs);

        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Should().BeEquivalentTo(new
        {
            Code = RcmlDiagnosticCodes.IneffectiveAttribute,
            IsError = false,
            Column = RcmlTestDocuments.FirstVerbColumn + Verbs.IndexOf("name=", StringComparison.Ordinal),
        });
        warning.Message.Should().Contain("name=\"lobby\" is ignored").And.Contain("Room 42");
        result.Document!.Verbs[0].Should().BeOfType<DialVerb>().Which.Nouns.Single().Should().BeOfType<ConferenceNoun>().Which.Name.Should().Be("Room 42");
    }

    [Test]
    public void Queue_AllAttributes_AreRead()
    {
        var queue = RcmlTestDocuments.CleanNoun<QueueNoun>("<Queue url=\"about-to-connect.xml\" method=\"GET\">support</Queue>");

        queue.Should().BeEquivalentTo(new { Name = "support", Url = new Uri("about-to-connect.xml", UriKind.Relative), Method = RcmlHttpMethod.Get });
    }

    [Test]
    public void Nouns_KeepTheirOrderAndPositions()
    {
        var dial = RcmlTestDocuments.Clean<DialVerb>("<Dial><Number>1</Number><Client>a</Client><Sip>sip:x@y</Sip></Dial>");

        dial.Nouns.Select(n => (n.ElementName, n.Span.Column)).Should().Equal(("Number", 17), ("Client", 35), ("Sip", 53));
    }
}
