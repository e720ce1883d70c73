using ScanMaker;

namespace FormMaker;

/// <summary>A clean flatbed scan: 300 dpi grey, straight, JPEG quality 60-90: "case-0000001.scan300.pdf".</summary>
internal sealed class CleanScanProducer : ScanProducer
{
    public override string Name => "scan300";

    protected override int Dpi => 300;

    protected override ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work) => new(Dpi, JpegQuality: random.Next(60, 91));
}
