namespace Extractor.Mapping;

/// <summary>
/// Merged level cells are printed once — on the first row of their block in exports, often on the middle
/// row in PDFs — and blank on the others. Level-1 comes first: from the taxonomy where the row's level-2
/// names it, else filled down and back within its block. Level-2 then fills down and back within its
/// level-1 block. Rows outside the hierarchy (绩效目标合理性) neither take nor give labels. A filled label
/// leads back to the cell it was printed in (<see cref="ReadingLog.Copy"/>).
/// </summary>
internal static class MergedLabelFill
{
    public static void Apply(IReadOnlyList<IndicatorRow> rows, ReadingLog log)
    {
        var inHierarchy = Enumerable.Range(0, rows.Count).Where(i => !rows[i].OutsideHierarchy).ToList();
        var level1 = new Level(rows, log, "level1", r => r.Level1, (r, v) => r.Level1 = v);
        var level2 = new Level(rows, log, "level2", r => r.Level2, (r, v) => r.Level2 = v);

        foreach (var i in inHierarchy)
        {
            var row = rows[i].Value;
            if (row.Level1 is not null || IndicatorTaxonomy.Level1Of(row.Level2) is not { } known) continue;
            row.Level1 = known;
            log.Copy(Level.Path(i, "level2"), Level.Path(i, "level1"));
        }
        CostKindsJoinPrintedCostBlock(rows, inHierarchy, log);
        FillDownAndBack(inHierarchy, level1, sameBlock: (_, _) => true);
        FillDownAndBack(inHierarchy, level2, sameBlock: (a, b) => rows[a].Value.Level1 == rows[b].Value.Level1);
    }

    /// <summary>
    /// Where a form prints 成本指标 as a level-1 of its own (2021+ templates), a row of a cost sub-kind
    /// (经济成本指标 …) with a blank level-1 is in that block, whichever row the merged label was printed on;
    /// plain fill-down would give it the 产出指标 block above.
    /// </summary>
    private static void CostKindsJoinPrintedCostBlock(IReadOnlyList<IndicatorRow> rows, List<int> inHierarchy, ReadingLog log)
    {
        var printed = inHierarchy.FirstOrDefault(i => rows[i].Value.Level1 == IndicatorTaxonomy.CostLevel1, -1);
        if (printed < 0) return;
        foreach (var i in inHierarchy.Where(i => rows[i].Value.Level1 is null && IndicatorTaxonomy.IsCostKind(rows[i].Value.Level2)))
        {
            rows[i].Value.Level1 = IndicatorTaxonomy.CostLevel1;
            log.Copy(Level.Path(printed, "level1"), Level.Path(i, "level1"));
        }
    }

    /// <summary>Fills a blank label from the row above when both are in one block, then the first rows of a block from below.</summary>
    private static void FillDownAndBack(List<int> rows, Level level, Func<int, int, bool> sameBlock)
    {
        for (var k = 1; k < rows.Count; k++)
            if (sameBlock(rows[k - 1], rows[k])) level.FillFrom(rows[k - 1], rows[k]);
        for (var k = rows.Count - 2; k >= 0; k--)
            if (sameBlock(rows[k + 1], rows[k])) level.FillFrom(rows[k + 1], rows[k]);
    }

    /// <summary>One level's label of the indicator rows: read, filled, and where the fill came from logged.</summary>
    private sealed class Level(IReadOnlyList<IndicatorRow> rows, ReadingLog log, string name,
        Func<Output.Indicator, string?> get, Action<Output.Indicator, string?> set)
    {
        public static string Path(int row, string level) => $"indicators[{row}].{level}";

        /// <summary>A blank label of row <paramref name="to"/> takes row <paramref name="from"/>'s.</summary>
        public void FillFrom(int from, int to)
        {
            if (get(rows[to].Value) is not null || get(rows[from].Value) is not { } label) return;
            set(rows[to].Value, label);
            log.Copy(Path(from, name), Path(to, name));
        }
    }
}
