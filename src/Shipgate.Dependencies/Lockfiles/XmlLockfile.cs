using System.Xml;
using System.Xml.Linq;
using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>Safe XML loading for manifests: no DTDs, no external resolution, a size cap, and line numbers kept.</summary>
internal static class XmlLockfile
{
    private const long MaxCharacters = 64L * 1024 * 1024;

    /// <summary>Manifests are shallow; a deeper document is hostile, and is refused before a tree is built.</summary>
    public const int MaxDepth = 64;

    public static XDocument Load(string content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using (var scout = XmlReader.Create(new StringReader(content), settings))
            {
                while (scout.Read())
                {
                    if (scout.Depth > MaxDepth)
                    {
                        var info = (IXmlLineInfo)scout;
                        throw new InputFormatException($"The XML document is nested more than {MaxDepth} levels deep.", info.LineNumber, info.LinePosition);
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(content), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var message = ex.Message.Split(" Line ")[0].Split(" To enable DTD processing")[0].TrimEnd('.', ' ');
            throw new InputFormatException($"Invalid XML: {message}.", ex.LineNumber > 0 ? ex.LineNumber : null, ex.LinePosition > 0 ? ex.LinePosition : null);
        }
    }

    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Child elements with this local name, in any namespace.</summary>
    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    public static XElement? Child(this XElement element, string localName) => element.Children(localName).FirstOrDefault();

    /// <summary>Descendant elements with this local name, in any namespace.</summary>
    public static IEnumerable<XElement> DescendantsNamed(this XElement element, string localName) =>
        element.Descendants().Where(e => e.Name.LocalName == localName);

    /// <summary>An attribute by local name, case-insensitively (MSBuild attribute names are case-insensitive).</summary>
    public static string? AttributeText(this XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The trimmed text of a child element, or null.</summary>
    public static string? ChildText(this XElement element, string localName) => element.Child(localName)?.Value.Trim();
}
