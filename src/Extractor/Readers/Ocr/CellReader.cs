using System.Text;
using System.Text.RegularExpressions;
using Extractor.Readers.Ocr.Paddle;
using Extractor.Text;

namespace Extractor.Readers.Ocr;

/// <summary>What a cell or a free text chunk was read as: its text, its confidence, and the box of its ink.</summary>
internal readonly record struct CellReading(string? Text, double Confidence, PixelRect InkBox)
{
    public static readonly CellReading Blank = new(null, 1.0, default);
}

/// <summary>
/// Reads the text of one rectangle of a prepared page (a cell inside its rulings, or a chunk of a free line),
/// line by line. PP-OCR reads it when it is loaded; a cell it reads with a character less probable than
/// <see cref="OcrOptions.CrossCheckBelow"/> is read by Tesseract too, and the two readings are compared: agreeing
/// they make the cell sure, differing they flag it. With Tesseract alone, numbers are read again with the number
/// model and comparisons and bracket widths (which it cannot see) cap the confidence.
/// </summary>
internal sealed partial class CellReader(OcrEngine engine, PreparedPage page, InkMask ink, OcrOptions options)
{
    /// <summary>The confidence of a reading two engines disagree on: under any sensible low-confidence threshold.</summary>
    public const double Disagreed = 0.5;

    /// <summary>Tesseract's confidence in a bracket or comparison it cannot tell from its twin (> and ≥, ( and （).</summary>
    private const double AmbiguousReading = 0.5;

    /// <summary>A number Tesseract's CJK model reads this surely is not read again with the number model.</summary>
    private const double SureNumber = 0.9;

    private static readonly char[] Ambiguous = ['<', '>', '(', ')', '（', '）'];

    /// <summary>The blank kept around a line PP-OCR reads, as a share of the line height.</summary>
    private const double LineMargin = 0.25;

    /// <summary>
    /// A line PP-OCR reads is cut at least this many line heights wide: a lone glyph cut to itself ("≥" in a
    /// column of its own) is read as some other character.
    /// </summary>
    private const int MinLineWidth = 2;

    private readonly double _u = page.Dpi / 300.0;

