namespace Extractor.Readers.Ocr;

/// <summary>
/// One connected part of a glyph's ink (pixels touching by side or corner), in its own box: where each of its rows
/// starts and ends. Every row of a part is inked, being connected; of a <see cref="Whole"/> glyph, not always.
/// </summary>
internal sealed class InkPart
{
    private readonly bool[,] _ink;

    private InkPart(bool[,] ink, int top, int left)
    {
        _ink = ink;
        Top = top;
        LeftEdge = left;
    }

    /// <summary>The part's top row in the glyph.</summary>
    public int Top { get; }

    /// <summary>The part's left column in the glyph.</summary>
    public int LeftEdge { get; }

    public int Height => _ink.GetLength(0);
    public int Width => _ink.GetLength(1);

    /// <summary>The first inked column of row <paramref name="y"/>, in the part's box.</summary>
    public int Left(int y)
    {
        for (var x = 0; x < Width; x++) if (_ink[y, x]) return x;
        return -1;
    }

    /// <summary>The last inked column of row <paramref name="y"/>, in the part's box.</summary>
    public int Right(int y)
    {
        for (var x = Width - 1; x >= 0; x--) if (_ink[y, x]) return x;
        return -1;
    }

    /// <summary>How far right row <paramref name="y"/>'s ink reaches (its last column), for an angle opening left.</summary>
    public double RightReach(int y) => Right(y);

    /// <summary>How far left row <paramref name="y"/>'s ink reaches, counted from the part's right edge.</summary>
    public double LeftReach(int y) => Width - 1 - Left(y);

    /// <summary>The middle of row <paramref name="y"/>'s ink, in the glyph's columns.</summary>
    public double Centre(int y) => LeftEdge + (Left(y) + Right(y)) / 2.0;

    /// <summary>The longest run of inked pixels in row <paramref name="y"/>.</summary>
    public int LongestRun(int y)
    {
        int run = 0, longest = 0;
        for (var x = 0; x < Width; x++) longest = Math.Max(longest, run = _ink[y, x] ? run + 1 : 0);
        return longest;
    }

    /// <summary>The parts of a glyph, leaving out specks with less than <paramref name="speckShare"/> of its ink.</summary>
    public static List<InkPart> Split(bool[,] glyph, double speckShare)
    {
        int height = glyph.GetLength(0), width = glyph.GetLength(1);
        var label = new int[height, width];
        var pixels = new List<List<(int Y, int X)>>();
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if (glyph[y, x] && label[y, x] == 0) pixels.Add(Fill(glyph, label, y, x, pixels.Count + 1));
        var total = pixels.Sum(p => p.Count);
        return pixels.Where(p => p.Count >= speckShare * total).Select(Crop).ToList();
    }

    /// <summary>
    /// The glyph's parts (specks left out) as one, in the box around them all: a stroke a faint photo broke is one
    /// stroke again. Its rows between the pieces may be blank.
    /// </summary>
    public static InkPart Whole(bool[,] glyph, double speckShare)
    {
        var parts = Split(glyph, speckShare);
        int top = parts.Min(p => p.Top), left = parts.Min(p => p.LeftEdge);
        var ink = new bool[parts.Max(p => p.Top + p.Height) - top, parts.Max(p => p.LeftEdge + p.Width) - left];
        foreach (var part in parts)
            for (var y = 0; y < part.Height; y++)
                for (var x = 0; x < part.Width; x++)
                    if (part._ink[y, x]) ink[part.Top - top + y, part.LeftEdge - left + x] = true;
        return new InkPart(ink, top, left);
    }

    private static List<(int Y, int X)> Fill(bool[,] glyph, int[,] label, int y, int x, int id)
    {
        var found = new List<(int Y, int X)>();
        var stack = new Stack<(int Y, int X)>();
        stack.Push((y, x));
        label[y, x] = id;
        while (stack.Count > 0)
        {
            var (cy, cx) = stack.Pop();
            found.Add((cy, cx));
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    int ny = cy + dy, nx = cx + dx;
                    if (ny < 0 || nx < 0 || ny >= glyph.GetLength(0) || nx >= glyph.GetLength(1)) continue;
                    if (!glyph[ny, nx] || label[ny, nx] != 0) continue;
                    label[ny, nx] = id;
                    stack.Push((ny, nx));
                }
        }
        return found;
    }

    private static InkPart Crop(List<(int Y, int X)> pixels)
    {
        int top = pixels.Min(p => p.Y), left = pixels.Min(p => p.X);
        var ink = new bool[pixels.Max(p => p.Y) - top + 1, pixels.Max(p => p.X) - left + 1];
        foreach (var (y, x) in pixels) ink[y - top, x - left] = true;
        return new InkPart(ink, top, left);
    }
}
