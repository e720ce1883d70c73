using System.Text;
using Extractor.Text;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Turns the lines tesseract read in one cell into cell text under the contract's text rules: words
/// joined by their gaps, wrapped lines joined, a paragraph kept where a line ends a sentence short of the edge.
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
            if (SentenceEnds.Contains(text[^1]) && line.Box.Right < inside.Right - 1.5 * height)
            {
                paragraphs.Add(current);
                current = null;
            }
        }
        if (current is not null) paragraphs.Add(current);
        return paragraphs.Count == 0 ? null : string.Join('\n', paragraphs);
    }

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
    /// The models read （ and ） as ( and ); the page tells them apart: a full-width bracket is drawn at the
    /// inner side of a whole character cell, so a wide gap separates it from the text outside it. Tesseract's
    /// character boxes are rough, but that gap (over 0.6 of the line height against about 0.1) survives it.
    /// </summary>
    private static string BracketWidths(string text, OcrLine line)
    {
        if (text.IndexOfAny(['(', ')']) < 0) return text;
        var symbols = line.Words.SelectMany(w => w.Symbols).Where(s => !string.IsNullOrWhiteSpace(s.Text)).OrderBy(s => s.Box.Left).ToList();
        var wide = 0.4 * line.Box.Height;
        var full = new Dictionary<int, char>();
        var openedFull = false;
        for (var i = 0; i < symbols.Count; i++)
        {
            if (symbols[i].Text == "(")
            {
                openedFull = i > 0 && symbols[i].Box.Left - symbols[i - 1].Box.Right > wide;
                if (openedFull) full[i] = '（';
            }
            // A closing bracket with text after it shows its own gap; at the end of a line it matches its opening one.
            if (symbols[i].Text == ")" && (i + 1 < symbols.Count ? symbols[i + 1].Box.Left - symbols[i].Box.Right > wide : openedFull))
                full[i] = '）';
        }
        if (full.Count == 0) return text;
        var sb = new StringBuilder(text);
        var k = -1;
        for (var p = 0; p < sb.Length; p++)
        {
            if (char.IsWhiteSpace(sb[p])) continue;
            k++;
            if (full.TryGetValue(k, out var ch) && (sb[p] == '(' || sb[p] == ')')) sb[p] = ch;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The CJK model reads the full-width "，；：" of Chinese text as ASCII with spaces around them; beside a
    /// CJK character they are the full-width ones.
    /// </summary>
    private static string FullWidthPunctuation(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
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
