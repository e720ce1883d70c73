namespace Extractor.Readers.Ocr;

/// <summary>A character as an engine read it, with its box on the page.</summary>
internal sealed record OcrSymbol(string Text, PixelRect Box);

/// <summary>A word as an engine read it: its characters, its box on the page and its confidence (0..1).</summary>
internal sealed record OcrWord(IReadOnlyList<OcrSymbol> Symbols, PixelRect Box, double Confidence)
{
    public string Text => string.Concat(Symbols.Select(s => s.Text)).Trim();
}

/// <summary>A text line: its words in reading order.</summary>
internal sealed record OcrLine(IReadOnlyList<OcrWord> Words)
{
    public PixelRect Box => new(Words.Min(w => w.Box.Left), Words.Min(w => w.Box.Top), Words.Max(w => w.Box.Right), Words.Max(w => w.Box.Bottom));
}
