namespace Extractor.Readers.Html;

/// <summary>
/// How deeply an HTML text nests its elements, found by a linear scan of its tags before any parser sees it: a
/// parser (and any walk of its tree) spends time growing with the square of the depth, so 100,000 nested
/// &lt;div&gt;s would take minutes. Elements that close themselves (void elements, and p, li, td, th, tr, …
/// which a new sibling closes) are not counted, so the figure is a floor of the real depth, never above it.
/// </summary>
internal static class MarkupDepth
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "colgroup", "tbody", "thead", "tfoot", "html", "head", "body",
    };

    /// <summary>The deepest nesting seen, stopping as soon as it passes <paramref name="limit"/>.</summary>
    public static int Of(string html, int limit)
    {
        var depth = 0;
        var deepest = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == start || !char.IsAsciiLetter(html[start])) continue;
            var name = html[start..end];
            if (NotNesting.Contains(name)) continue;
            var close = html.IndexOf('>', end);
            if (close < 0) break;
            if (closing) depth = Math.Max(0, depth - 1);
            else if (html[close - 1] != '/') depth++;
            deepest = Math.Max(deepest, depth);
            if (deepest > limit) break;
            i = close;
        }
        return deepest;
    }
}
