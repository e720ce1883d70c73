namespace FormMaker;

/// <summary>
/// The case as a flat spreadsheet with merged cells (scripts/fixtures/html-to-fods.py over the case's HTML, in
/// the case's font, size and paper) printed by LibreOffice Calc: "case-0000001.libreoffice.pdf".
/// </summary>
internal sealed class LibreOfficePdfProducer : IFormProducer
{
    private readonly SofficeBatch batch = new("pdf", ["--convert-to", "pdf"]);

    public string Name => "libreoffice";

    public string? Missing() => SofficeBatch.Missing();

    public void Write(CorpusCase corpusCase, string caseFolder) => batch.Add(corpusCase, caseFolder, "libreoffice.pdf", fods: []);

    public void Finish() => batch.Finish();
}