    /// <summary>
    /// The cells of a table: each cell's ink split into text lines (<paramref name="singleLineHeight"/> is the
    /// table's usual line height), the lines of all cells read by PP-OCR together (runs of lines of one width), each
    /// cell's reading then checked by Tesseract where PP-OCR is unsure.
    /// </summary>
    public IReadOnlyList<CellReading> Read(IReadOnlyList<PixelRect> insides, int singleLineHeight)
    {
        var cells = insides.Select(inside => Layout(inside, singleLineHeight)).ToList();
        if (engine.Paddle is null)
            return cells.Select(c => c is null ? CellReading.Blank : Finish(Tesseract(c.Rect, c.Bands, c.Inside, c.Bounds, singleLineHeight), c.Bounds)).ToList();
        var margin = (int)(LineMargin * singleLineHeight);
        var crops = cells.Select(c => c is null || IsBar(c.Bounds, singleLineHeight) ? [] : c.Bands.Select(b => LineCrop(b, singleLineHeight, margin, c.Inside)).ToList()).ToList();
        var read = engine.Paddle.Recognise(crops.SelectMany(c => c).Select(c => LineImage.Cut(page.Grey, c)).ToList());
        var readings = new List<CellReading>(cells.Count);
        var next = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell is null) { readings.Add(CellReading.Blank); continue; }
            if (crops[i].Count == 0) { readings.Add(new CellReading("—", 1.0, cell.Bounds)); continue; }
            var lines = read.Skip(next).Take(crops[i].Count).Select((line, k) => Line(line, crops[i][k], cell.Bands[k])).ToList();
            next += crops[i].Count;
            if (cell.Bands.Count > 1) { readings.Add(Finish(CrossCheckLines(lines, cell), cell.Bounds)); continue; }
            var paddle = Paddle(lines, cell.Inside);
            readings.Add(Finish(paddle.Text is not null && paddle.Confidence >= options.CrossCheckBelow
                ? paddle
                : CrossCheck(paddle, Tesseract(cell.Rect, cell.Bands, cell.Inside, cell.Bounds, singleLineHeight)), cell.Bounds));
        }
        return readings;
    }

    /// <summary>
    /// A cell of several lines is checked line by line: only the lines PP-OCR is unsure of are read by Tesseract
    /// (a long text's one doubtful line does not cost a reading of the whole cell). A line the engines agree on is
    /// as sure as either being right; one they read differently keeps the surer engine's line and flags the cell.
    /// </summary>
    private CellReading CrossCheckLines(IReadOnlyList<OcrLine?> paddle, CellLayout cell)
    {
        var kept = new List<OcrLine>();
        var confidence = 1.0;
        for (var k = 0; k < paddle.Count; k++)
        {
            var own = paddle[k] is { } line ? (IReadOnlyList<OcrLine>)[line] : [];
            var sure = CellText.Confidence(own);
            if (own.Count > 0 && sure >= options.CrossCheckBelow)
            {
                kept.AddRange(own);
                confidence = Math.Min(confidence, sure);
                continue;
            }
            var rect = new PixelRect(cell.Rect.Left, cell.Bands[k].Top, cell.Rect.Right, cell.Bands[k].Bottom).Inflate((int)(3 * _u), cell.Inside);
            var tesseract = engine.Tesseract.Read(rect, true);
            var checkedLine = CrossCheck(
                new CellReading(CellText.Assemble(own, cell.Inside), own.Count == 0 ? 1.0 : sure, default),
                new CellReading(CellText.Assemble(tesseract, cell.Inside), CellText.Confidence(tesseract), default));
            kept.AddRange(own.Count > 0 && (checkedLine.Text == CellText.Assemble(own, cell.Inside)) ? own : tesseract);
            confidence = Math.Min(confidence, checkedLine.Confidence);
        }
        var text = Dash(CellText.Assemble(kept, cell.Inside));
        return new CellReading(text, text is null ? 1.0 : confidence, default);
    }

    /// <summary>
    /// A cell whose ink is one flat stroke holds the dash placeholder (—, or 一, which reads the same): the model,
    /// shown a bare bar without the blank of a wider line around it, may take it for any stroke (丨).
    /// </summary>
    private static bool IsBar(PixelRect bounds, int singleLineHeight) =>
        bounds.Height <= BarHeight * singleLineHeight && bounds.Width >= BarLength * bounds.Height;

    /// <summary>A dash's ink is at most this share of the line height tall…</summary>
    private const double BarHeight = 0.2;

    /// <summary>…and at least this many times as long as it is tall (a hyphen, 12 × 4 px at 300 dpi, is a dash too).</summary>
    private const int BarLength = 2;

    /// <summary>Where a cell's text is: its ink's bounds, the rectangle read around them, its text lines; null for a blank cell.</summary>
    private sealed record CellLayout(PixelRect Inside, PixelRect Bounds, PixelRect Rect, IReadOnlyList<PixelRect> Bands);

    private CellLayout? Layout(PixelRect inside, int singleLineHeight)
    {
        var area = inside.Inset((int)(2 * _u));
        if (area.IsEmpty) return null;
        var inked = ink.Count(area) >= 12 * _u * _u;
        var bounds = inked ? ink.InkBounds(area) : default;
        if (bounds.Height < FaintGlyphHeight * singleLineHeight && FaintGlyph(area, bounds, singleLineHeight) is { } faint)
            return new CellLayout(inside, faint, faint.Inflate((int)(8 * _u), inside), [faint]);
        if (!inked) return null;
        return new CellLayout(inside, bounds, bounds.Inflate((int)(8 * _u), inside), LineBands(bounds, singleLineHeight));
    }

    /// <summary>
    /// A faint glyph the ink mask kept only a stroke of, or nothing (a noisy scan's grey "6" beside a ruling, its
    /// bar left to read as a dash): the block of the grey page's faint ink (<see cref="FaintLevel"/>, columns and rows
    /// of at least <see cref="FaintColumnInk"/> pixels, gaps up to <see cref="FaintGap"/>) around the cell's ink, when
    /// it is at least <see cref="FaintGlyphHeight"/> line heights tall, twice the ink's height, and
    /// <see cref="FaintGlyphFill"/> dark (a scan's grain is sparse); null otherwise.
    /// </summary>
    private PixelRect? FaintGlyph(PixelRect area, PixelRect bounds, int lineHeight)
    {
        var own = bounds.IsEmpty ? bounds : bounds.Shifted(-area.Left, -area.Top);
        return FaintBlock(LineImage.Cut(page.Grey, area), own, lineHeight)?.Shifted(area.Left, area.Top);
    }

    /// <summary><see cref="FaintGlyph"/> on a cut of the grey page, <paramref name="ink"/> (the mask's bounds, or empty) in its pixels.</summary>
    internal static PixelRect? FaintBlock(LineImage grey, PixelRect ink, int lineHeight)
    {
        var gap = Math.Max(1, (int)(FaintGap * lineHeight));
        bool Dark(int x, int y) => grey.At(x, y) < FaintLevel;
        var columns = new bool[grey.Width];
        for (var x = 0; x < grey.Width; x++)
            columns[x] = Enumerable.Range(0, grey.Height).Count(y => Dark(x, y)) >= FaintColumnInk;
        var across = Block(InkMask.Bands(columns, gap), ink.IsEmpty ? null : (ink.Left + ink.Right) / 2);
        if (across is not { } c) return null;
        var rows = new bool[grey.Height];
        for (var y = 0; y < grey.Height; y++)
            rows[y] = Enumerable.Range(c.Start, c.End - c.Start).Count(x => Dark(x, y)) >= FaintColumnInk;
        var down = Block(InkMask.Bands(rows, gap), ink.IsEmpty ? null : (ink.Top + ink.Bottom) / 2);
        if (down is not { } r) return null;
        var dark = 0;
        for (var y = r.Start; y < r.End; y++)
            for (var x = c.Start; x < c.End; x++)
                if (Dark(x, y)) dark++;
        var height = r.End - r.Start;
        if (height < FaintGlyphHeight * lineHeight || height < 2 * ink.Height || dark < FaintGlyphFill * height * (c.End - c.Start)) return null;
        return new PixelRect(c.Start, r.Start, c.End, r.End);
    }

    /// <summary>The band holding <paramref name="at"/> (the ink's centre), or the widest where the cell has no ink.</summary>
    private static (int Start, int End)? Block(List<(int Start, int End)> bands, int? at) =>
        at is { } p ? bands.Where(b => b.Start <= p && p < b.End).Cast<(int, int)?>().FirstOrDefault()
            : bands.Count == 0 ? null : bands.MaxBy(b => b.End - b.Start);

    /// <summary>A faint glyph is read where it is at least this many line heights tall (a dash's grey edge is not).</summary>
    private const double FaintGlyphHeight = 0.5;

    /// <summary>…and at least this share of its block is faint ink (a digit fills a fifth or more, grain a few hundredths).</summary>
    private const double FaintGlyphFill = 0.15;

    /// <summary>A chunk of a free line (title, year line), read as one line.</summary>
    public CellReading ReadLine(PixelRect chunk)
    {
        var whole = new PixelRect(0, 0, page.Width, page.Height);
        var rect = chunk.Inflate((int)(8 * _u), whole);
        CellReading Tess()
        {
            var lines = engine.Tesseract.Read(rect, true);
            return new CellReading(Dash(CellText.Assemble(lines, rect)), CellText.Confidence(lines), chunk);
        }
        if (engine.Paddle is null) return Finish(Tess(), chunk);
        var crop = LineCrop(chunk, chunk.Height, (int)(LineMargin * chunk.Height), whole);
        var paddle = Paddle([Line(engine.Paddle.Recognise([LineImage.Cut(page.Grey, crop)])[0], crop, chunk)], whole);
        return Finish(paddle.Text is not null && paddle.Confidence >= options.CrossCheckBelow ? paddle : CrossCheck(paddle, Tess()), chunk);
    }

    private CellReading Finish(CellReading reading, PixelRect bounds)
    {
        var text = reading.Text;
        var misreadLead = text is not null && (StartsWithMisreadNumber(text) || LetteredSign(text) != text);
        if (text is not null) text = SignRead(text, bounds);
        if (text is null) return CellReading.Blank;
        var unsure = misreadLead || HasMixedBracketPair(text) || StartsWithMisreadNumber(text) || StartsWithBareComparison(text);
        var confidence = unsure ? Math.Min(reading.Confidence, AmbiguousReading) : reading.Confidence;
        return reading with { Text = LabelSnap.Snap(ShapeTwins.Mend(text)), Confidence = confidence, InkBox = bounds };
    }

    /// <summary>
    /// A bracket pair of two widths, "(1）": printed forms keep one width to a pair, so one half is a misread width
    /// (the gaps that tell them apart blur on a scan), and the cell is not sure.
    /// </summary>
    internal static bool HasMixedBracketPair(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            if (c is '(' or '（') open.Push(c);
            else if (c is ')' or '）' && open.TryPop(out var opener) && (opener == '(') != (c == ')')) return true;
        }
        return false;
    }

    /// <summary>
    /// A number led by a bare > or &lt; ("&gt;47.7%"): where a faint ≥'s bar is lost the two read the same, and forms
    /// print ≥ (or ">=") far more often, so neither engine's reading of it is sure.
    /// </summary>
    internal static bool StartsWithBareComparison(string text) =>
        text.Length > 1 && text[0] is '>' or '<' && text[1] != '=';

    /// <summary>
    /// A number led by a letter or a sign's misreading the ink did not settle ("S30万元", "B4%", "八2.4%"): no form
    /// prints one, so its first character is a misread sign or digit, and the cell is not sure.
    /// </summary>
    internal static bool StartsWithMisreadNumber(string text) => MisreadLead().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z八人到之二“”、：？?Λ《][\d.]")]
    private static partial Regex MisreadLead();

    /// <summary>
    /// PP-OCR's reading of a cell from its lines, each cut from the grey page at least a full line high (a lone "="
    /// or "≥" cut to its own ink would be scaled up to a shape the model never saw) with a margin around it, as its
    /// detector leaves (<see cref="LineCrop"/>).
    /// </summary>
    private static CellReading Paddle(IReadOnlyList<OcrLine?> read, PixelRect inside)
    {
        var lines = read.OfType<OcrLine>().ToList();
        return new CellReading(Dash(CellText.Assemble(lines, inside)), CellText.Confidence(lines), default);
    }

    /// <summary>
    /// A band's crop: the line's own ink (a short last line is not read with the blank paper beside it, where
    /// the model would find characters in a noisy scan's grain), widened to a full line height, plus the margin, within the cell.
    /// </summary>
    private PixelRect LineCrop(PixelRect band, int lineHeight, int margin, PixelRect inside)
    {
        // A faint glyph's band may hold no ink of the mask at all: the band is then its own ink.
        var inked = ink.InkBounds(band);
        var own = FaintEnds(inked.IsEmpty ? band : inked, band, lineHeight, inside);
        var grow = Math.Max(0, lineHeight - band.Height) / 2 + margin;
        var widen = Math.Max(0, MinLineWidth * lineHeight - own.Width) / 2 + margin;
        var crop = new PixelRect(own.Left - widen, band.Top - grow, own.Right + widen, band.Bottom + grow);
        return new PixelRect(Math.Max(crop.Left, inside.Left), Math.Max(crop.Top, inside.Top), Math.Min(crop.Right, inside.Right), Math.Min(crop.Bottom, inside.Bottom));
    }

    /// <summary>
    /// The ink mask misses a faint mark at a line's ends: a photo's 。 after the last character, a noisy scan's = before
    /// a number. A line's bounds reach on over faint ink of the grey page beside them: columns within
    /// <see cref="FaintReach"/> line heights holding at least <see cref="FaintColumnInk"/> pixels darker than
    /// <see cref="FaintLevel"/>, each within <see cref="FaintGap"/> of the last. Widening every crop instead lets the
    /// model read a noisy scan's grain (dev: 97.5% → 95.4%).
    /// </summary>
    private PixelRect FaintEnds(PixelRect own, PixelRect band, int lineHeight, PixelRect inside)
    {
        var reach = (int)(FaintReach * lineHeight);
        var gap = Math.Max(1, (int)(FaintGap * lineHeight));
        var strip = new PixelRect(Math.Max(inside.Left, own.Left - reach), band.Top, Math.Min(inside.Right, own.Right + reach), band.Bottom);
        if (strip.IsEmpty) return own;
        var grey = LineImage.Cut(page.Grey, strip);
        bool Faint(int x)
        {
            var n = 0;
            for (var y = 0; y < grey.Height; y++)
                if (grey.At(x - strip.Left, y) < FaintLevel) n++;
            return n >= FaintColumnInk;
        }
        int Reach(int from, int step)
        {
            var edge = from;
            for (var x = from + step; x >= strip.Left && x < strip.Right && Math.Abs(x - edge) <= gap; x += step)
                if (Faint(x)) edge = x;
            return edge;
        }
        return new PixelRect(Reach(own.Left, -1), own.Top, Reach(own.Right - 1, 1) + 1, own.Bottom);
    }

    /// <summary>How far beside a line's ink faint ink is looked for, in line heights (a 。 lies within half a character).</summary>
    private const double FaintReach = 0.6;

    /// <summary>The blank allowed between a line's ink and a faint mark, or within the mark, in line heights.</summary>
    private const double FaintGap = 0.25;

    /// <summary>A grey level (paper 255, the ink mask's threshold about 178) a faint mark's pixels are darker than.</summary>
    private const byte FaintLevel = 215;

    /// <summary>A column of a faint mark holds at least this many such pixels (a speck of grain holds one).</summary>
    private const int FaintColumnInk = 2;

    /// <summary>
    /// A recognised line in the engines' common form: words split at the spaces it read, each character boxed
    /// by the time steps it was seen at (CTC places a character near its centre, so boxes are narrow); a
    /// bracket, whose width is told by the gaps beside it, is boxed by its own ink instead (<see cref="InkBoxes"/>).
    /// </summary>
    private OcrLine? Line(RecognisedLine line, PixelRect crop, PixelRect band)
    {
        var words = new List<OcrWord>();
        var symbols = new List<OcrSymbol>();
        var confidence = 1.0;
        void EndWord()
        {
            if (symbols.Count == 0) return;
            words.Add(new OcrWord(symbols, new PixelRect(symbols[0].Box.Left, band.Top, symbols[^1].Box.Right, band.Bottom), confidence));
            symbols = [];
            confidence = 1.0;
        }
        var boxes = InkBoxes(line, crop, band);
        for (var i = 0; i < line.Characters.Count; i++)
        {
            var c = line.Characters[i];
            if (c.Text == " ") { EndWord(); continue; }
            symbols.Add(new OcrSymbol(c.Text, boxes[i]));
            confidence = Math.Min(confidence, c.Probability);
        }
        EndWord();
        return words.Count == 0 ? null : new OcrLine(words);
    }

    /// <summary>
    /// The characters' boxes from their time steps; a bracket takes the ink run (of columns) nearest its steps,
    /// and its neighbours end and start at the ink runs beside it, so the gaps around it are the page's.
    /// </summary>
    private PixelRect[] InkBoxes(RecognisedLine line, PixelRect crop, PixelRect band)
    {
        var characters = line.Characters;
        var boxes = characters.Select(c => new PixelRect(
            crop.Left + (int)(c.FirstStep * line.PixelsPerStep), band.Top,
            Math.Min(crop.Right, crop.Left + (int)Math.Ceiling((c.LastStep + 1) * line.PixelsPerStep)), band.Bottom)).ToArray();
        if (!characters.Any(c => c.Text is "(" or ")" or "（" or "）")) return boxes;
        var runs = InkMask.Bands(ink.InkColumns(new PixelRect(crop.Left, band.Top, crop.Right, band.Bottom), 1), 0)
            .Select(r => (Left: crop.Left + r.Start, Right: crop.Left + r.End)).ToList();
        if (runs.Count == 0) return boxes;
        for (var i = 0; i < characters.Count; i++)
        {
            if (characters[i].Text is not ("(" or ")" or "（" or "）")) continue;
            var centre = (boxes[i].Left + boxes[i].Right) / 2;
            var k = Enumerable.Range(0, runs.Count).MinBy(r => Math.Max(0, Math.Max(runs[r].Left - centre, centre - runs[r].Right)));
            boxes[i] = boxes[i] with { Left = runs[k].Left, Right = runs[k].Right };
            var before = Neighbour(characters, i, -1);
            var after = Neighbour(characters, i, 1);
            if (before >= 0 && k > 0) boxes[before] = boxes[before] with { Right = runs[k - 1].Right };
            if (after >= 0 && k + 1 < runs.Count) boxes[after] = boxes[after] with { Left = runs[k + 1].Left };
        }
        return boxes;
    }

    /// <summary>The nearest character that is not a space, looking one way from position i; -1 when there is none.</summary>
    private static int Neighbour(IReadOnlyList<RecognisedCharacter> characters, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < characters.Count; j += step)
            if (characters[j].Text != " ") return j;
        return -1;
    }

    /// <summary>
    /// PP-OCR's reading compared with Tesseract's: the same text (ignoring spaces and character widths) makes the
    /// cell as sure as either engine being right; different texts keep the surer reading and flag it.
    /// </summary>
    public static CellReading CrossCheck(CellReading paddle, CellReading tesseract)
    {
        if (Comparable(paddle.Text) == Comparable(tesseract.Text))
            return paddle with { Text = paddle.Text ?? tesseract.Text, Confidence = 1 - (1 - paddle.Confidence) * (1 - tesseract.Confidence) };
        var surer = paddle.Text is null || tesseract.Text is not null && tesseract.Confidence > paddle.Confidence ? tesseract : paddle;
        return surer with { Confidence = Math.Min(surer.Confidence, Disagreed) };
    }

    /// <summary>Text as two engines are compared on: compatibility forms (full-width as ASCII), no whitespace, ideographs for radicals.</summary>
    public static string Comparable(string? text) =>
        Label.Key(text?.Normalize(NormalizationForm.FormKC)).Replace("（", "(").Replace("）", ")");

    private CellReading Tesseract(PixelRect rect, IReadOnlyList<PixelRect> bands, PixelRect inside, PixelRect bounds, int singleLineHeight)
    {
        var tesseract = engine.Tesseract;
        // Several text lines are read one by one: single-line mode reads CJK in narrow cells far better than block mode.
        var lines = bands.Count <= 1
            ? tesseract.Read(rect, bounds.Height <= 1.6 * singleLineHeight)
            : bands.SelectMany(band => tesseract.Read(new PixelRect(rect.Left, band.Top, rect.Right, band.Bottom).Inflate((int)(3 * _u), inside), true)).ToList();
        var text = Dash(CellText.Assemble(lines, inside));
        var confidence = CellText.Confidence(lines);
        if (text is not null && MayBeNumber(text, confidence) && !(NumberLike().IsMatch(text) && confidence >= SureNumber))
        {
            var digits = tesseract.Read(rect, true, number: true);
            var reread = CellText.Assemble(digits, inside);
            var rereadConfidence = CellText.Confidence(digits);
            if (reread is not null && NumberLike().IsMatch(reread) && (!NumberLike().IsMatch(text) || rereadConfidence > confidence))
                (text, confidence) = (reread, rereadConfidence);
        }
        if (text is not null && GreaterOrEqual().IsMatch(text)) text = "≥" + text[1..];

        // Where the bar under ≥ is lost, > and ≥ cannot be told apart; bracket widths are told by their gaps,
        // which a noisy scan may blur: a comparison or bracket the reader kept may have been the other, so such a cell is never sure.
        if (text is not null && text.IndexOfAny(Ambiguous) >= 0) confidence = Math.Min(confidence, AmbiguousReading);
        return new CellReading(text, text is null ? 1.0 : confidence, bounds);
    }

    /// <summary>
    /// A target's leading comparison sign as its ink shows it (<see cref="ComparisonSign"/>): the engines read a lone
    /// ≥ as M, V, 2, = or >, ≤ as 八, 人 or &lt;, and Tesseract has neither; an ASCII ">=" may come as "v=". Only a
    /// first character that may be such a misreading, followed by a number or by nothing (or by =, alone in a sign
    /// column of its own or before a number, for a bare > or &lt;),
    /// is replaced, and a ≥ or ≤ read is never taken down to > or &lt; (a faint bar lost from the ink mask); then
    /// <see cref="TargetMisreadings.Tidy"/>.
    /// </summary>
    private string SignRead(string text, PixelRect bounds)
    {
        var rest = text[1..].TrimStart();
        var beforeNumber = rest.Length == 0 || char.IsAsciiDigit(rest[0]);
        var beforeEquals = rest.Length > 0 && rest[0] == '=' && (rest.Length == 1 || char.IsAsciiDigit(rest[1]));
        if (SignMisreadings.Contains(text[0]) && (beforeNumber || beforeEquals) && ComparisonSign.Of(FirstGlyph(bounds)) is { } sign)
        {
            var bare = sign is '>' or '<';
            var signReadWithItsBar = bare && text[0] is '≥' or '≤';
            if ((beforeNumber || bare) && !signReadWithItsBar) text = sign + text[1..];
        }
        else text = LetteredSign(text);
        return TargetMisreadings.Tidy(text);
    }

    /// <summary>
    /// The sign a letter leading a number stands for where the ink did not settle it ("N93.6%", "S19小时"): no form
    /// prints a letter there, and the letters the engines read are the sign's shape, an angle opening right (≥) or
    /// left (≤); nor alone in a cell (a split target's 指标性质 column). A guess: the cell stays unsure. 人 and # were
    /// read for both.
    /// </summary>
    internal static string LetteredSign(string text)
    {
        var rest = text[1..].TrimStart();
        return LetterSign.TryGetValue(text[0], out var sign) && (rest.Length == 0 || ShortNumber().IsMatch(rest)) ? sign + rest : text;
    }

    private static readonly Dictionary<char, char> LetterSign = new()
    {
        ['N'] = '≥', ['M'] = '≥', ['V'] = '≥', ['v'] = '≥', ['Y'] = '≥', ['Z'] = '≥', ['z'] = '≥', ['之'] = '≥',
        ['S'] = '≤', ['s'] = '≤', ['K'] = '≤', ['八'] = '≤', ['到'] = '≤', ['Λ'] = '≤', ['《'] = '≤',
    };

    /// <summary>A number with at most a short unit after it: what follows a target's sign ("93.6%", "19小时", "2790批次").</summary>
    [GeneratedRegex(@"^\d[\d.,]*%?[^\d\s]{0,4}$")]
    private static partial Regex ShortNumber();

    /// <summary>What the engines have read comparison signs as, on the generated corpus's scans and photos.</summary>
    private static readonly char[] SignMisreadings =
        ['≥', '≤', '=', '>', '<', '1', '2', '5', 'M', 'N', 'S', 's', 'V', 'v', 'Y', 'Z', 'z', '八', '人', '二', '之', '到'];

    /// <summary>The ink of the cell's first glyph: the first run of inked columns from the left, cropped to its rows.</summary>
    private bool[,] FirstGlyph(PixelRect bounds)
    {
        var columns = ink.InkColumns(bounds, 1);
        var end = 0;
        while (end < columns.Length && columns[end]) end++;
        if (end == 0) return new bool[0, 0];
        var glyph = ink.InkBounds(new PixelRect(bounds.Left, bounds.Top, bounds.Left + end, bounds.Bottom));
        var bits = new bool[glyph.Height, glyph.Width];
        for (var y = 0; y < glyph.Height; y++)
            for (var x = 0; x < glyph.Width; x++)
                bits[y, x] = ink[glyph.Left + x, glyph.Top + y];
        return bits;
    }

    /// <summary>
    /// The text lines of a cell: bands of inked rows split by blank rows (gaps of a few rows bridged: a character's
    /// own blank rows, 三 or 二); a band as tall as two lines is split at its blank rows instead where that leaves
    /// pieces of a line's height each (a narrow label cell's wrapped 项目名 / 称, set with almost no leading); a band
    /// too thin for a line (a stroke of a character split off by its own gap) joins the band nearest to it.
    /// </summary>
    internal List<PixelRect> LineBands(PixelRect bounds, int singleLineHeight)
    {
        var rows = ink.InkRows(bounds, 1);
        var minHeight = singleLineHeight * 3 / 5;
        var bands = InkMask.Bands(rows, Math.Max(2, (int)(5 * _u)))
            .SelectMany(b => b.End - b.Start >= TwoLines * singleLineHeight ? Unbridged(rows, b, minHeight) : [b]).ToList();
        for (var k = 0; k < bands.Count && bands.Count > 1;)
        {
            if (bands[k].End - bands[k].Start >= minHeight) { k++; continue; }
            var up = k > 0 ? bands[k].Start - bands[k - 1].End : int.MaxValue;
            var down = k + 1 < bands.Count ? bands[k + 1].Start - bands[k].End : int.MaxValue;
            var with = up <= down ? k - 1 : k + 1;
            var merged = (Math.Min(bands[k].Start, bands[with].Start), Math.Max(bands[k].End, bands[with].End));
            bands[Math.Min(k, with)] = merged;
            bands.RemoveAt(Math.Max(k, with));
            k = 0;
        }
        return bands.Select(b => new PixelRect(bounds.Left, bounds.Top + b.Start, bounds.Right, bounds.Top + b.End)).ToList();
    }

    /// <summary>A band this many single-line heights tall holds two lines or more (a line with its gap is ~1.2).</summary>
    private const double TwoLines = 1.7;

    /// <summary>
    /// The runs of inked rows within a band, no blank row bridged, when each is a line's height; else the band as it
    /// is (a seal's specks or a character's own blank rows split it into pieces no line is made of).
    /// </summary>
    private static List<(int Start, int End)> Unbridged(bool[] rows, (int Start, int End) band, int minHeight)
    {
        var runs = InkMask.Bands(rows[band.Start..band.End], 0).Select(b => (band.Start + b.Start, band.Start + b.End)).ToList();
        return runs.Count > 1 && runs.All(r => r.Item2 - r.Item1 >= minHeight) ? runs : [band];
    }

    /// <summary>
    /// Text without CJK that is mostly digits: a number, percentage or numeric target misread ("9296" for
    /// "92%"), or a short unsure reading ("三1" for "=1", "二" for "="), worth a second reading limited to
    /// the characters numbers are printed with. Units in CJK ("4.6万吨") rule it out: the limited reading would drop them.
    /// </summary>
    private static bool MayBeNumber(string text, double confidence)
    {
        var cjk = text.Count(CjkText.IsCjkLike);
        var mostlyDigits = text.Length <= 20 && cjk == 0 && text.Count(char.IsAsciiDigit) * 2 >= text.Length;
        var shortAndUnsure = text.Length <= 3 && cjk <= 1 && (cjk == 0 || confidence < 0.85);
        return mostlyDigits || shortAndUnsure;
    }

    /// <summary>Tesseract's CJK model reads ≥ as 之 (its nearest shape): at the start of a target, before a number or alone.</summary>
    [GeneratedRegex(@"^之(\d.*)?$")]
    private static partial Regex GreaterOrEqual();

    /// <summary>The dash placeholder, however an engine read it (before readings are compared).</summary>
    private static string? Dash(string? text) => text is not null && Placeholder().IsMatch(text) ? "—" : text;

    /// <summary>A dash placeholder (—) that OCR reads as 一, 一一, - or _.</summary>
    [GeneratedRegex(@"^[一—\-_－―]{1,3}$")]
    private static partial Regex Placeholder();

    /// <summary>A cell that holds a number, a percentage or a numeric target ("854,500.00", "100.00%", "≥90%", "=1").</summary>
    [GeneratedRegex(@"^([=<>≥≤]{0,2}\s*[0-9][0-9,.，。 ]*%?|[=<>%]{1,2})$")]
    private static partial Regex NumberLike();
}
