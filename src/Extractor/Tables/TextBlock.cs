using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Tables;

/// <summary>One cell's text on a page without ruling lines: runs of glyphs stacked one under the other.</summary>
internal sealed class TextBlock(List<Glyph> glyphs)
{
    public List<Glyph> Glyphs { get; } = glyphs;
    public double Left => Glyphs.Min(g => g.Box.Left);
    public double Right => Glyphs.Max(g => g.Box.Right);
    public double Top => Glyphs.Min(g => g.Box.Top);
    public double Bottom => Glyphs.Max(g => g.Box.Bottom);
    public double Height => Bottom - Top;
    public double FontSize => Glyphs.Max(g => g.FontSize);
    public Box Box => new(Left, Top, Right, Bottom);

    /// <summary>Text with at least as many CJK characters as digits ("产出指标(50分)", a sentence): a label or a text, never a figure ("16个", "100.00%").</summary>
    public bool IsLabel => Glyphs.Count(g => CjkText.IsCjkLike(g.Value[0])) >= Glyphs.Count(g => char.IsAsciiDigit(g.Value[0]));

    /// <summary>The block's last line ends a sentence.</summary>
    public bool EndsSentence => TextLines.EndsSentence(TextLines.Of(Glyphs)[^1]);

    public override string ToString() => $"{Top:F1}-{Bottom:F1} [{Left:F0}-{Right:F0}] {TextLines.CellText(Glyphs, Right)}";
}
