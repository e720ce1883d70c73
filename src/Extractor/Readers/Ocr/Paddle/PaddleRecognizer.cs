using Microsoft.ML.OnnxRuntime;

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
/// (the pool runs one engine per reader thread). Lines are read in batches of one width bucket each.
/// Not thread-safe: the pool lends it to one reader at a time.
/// </summary>
internal sealed class PaddleRecognizer : IDisposable
{
    /// <summary>The model's input height, in pixels.</summary>
    public const int InputHeight = 48;

    /// <summary>Wider lines are squeezed to this width (PaddleOCR's cap), in pixels.</summary>
    public const int MaxInputWidth = 3200;

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;
    private readonly IReadOnlyList<string> _characters;
    private readonly LineBatching _batching;
    private float[] _buffer = [];

    public PaddleRecognizer(string modelsFolder, LineBatching? batching = null)
    {
        _batching = batching ?? new LineBatching();
        var missing = PaddleModels.Missing(modelsFolder);
        if (missing.Count > 0)
            throw new InvalidOperationException($"the OCR models folder {modelsFolder} lacks {string.Join(", ", missing)} (Extractor:Ocr:ModelsFolder; bash scripts/setup.sh installs them)");
        _characters = File.ReadAllText(Path.Combine(modelsFolder, PaddleModels.Characters)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Batches vary in shape: a memory pattern planned for one shape is of no use for the next, and the arena
        // would keep the largest run's memory for good.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableMemoryPattern = false,
            EnableCpuMemArena = false,
        };
        _session = new InferenceSession(Path.Combine(modelsFolder, PaddleModels.Recognition), options);
        _input = _session.InputMetadata.Keys.Single();
        _output = _session.OutputMetadata.Keys.First();
    }

    /// <summary>The characters the model can read, in class order (class 0 is the CTC blank, the last a space).</summary>
    public IReadOnlyList<string> Characters => _characters;

    /// <summary>Reads lines in runs of one width bucket each (<see cref="LineBatching"/>).</summary>
    public IReadOnlyList<RecognisedLine> Recognise(IReadOnlyList<LineImage> lines)
    {
        var read = new RecognisedLine[lines.Count];
        foreach (var bucket in Enumerable.Range(0, lines.Count).GroupBy(i => Bucket(lines[i])).OrderBy(g => g.Key))
        {
            var perRun = Math.Max(1, _batching.RunPixels / bucket.Key);
            foreach (var batch in bucket.Chunk(perRun))
            {
                var lineRead = Run(batch.Select(i => lines[i]).ToList(), bucket.Key);
                for (var k = 0; k < batch.Length; k++) read[batch[k]] = lineRead[k];
            }
        }
        return read;
    }

    /// <summary>The width a line is padded to: its scaled width rounded up to the bucket.</summary>
    private int Bucket(LineImage line)
    {
        var width = Math.Clamp((int)Math.Ceiling(InputHeight * line.Aspect), 1, MaxInputWidth);
        var bucket = _batching.BucketWidth;
        return Math.Clamp((width + bucket - 1) / bucket * bucket, _batching.MinWidth, MaxInputWidth);
    }

    private List<RecognisedLine> Run(List<LineImage> lines, int width)
    {
        var plane = 3 * InputHeight * width;
        var size = lines.Count * plane;
        if (_buffer.Length < size) _buffer = new float[size];
        var buffer = _buffer.AsSpan(0, size);
        buffer.Clear();
        var scaled = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            scaled[i] = lines[i].WriteTo(buffer.Slice(i * plane, plane), InputHeight, width);

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(_buffer, 0, size), [lines.Count, 3, InputHeight, width]);
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, [_input], [input], [_output]);
        var output = results[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        int steps = (int)shape[1], classes = (int)shape[2];
        if (classes != _characters.Count + 2)
            throw new InvalidOperationException($"the recognition model has {classes} classes, its character list {_characters.Count} lines (+ blank and space)");
        // The probabilities are read where ONNX Runtime wrote them, not copied.
        var probabilities = output.GetTensorDataAsSpan<float>();
        var read = new List<RecognisedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var pixelsPerStep = (double)width / steps * lines[i].Width / scaled[i];
            read.Add(new RecognisedLine(CtcDecoding.Decode(probabilities.Slice(i * steps * classes, steps * classes), steps, _characters), pixelsPerStep));
        }
        return read;
    }

    public void Dispose() => _session.Dispose();
}
