using System.Globalization;
using System.Net;
using System.Text;

namespace Extractor.Grid;

/// <summary>A rendering of the page the boxes were found on, and how many of its pixels make one unit of the boxes.</summary>
public sealed record PageBackground(byte[] Png, int Width, int Height, double PixelsPerUnit);

/// <summary>
/// Draws a page's grid as SVG over the page image, so a wrong cell is seen, not guessed: the ruling lines the reader
/// found (a scan's, in orange, so a line it missed or made up shows against the printed one), every cell's box with its
/// row/column (and spans), its text as a tooltip, cells under the confidence threshold in red.
/// </summary>
public static class GridDrawing
{
    public static string Svg(GridPage page, PageBackground? background, double lowConfidence)
    {
        var scale = background?.PixelsPerUnit ?? 1;
        var boxes = page.Cells.Where(c => c.Box is not null).ToList();
        var svg = Open(background, boxes.Select(c => c.Box!.Value).Concat(page.Rulings));
        foreach (var cell in boxes)
        {
            var box = cell.Box!.Value;
            var colour = cell.Confidence < lowConfidence ? "#d00" : cell.IsBlank ? "#999" : "#06c";
            var spans = cell.RowSpan > 1 || cell.ColumnSpan > 1 ? $" span {cell.RowSpan}×{cell.ColumnSpan}" : "";
            var tooltip = WebUtility.HtmlEncode($"r{cell.Row} c{cell.Column}{spans} conf {cell.Confidence:0.00}: {cell.Text}");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g><title>{tooltip}</title><rect x="{box.Left * scale:0.#}" y="{box.Top * scale:0.#}" width="{box.Width * scale:0.#}" height="{box.Height * scale:0.#}" fill="{colour}" fill-opacity="0.06" stroke="{colour}" stroke-width="{(spans.Length > 0 ? 2 : 1)}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{box.Left * scale + 2:0.#}" y="{box.Top * scale + 9:0.#}" font-size="8" fill="{colour}">{cell.Row},{cell.Column}</text></g>""").Append('\n');
        }
        // Over the cells, so a ruling found where no cell edge is (or an edge without a ruling) stands out.
        if (page.Rulings.Count > 0)
        {
            svg.Append("""<g class="rulings" fill="#f80" fill-opacity="0.7"><title>rulings found</title>""").Append('\n');
            foreach (var line in page.Rulings)
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect x="{line.Left * scale:0.#}" y="{line.Top * scale:0.#}" width="{Math.Max(1, line.Width * scale):0.#}" height="{Math.Max(1, line.Height * scale):0.#}"/>""").Append('\n');
            svg.Append("</g>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>
    /// The traced values of a page (a form's <c>trace</c>): each value's box labelled with its path, its
    /// confidence in the tooltip, values under the confidence threshold in red.
    /// </summary>
    public static string Traced(IReadOnlyList<(string Path, Box Box, double Confidence)> values, PageBackground? background, double lowConfidence)
    {
        var scale = background?.PixelsPerUnit ?? 1;
        var svg = Open(background, values.Select(v => v.Box));
        foreach (var (path, box, confidence) in values)
        {
            var colour = confidence < lowConfidence ? "#d00" : "#0a5";
            var tooltip = WebUtility.HtmlEncode($"{path} conf {confidence:0.00}");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g><title>{tooltip}</title><rect x="{box.Left * scale:0.#}" y="{box.Top * scale:0.#}" width="{box.Width * scale:0.#}" height="{box.Height * scale:0.#}" fill="{colour}" fill-opacity="0.08" stroke="{colour}" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{box.Left * scale:0.#}" y="{box.Top * scale - 1:0.#}" font-size="7" fill="{colour}">{WebUtility.HtmlEncode(path)}</text></g>""").Append('\n');
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The SVG's opening: sized to the background, or to the boxes without one, with the background drawn.</summary>
    private static StringBuilder Open(PageBackground? background, IEnumerable<Box> boxes)
    {
        var scale = background?.PixelsPerUnit ?? 1;
        var all = boxes.ToList();
        var width = background?.Width ?? (all.Count == 0 ? 100 : all.Max(b => b.Right) * scale + 20);
        var height = background?.Height ?? (all.Count == 0 ? 100 : all.Max(b => b.Bottom) * scale + 20);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width:0}" height="{height:0}" viewBox="0 0 {width:0} {height:0}">""").Append('\n');
        if (background is not null)
            svg.Append(CultureInfo.InvariantCulture, $"""<image x="0" y="0" width="{background.Width}" height="{background.Height}" href="data:image/png;base64,{Convert.ToBase64String(background.Png)}"/>""").Append('\n');
        return svg;
    }

    /// <summary>The grid as tab-separated rows (merged cells shown once, at their origin), for inputs without geometry too.</summary>
    public static string Tsv(GridPage page) =>
        string.Join('\n', page.Rows().Select(row => string.Join('\t',
            Enumerable.Range(0, row.Width).Select(c => row.IsOrigin(c) ? (row.Slots[c]!.Text ?? "").ReplaceLineEndings(" ⏎ ") : "")))) + "\n";
}
