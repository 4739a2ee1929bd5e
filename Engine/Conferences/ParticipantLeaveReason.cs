namespace RcmlEngine.Conferences;

/// <summary>Why a participant left (Twilio's <c>ReasonParticipantLeft</c>).</summary>
internal enum ParticipantLeaveReason
{
    /// <summary><c>participant_hung_up</c>: its call ended.</summary>
    HungUp,

    /// <summary><c>participant_left</c>: its document went on (hangupOnStar, timeLimit, a Redirect).</summary>
    Left,

    /// <summary><c>participant_updated_via_api</c>: its call was redirected through the API.</summary>
    UpdatedViaApi,

    /// <summary><c>participant_was_kicked</c>: removed through the API.</summary>
    Kicked,

    /// <summary><c>conference_ended_via_api</c>.</summary>
    ConferenceEndedViaApi,

    /// <summary><c>participant_with_end_conference_on_exit_left</c>.</summary>
    EndConferenceOnExitParticipantLeft,
}
