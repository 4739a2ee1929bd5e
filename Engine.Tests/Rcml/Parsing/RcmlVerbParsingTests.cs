using RcmlEngine.Rcml.Ast;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml.Parsing;

/// <summary>Every verb: Twilio's defaults when attributes are absent, and every attribute read into its type.</summary>
[TestFixture]
public sealed class RcmlVerbParsingTests
{
    [Test]
    public void Verbs_WithoutAttributes_HaveTwilioDefaults()
    {
        var say = RcmlTestDocuments.Clean<SayVerb>("<Say>Hi</Say>");
        say.Should().BeEquivalentTo(new { Voice = "man", Language = "en", Loop = 1, Text = "Hi", Ssml = Array.Empty<SsmlNode>() });

        RcmlTestDocuments.Clean<PlayVerb>("<Play>a.wav</Play>").Should().BeEquivalentTo(new { Loop = 1, Digits = (string?)null });
        RcmlTestDocuments.Clean<PauseVerb>("<Pause/>").Length.Should().Be(TimeSpan.FromSeconds(1));
        RcmlTestDocuments.Clean<GatherVerb>("<Gather/>").Should().BeEquivalentTo(new GatherVerb(), o => o.Excluding(v => v.Span));
        RcmlTestDocuments.Clean<RecordVerb>("<Record/>").Should().BeEquivalentTo(new RecordVerb(), o => o.Excluding(v => v.Span));
        RcmlTestDocuments.Clean<DialVerb>("<Dial>+15551234567</Dial>").Should().BeEquivalentTo(
            new DialVerb { Number = "+15551234567" }, o => o.Excluding(v => v.Span));
        RcmlTestDocuments.Clean<RedirectVerb>("<Redirect>next.xml</Redirect>").Method.Should().Be(RcmlHttpMethod.Post);
        RcmlTestDocuments.Clean<RejectVerb>("<Reject/>").Reason.Should().Be(RejectReason.Rejected);
        RcmlTestDocuments.Clean<EnqueueVerb>("<Enqueue>support</Enqueue>").Should().BeEquivalentTo(
            new EnqueueVerb { QueueName = "support" }, o => o.Excluding(v => v.Span));
    }

