using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>A pixel rectangle, right and bottom exclusive.</summary>
internal readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public PixelRect Inset(int by) => new(Left + by, Top + by, Right - by, Bottom - by);

    /// <summary>The rectangle moved by (dx, dy): into or out of the pixels of a cut of the page.</summary>
    public PixelRect Shifted(int dx, int dy) => new(Left + dx, Top + dy, Right + dx, Bottom + dy);

    public PixelRect Inflate(int by, PixelRect within) =>
        new(Math.Max(within.Left, Left - by), Math.Max(within.Top, Top - by), Math.Min(within.Right, Right + by), Math.Min(within.Bottom, Bottom + by));
}

/// <summary>
/// The ink of a binary page, for the grid search (runs and coverage are simpler and fast enough here than
/// leptonica's morphology) and for erasing the ruling lines before the cells are read. A copy of the page's bits
/// (32 pixels to a word, most significant first, as leptonica keeps them): an A3 page at 300 dpi is 2 MB so, not 17.
/// </summary>
internal sealed class InkMask
{
    private readonly uint[] _words;
    private readonly int _wpl;

    private InkMask(int width, int height, int wpl, uint[] words)
    {
        Width = width;
        Height = height;
        _wpl = wpl;
        _words = words;
    }

    public int Width { get; }
    public int Height { get; }

    public bool this[int x, int y] => At(x, y) != 0;

    private int At(int x, int y) => (int)((_words[y * _wpl + (x >> 5)] >> (31 - (x & 31))) & 1);

    public static unsafe InkMask From(Pix binary)
    {
        if (binary.Depth != 1) throw new ArgumentException("the ink mask needs a binary image");
        int w = binary.Width, h = binary.Height, wpl = Leptonica.pixGetWpl(binary);
        var words = new uint[wpl * h];
        new ReadOnlySpan<uint>((uint*)Leptonica.pixGetData(binary), words.Length).CopyTo(words);
        // Leptonica leaves the padding bits past the width undefined: cleared, they are never ink.
        if (w % 32 != 0)
            for (var y = 0; y < h; y++) words[y * wpl + w / 32] &= ~(uint.MaxValue >> (w % 32));
        return new InkMask(w, h, wpl, words);
    }

    /// <summary>Clears a rectangle here and in the page it came from, binary and grey (ruling lines are not text).</summary>
    public unsafe void Erase(PixelRect rect, PreparedPage page)
    {
        var r = Clip(rect);
        var wpl = Leptonica.pixGetWpl(page.Binary);
        var words = (uint*)Leptonica.pixGetData(page.Binary);
        var greyWpl = Leptonica.pixGetWpl(page.Grey);
        var grey = (byte*)Leptonica.pixGetData(page.Grey);
        for (var y = r.Top; y < r.Bottom; y++)
        {
            var line = words + (long)y * wpl;
            var greyLine = grey + (long)y * greyWpl * 4;
            for (var x = r.Left; x < r.Right; x++)
            {
                var bit = ~(1u << (31 - (x & 31)));
                _words[y * _wpl + (x >> 5)] &= bit;
                line[x >> 5] &= bit;
                greyLine[x ^ 3] = byte.MaxValue;
            }
        }
    }

    public PixelRect Clip(PixelRect r) =>
        new(Math.Clamp(r.Left, 0, Width), Math.Clamp(r.Top, 0, Height), Math.Clamp(r.Right, 0, Width), Math.Clamp(r.Bottom, 0, Height));

    /// <summary>Ink pixels in a rectangle.</summary>
    public int Count(PixelRect rect)
    {
        var r = Clip(rect);
        var n = 0;
        for (var y = r.Top; y < r.Bottom; y++)
            for (var x = r.Left; x < r.Right; x++)
                n += At(x, y);
        return n;
    }

    /// <summary>The smallest rectangle holding the ink of <paramref name="rect"/>; empty when there is none.</summary>
    public PixelRect InkBounds(PixelRect rect)
    {
        var r = Clip(rect);
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = r.Top; y < r.Bottom; y++)
            for (var x = r.Left; x < r.Right; x++)
                if (At(x, y) != 0)
                {
                    if (x < left) left = x;
                    if (x > right) right = x;
                    if (y < top) top = y;
                    if (y > bottom) bottom = y;
                }
        return right < 0 ? default : new PixelRect(left, top, right + 1, bottom + 1);
    }

    /// <summary>For each row of the rectangle, whether it holds at least <paramref name="minInk"/> ink pixels.</summary>
    public bool[] InkRows(PixelRect rect, int minInk)
    {
        var r = Clip(rect);
        var rows = new bool[r.Height];
        for (var y = r.Top; y < r.Bottom; y++)
        {
            var n = 0;
            for (var x = r.Left; x < r.Right && n < minInk; x++) n += At(x, y);
            rows[y - r.Top] = n >= minInk;
        }
        return rows;
    }

    /// <summary>For each column of the rectangle, whether it holds at least <paramref name="minInk"/> ink pixels.</summary>
    public bool[] InkColumns(PixelRect rect, int minInk)
    {
        var r = Clip(rect);
        var counts = new int[r.Width];
        for (var y = r.Top; y < r.Bottom; y++)
            for (var x = r.Left; x < r.Right; x++)
                counts[x - r.Left] += At(x, y);
        return counts.Select(c => c >= minInk).ToArray();
    }

    /// <summary>Bands of inked rows or columns (start, end exclusive), bridging blank gaps of at most <paramref name="gap"/>.</summary>
    public static List<(int Start, int End)> Bands(bool[] inked, int gap)
    {
        var bands = new List<(int Start, int End)>();
        for (var i = 0; i < inked.Length;)
        {
            if (!inked[i]) { i++; continue; }
            var start = i;
            var last = i;
            while (i < inked.Length && (inked[i] || i - last <= gap))
            {
                if (inked[i]) last = i;
                i++;
            }
            bands.Add((start, last + 1));
        }
        return bands;
    }
}
