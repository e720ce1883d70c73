namespace FormMaker;

/// <summary>
/// The case as the workbook an office saves (scripts/fixtures/html-to-fods.py --workbook: one sheet per form, typed
/// numbers under the formats that print them, a #REF! as a formula error, a hidden void row in each indicator table,
/// a hidden sheet with an old copy of the first form and a sibling targets form, all to be left out) converted by
/// LibreOffice Calc into the format of <c>filter</c>: "case-0000001.xlsx", "case-0000001.xls".
/// </summary>
internal abstract class WorkbookProducer(string extension, string filter) : IFormProducer
{
    private readonly SofficeBatch batch = new(extension, ["--convert-to", $"{extension}:{filter}"]);

    public string Name => extension;

    public string? Missing() => SofficeBatch.Missing();

    public void Write(CorpusCase corpusCase, string caseFolder) => batch.Add(corpusCase, caseFolder, extension, fods: ["--workbook"]);

    public void Finish() => batch.Finish();
}
