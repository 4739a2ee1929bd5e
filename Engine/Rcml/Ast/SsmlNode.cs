using System.Text.Json.Serialization;

namespace RcmlEngine.Rcml.Ast;

/// <summary>A piece of the SSML inside <c>&lt;Say&gt;</c>: text or an element such as <c>&lt;break&gt;</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SsmlText), "text")]
[JsonDerivedType(typeof(SsmlElement), "element")]
internal abstract record SsmlNode;
