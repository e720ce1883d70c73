namespace Extractor.Mapping;

/// <summary>
/// Merged level cells are printed once — on the first row of their block in exports, often on the middle
/// row in PDFs — and blank on the others. Level-2 labels fill down within their level-1 block (and back to
/// the block's first rows); level-1 labels come from the taxonomy where the level-2 names it, else fill down
/// and back. Rows outside the hierarchy (绩效目标合理性) neither take nor give labels.
/// </summary>
internal static class MergedLabelFill
{
    public static void Apply(IReadOnlyList<IndicatorRow> rows)
    {
        var inHierarchy = rows.Where(r => !r.OutsideHierarchy).Select(r => r.Value).ToList();

        // Level-2 down, unless the row opens a new level-1 block by printing its own level-1.
        string? level2 = null, level1 = null;
        foreach (var row in inHierarchy)
        {
            if (row.Level1 is not null && row.Level1 != level1) { level1 = row.Level1; level2 = null; }
            if (row.Level2 is null) row.Level2 = level2;
            else level2 = row.Level2;
        }
        // Level-2 back to the first rows of a block, printed blank above a label on a later row.
        for (var i = inHierarchy.Count - 2; i >= 0; i--)
            if (inHierarchy[i].Level2 is null && inHierarchy[i].Level1 == inHierarchy[i + 1].Level1)
                inHierarchy[i].Level2 = inHierarchy[i + 1].Level2;

        foreach (var row in inHierarchy)
            row.Level1 ??= IndicatorTaxonomy.Level1Of(row.Level2);

        level1 = null;
        foreach (var row in inHierarchy)
        {
            if (row.Level1 is null) row.Level1 = level1;
            else level1 = row.Level1;
        }
        for (var i = inHierarchy.Count - 2; i >= 0; i--)
            inHierarchy[i].Level1 ??= inHierarchy[i + 1].Level1;
    }
}
