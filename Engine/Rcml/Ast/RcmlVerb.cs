using System.Text.Json.Serialization;

namespace RcmlEngine.Rcml.Ast;

/// <summary>An instruction the engine carries out on a call: a child of <c>&lt;Response&gt;</c> (or of <c>&lt;Gather&gt;</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "verb")]
[JsonDerivedType(typeof(SayVerb), "Say")]
[JsonDerivedType(typeof(PlayVerb), "Play")]
[JsonDerivedType(typeof(PauseVerb), "Pause")]
[JsonDerivedType(typeof(GatherVerb), "Gather")]
[JsonDerivedType(typeof(RecordVerb), "Record")]
[JsonDerivedType(typeof(DialVerb), "Dial")]
[JsonDerivedType(typeof(RedirectVerb), "Redirect")]
[JsonDerivedType(typeof(HangupVerb), "Hangup")]
[JsonDerivedType(typeof(RejectVerb), "Reject")]
[JsonDerivedType(typeof(EnqueueVerb), "Enqueue")]
[JsonDerivedType(typeof(LeaveVerb), "Leave")]
[JsonDerivedType(typeof(ReferVerb), "Refer")]
[JsonDerivedType(typeof(StartVerb), "Start")]
[JsonDerivedType(typeof(StopVerb), "Stop")]
[JsonDerivedType(typeof(ConnectVerb), "Connect")]
internal abstract record RcmlVerb : RcmlNode;
