namespace FormMaker;

/// <summary>
/// The case as a flat spreadsheet with merged cells (scripts/fixtures/html-to-fods.py over the case's HTML, in
/// the case's font, size and paper) printed by LibreOffice Calc: "case-0000001.libreoffice.pdf".
/// </summary>
internal sealed class LibreOfficePdfProducer : IFormProducer
{
    private readonly SofficeBatch batch = new("pdf", ["--convert-to", "pdf"]);

    /// <summary>Columns as wide as the HTML's &lt;col&gt; (Calc fits the page by scaling), numbers never wrapped, as a
    /// spreadsheet prints them, and rows with merged text as tall as it needs (an office sees the print).</summary>
    private static readonly string[] PrintOptions = ["--natural-widths", "--unwrapped", "xl68", "--fit-rows"];

    public string Name => "libreoffice";

    public string? Missing() => SofficeBatch.Missing();

    public void Write(CorpusCase corpusCase, string caseFolder) => batch.Add(corpusCase, caseFolder, "libreoffice.pdf", fods: PrintOptions);

    public void Finish() => batch.Finish();
}
