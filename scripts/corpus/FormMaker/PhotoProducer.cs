using ScanMaker;

namespace FormMaker;

/// <summary>
/// Phone photos of the pages gathered into a PDF: colour at 200 dpi, each corner pulled in by 1-5% of the page
/// (perspective, the dark desk showing around), light falling off by 15-45% across the page in any direction,
/// turned up to ±2°, a slight blur on half the cases, mild noise, JPEG quality 50-85: "case-0000001.photo.pdf".
/// </summary>
internal sealed class PhotoProducer : ScanProducer
{
    public override string Name => "photo";

    protected override int Dpi => 200;

    protected override ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work) =>
        new(Dpi, JpegQuality: random.Next(50, 86), Skews: Skews(random, 2), Blur: random.Next(2), Noise: 3 + random.NextDouble() * 5,
            NoiseSeed: random.Next(), Colour: true, Corners: Enumerable.Range(0, 8).Select(_ => 0.01 + random.NextDouble() * 0.04).ToArray(),
            Shade: 0.15 + random.NextDouble() * 0.3, ShadeDegrees: random.NextDouble() * 360);
}
