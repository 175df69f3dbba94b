using System.Text;
using System.Xml;

namespace Shipgate.Reporting.Internal;

/// <summary>Makes arbitrary text storable in XML 1.0, which cannot hold most control characters or lone surrogates.</summary>
internal static class XmlChars
{
    /// <summary>Drops every character XML 1.0 forbids; keeps tab, line feed, carriage return and valid surrogate pairs.</summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }
        }

        return builder?.ToString() ?? text;
    }
}
