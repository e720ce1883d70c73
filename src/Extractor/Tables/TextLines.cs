using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Tables;

/// <summary>A printed line: its glyphs left to right.</summary>
public sealed class TextLine
{
    /// <summary>Glyphs left to right, with at least one that is not a space; the line's bounds are those of its printed glyphs.</summary>
    public TextLine(IReadOnlyList<Glyph> glyphs)
    {
        Glyphs = glyphs;
        var printed = glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)).DefaultIfEmpty(glyphs[0]).ToList();
        Top = printed.Min(g => g.Box.Top);
        Bottom = printed.Max(g => g.Box.Bottom);
        Left = printed.Min(g => g.Box.Left);
        Right = printed.Max(g => g.Box.Right);
        FontSize = printed.Max(g => g.FontSize);
    }

    public IReadOnlyList<Glyph> Glyphs { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Left { get; }
    public double Right { get; }
    public double FontSize { get; }
    public Box Box => new(Left, Top, Right, Bottom);

    /// <summary>The line's text: spaces as printed, and a space where the glyphs leave a gap wider than a quarter of the font size.</summary>
    public string Text() => Text(Glyphs);

    public static string Text(IEnumerable<Glyph> glyphs)
    {
        var sb = new System.Text.StringBuilder();
        Glyph? previous = null;
        foreach (var g in glyphs)
        {
            if (previous is not null && g.Box.Left - previous.Box.Right > g.FontSize * 0.25) sb.Append(' ');
            sb.Append(string.IsNullOrWhiteSpace(g.Value) ? " " : g.Value);
            previous = g;
        }
        return sb.ToString();
    }
}

/// <summary>
/// Groups glyphs into printed lines and lines into the text of a cell, in reading order, under the text
/// rules of the contract: lines of a wrapped paragraph joined (nothing where either side is CJK, since a
/// print wraps between any two CJK characters but between words only at a space), a line that ends a
/// sentence short of the cell's right edge ending its paragraph.
/// </summary>
public static class TextLines
{
    private static readonly string SentenceEnds = "。！？!?";

