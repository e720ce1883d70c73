using ScanMaker;

namespace FormMaker;

/// <summary>
/// A poor office scan: 200 dpi grey, each page turned up to ±2°, a slight blur on half the cases, grey noise
/// (σ 4-14), JPEG quality 30-90: "case-0000001.scan200-noisy.pdf".
/// </summary>
internal sealed class NoisyScanProducer : ScanProducer
{
    public override string Name => "scan200-noisy";

    protected override int Dpi => 200;

    protected override ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work) =>
        new(Dpi, JpegQuality: random.Next(30, 91), Skews: Skews(random, 2), Blur: random.Next(2), Noise: 4 + random.NextDouble() * 10, NoiseSeed: random.Next());
}
