using ScanMaker;

namespace FormMaker;

/// <summary>
/// A fax or archive scan: 200 dpi black and white (threshold 130-180, so strokes thin or thicken), pages turned up
/// to ±1°, multi-page CCITT G4 TIFF: "case-0000001.scan200-bw.tif".
/// </summary>
internal sealed class BilevelScanProducer : ScanProducer
{
    public override string Name => "scan200-bw";

    protected override string Extension => ".tif";

    protected override int Dpi => 200;

    protected override ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work) =>
        new(Dpi, Skews: Skews(random, 1), Threshold: random.Next(130, 181));
}
