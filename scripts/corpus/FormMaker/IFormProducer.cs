namespace FormMaker;

/// <summary>
/// Prints the forms of a case into one input file of its kind in the case folder. Producers are found by
/// reflection (every class implementing this), so adding one is adding a class; <see cref="Name"/> selects it
/// on the command line and is the file name's tag ("case-0000001.chromium.pdf").
/// </summary>
internal interface IFormProducer
{
    string Name { get; }

    /// <summary>Whether the tools this producer runs are installed (a missing one is named, not a failure of the others).</summary>
    string? Missing();

    /// <summary>Whether the producer runs when none is named: scans are OCR'd at seconds a page, so a corpus gets
    /// them only when asked for by name.</summary>
    bool ByDefault => true;

    void Write(CorpusCase corpusCase, string caseFolder);

    /// <summary>Completes work batched over cases (one LibreOffice start for many files).</summary>
    void Finish() { }
}
