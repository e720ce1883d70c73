using ScanMaker;

namespace FormMaker;

/// <summary>
/// A stamped form scanned in colour: 300 dpi, straight, JPEG quality 60-90, the implementing unit's red seal
/// (<see cref="SealArtwork"/>) over the table on one of the pages, its centre anywhere in the right 55-85% and the
/// middle 15-85% of the page: "case-0000001.scan300-seal.pdf".
/// </summary>
internal sealed class SealedScanProducer : ScanProducer
{
    public override string Name => "scan300-seal";

    protected override int Dpi => 300;

    protected override ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work)
    {
        var truth = corpusCase.Forms[0].Truth;
        var unit = truth.ImplementingUnit ?? truth.Department ?? "财政局";
        var seal = new SealStamp(SealArtwork.Render(unit, Dpi, random, work), random.Next(pages), 0.55 + random.NextDouble() * 0.3, 0.15 + random.NextDouble() * 0.7);
        return new(Dpi, JpegQuality: random.Next(60, 91), Colour: true, Seal: seal);
    }
}
