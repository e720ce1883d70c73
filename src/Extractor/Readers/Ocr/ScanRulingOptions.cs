namespace Extractor.Readers.Ocr;

/// <summary>
/// How ruling lines are found in a scanned page's ink ("Extractor:Ocr:Rulings" in pipeline.json). Lengths are in
/// points (1/72 inch), the unit of <see cref="Tables.LatticeOptions"/>, and become pixels at the prepared page's
/// resolution (<see cref="Pixels"/>), so a 200 dpi scan and a 300 dpi one are searched alike. The defaults are the
/// pixel tolerances the scan reader was tuned with at 300 dpi (in brackets). What the lines make (rows, columns,
/// spans) is <see cref="Tables.LatticeGridFinder"/>'s work, with its own options.
/// </summary>
public sealed class ScanRulingOptions
{
    /// <summary>A horizontal ruling is at least this long; so is the band between two rulings that vertical ones are looked for in. Default 36 pt (150 px).</summary>
    public double MinLineLength { get; set; } = 36;

    /// <summary>A piece of a ruling is an unbroken run of ink at least this long, longer than any character stroke. Default 14.4 pt (60 px).</summary>
    public double MinPieceLength { get; set; } = 14.4;

    /// <summary>Pieces this close along a row are one ruling (a faint or noisy scan breaks its lines). Default 1.92 pt (8 px).</summary>
    public double MaxBreak { get; set; } = 1.92;

    /// <summary>Share of a ruling's length that must be ink, breaks included. Default 0.8.</summary>
    public double MinInkShare { get; set; } = 0.8;

    /// <summary>A ruling is at most this thick; a thicker dark band is a filled area or a heading's stroke, not a line. Default 4.08 pt (17 px).</summary>
    public double MaxLineThickness { get; set; } = 4.08;

    /// <summary>Horizontal pieces whose centres are this close in height are one line (ruled over some columns only, or broken by a crossing). Default 1.44 pt (6 px).</summary>
    public double LineSnap { get; set; } = 1.44;

    /// <summary>Vertical rulings are looked for this far beyond the ends of the horizontal ones (a frame's corner). Default 0.96 pt (4 px).</summary>
    public double CrossingMargin { get; set; } = 0.96;

    /// <summary>A band between two horizontal rulings lower than this holds no vertical ruling (a double line, not a row). Default 1.92 pt (8 px).</summary>
    public double MinBandHeight { get; set; } = 1.92;

    /// <summary>
    /// A vertical ruling crosses a band where ink fills at least this share of its height and joins the lines at both
    /// ends (a character's stroke, however tall in a tight row, stops short of them). Default 0.85.
    /// </summary>
    public double MinCrossingFill { get; set; } = 0.85;

    /// <summary>
    /// A character's stroke joining two tight lines (dense bold print) is not a vertical ruling: ink just beside it, on
    /// one side, in more than this share of the band's rows makes it one, unless a crossing clear of ink stands at its
    /// place in another row of the table (a column edge a cell's text crowds). Default 0.25.
    /// </summary>
    public double MaxCrossingSideInk { get; set; } = 0.25;

    /// <summary>
    /// As <see cref="MaxCrossingSideInk"/>, for ink near it (within <see cref="CrossingClearance"/>) on both sides:
    /// a stroke has its neighbours close on either hand, a ruling one cell's text at most. Default 0.1.
    /// </summary>
    public double MaxCrossingBothSidesInk { get; set; } = 0.1;

    /// <summary>How near a crossing ink counts for <see cref="MaxCrossingBothSidesInk"/>. Default 1.44 pt (6 px).</summary>
    public double CrossingClearance { get; set; } = 1.44;

    /// <summary>
    /// Vertical rulings that run on at least this far past a table's first or last horizontal one, with none to close
    /// them, rule a row a page break cut open (Chromium prints a table continued on the next page without its top
    /// border). Default 3.6 pt (15 px).
    /// </summary>
    public double MinOpenRowHeight { get; set; } = 3.6;

    /// <summary>
    /// A page continuing the previous page's table takes its columns where each of its column edges lies this close to
    /// one of the previous page's, as a share of the table's width (<see cref="Tables.ContinuedPageColumns"/>). Default
    /// 0.012 (about 8 pt on an A4 landscape table): a photo's perspective moves an edge by less, columns are wider.
    /// </summary>
    public double ContinuedColumnTolerance { get; set; } = 0.012;

    /// <summary>A length in points as whole pixels at <paramref name="dpi"/>.</summary>
    public static int Pixels(double points, int dpi) => (int)Math.Round(points * dpi / 72.0);

    public IEnumerable<string> Validate()
    {
        const string at = "Extractor:Ocr:Rulings:";
        if (MinPieceLength <= 0) yield return at + "MinPieceLength must be above 0 (points)";
        if (MinLineLength < MinPieceLength) yield return at + "MinLineLength must be at least MinPieceLength (points)";
        if (MaxBreak < 0) yield return at + "MaxBreak must be 0 or more (points)";
        if (MaxLineThickness <= 0) yield return at + "MaxLineThickness must be above 0 (points)";
        if (LineSnap < 0) yield return at + "LineSnap must be 0 or more (points)";
        if (CrossingMargin < 0) yield return at + "CrossingMargin must be 0 or more (points)";
        if (MinBandHeight < 0) yield return at + "MinBandHeight must be 0 or more (points)";
        if (MinOpenRowHeight <= 0) yield return at + "MinOpenRowHeight must be above 0 (points)";
        if (MinInkShare is <= 0 or > 1) yield return at + "MinInkShare must be above 0 and at most 1";
        if (MinCrossingFill is <= 0 or > 1) yield return at + "MinCrossingFill must be above 0 and at most 1";
        if (MaxCrossingSideInk is <= 0 or > 1) yield return at + "MaxCrossingSideInk must be above 0 and at most 1";
        if (MaxCrossingBothSidesInk is <= 0 or > 1) yield return at + "MaxCrossingBothSidesInk must be above 0 and at most 1";
        if (CrossingClearance < 0) yield return at + "CrossingClearance must be 0 or more (points)";
        if (ContinuedColumnTolerance is < 0 or >= 0.5) yield return at + "ContinuedColumnTolerance must be 0 or more and under 0.5 (a share of the table's width)";
    }
}
