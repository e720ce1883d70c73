namespace Extractor.Tables;

/// <summary>Tolerances of the ruling-line finder, in points (1/72 inch).</summary>
public sealed record LatticeOptions
{
    /// <summary>A filled rectangle no thicker than this is a line (spreadsheets and browsers draw borders as thin filled boxes). Default 3.</summary>
    public double MaxLineThickness { get; init; } = 3;

    /// <summary>Lines this close across their direction are one line; cell boundaries this close are one boundary (exporters draw neighbouring cells' borders up to a pixel apart). Default 2.</summary>
    public double SnapTolerance { get; init; } = 2;

    /// <summary>A gap along a line up to this long is bridged when collinear pieces are merged, and a line that ends this short of another still meets it. Default 3.</summary>
    public double JoinTolerance { get; init; } = 3;

    /// <summary>A separator between two cells counts as drawn when lines cover this share of the cells' common edge. Default 0.5.</summary>
    public double MinEdgeCoverage { get; init; } = 0.5;

    /// <summary>Lines shorter than this are ignored (underlines of single characters, glyph debris). Default 4.</summary>
    public double MinLineLength { get; init; } = 4;
}
