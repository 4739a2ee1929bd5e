using System.Globalization;
using RcmlEngine.Tests.Support;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// Issue 15's Participants API on the real path, through Twilio's own C# helper library: a SIPp caller opens
/// a room by RCML, the API dials a SIPp UAS that demands digest credentials into it, mutes it, holds it and
/// kicks it, then ends the room; every conference event reaches the status callback, in order, with
/// Twilio's parameters.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConferenceParticipantApiTests
{
    private const string AccountSid = "AC00000000000000000000000000000015";
    private const string AuthToken = "conference-test-token";
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/after", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(90_000)]
    public async Task Participants_DialDigestUasIntoRoom_MuteHoldKick_EndViaApi_EventsInOrder(CancellationToken cancellationToken)
    {
        _app.MapXml("/room", "<Response><Dial action=\"/after\"><Conference statusCallback=\"" + _app.Url("/conference")
            + "\" statusCallbackEvent=\"start end join leave mute hold\">meeting</Conference></Dial></Response>");
        await using var device = SippRunner.StartUas("uas_auth407.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);
        await using var caller = SippRunner.Call(engine.SipPort, "room", "uac_wait_bye.xml");
        var callerJoined = await _app.WaitForRequestAsync("/conference", cancellationToken);
        var conferenceSid = callerJoined["ConferenceSid"];

        var added = await ParticipantResource.CreateAsync(new CreateParticipantOptions("meeting",
            new PhoneNumber("meeting"), new PhoneNumber($"sip:service@127.0.0.1:{device.Port};transport=udp"))
        {
            SipAuthUsername = "trunkuser",
            SipAuthPassword = "trunkpass",
            Label = "room-system",
        }, client);

        added.CallSid.Should().MatchRegex("^CA[0-9a-f]{32}$");
        added.ConferenceSid.Should().Be(conferenceSid, "the room was found by its friendly name");
        added.Label.Should().Be("room-system");
        added.Status.Should().Be(ParticipantResource.StatusEnum.Queued);
        await _app.WaitForRequestsAsync("/conference", 3, cancellationToken);

        var muted = await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(conferenceSid, "room-system") { Muted = true }, client);
        muted.Muted.Should().BeTrue();
        await _app.WaitForRequestsAsync("/conference", 4, cancellationToken);
        var held = await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(conferenceSid, added.CallSid) { Hold = true }, client);
        held.Hold.Should().BeTrue();
        held.Status.Should().Be(ParticipantResource.StatusEnum.Connected);
        await _app.WaitForRequestsAsync("/conference", 5, cancellationToken);
        (await ParticipantResource.DeleteAsync(conferenceSid, added.CallSid, client: client)).Should().BeTrue();
        (await device.WaitAsync(cancellationToken)).Should().Be(0, "the kicked device's call ended with BYE: " + device.Describe() + engine.Log);

        var ended = await ConferenceResource.UpdateAsync(new UpdateConferenceOptions(conferenceSid) { Status = ConferenceResource.UpdateStatusEnum.Completed }, client);
        ended.Sid.Should().Be(conferenceSid);
        (await _app.WaitForRequestAsync("/after", cancellationToken))["DialCallStatus"].Should().Be("answered");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());

        var events = await _app.WaitForRequestsAsync("/conference", 8, cancellationToken);
        events.Select(e => e["StatusCallbackEvent"]).Should().Equal(
            "participant-join", "participant-join", "conference-start", "participant-mute", "participant-hold",
            "participant-leave", "participant-leave", "conference-end");
        events.Select(e => int.Parse(e["SequenceNumber"]!, CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events.Should().AllSatisfy(e =>
        {
            e["ConferenceSid"].Should().Be(conferenceSid);
            e["FriendlyName"].Should().Be("meeting");
            e["AccountSid"].Should().Be(AccountSid);
        });
        events[1]["CallSid"].Should().Be(added.CallSid);
        events[1]["ParticipantLabel"].Should().Be("room-system");
        events[3]["Muted"].Should().Be("true");
        events[4]["Hold"].Should().Be("true");
        events[5]["ReasonParticipantLeft"].Should().Be("participant_was_kicked");
        events[6]["CallSid"].Should().Be(callerJoined["CallSid"]);
        events[6]["ReasonParticipantLeft"].Should().Be("conference_ended_via_api");
        events[7]["ReasonConferenceEnded"].Should().Be("conference-ended-via-api");
        (await ConferenceResource.FetchAsync(conferenceSid, client: client)).Status.Should().Be(ConferenceResource.StatusEnum.Completed);
    }

    private async Task<TestEngine> StartEngineAsync(CancellationToken cancellationToken)
    {
        var settings = TestEngine.App("room", _app.Url("/room"), ("AccountSid", AccountSid));
        settings["Accounts:0:AccountSid"] = AccountSid;
        settings["Accounts:0:AuthToken"] = AuthToken;
        return await TestEngine.StartAsync(settings, cancellationToken);
    }
}
