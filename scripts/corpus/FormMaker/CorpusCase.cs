namespace FormMaker;

/// <summary>
/// One case folder of the corpus: forms that every producer prints into one input file each, so the case's
/// expected/NN.json apply to all of them, as in fixtures/.
/// </summary>
internal sealed record CorpusCase(string Split, string Name, int Seed, IReadOnlyList<FormDraft> Forms, PrintStyle Style)
{
    /// <summary>One to three forms from the case's own seed: the same seed always makes the same case.</summary>
    public static CorpusCase Make(string split, int seed)
    {
        var random = new Random(seed);
        var style = PrintStyle.Draw(random);
        var factory = new FormFactory(random, style.Narrowness);
        var count = random.NextDouble() < 0.5 ? 1 : random.Next(2, 4);
        var forms = Enumerable.Range(1, count).Select(factory.Make).ToList();
        return new CorpusCase(split, $"case-{seed:D7}", seed, forms, style);
    }
}
