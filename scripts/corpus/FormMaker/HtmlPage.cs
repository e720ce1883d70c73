using System.Globalization;
using System.Text;
using Extractor.Text;

namespace FormMaker;

/// <summary>
/// A case as an Excel-style "save as web page" HTML file: one &lt;table&gt; per form, real rowspan/colspan, &lt;col&gt;
/// widths, &lt;p&gt; paragraphs and &lt;br&gt; breaks, inline &lt;span&gt;/&lt;font&gt;/&lt;b&gt;, long text wrapped in the source
/// with CRLF between CJK characters; the case's font, size, alignment, padding and paper in its style sheet,
/// so Chromium prints it as it is and html-to-fods.py finds its widths and bordered classes.
/// </summary>
internal static class HtmlPage
{
    private const string Crlf = "\r\n";

    public static string Render(CorpusCase corpusCase)
    {
        var s = corpusCase.Style;
        var random = new Random(corpusCase.Seed ^ 0x5eed);
        var (pw, ph) = s.PaperMillimetres;
        var size = s.SizePt.ToString(CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">" + Crlf);
        html.Append("<head>" + Crlf + "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">" + Crlf);
        html.Append("<meta name=ProgId content=Excel.Sheet>" + Crlf + "<style>" + Crlf);
        var margin = 8 + random.Next(12);
        html.Append($"@page {{ size: {pw}mm {ph}mm; margin: {margin}mm; }}" + Crlf);
        html.Append($"body {{ zoom: {FitToWidth(corpusCase, pw - 2 * margin).ToString("0.###", CultureInfo.InvariantCulture)}; }}" + Crlf);
        html.Append($"td {{ font-family: '{s.Font}'; font-size: {size}pt; padding: {s.PaddingPx}px; vertical-align: middle; border: none; white-space: nowrap; }}" + Crlf);
        html.Append($".xl65 {{ font-size: {s.SizePt + 4}pt; font-weight: 700; text-align: center; }}" + Crlf);
        html.Append(".xl66 { text-align: center; border:.5pt solid windowtext; white-space: normal; }" + Crlf);
        html.Append(".xl67 { text-align: left; vertical-align: top; border:.5pt solid windowtext; white-space: normal; }" + Crlf);
        html.Append($".xl68 {{ text-align: {s.NumberAlign}; border:.5pt solid windowtext; white-space: normal; }}" + Crlf);
        html.Append(".xl70 { text-align: right; }" + Crlf + "</style>" + Crlf + "</head>" + Crlf + "<body>" + Crlf);
        if (s.SpacerPx > 0) html.Append($"<div style='height:{s.SpacerPx}px'></div>" + Crlf);
        for (var f = 0; f < corpusCase.Forms.Count; f++)
        {
            if (f > 0) html.Append(s.BreakBetweenForms ? "<div style='page-break-before:always'></div>" + Crlf : "<br>" + Crlf);
            Table(html, corpusCase.Forms[f].Table, s, random);
        }
        html.Append("</body>" + Crlf + "</html>" + Crlf);
        return html.ToString();
    }

    private static void Table(StringBuilder html, FormTable table, PrintStyle style, Random random)
    {
        var widths = FitNumbers(table, style);
        var total = widths.Sum();
        html.Append($"<table border=0 cellpadding=0 cellspacing=0 width={total} style='border-collapse:collapse;table-layout:fixed;width:{total * 3 / 4}pt'>" + Crlf);
        foreach (var w in widths) html.Append($" <col width={w} style='width:{w * 3 / 4}pt'>" + Crlf);
        for (var r = 0; r < table.Rows; r++)
        {
            html.Append(" <tr>" + Crlf);
            foreach (var cell in table.RowCells(r))
            {
                var span = (cell.RowSpan > 1 ? $" rowspan={cell.RowSpan}" : "") + (cell.ColumnSpan > 1 ? $" colspan={cell.ColumnSpan}" : "");
                var css = cell.Role switch
                {
                    CellRole.Title => "xl65", CellRole.Plain => "xl70", CellRole.Label => "xl66", CellRole.Text => "xl67", _ => "xl68",
                };
                html.Append($"  <td{span} class={css}>{Content(cell, random)}</td>" + Crlf);
            }
            html.Append(" </tr>" + Crlf);
        }
        html.Append("</table>" + Crlf);
    }

    /// <summary>
    /// The scale that fits the widest table into the printable width (<paramref name="printableMm"/>), at most 1: an
    /// office prints a form wider than its paper "fit to page width", so no column runs off the page's edge
    /// (where Chromium would cut the characters the form holds).
    /// </summary>
    private static double FitToWidth(CorpusCase corpusCase, int printableMm)
    {
        var widestMm = corpusCase.Forms.Max(f => FitNumbers(f.Table, corpusCase.Style).Sum()) * 25.4 / 96;
        return Math.Min(1, printableMm / widestMm);
    }

    /// <summary>
    /// Widens a column to hold what cannot wrap: its longest number on one line (a number never wraps; Excel
    /// prints ##### instead), and in text the longest run a line cannot break inside (digits, Latin letters and
    /// brackets beside a character or two), so no text runs over into the next cell, which a spreadsheet never
    /// prints; text otherwise keeps its column's width and wraps.
    /// </summary>
    private static int[] FitNumbers(FormTable table, PrintStyle style)
    {
        var widths = table.Widths.ToArray();
        var px = style.SizePt * 4 / 3;
        double Width(IEnumerable<char> text) => text.Sum(ch => CjkText.IsCjkLike(ch) || ch > 0x2000 ? px : px * 0.7);
        foreach (var cell in table.Cells.Where(c => c.ColumnSpan == 1 && !c.IsBlank))
        {
            var longest = cell.Role == CellRole.Number ? Width(cell.Paragraphs[0])
                : cell.Paragraphs.SelectMany(p => p.Split('\n')).SelectMany(Unbreakable).Select(Width).DefaultIfEmpty(0).Max();
            var needed = (int)Math.Ceiling(longest + 2 * style.PaddingPx + 12);
            widths[cell.Column] = Math.Max(widths[cell.Column], needed);
        }
        return widths;
    }

    /// <summary>The runs of a line no line break falls inside: a run of non-ideographs with the character on each side, or one ideograph.</summary>
    private static IEnumerable<string> Unbreakable(string line)
    {
        static bool Ideograph(char ch) => ch is >= '\u4e00' and <= '\u9fff';
        for (var i = 0; i < line.Length;)
        {
            if (Ideograph(line[i])) { yield return line[i..(i + 1)]; i++; continue; }
            var end = i;
            while (end < line.Length && !Ideograph(line[end])) end++;
            yield return line[Math.Max(0, i - 1)..Math.Min(line.Length, end + 1)];
            i = end;
        }
    }

    private static string Content(TableCell cell, Random random)
    {
        if (cell.IsBlank) return "&nbsp;";
        var paragraphs = cell.Paragraphs.Select(p => Inline(string.Join("<br>", p.Split('\n').Select(line => SourceWrapped(Escape(line)))), random)).ToList();
        return paragraphs.Count == 1 && random.NextDouble() < 0.8 ? paragraphs[0] : string.Concat(paragraphs.Select(p => $"<p>{p}</p>"));
    }

    /// <summary>Now and then the text sits in inline markup, as office exports leave it.</summary>
    private static string Inline(string text, Random random) => random.Next(12) switch
    {
        0 => $"<span style='mso-spacerun:yes'>{text}</span>",
        1 => $"<font class=font5>{text}</font>",
        2 => $"<b>{text}</b>",
        _ => text,
    };

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Long text broken in the source every 60 or so characters, between two CJK characters only.</summary>
    private static string SourceWrapped(string text)
    {
        if (text.Length < 70) return text;
        var sb = new StringBuilder();
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (++run >= 60 && i + 1 < text.Length && CjkText.IsCjkLike(text[i]) && CjkText.IsCjkLike(text[i + 1]) && text[i] is not ('(' or ')'))
            {
                sb.Append(Crlf);
                run = 0;
            }
        }
        return sb.ToString();
    }
}
