using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Tests.Support;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;
using ConferenceRecording = Twilio.Rest.Api.V2010.Account.Conference.RecordingResource;
using ReadConferenceRecordingOptions = Twilio.Rest.Api.V2010.Account.Conference.ReadRecordingOptions;

namespace RcmlEngine.Tests.Api;

/// <summary>
/// The Conferences and Participants resources on a running engine: rooms made through the engine's own
/// <see cref="ConferenceRegistry"/> (participants joined without media) are read and changed with Twilio's
/// C# helper library; a participant added through the API calls a SIPp UAS that rings; the refusals are
/// checked with plain HTTP. What the participants hear is the conference layer's tests' business.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConferenceApiTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "conference-test-token";
    private ApiTestEngine _api = null!;
    private TwilioRestClient _client = null!;
    private ConferenceRegistry _registry = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiTestEngine.StartAsync(AccountSid, AuthToken);
        _client = _api.Client;
        _registry = _api.Engine.Services.GetRequiredService<ConferenceRegistry>();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Recordings_OfAConference_ListedUnderItAndFilteredByConferenceSid(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "recorded-" + Guid.NewGuid().ToString("N"));
        var catalog = _api.Engine.Services.GetRequiredService<IRecordingCatalog>();
        var stored = new StoredRecording("RE" + Guid.NewGuid().ToString("N"), AccountSid, "CA" + Guid.NewGuid().ToString("N"), "/nonexistent.wav", new Uri("http://127.0.0.1/r.wav"));
        var now = DateTimeOffset.UtcNow;
        await catalog.SaveAsync(RecordingRecord.Completed(stored, RecordingSources.Conference, 1, now, 3, now) with { ConferenceSid = room.Sid }, cancellationToken);
        var other = stored with { RecordingSid = "RE" + Guid.NewGuid().ToString("N") };
        await catalog.SaveAsync(RecordingRecord.Completed(other, RecordingSources.DialVerb, 1, now, 3, now), cancellationToken);

        var listed = await ConferenceRecording.ReadAsync(new ReadConferenceRecordingOptions(room.Sid), _client);
        var filtered = await Twilio.Rest.Api.V2010.Account.RecordingResource.ReadAsync(
            new Twilio.Rest.Api.V2010.Account.ReadRecordingOptions { ConferenceSid = room.Sid }, _client);
        var fetched = await ConferenceRecording.FetchAsync(room.Sid, stored.RecordingSid, client: _client);

        listed.Select(r => r.Sid).Should().Equal(stored.RecordingSid);
        filtered.Select(r => r.Sid).Should().Equal(stored.RecordingSid);
        fetched.ConferenceSid.Should().Be(room.Sid);
        fetched.Source.Should().Be(ConferenceRecording.SourceEnum.Conference);
        using var missing = await _api.SendAsync(HttpMethod.Get, $"/Conferences/{room.Sid}/Recordings/{other.RecordingSid}.json", null, cancellationToken);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound, "that recording is not the conference's");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task ListAndFetch_RoomOfTheRegistry_TwilioShape(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "list-" + Guid.NewGuid().ToString("N"));

        var listed = await ConferenceResource.ReadAsync(new ReadConferenceOptions { FriendlyName = room.FriendlyName }, _client);
        var fetched = await ConferenceResource.FetchAsync(room.Sid, client: _client);

        listed.Select(c => c.Sid).Should().Equal(room.Sid);
        fetched.FriendlyName.Should().Be(room.FriendlyName);
        fetched.Status.Should().Be(ConferenceResource.StatusEnum.Init);
        fetched.AccountSid.Should().Be(AccountSid);
        fetched.Region.Should().Be("us1");
        fetched.SubresourceUris["participants"].Should().Be($"/2010-04-01/Accounts/{AccountSid}/Conferences/{room.Sid}/Participants.json");
        var json = await JsonOfAsync(HttpMethod.Get, $"/Conferences/{room.Sid}.json", null, cancellationToken);
        json.GetProperty("date_created").GetString().Should().EndWith("+0000");
        json.GetProperty("api_version").GetString().Should().Be("2010-04-01");
        json.GetProperty("reason_conference_ended").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("call_sid_ending_conference").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task UpdateConference_StatusCompleted_EndedViaApiAndListedAsCompleted(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "end-" + Guid.NewGuid().ToString("N"));
        room.Join(NewCallSid(), new ParticipantSettings());

        var ended = await ConferenceResource.UpdateAsync(new UpdateConferenceOptions(room.Sid) { Status = ConferenceResource.UpdateStatusEnum.Completed }, _client);

        ended.Status.Should().Be(ConferenceResource.StatusEnum.Completed);
        ended.ReasonConferenceEnded.Should().Be(ConferenceResource.ReasonConferenceEndedEnum.ConferenceEndedViaApi);
        room.Participants.Should().BeEmpty("everyone left the room");
        await WaitUntilAsync(() => _registry.FindActive(AccountSid, room.FriendlyName) is null, cancellationToken);
        var completed = await ConferenceResource.ReadAsync(new ReadConferenceOptions { Status = ConferenceResource.StatusEnum.Completed }, _client);
        completed.Select(c => c.Sid).Should().Contain(room.Sid);
        var started = await ConferenceResource.ReadAsync(new ReadConferenceOptions { Status = ConferenceResource.StatusEnum.Init }, _client);
        started.Select(c => c.Sid).Should().NotContain(room.Sid);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task UpdateParticipant_MutedAndHold_JsonAndFiltersReflectIt(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "mute-" + Guid.NewGuid().ToString("N"));
        var callSid = NewCallSid();
        room.Join(callSid, new ParticipantSettings { Label = "customer", StartConferenceOnEnter = false });
        room.Join(NewCallSid(), new ParticipantSettings { StartConferenceOnEnter = false });

        var updated = await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room.Sid, "customer") { Muted = true, Hold = true }, _client);

        updated.CallSid.Should().Be(callSid);
        updated.Muted.Should().BeTrue();
        updated.Hold.Should().BeTrue();
        updated.Status.Should().Be(ParticipantResource.StatusEnum.Connected);
        updated.Label.Should().Be("customer");
        (await ParticipantResource.FetchAsync(room.Sid, callSid, client: _client)).Muted.Should().BeTrue();
        var muted = await ParticipantResource.ReadAsync(new ReadParticipantOptions(room.Sid) { Muted = true }, _client);
        muted.Select(p => p.CallSid).Should().Equal(callSid);
        (await ParticipantResource.ReadAsync(room.Sid, client: _client)).Should().HaveCount(2);
        room.Find(callSid)!.Mix.Muted.Should().BeTrue("the room's mix no longer hears it");
        var json = await JsonOfAsync(HttpMethod.Get, $"/Conferences/{room.Sid}/Participants/{callSid}.json", null, cancellationToken);
        json.GetProperty("conference_sid").GetString().Should().Be(room.Sid);
        json.GetProperty("queue_time").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("uri").GetString().Should().Be($"/2010-04-01/Accounts/{AccountSid}/Conferences/{room.Sid}/Participants/{callSid}.json");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task DeleteParticipant_Connected_204Then404AndTheRoomGoesOn(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "kick-" + Guid.NewGuid().ToString("N"));
        var kicked = NewCallSid();
        room.Join(kicked, new ParticipantSettings { StartConferenceOnEnter = false });
        room.Join(NewCallSid(), new ParticipantSettings { StartConferenceOnEnter = false });
        room.Join(NewCallSid(), new ParticipantSettings { StartConferenceOnEnter = false });

        using var deleted = await _api.SendAsync(HttpMethod.Delete, $"/Conferences/{room.Sid}/Participants/{kicked}.json", null, cancellationToken);
        using var again = await _api.SendAsync(HttpMethod.Get, $"/Conferences/{room.Sid}/Participants/{kicked}.json", null, cancellationToken);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        room.Participants.Should().HaveCount(2);
        room.Status.Should().NotBe(ConferenceStatus.Completed);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task CreateParticipant_SipUasRings_201QueuedListedThenKickedCancelsTheCall(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        await using var callee = SippRunner.StartUas("uas_ring_until_cancel.xml");
        var name = "dial-" + Guid.NewGuid().ToString("N");

        var created = await ParticipantResource.CreateAsync(
            new CreateParticipantOptions(name, new PhoneNumber("+15550001111"), new PhoneNumber($"sip:agent@127.0.0.1:{callee.Port}"))
            {
                Label = "agent",
                Muted = true,
                Beep = "onEnter",
                EndConferenceOnExit = true,
            }, _client);

        created.CallSid.Should().MatchRegex("^CA[0-9a-f]{32}$");
        created.Status.Should().Be(ParticipantResource.StatusEnum.Queued);
        created.Label.Should().Be("agent");
        created.Muted.Should().BeTrue();
        created.EndConferenceOnExit.Should().BeTrue();
        var room = _registry.FindActive(AccountSid, name);
        room.Should().NotBeNull("the friendly name created the room");
        created.ConferenceSid.Should().Be(room!.Sid);
        await WaitUntilAsync(() => room.Find("agent")?.Status == ParticipantStatus.Ringing, cancellationToken);
        (await ParticipantResource.FetchAsync(room.Sid, "agent", client: _client)).Status.Should().Be(ParticipantResource.StatusEnum.Ringing);

        (await ParticipantResource.DeleteAsync(room.Sid, "agent", client: _client)).Should().BeTrue();

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the ringing UAS got CANCEL: " + callee.Describe() + _api.Engine.Log);
        using var gone = await _api.SendAsync(HttpMethod.Get, $"/Conferences/{room.Sid}/Participants/{created.CallSid}.json", null, cancellationToken);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task CreateParticipant_LabelTaken_400With16026AndNoCall(CancellationToken cancellationToken)
    {
        var room = _registry.GetOrCreate(AccountSid, "label-" + Guid.NewGuid().ToString("N"));
        room.Join(NewCallSid(), new ParticipantSettings { Label = "agent" });

        using var response = await _api.SendAsync(HttpMethod.Post, $"/Conferences/{room.Sid}/Participants.json",
            "From=%2B15550001111&To=sip%3Aagent%40127.0.0.1%3A9&Label=agent", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ApiTestEngine.ErrorOf(response, cancellationToken);
        error.GetProperty("code").GetInt32().Should().Be(16026);
        error.GetProperty("message").GetString().Should().Contain("agent");
        room.Participants.Should().HaveCount(1);
    }

    [TestCase("From=%2B1555", 21201, "To")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Beep=sometimes", 20001, "Beep")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Label=CA0123456789abcdef0123456789abcdef", 16024, "Label")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Label=a%2Fb", 16024, "Label")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&Coaching=true", 20001, "CallSidToCoach")]
    [TestCase("To=sip%3Aa%40127.0.0.1&From=%2B1555&ConferenceStatusCallbackEvent=begin", 20001, "ConferenceStatusCallbackEvent")]
    [TestCase("To=not+a+number&From=%2B1555", 21211, "To")]
    [CancelAfter(20_000)]
    public async Task CreateParticipant_BadParameter_400NamingIt(string form, int code, string named, CancellationToken cancellationToken)
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/Conferences/bad-params/Participants.json", form, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ApiTestEngine.ErrorOf(response, cancellationToken);
        error.GetProperty("code").GetInt32().Should().Be(code);
        error.GetProperty("message").GetString().Should().Contain(named);
        _registry.FindActive(AccountSid, "bad-params").Should().BeNull("a refused request creates no room");
    }

    [TestCase("GET", "/Conferences/CF0123456789abcdef0123456789abcdef.json")]
    [TestCase("POST", "/Conferences/CF0123456789abcdef0123456789abcdef.json")]
    [TestCase("GET", "/Conferences/CF0123456789abcdef0123456789abcdef/Participants.json")]
    [TestCase("POST", "/Conferences/CF0123456789abcdef0123456789abcdef/Participants.json")]
    [TestCase("DELETE", "/Conferences/CF0123456789abcdef0123456789abcdef/Participants/CA0123456789abcdef0123456789abcdef.json")]
    [CancelAfter(20_000)]
    public async Task UnknownConferenceSid_404With20404(string method, string path, CancellationToken cancellationToken)
    {
        var form = method == "POST" ? "From=%2B15550001111&To=sip%3Aa%40127.0.0.1%3A9" : null;

        using var response = await _api.SendAsync(new HttpMethod(method), path, form, cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiTestEngine.ErrorOf(response, cancellationToken)).GetProperty("code").GetInt32().Should().Be(20404);
    }

    [TestCase("/Conferences.json")]
    [TestCase("/Conferences/CF0123456789abcdef0123456789abcdef/Participants.json")]
    [CancelAfter(20_000)]
    public async Task Conferences_NoCredentials_401With20003(string path, CancellationToken cancellationToken)
    {
        using var response = await _api.Http.GetAsync($"/2010-04-01/Accounts/{AccountSid}{path}", cancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic realm=");
        (await ApiTestEngine.ErrorOf(response, cancellationToken)).GetProperty("code").GetInt32().Should().Be(20003);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task ListConferences_PageSizeOne_PagesFollowEachOther(CancellationToken cancellationToken)
    {
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..8];
        _registry.GetOrCreate(AccountSid, prefix + "-a");
        _registry.GetOrCreate(AccountSid, prefix + "-b");

        var first = await JsonOfAsync(HttpMethod.Get, "/Conferences.json?PageSize=1", null, cancellationToken);
        var next = first.GetProperty("next_page_uri").GetString();

        first.GetProperty("conferences").GetArrayLength().Should().Be(1);
        next.Should().Contain("Page=1");
        var second = await JsonOfAsync(HttpMethod.Get, next!.Replace($"/2010-04-01/Accounts/{AccountSid}", string.Empty, StringComparison.Ordinal), null, cancellationToken);
        second.GetProperty("conferences")[0].GetProperty("sid").GetString()
            .Should().NotBe(first.GetProperty("conferences")[0].GetProperty("sid").GetString());
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task OpenApiDocument_NamesTheConferencePaths(CancellationToken cancellationToken)
    {
        var json = await _api.Http.GetStringAsync("/openapi/v1.json", cancellationToken);

        json.Should().Contain("/2010-04-01/Accounts/{AccountSid}/Conferences.json")
            .And.Contain("/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json");
    }

    private static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private async Task<JsonElement> JsonOfAsync(HttpMethod method, string path, string? form, CancellationToken cancellationToken)
    {
        using var response = await _api.SendAsync(method, path, form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonDocument.Parse(text).RootElement;
    }
}
