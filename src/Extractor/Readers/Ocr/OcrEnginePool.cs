namespace Extractor.Readers.Ocr;

/// <summary>
/// The engines of a process: at most one per reader thread, each created on first need and then kept,
/// because initialising them (loading the recognition models) costs far more than reading a page.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly string _baseFolder;
    private readonly SemaphoreSlim _free;
    private readonly System.Collections.Concurrent.ConcurrentBag<OcrEngine> _idle = [];
    private readonly List<OcrEngine> _all = [];

    /// <summary>A pool of <paramref name="size"/> engines; relative paths of <paramref name="options"/> are taken from <paramref name="baseFolder"/> (pipeline.json's).</summary>
    public OcrEnginePool(OcrOptions options, string baseFolder, int size)
    {
        _options = options;
        _baseFolder = baseFolder;
        Size = size;
        _free = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>Engines initialised so far; never more than <see cref="Size"/>.</summary>
    public int Created
    {
        get { lock (_all) return _all.Count; }
    }

    internal T Use<T>(Func<OcrEngine, T> work, CancellationToken cancellationToken)
    {
        _free.Wait(cancellationToken);
        OcrEngine? engine = null;
        try
        {
            if (!_idle.TryTake(out engine))
            {
                engine = new OcrEngine(_options, _baseFolder);
                lock (_all) _all.Add(engine);
            }
            return work(engine);
        }
        finally
        {
            if (engine is not null) _idle.Add(engine);
            _free.Release();
        }
    }

    public void Dispose()
    {
        lock (_all)
        {
            foreach (var engine in _all) engine.Dispose();
            _all.Clear();
        }
        _free.Dispose();
    }
}
