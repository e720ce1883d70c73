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

    /// <param name="scaleX">Prepared pixels per source pixel across (likewise <paramref name="scaleY"/> down).</param>
    /// <param name="degrees">The deskew rotation applied, clockwise positive as leptonica turns the image (0: none).</param>
    /// <param name="width">The prepared page's width in pixels (rotation is about its centre; likewise <paramref name="height"/>).</param>
    public PreparationWarp(double scaleX, double scaleY, double degrees, int width, int height)
    {
        (this.scaleX, this.scaleY) = (scaleX, scaleY);
        (cos, sin) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        (centreX, centreY) = (width / 2.0, height / 2.0);
    }

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
