namespace RcmlEngine.Rcml.Parsing;

/// <summary>A node of the raw tree the first parsing pass reads from XML: an element or a run of text.</summary>
internal abstract class RawNode;
