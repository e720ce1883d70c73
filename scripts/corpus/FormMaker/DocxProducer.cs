namespace FormMaker;

/// <summary>The case's HTML opened by LibreOffice Writer and saved as a Word 2007-365 document, one Word table per form: "case-0000001.docx".</summary>
internal sealed class DocxProducer : IFormProducer
{
    private readonly SofficeBatch batch = new("docx", ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"]);

    public string Name => "docx";

    public string? Missing() => SofficeBatch.Missing();

    public void Write(CorpusCase corpusCase, string caseFolder) => batch.Add(corpusCase, caseFolder, "docx", fods: null);

    public void Finish() => batch.Finish();
}
