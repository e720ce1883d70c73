namespace Extractor.Mapping;

/// <summary>
/// Merged level cells are printed once — on the first row of their block in exports, often on the middle
/// row in PDFs — and blank on the others. Level-1 comes first: from the taxonomy where the row's level-2
/// names it, else filled down and back within its block. Level-2 then fills down and back within its
/// level-1 block. Rows outside the hierarchy (绩效目标合理性) neither take nor give labels.
/// </summary>
internal static class MergedLabelFill
{
    public static void Apply(IReadOnlyList<IndicatorRow> rows)
    {
        var inHierarchy = rows.Where(r => !r.OutsideHierarchy).Select(r => r.Value).ToList();

        foreach (var row in inHierarchy)
            row.Level1 ??= IndicatorTaxonomy.Level1Of(row.Level2);
        FillDownAndBack(inHierarchy, r => r.Level1, (r, v) => r.Level1 = v, sameBlock: (_, _) => true);
        FillDownAndBack(inHierarchy, r => r.Level2, (r, v) => r.Level2 = v, sameBlock: (a, b) => a.Level1 == b.Level1);
    }

    /// <summary>Fills a blank label from the row above when both are in one block, then the first rows of a block from below.</summary>
    private static void FillDownAndBack(
        List<Output.Indicator> rows, Func<Output.Indicator, string?> get, Action<Output.Indicator, string?> set,
        Func<Output.Indicator, Output.Indicator, bool> sameBlock)
    {
        for (var i = 1; i < rows.Count; i++)
            if (get(rows[i]) is null && sameBlock(rows[i - 1], rows[i])) set(rows[i], get(rows[i - 1]));
        for (var i = rows.Count - 2; i >= 0; i--)
            if (get(rows[i]) is null && sameBlock(rows[i + 1], rows[i])) set(rows[i], get(rows[i + 1]));
    }
}
