using System.Xml;
using System.Xml.Schema;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// <c>schemas/rcml.xsd</c>, embedded in the assembly, loaded and compiled once per process and shared by
/// every parse (a compiled <see cref="XmlSchemaSet"/> is safe to validate with from many threads).
/// </summary>
internal static class RcmlSchema
{
    /// <summary>The manifest name Engine.csproj gives the embedded schema.</summary>
    public const string ResourceName = "RcmlEngine.schemas.rcml.xsd";

    private static readonly Lazy<XmlSchemaSet> Compiled = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> AttributesByElement =
        new(() => CollectAttributes(Set), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled schema set.</summary>
    public static XmlSchemaSet Set => Compiled.Value;

    /// <summary>
    /// The attribute names the schema declares for each element name (merged over the places the element
    /// appears); used to suggest the intended name of a misspelt attribute.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Attributes => AttributesByElement.Value;

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(RcmlSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing: Engine.csproj embeds schemas/rcml.xsd");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }

    private static Dictionary<string, string[]> CollectAttributes(XmlSchemaSet set)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var visited = new HashSet<XmlSchemaType>();
        foreach (XmlSchemaElement element in set.GlobalElements.Values)
        {
            Visit(element, found, visited);
        }

        return found.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static void Visit(XmlSchemaElement element, Dictionary<string, HashSet<string>> found, HashSet<XmlSchemaType> visited)
    {
        var name = element.QualifiedName.Name;
        if (!found.TryGetValue(name, out var names))
        {
            found[name] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        if (element.ElementSchemaType is not XmlSchemaComplexType type)
        {
            return;
        }

        foreach (XmlSchemaAttribute attribute in type.AttributeUses.Values)
        {
            names.Add(attribute.QualifiedName.Name);
        }

        if (visited.Add(type))
        {
            VisitParticle(type.ContentTypeParticle, found, visited);
        }
    }

    private static void VisitParticle(XmlSchemaParticle? particle, Dictionary<string, HashSet<string>> found, HashSet<XmlSchemaType> visited)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                Visit(element, found, visited);
                break;
            case XmlSchemaGroupBase group:
                foreach (var item in group.Items)
                {
                    VisitParticle(item as XmlSchemaParticle, found, visited);
                }

                break;
        }
    }
}
