using System.Text;
using Extractor.Text;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Turns the lines an engine read in one cell into cell text under the contract's text rules: words
/// joined by their gaps, wrapped lines joined, a paragraph kept where a line ends a sentence short of the edge;
/// bracket widths and quotes as the page prints them.
/// </summary>
internal static class CellText
{
    private const string SentenceEnds = "。！？；!?;";

    public static string? Assemble(IReadOnlyList<OcrLine> lines, PixelRect inside)
    {
        var paragraphs = new List<string>();
        string? current = null;
        foreach (var line in lines.OrderBy(l => l.Box.Top))
        {
            var text = CjkText.CleanLine(FullWidthPunctuation(LineText(line)));
            if (text is null) continue;
            current = current is null ? text : CjkText.ContinuePrinted(current, text);
            var height = line.Box.Height;
            if (SentenceEnds.Contains(text[^1]) && line.Box.Right < inside.Right - ParagraphEndGap * height)
            {
                paragraphs.Add(current);
                current = null;
            }
        }
        if (current is not null) paragraphs.Add(current);
        return paragraphs.Count == 0 ? null : CurlyQuotes(string.Join('\n', paragraphs));
    }

    /// <summary>
    /// A line ending a sentence ends a paragraph when it stops this many line heights short of the cell's edge. A
    /// wrapped line may stop short too: a closing mark may not start the next line, a number is not split, so the
    /// wrap falls a few characters early (dev scans: breaks inserted at 1.5). A paragraph kept is a nicety, a break
    /// inserted a wrong field, so the gap is wide. Default 3.
    /// </summary>
    private const double ParagraphEndGap = 3;

    /// <summary>Words closer than half the line height touch (CJK beside digits, "86.4万元"); wider gaps are spaces.</summary>
    private static string LineText(OcrLine line)
    {
        var sb = new StringBuilder();
        var height = line.Box.Height;
        OcrWord? previous = null;
        foreach (var word in line.Words.OrderBy(w => w.Box.Left))
        {
            if (previous is not null && word.Box.Left - previous.Box.Right > 0.5 * height) sb.Append(' ');
            sb.Append(word.Text);
            previous = word;
        }
        return BracketWidths(sb.ToString(), line);
    }

    /// <summary>
    /// Tesseract reads （ and ） as ( and ), and PP-OCR confuses the two widths; the page tells them apart: a
    /// full-width bracket is drawn at the inner side of a whole character cell, so a wide gap separates it from
    /// the text outside it. Character boxes are rough, but that gap (over 0.6 of the line height against about
    /// 0.1) survives it. A bracket with nothing outside it on its line (an opening one that starts the line, as in
    /// "（1）", a closing one that ends it) shows no gap and takes the width of its partner.
    /// </summary>
    private static string BracketWidths(string text, OcrLine line)
    {
        if (text.IndexOfAny(Brackets) < 0) return text;
        var symbols = line.Words.SelectMany(w => w.Symbols).Where(s => !string.IsNullOrWhiteSpace(s.Text)).OrderBy(s => s.Box.Left).ToList();
        var wide = 0.4 * line.Box.Height;
        var measured = new Dictionary<int, bool>();
        var partner = new Dictionary<int, int>();
        var open = new Stack<int>();
        for (var i = 0; i < symbols.Count; i++)
        {
            if (symbols[i].Text is "(" or "（")
            {
                open.Push(i);
                if (i > 0) measured[i] = symbols[i].Box.Left - symbols[i - 1].Box.Right > wide;
            }
            if (symbols[i].Text is not (")" or "）")) continue;
            if (open.TryPop(out var opener)) (partner[i], partner[opener]) = (opener, i);
            if (i + 1 < symbols.Count) measured[i] = symbols[i + 1].Box.Left - symbols[i].Box.Right > wide;
        }
        var widths = new Dictionary<int, char>();
        for (var i = 0; i < symbols.Count; i++)
        {
            var opening = symbols[i].Text is "(" or "（";
            if (!opening && symbols[i].Text is not (")" or "）")) continue;
            var full = measured.TryGetValue(i, out var own) ? own
                : partner.TryGetValue(i, out var p) && measured.TryGetValue(p, out var theirs) && theirs;
            widths[i] = opening ? (full ? '（' : '(') : (full ? '）' : ')');
        }
        var sb = new StringBuilder(text);
        var k = -1;
        for (var p = 0; p < sb.Length; p++)
        {
            if (char.IsWhiteSpace(sb[p])) continue;
            k++;
            if (widths.TryGetValue(k, out var ch) && Brackets.Contains(sb[p])) sb[p] = ch;
        }
        return sb.ToString();
    }

    private static readonly char[] Brackets = ['(', ')', '（', '）'];

    /// <summary>
    /// PP-OCR reads the curly quotes “ and ” of Chinese text as a straight "; beside CJK text a straight quote
    /// closes the last “ still open, else opens one.
    /// </summary>
    private static string CurlyQuotes(string text)
    {
        if (!text.Contains('"')) return text;
        var sb = new StringBuilder(text);
        var open = false;
        for (var i = 0; i < sb.Length; i++)
        {
            if (sb[i] == '“') open = true;
            else if (sb[i] == '”') open = false;
            else if (sb[i] == '"' && (Neighbour(text, i, -1) is { } b && CjkText.IsCjkLike(b) || Neighbour(text, i, 1) is { } a && CjkText.IsCjkLike(a)))
            {
                sb[i] = open ? '”' : '“';
                open = !open;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The CJK model reads the full-width "，；：" of Chinese text as ASCII with spaces around them; beside a
    /// CJK character they are the full-width ones. A digit read in its full-width form (PP-OCR's list has both) is
    /// the ASCII one the forms print numbers with; so is a slash read full-width ("元／平方米": units print "/"). A
    /// full-width full stop "．" between two ideographs is a comma a bilevel scan thinned to its dot: Chinese text puts
    /// none there.
    /// </summary>
    private static string FullWidthPunctuation(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '０' and <= '９') { sb.Append((char)('0' + (text[i] - '０'))); continue; }
            if (text[i] == '／') { sb.Append('/'); continue; }
            if (text[i] == '．' && Neighbour(text, i, -1) is { } p && CjkText.IsIdeograph(p) && Neighbour(text, i, 1) is { } n && CjkText.IsIdeograph(n))
            {
                sb.Append('，');
                continue;
            }
            var full = text[i] switch { ',' => '，', ';' => '；', ':' => '：', _ => '\0' };
            if (full != '\0' && (Neighbour(text, i, -1) is { } b && CjkText.IsCjkLike(b) || Neighbour(text, i, 1) is { } a && CjkText.IsCjkLike(a)))
            {
                while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                sb.Append(full);
                while (i + 1 < text.Length && text[i + 1] == ' ') i++;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>The nearest character that is not a space, looking one way from position i.</summary>
    private static char? Neighbour(string text, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < text.Length; j += step)
            if (text[j] != ' ') return text[j];
        return null;
    }

    /// <summary>The lowest word confidence of a cell; 1 for a cell without words.</summary>
    public static double Confidence(IReadOnlyList<OcrLine> lines) =>
        lines.SelectMany(l => l.Words).Select(w => w.Confidence).DefaultIfEmpty(1.0).Min();
}
