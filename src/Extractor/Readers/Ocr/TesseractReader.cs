using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>How sure readings of the same text are, compared.</summary>
internal static class OcrReading
{
    /// <summary>A reading is surer than another when its least sure word is surer and its words are on average no less sure.</summary>
    public static bool Surer(IReadOnlyList<OcrLine> reading, IReadOnlyList<OcrLine> than)
    {
        var words = reading.SelectMany(l => l.Words).ToList();
        var thanWords = than.SelectMany(l => l.Words).ToList();
        return words.Count > 0 && (thanWords.Count == 0
            || words.Min(w => w.Confidence) > thanWords.Min(w => w.Confidence) && words.Average(w => w.Confidence) >= thanWords.Average(w => w.Confidence));
    }
}

/// <summary>
/// Tesseract, initialised once (language data, the project's settings and word list; the number model; the
/// larger Han model for a second reading) and reused for every page and cell it is lent for. Not thread-safe:
/// the pool lends it to one reader at a time.
/// </summary>
internal sealed class TesseractReader : IDisposable
{
    public const string ConfigFile = "extractor.config";
    public const string WordsFile = "extractor.user-words";

    /// <summary>The characters numbers, percentages and numeric targets are printed with.</summary>
    public const string NumberCharacters = "0123456789.,%-=<>";

    private readonly TessApi _api;
    private readonly TessApi _numbers;
    private readonly TessApi? _second;
    private readonly double _secondBelow;

    public TesseractReader(OcrOptions options, string settingsFolder)
    {
        var config = Path.Combine(settingsFolder, ConfigFile);
        var words = Path.Combine(settingsFolder, WordsFile);
        foreach (var file in new[] { config, words })
            if (!File.Exists(file)) throw new InvalidOperationException($"OCR settings file {file} is missing (Extractor:Ocr:SettingsFolder)");
        _api = Create(options.TessdataPath, options.Languages, config, ["user_words_file"], [words]);
        try
        {
            _numbers = Create(options.TessdataPath, options.NumberLanguage, config, ["tessedit_char_whitelist"], [NumberCharacters]);
            // Checking PP-OCR, an unsure reading is a disagreement either way: the larger model is not loaded (30 MB).
            if (options.Engine == RecognitionEngine.Tesseract && !string.IsNullOrWhiteSpace(options.SecondReadingLanguages))
                _second = Create(options.TessdataPath, options.SecondReadingLanguages, config, ["user_words_file"], [words]);
            _secondBelow = options.SecondReadingBelow;
        }
        catch
        {
            _api.Dispose();
            _numbers?.Dispose();
            throw;
        }
    }

    private static TessApi Create(string tessdata, string languages, string config, string[] names, string[] values)
    {
        var api = Tesseract.TessBaseAPICreate();
        if (api.IsInvalid) throw new InvalidOperationException("tesseract could not create an engine");
        if (Tesseract.TessBaseAPIInit4(api, tessdata, languages, Tesseract.OemLstmOnly, [config], 1, names, values, (nuint)names.Length, 0) == 0)
            return api;
        api.Dispose();
        throw new InvalidOperationException($"tesseract could not load {languages} from {tessdata}");
    }

    /// <summary>Sets the page every following <see cref="Read"/> reads a part of.</summary>
    public void SetPage(PreparedPage page)
    {
        foreach (var api in new[] { _api, _numbers, _second })
        {
            if (api is null) continue;
            Tesseract.TessBaseAPISetImage2(api, page.Binary);
            Tesseract.TessBaseAPISetSourceResolution(api, page.Dpi);
        }
    }

    /// <summary>
    /// Reads one rectangle of the page as a single line or as a block; <paramref name="number"/> reads it with
    /// the number model limited to <see cref="NumberCharacters"/> (the CJK model takes "%" for "96").
    /// </summary>
    public IReadOnlyList<OcrLine> Read(PixelRect rect, bool singleLine, bool number = false)
    {
        if (number) return Read(_numbers, rect, singleLine);
        var lines = Read(_api, rect, singleLine);
        if (_second is null || CellText.Confidence(lines) >= _secondBelow) return lines;
        // The small model is unsure: the reading with the larger Han model beside it is kept when it is surer.
        var second = Read(_second, rect, singleLine);
        return OcrReading.Surer(second, lines) ? second : lines;
    }

    private static IReadOnlyList<OcrLine> Read(TessApi api, PixelRect rect, bool singleLine)
    {
        Tesseract.TessBaseAPISetPageSegMode(api, singleLine ? Tesseract.PsmSingleLine : Tesseract.PsmSingleBlock);
        Tesseract.TessBaseAPISetRectangle(api, rect.Left, rect.Top, rect.Width, rect.Height);
        if (Tesseract.TessBaseAPIRecognize(api, IntPtr.Zero) != 0) return [];
        var lines = new List<OcrLine>();
        using var it = Tesseract.TessBaseAPIGetIterator(api);
        if (it.IsInvalid) return lines;
        var page = Tesseract.TessResultIteratorGetPageIteratorConst(it);
        List<OcrWord>? words = null;
        List<OcrSymbol>? symbols = null;
        do
        {
            var text = Tesseract.TakeText(Tesseract.TessResultIteratorGetUTF8Text(it, Tesseract.LevelSymbol));
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (words is null || Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.LevelTextLine) != 0)
            {
                if (words is { Count: > 0 }) lines.Add(new OcrLine(words));
                words = [];
            }
            if (symbols is null || Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.LevelWord) != 0)
            {
                Tesseract.TessPageIteratorBoundingBox(page, Tesseract.LevelWord, out var wl, out var wt, out var wr, out var wb);
                var confidence = Tesseract.TessResultIteratorConfidence(it, Tesseract.LevelWord) / 100.0;
                symbols = [];
                words.Add(new OcrWord(symbols, new PixelRect(wl, wt, wr, wb), Math.Clamp(confidence, 0, 1)));
            }
            Tesseract.TessPageIteratorBoundingBox(page, Tesseract.LevelSymbol, out var l, out var t, out var r, out var b);
            symbols.Add(new OcrSymbol(text, new PixelRect(l, t, r, b)));
        }
        while (Tesseract.TessResultIteratorNext(it, Tesseract.LevelSymbol) != 0);
        if (words is { Count: > 0 }) lines.Add(new OcrLine(words));
        return lines;
    }

    public void Dispose()
    {
        _api.Dispose();
        _numbers.Dispose();
        _second?.Dispose();
    }
}