    [Test]
    public void Defaults_AreTheDocumentedTwilioValues()
    {
        var gather = new GatherVerb();
        (gather.Timeout, gather.FinishOnKey, gather.NumDigits, gather.Input, gather.Method, gather.Language, gather.ProfanityFilter, gather.ActionOnEmptyResult)
            .Should().Be((TimeSpan.FromSeconds(5), "#", (int?)null, GatherInput.Dtmf, RcmlHttpMethod.Post, "en-US", true, false));
        var record = new RecordVerb();
        (record.Timeout, record.MaxLength, record.FinishOnKey, record.PlayBeep, record.Trim, record.Transcribe, record.RecordingStatusCallbackEvent)
            .Should().Be((TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), "1234567890*#", true, RecordingTrim.TrimSilence, false, RecordingEvents.Completed));
        var dial = new DialVerb();
        (dial.Timeout, dial.TimeLimit, dial.HangupOnStar, dial.Record, dial.Trim, dial.AnswerOnBridge, dial.RingTone)
            .Should().Be((TimeSpan.FromSeconds(30), TimeSpan.FromHours(4), false, DialRecording.DoNotRecord, RecordingTrim.DoNotTrim, false, (string?)null));
        var conference = new ConferenceNoun();
        (conference.Muted, conference.Beep, conference.StartConferenceOnEnter, conference.EndConferenceOnExit, conference.MaxParticipants, conference.WaitMethod)
            .Should().Be((false, ConferenceBeep.Always, true, false, 250, RcmlHttpMethod.Post));
        new NumberNoun().StatusCallbackEvent.Should().Be(CallProgressEvents.Completed);
    }

    [Test]
    public void Say_AllAttributes_AreRead()
    {
        var say = RcmlTestDocuments.Clean<SayVerb>("<Say voice=\"Polly.Joanna-Neural\" language=\"fr-CA\" loop=\"0\">\n  Bonjour,\n\t le  monde \n</Say>");

        say.Should().BeEquivalentTo(new { Voice = "Polly.Joanna-Neural", Language = "fr-CA", Loop = 0, Text = "Bonjour, le monde" });
    }

    [Test]
    public void Say_SsmlMarkup_IsKeptAndItsTextSpoken()
    {
        var say = RcmlTestDocuments.Clean<SayVerb>(
            "<Say>Hello<break time=\"1s\"/>world, <emphasis level=\"strong\">now</emphasis>. <lang xml:lang=\"fr-FR\">Merci</lang> <amazon:effect name=\"whispered\">psst</amazon:effect></Say>");

        say.Text.Should().Be("Hello world, now. Merci psst");
        say.Ssml.Should().HaveCount(8);
        var brk = say.Ssml[1].Should().BeOfType<SsmlElement>().Subject;
        brk.Name.Should().Be("break");
        brk.Attributes.Should().ContainSingle().Which.Should().Be(new RcmlAttribute("time", "1s", new SourceSpan(1, 28)));
        brk.Span.Should().Be(new SourceSpan(1, 21));
        say.Ssml.OfType<SsmlElement>().Select(e => e.Name).Should().Equal("break", "emphasis", "lang", "amazon:effect");
        say.Ssml.OfType<SsmlElement>().Single(e => e.Name == "lang").Attributes.Single().Name.Should().Be("xml:lang");
    }

    [Test]
    public void Play_AllAttributes_AreRead()
    {
        var play = RcmlTestDocuments.Clean<PlayVerb>("<Play loop=\"3\">https://cdn.example.com/hold.mp3</Play>");
        var tones = RcmlTestDocuments.Clean<PlayVerb>("<Play digits=\"ww1234#\"/>");

        play.Should().BeEquivalentTo(new { Loop = 3, Url = new Uri("https://cdn.example.com/hold.mp3") });
        tones.Should().BeEquivalentTo(new { Digits = "ww1234#", Url = (Uri?)null });
    }

    [TestCase("/audio/a.wav")]
    [TestCase("audio/a.wav")]
    [TestCase("../a.wav?x=1")]
    [TestCase("www.twilio.com")]
    public void Play_RelativeUrl_StaysRelative(string url)
    {
        var play = RcmlTestDocuments.Clean<PlayVerb>($"<Play>{url}</Play>");

        play.Url!.IsAbsoluteUri.Should().BeFalse();
        play.Url.OriginalString.Should().Be(url);
    }

    [Test]
    public void Pause_Length_IsReadInSeconds()
    {
        RcmlTestDocuments.Clean<PauseVerb>("<Pause length=\"12\"/>").Length.Should().Be(TimeSpan.FromSeconds(12));
    }

    [Test]
    public void Gather_AllAttributes_AreRead()
    {
        var gather = RcmlTestDocuments.Clean<GatherVerb>(
            "<Gather action=\"/menu\" method=\"GET\" timeout=\"9\" finishOnKey=\"*\" numDigits=\"4\" input=\"speech dtmf\" actionOnEmptyResult=\"true\""
            + " partialResultCallback=\"https://x.example/partial\" partialResultCallbackMethod=\"GET\" speechTimeout=\"3\" hints=\"yes, no\""
            + " language=\"es-MX\" profanityFilter=\"false\"><Say>A</Say><Play>b.wav</Play><Pause/></Gather>");

        gather.Should().BeEquivalentTo(new
        {
            Action = new Uri("/menu", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            Timeout = TimeSpan.FromSeconds(9),
            FinishOnKey = "*",
            NumDigits = 4,
            Input = GatherInput.Dtmf | GatherInput.Speech,
            ActionOnEmptyResult = true,
            PartialResultCallback = new Uri("https://x.example/partial"),
            PartialResultCallbackMethod = RcmlHttpMethod.Get,
            SpeechTimeout = new SpeechTimeout(TimeSpan.FromSeconds(3)),
            Hints = "yes, no",
            Language = "es-MX",
            ProfanityFilter = false,
        });
        gather.Children.Select(c => c.ElementName).Should().Equal("Say", "Play", "Pause");
    }

    [Test]
    public void Gather_SpeechTimeoutAuto_IsAuto()
    {
        RcmlTestDocuments.Clean<GatherVerb>("<Gather input=\"speech\" speechTimeout=\"auto\"/>").SpeechTimeout!.Value.IsAuto.Should().BeTrue();
    }

    [Test]
    public void Gather_EmptyFinishOnKey_MeansNoKey()
    {
        RcmlTestDocuments.Clean<GatherVerb>("<Gather finishOnKey=\"\"/>").FinishOnKey.Should().BeEmpty();
    }

    [Test]
    public void Record_AllAttributes_AreRead()
    {
        var record = RcmlTestDocuments.Clean<RecordVerb>(
            "<Record action=\"saved\" method=\"GET\" timeout=\"0\" finishOnKey=\"*#\" maxLength=\"60\" playBeep=\"false\" trim=\"do-not-trim\""
            + " recordingStatusCallback=\"rec\" recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"in-progress,completed absent\""
            + " transcribe=\"true\" transcribeCallback=\"tr\"/>");

        record.Should().BeEquivalentTo(new
        {
            Action = new Uri("saved", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            Timeout = TimeSpan.Zero,
            FinishOnKey = "*#",
            MaxLength = TimeSpan.FromSeconds(60),
            PlayBeep = false,
            Trim = RecordingTrim.DoNotTrim,
            RecordingStatusCallback = new Uri("rec", UriKind.Relative),
            RecordingStatusCallbackMethod = RcmlHttpMethod.Get,
            RecordingStatusCallbackEvent = RecordingEvents.InProgress | RecordingEvents.Completed | RecordingEvents.Absent,
            Transcribe = true,
            TranscribeCallback = new Uri("tr", UriKind.Relative),
        });
    }

    [Test]
    public void Dial_AllAttributes_AreRead()
    {
        var dial = RcmlTestDocuments.Clean<DialVerb>(
            "<Dial action=\"done\" method=\"GET\" timeout=\"15\" timeLimit=\"600\" callerId=\"+15550001111\" hangupOnStar=\"true\" record=\"record-from-ringing-dual\""
            + " trim=\"trim-silence\" recordingStatusCallback=\"rec\" recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"completed\""
            + " answerOnBridge=\"true\" ringTone=\"de\">  415-123-4567  </Dial>");

        dial.Should().BeEquivalentTo(new
        {
            Number = "415-123-4567",
            Action = new Uri("done", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            Timeout = TimeSpan.FromSeconds(15),
            TimeLimit = TimeSpan.FromMinutes(10),
            CallerId = "+15550001111",
            HangupOnStar = true,
            Record = DialRecording.RecordFromRingingDual,
            Trim = RecordingTrim.TrimSilence,
            RecordingStatusCallbackMethod = RcmlHttpMethod.Get,
            RecordingStatusCallbackEvent = RecordingEvents.Completed,
            AnswerOnBridge = true,
            RingTone = "de",
        });
    }

    [TestCase("true", nameof(DialRecording.RecordFromAnswer))]
    [TestCase("false", nameof(DialRecording.DoNotRecord))]
    [TestCase("record-from-answer", nameof(DialRecording.RecordFromAnswer))]
    [TestCase("record-from-answer-dual", nameof(DialRecording.RecordFromAnswerDual))]
    [TestCase("record-from-ringing", nameof(DialRecording.RecordFromRinging))]
    [TestCase("do-not-record", nameof(DialRecording.DoNotRecord))]
    public void Dial_RecordValues_IncludingLegacyBooleans_AreRead(string value, string expected)
    {
        RcmlTestDocuments.Clean<DialVerb>($"<Dial record=\"{value}\">1</Dial>").Record.Should().Be(Enum.Parse<DialRecording>(expected));
    }

    [Test]
    public void Redirect_UrlAndMethod_AreRead()
    {
        var redirect = RcmlTestDocuments.Clean<RedirectVerb>("<Redirect method=\"GET\">https://app.example.com/next?step=2&amp;x=y</Redirect>");

        redirect.Should().BeEquivalentTo(new { Method = RcmlHttpMethod.Get, Url = new Uri("https://app.example.com/next?step=2&x=y") });
    }

    [Test]
    public void Reject_Busy_IsRead()
    {
        RcmlTestDocuments.Clean<RejectVerb>("<Reject reason=\"busy\"/>").Reason.Should().Be(RejectReason.Busy);
    }

    [Test]
    public void Enqueue_AllAttributes_AreRead()
    {
        var enqueue = RcmlTestDocuments.Clean<EnqueueVerb>("<Enqueue action=\"left\" method=\"GET\" waitUrl=\"wait.xml\" waitUrlMethod=\"GET\"> billing </Enqueue>");

        enqueue.Should().BeEquivalentTo(new
        {
            QueueName = "billing",
            Action = new Uri("left", UriKind.Relative),
            Method = RcmlHttpMethod.Get,
            WaitUrl = new Uri("wait.xml", UriKind.Relative),
            WaitUrlMethod = RcmlHttpMethod.Get,
        });
    }

    [Test]
    public void HangupAndLeave_AreRead()
    {
        RcmlTestDocuments.Clean<HangupVerb>("<Hangup/>").Span.Should().Be(new SourceSpan(1, RcmlTestDocuments.FirstVerbColumn));
        RcmlTestDocuments.Clean<LeaveVerb>("<Leave></Leave>").ElementName.Should().Be("Leave");
    }

    [Test]
    public void Refer_ActionAndSipTarget_AreRead()
    {
        var refer = RcmlTestDocuments.Clean<ReferVerb>("<Refer action=\"after\" method=\"GET\"><Sip>sip:desk@pbx.example.com</Sip></Refer>");

        refer.Action!.OriginalString.Should().Be("after");
        refer.Method.Should().Be(RcmlHttpMethod.Get);
        refer.Nouns.Should().ContainSingle().Which.Should().BeOfType<SipNoun>().Which.Uri!.User.Should().Be("desk");
    }
}
