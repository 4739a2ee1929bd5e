using System.Text.Json.Serialization;

namespace RcmlEngine.Rcml.Ast;

/// <summary>What a verb acts on when it is an element: the targets of <c>&lt;Dial&gt;</c> and <c>&lt;Refer&gt;</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "noun")]
[JsonDerivedType(typeof(NumberNoun), "Number")]
[JsonDerivedType(typeof(SipNoun), "Sip")]
[JsonDerivedType(typeof(ClientNoun), "Client")]
[JsonDerivedType(typeof(ConferenceNoun), "Conference")]
[JsonDerivedType(typeof(QueueNoun), "Queue")]
[JsonDerivedType(typeof(VideoNoun), "Video")]
internal abstract record RcmlNoun : RcmlNode;
