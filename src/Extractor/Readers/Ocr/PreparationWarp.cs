using Extractor.Grid;

namespace Extractor.Readers.Ocr;

/// <summary>
/// How <see cref="ScanPreparation"/> moved a page's pixels: scaled to the target resolution, rotated about the
/// centre by the deskew angle, then straightened by a homography (a photo). Kept to give the values' boxes back in the
/// source image's pixels, where the review page cuts the original: a 2° deskew moves a cell at the page's edge by 3 mm.
/// </summary>
internal sealed class PreparationWarp
{
    private readonly double scaleX, scaleY, cos, sin, centreX, centreY;
    private Homography? unstraighten;

    /// <param name="source">The source image's size in pixels.</param>
    /// <param name="prepared">The prepared page's size in pixels (the deskew turns it about its centre).</param>
    /// <param name="degrees">The deskew rotation applied, clockwise positive as leptonica turns the image (0: none).</param>
    public PreparationWarp((int Width, int Height) source, (int Width, int Height) prepared, double degrees)
    {
        SourceSize = source;
        (scaleX, scaleY) = ((double)prepared.Width / source.Width, (double)prepared.Height / source.Height);
        (cos, sin) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        (centreX, centreY) = (prepared.Width / 2.0, prepared.Height / 2.0);
    }

    public (int Width, int Height) SourceSize { get; }

    /// <summary>
    /// A grid found on the prepared page in the source image's pixels: its cells and rulings only scaled (upright, as
    /// drawn over the prepared page), its text boxes mapped back to where the source shows the text.
    /// </summary>
    public GridPage Place(GridPage grid) => grid.Placed(b => b.Scaled(1 / scaleX, 1 / scaleY), SourceSize, ToSource);

    /// <summary>The page was straightened by the homography taking <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Straightened(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to) =>
        unstraighten = Homography.Through(to, from);

    /// <summary>A point of the prepared page in the source image's pixels.</summary>
    public (double X, double Y) ToSource((double X, double Y) prepared)
    {
        var (x, y) = unstraighten?.Map(prepared) ?? prepared;
        // Undo the clockwise turn: turn back by the same angle about the centre.
        var (dx, dy) = (x - centreX, y - centreY);
        var (ux, uy) = (centreX + dx * cos + dy * sin, centreY - dx * sin + dy * cos);
        return (ux / scaleX, uy / scaleY);
    }

    /// <summary>The source-pixel box enclosing a prepared-page box (its corners mapped back).</summary>
    public Box ToSource(Box prepared)
    {
        var corners = new[] { (prepared.Left, prepared.Top), (prepared.Right, prepared.Top), (prepared.Right, prepared.Bottom), (prepared.Left, prepared.Bottom) }
            .Select(ToSource).ToList();
        return new Box(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
    }
}
