using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Extractor.Readers.Ocr.Paddle;

/// <summary>A recognised line: its characters, and how many pixels of the line image one time step spans.</summary>
internal sealed record RecognisedLine(IReadOnlyList<RecognisedCharacter> Characters, double PixelsPerStep)
{
    public string Text => string.Concat(Characters.Select(c => c.Text));

    /// <summary>The line's confidence: its least sure character (1 for a line read as nothing).</summary>
    public double Confidence => Characters.Count == 0 ? 1.0 : Characters.Min(c => c.Probability);
}

/// <summary>
/// PP-OCRv4 text-line recognition in process through ONNX Runtime: one session, loaded once, single-threaded
/// (the pool runs one engine per reader thread). Lines are read in batches of similar width, as PaddleOCR does.
/// Not thread-safe: the pool lends it to one reader at a time.
/// </summary>
internal sealed class PaddleRecognizer : IDisposable
{
    /// <summary>The model's input height, in pixels.</summary>
    public const int InputHeight = 48;

    /// <summary>A batch is at least this wide (PaddleOCR's rec_image_shape 3×48×320), in pixels.</summary>
    public const int MinInputWidth = 320;

    /// <summary>Wider lines are squeezed to this width (PaddleOCR's cap), in pixels.</summary>
    public const int MaxInputWidth = 3200;

    /// <summary>Lines per model run (PaddleOCR's rec_batch_num).</summary>
    public const int BatchSize = 6;

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly IReadOnlyList<string> _characters;

    public PaddleRecognizer(string modelsFolder)
    {
        var missing = PaddleModels.Missing(modelsFolder);
        if (missing.Count > 0)
            throw new InvalidOperationException($"the OCR models folder {modelsFolder} lacks {string.Join(", ", missing)} (Extractor:Ocr:ModelsFolder; bash scripts/setup.sh installs them)");
        _characters = File.ReadAllText(Path.Combine(modelsFolder, PaddleModels.Characters)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(Path.Combine(modelsFolder, PaddleModels.Recognition), options);
        _input = _session.InputMetadata.Keys.Single();
    }

    /// <summary>The characters the model can read, in class order (class 0 is the CTC blank, the last a space).</summary>
    public IReadOnlyList<string> Characters => _characters;

    public IReadOnlyList<RecognisedLine> Recognise(IReadOnlyList<LineImage> lines)
    {
        var read = new RecognisedLine[lines.Count];
        var order = Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].Aspect).ToList();
        for (var start = 0; start < order.Count; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToList();
            foreach (var (index, line) in batch.Zip(Run(batch.Select(i => lines[i]).ToList())))
                read[index] = line;
        }
        return read;
    }

    private List<RecognisedLine> Run(List<LineImage> lines)
    {
        var widest = lines.Max(l => l.Aspect);
        var width = Math.Clamp((int)(InputHeight * widest), MinInputWidth, MaxInputWidth);
        var tensor = new DenseTensor<float>([lines.Count, 3, InputHeight, width]);
        var plane = 3 * InputHeight * width;
        var scaled = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            scaled[i] = lines[i].WriteTo(tensor.Buffer.Span.Slice(i * plane, plane), InputHeight, width);

        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        var output = (DenseTensor<float>)results[0].AsTensor<float>();
        int steps = output.Dimensions[1], classes = output.Dimensions[2];
        if (classes != _characters.Count + 2)
            throw new InvalidOperationException($"the recognition model has {classes} classes, its character list {_characters.Count} lines (+ blank and space)");
        var read = new List<RecognisedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var probabilities = output.Buffer.Span.Slice(i * steps * classes, steps * classes);
            var pixelsPerStep = (double)width / steps * lines[i].Width / scaled[i];
            read.Add(new RecognisedLine(CtcDecoding.Decode(probabilities, steps, _characters), pixelsPerStep));
        }
        return read;
    }

    public void Dispose() => _session.Dispose();
}
