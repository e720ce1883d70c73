using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Extractor.Text;

namespace Extractor.Readers.Html;

/// <summary>
/// The text of HTML markup inside a cell: block elements (&lt;p&gt;, &lt;div&gt;, &lt;li&gt;) are paragraphs, kept
/// as '\n'; &lt;br&gt; and everything else is inline text. Shared by the HTML and text readers.
/// </summary>
public static class HtmlCellText
{
    private static readonly HashSet<string> BlockTags =
        ["P", "DIV", "LI", "UL", "OL", "TR", "TABLE", "H1", "H2", "H3", "H4", "H5", "H6", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE"];

    /// <summary>The cleaned text of a node's content, or null when it holds none.</summary>
    public static string? Of(INode node)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(node, paragraphs, current);
        paragraphs.Add(current.ToString());
        return CjkText.JoinParagraphs(paragraphs);
    }

    /// <summary>Parses a cell's text that carries HTML fragments (text exports); in plain text a line break is a paragraph.</summary>
    public static string? OfFragment(string raw, HtmlParser parser)
    {
        if (raw.IndexOf('<') < 0 && raw.IndexOf('&') < 0) return CjkText.JoinParagraphs(raw.Split('\n'));
        var doc = parser.ParseDocument("<body>" + raw + "</body>");
        return doc.Body is null ? null : Of(doc.Body);
    }

    private static void Walk(INode node, List<string> paragraphs, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement { TagName: "BR" }:
                    // A line break inside a paragraph is where the cell wrapped: whitespace, removed between CJK.
                    current.Append('\n');
                    break;
                case IElement { TagName: "SCRIPT" or "STYLE" }:
                    break;
                case IElement element when BlockTags.Contains(element.TagName):
                    Break(paragraphs, current);
                    Walk(element, paragraphs, current);
                    Break(paragraphs, current);
                    break;
                default:
                    Walk(child, paragraphs, current);
                    break;
            }
        }
    }

    private static void Break(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length == 0) return;
        paragraphs.Add(current.ToString());
        current.Clear();
    }
}
