using System.Text.Json.Serialization;

namespace RcmlEngine.Rcml.Ast;

/// <summary>What a verb acts on when it is an element: the targets of <c>&lt;Dial&gt;</c> and <c>&lt;Refer&gt;</c>, what
/// <c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c> and <c>&lt;Connect&gt;</c> act on.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "noun")]
[JsonDerivedType(typeof(NumberNoun), "Number")]
[JsonDerivedType(typeof(SipNoun), "Sip")]
[JsonDerivedType(typeof(ClientNoun), "Client")]
[JsonDerivedType(typeof(ConferenceNoun), "Conference")]
[JsonDerivedType(typeof(QueueNoun), "Queue")]
[JsonDerivedType(typeof(VideoNoun), "Video")]
[JsonDerivedType(typeof(StreamNoun), "Stream")]
[JsonDerivedType(typeof(TranscriptionNoun), "Transcription")]
[JsonDerivedType(typeof(StartRecordingNoun), "Recording")]
[JsonDerivedType(typeof(ForeignNoun), "Foreign")]
internal abstract record RcmlNoun : RcmlNode;