    /// <summary>Glyphs grouped into lines, top to bottom; a glyph joins a line its vertical centre falls within.</summary>
    public static IReadOnlyList<TextLine> Of(IEnumerable<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        foreach (var g in glyphs.Where(g => g.Value.Length > 0).OrderBy(g => g.CenterY))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(g.CenterY - line.Average(x => x.CenterY)) <= Math.Max(g.Box.Height, line[0].Box.Height) * 0.5)
                line.Add(g);
            else
                lines.Add([g]);
        }
        return lines.Where(l => l.Any(g => !string.IsNullOrWhiteSpace(g.Value)))
            .Select(l => new TextLine(l.OrderBy(g => g.Box.Left).ToList())).ToList();
    }

    /// <summary>The text of a cell whose content box ends at <paramref name="right"/>; null when blank.</summary>
    public static string? CellText(IEnumerable<Glyph> glyphs, double right)
    {
        var lines = Of(glyphs);
        var runsOn = lines.Any(RunsSentenceOn);
        var sentencePerParagraph = !runsOn && SentencePerParagraph(lines, right);
        var paragraphs = new List<string>();
        string? paragraph = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = CjkText.CleanLine(lines[i].Text());
            if (text is null) continue;
            paragraph = paragraph is null ? text : CjkText.ContinuePrinted(paragraph, text);
            if (i + 1 < lines.Count && EndsParagraph(lines[i], lines[i + 1], right, sentencePerParagraph, runsOn))
            {
                paragraphs.Add(paragraph);
                paragraph = null;
            }
        }
        if (paragraph is not null) paragraphs.Add(paragraph);
        return paragraphs.Count == 0 ? null : string.Join('\n', paragraphs);
    }

    /// <summary>The box enclosing the printed glyphs (spaces left out); null when none is printed.</summary>
    public static Box? TextBox(IEnumerable<Glyph> glyphs)
    {
        Box? box = null;
        foreach (var g in glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)))
            box = box is { } b ? b.Union(g.Box) : g.Box;
        return box;
    }

    /// <summary>The table with each cell's <see cref="Cell.TextBox"/> made from the glyphs it took.</summary>
    public static FoundTable WithTextBoxes(FoundTable table) =>
        table with { Cells = table.Cells.Select(c => c with { Cell = c.Cell with { TextBox = TextBox(c.Glyphs) } }).ToList() };

    /// <summary>
    /// A paragraph ends after the line when the space below it is a paragraph's (<see cref="ParagraphGap"/>), or
    /// when it ends a sentence short of the edge (<see cref="EndsShort"/>). A sentence that happens to end at the
    /// edge is ambiguous in print; the cell's own habit decides it (<see cref="SentencePerParagraph"/>), and in a
    /// cell that does not run sentences on (<see cref="RunsSentenceOn"/>) a numbered item on the next line starts one.
    /// </summary>
    private static bool EndsParagraph(TextLine line, TextLine next, double right, bool sentencePerParagraph, bool runsOn) =>
        ParagraphGap(line, next)
        || EndsSentence(line) && (sentencePerParagraph || EndsShort(line, next, right) || !runsOn && StartsNumberedItem(next));

    /// <summary>
    /// True when some sentence of the cell ends short of the edge with a line after it: in a cell that never runs a
    /// sentence on after another within a line (the seed runs its numbered items on in one paragraph), each
    /// sentence is a paragraph. Without that sign a sentence ending at the edge is wrapped, unless a numbered item
    /// starts the next line (the contract's "numbered items on new lines").
    /// </summary>
    private static bool SentencePerParagraph(IReadOnlyList<TextLine> lines, double right) =>
        Enumerable.Range(0, Math.Max(0, lines.Count - 1)).Any(i => EndsSentence(lines[i]) && EndsShort(lines[i], lines[i + 1], right));

    /// <summary>True when the line starts with an item number: 1、 2. 3．(4) （五） 六、.</summary>
    public static bool StartsNumberedItem(TextLine line) => ItemNumber.IsMatch(line.Text());

    private static readonly System.Text.RegularExpressions.Regex ItemNumber =
        new(@"^\s*(\d{1,2}\s*[、.．)）]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)(?!\d)");

    /// <summary>True when a sentence ends inside the line and another starts after it on the same line.</summary>
    public static bool RunsSentenceOn(TextLine line)
    {
        var printed = line.Glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)).ToList();
        for (var i = 0; i + 1 < printed.Count; i++)
            if (SentenceEnds.Contains(printed[i].Value[^1]) && !Closers.Contains(printed[i + 1].Value[0])) return true;
        return false;
    }

    /// <summary>Marks that close a sentence after its end (a quotation, a bracket), so the sentence is not run on.</summary>
    private static readonly string Closers = "”’）)」』】。！？!?";

    /// <summary>
    /// Lines of one paragraph follow each other at most about 1.5 font sizes apart (baseline to baseline); a
    /// paragraph's own margin (a browser's &lt;p&gt;, 1em) puts the next one at 2.2 or more. Between the two.
    /// </summary>
    public const double ParagraphPitch = 1.9;

    private static bool ParagraphGap(TextLine line, TextLine next) => next.Top - line.Top > ParagraphPitch * Math.Max(line.FontSize, next.FontSize);

    /// <summary>True when the line's last printed character ends a sentence.</summary>
    public static bool EndsSentence(TextLine line) =>
        line.Glyphs.LastOrDefault(g => !string.IsNullOrWhiteSpace(g.Value)) is { } last && SentenceEnds.Contains(last.Value[^1]);

    /// <summary>
    /// True when the line broke although the start of the next line would have fitted after it: a hard
    /// break, not a wrap. The start is the next line's first two glyphs (a CJK character and the punctuation
    /// that may not begin a line) or its first word, with half a font size of slack for the cell's padding.
    /// </summary>
    private static bool EndsShort(TextLine line, TextLine next, double right)
    {
        var unit = 1;
        while (unit < next.Glyphs.Count && (unit < 2 || char.IsAsciiLetterOrDigit(next.Glyphs[unit].Value[0]) && char.IsAsciiLetterOrDigit(next.Glyphs[unit - 1].Value[0])))
            unit++;
        var width = next.Glyphs[unit - 1].Box.Right - next.Glyphs[0].Box.Left;
        return right - line.Right > width + line.FontSize * 0.5;
    }
}
