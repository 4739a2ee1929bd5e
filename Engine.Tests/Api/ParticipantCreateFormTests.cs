using System.Xml.Linq;
using RcmlEngine.Api;
using RcmlEngine.Api.Conferences;
using RcmlEngine.Conferences;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Tests.Api;

/// <summary>The document a participant's call runs: valid RCML the engine's reader accepts, carrying the participant's parameters.</summary>
[TestFixture]
public sealed class ParticipantCreateFormTests
{
    private static readonly ApiAccount Account = new(new CallAccount { AccountSid = "AC0123456789abcdef0123456789abcdef", AuthToken = "t" }, false);

    [Test]
    public void Read_AllConferenceParameters_DocumentJoinsTheRoomWithThem()
    {
        var form = ApiForm.Parse("From=%2B15550001111&To=sip%3Aagent%40127.0.0.1%3A5070%3Btransport%3Dtcp&Label=a%26b%3Cc%22&Muted=true&Beep=onExit"
            + "&StartConferenceOnEnter=false&EndConferenceOnExit=true&WaitUrl=http%3A%2F%2Fapp%2Fwait%3Fa%3D1%26b%3D2&WaitMethod=GET&TimeLimit=90"
            + "&ConferenceStatusCallback=http%3A%2F%2Fapp%2Fconf&ConferenceStatusCallbackEvent=start%20join&ConferenceStatusCallbackEvent=leave"
            + "&ConferenceRecord=true&ConferenceTrim=do-not-trim&Coaching=true&CallSidToCoach=CA0123456789abcdef0123456789abcdef"
            + "&JitterBufferSize=small&MaxParticipants=5&StatusCallback=http%3A%2F%2Fapp%2Fcall&StatusCallbackEvent=ringing");
        var reader = new ApiFormReader(form);

        var read = ParticipantCreateForm.Read(reader, Account, "Room <1> & \"friends\"", new Uri("http://127.0.0.1:8080/"));

        reader.Error.Should().BeNull();
        var (request, settings) = read!.Value;
        request.To.Should().Be("sip:agent@127.0.0.1:5070;transport=tcp");
        request.Application.StatusCallback.Should().Be(new Uri("http://app/call"));
        settings.Should().BeEquivalentTo(new ParticipantSettings
        {
            Label = "a&b<c\"",
            Muted = true,
            Beep = ConferenceBeepWhen.OnExit,
            StartConferenceOnEnter = false,
            EndConferenceOnExit = true,
            CallSidToCoach = "CA0123456789abcdef0123456789abcdef",
            JitterSamples = 320,
            MaxParticipants = 5,
            Callbacks = new ConferenceCallbackTarget(new Uri("http://app/conf"), WebhookMethod.Post,
                ConferenceEventFilter.Start | ConferenceEventFilter.Join | ConferenceEventFilter.Leave, "t"),
        });

        var reading = new RcmlParserDocumentReader().Read(System.Text.Encoding.UTF8.GetBytes(request.Application.VoiceTwiml!));
        reading.IsRunnable.Should().BeTrue(request.Application.VoiceTwiml);
        var dial = reading.Document!.Verbs.Should().ContainSingle().Which.Should().BeOfType<DialVerb>().Subject;
        dial.TimeLimit.Should().Be(TimeSpan.FromSeconds(90));
        var conference = dial.Nouns.Should().ContainSingle().Which.Should().BeOfType<ConferenceNoun>().Subject;
        conference.Name.Should().Be("Room <1> & \"friends\"");
        conference.Muted.Should().BeTrue();
        conference.Beep.Should().Be(ConferenceBeep.OnExit);
        conference.StartConferenceOnEnter.Should().BeFalse();
        conference.EndConferenceOnExit.Should().BeTrue();
        conference.WaitUrl.Should().Be(new Uri("http://app/wait?a=1&b=2"));
        conference.WaitMethod.Should().Be(RcmlHttpMethod.Get);
        conference.StatusCallback.Should().Be(new Uri("http://app/conf"));
        conference.StatusCallbackEvent.Should().Be(ConferenceEvents.Start | ConferenceEvents.Join | ConferenceEvents.Leave);
        conference.Record.Should().Be(ConferenceRecording.RecordFromStart);
        conference.Trim.Should().Be(RecordingTrim.DoNotTrim);
        conference.MaxParticipants.Should().Be(5);

        // Read from the XML itself: the parser reads these three on the conference branch.
        var element = XDocument.Parse(request.Application.VoiceTwiml!).Descendants("Conference").Single();
        ((string?)element.Attribute("participantLabel")).Should().Be("a&b<c\"");
        ((string?)element.Attribute("coach")).Should().Be("CA0123456789abcdef0123456789abcdef");
        ((string?)element.Attribute("jitterBufferSize")).Should().Be("small");
    }
}
