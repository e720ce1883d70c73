using System.Collections.Concurrent;
using System.Threading.Channels;
using Extractor.Store;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Extractor.Worker;

/// <summary>
/// The inbox service. Discovery (a file watcher, a periodic rescan and a scan at start) finds files in inbox/;
/// a ready file moves into work/ and waits in a bounded queue for one of the readers (one per core by
/// default). Whatever is in work/ at start — a crash, a stop — is read again; the ledger and atomic writes make
/// that safe. Transient failures wait and retry with back-off; an unreadable file goes to quarantine/.
/// </summary>
public sealed class InboxWorker(PipelineOptions options, DataFolder data, FileIngest ingest, ILogger log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _candidates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);
    private readonly FileReadiness _readiness = new(TimeSpan.FromSeconds(options.Worker.ReadySeconds), TimeProvider.System);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        data.Ensure();
        ingest.Recover();
        log.Information("Watching {Inbox} (outbox {Outbox}, {Readers} readers): drop files into the inbox", data.Inbox, data.Outbox, options.EffectiveParallelism);

        var queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, options.Worker.QueueCapacity)) { SingleWriter = false });
        foreach (var path in Directory.EnumerateFiles(data.Work, "*", SearchOption.AllDirectories).Where(p => !DataFolder.IsIgnoredName(p)))
            await Enqueue(queue.Writer, new WorkItem(Path.GetRelativePath(data.Work, path), 0), stoppingToken);

        using var watcher = Watch();
        var readers = Enumerable.Range(0, options.EffectiveParallelism).Select(_ => Task.Run(() => Read(queue, stoppingToken), CancellationToken.None)).ToList();
        try
        {
            await Discover(queue.Writer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        queue.Writer.TryComplete();
        await Task.WhenAll(readers);
        log.Information("Stopped; files not finished stay in {Work} and are read at the next start", data.Work);
    }

    private sealed record WorkItem(string RelativeName, int Attempt);

    private FileSystemWatcher Watch()
    {
        var watcher = new FileSystemWatcher(data.Inbox) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024 };
        FileSystemEventHandler seen = (_, e) => _candidates.TryAdd(e.FullPath, 0);
        watcher.Created += seen;
        watcher.Changed += seen;
        watcher.Renamed += (_, e) => _candidates.TryAdd(e.FullPath, 0);
        watcher.Error += (_, e) => log.Warning("Inbox watcher lost events ({Reason}); the periodic rescan catches up", e.GetException().Message);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Moves ready inbox files into work/ and queues them; rescans the whole inbox periodically.</summary>
    private async Task Discover(ChannelWriter<WorkItem> queue, CancellationToken stoppingToken)
    {
        var lastScan = DateTimeOffset.MinValue;
        var rescan = TimeSpan.FromSeconds(options.Worker.RescanSeconds);
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(options.Worker.ReadySeconds * 250, 50, 250));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (DateTimeOffset.UtcNow - lastScan >= rescan)
            {
                foreach (var path in Directory.EnumerateFiles(data.Inbox, "*", SearchOption.AllDirectories))
                    _candidates.TryAdd(path, 0);
                lastScan = DateTimeOffset.UtcNow;
            }
            foreach (var path in _candidates.Keys.Order(StringComparer.Ordinal).ToList())
            {
                if (DataFolder.IsIgnoredName(path) || !File.Exists(path)) { _candidates.TryRemove(path, out _); _readiness.Forget(path); continue; }
                if (!_readiness.IsReady(path)) continue;
                var relative = Path.GetRelativePath(data.Inbox, path);
                var workPath = Path.Combine(data.Work, relative);
                if (File.Exists(workPath)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(workPath)!);
                try
                {
                    File.Move(path, workPath);
                }
                catch (IOException e)
                {
                    log.Debug("{File}: not moved into work yet ({Reason})", relative, e.Message);
                    continue;
                }
                _candidates.TryRemove(path, out _);
                await Enqueue(queue, new WorkItem(relative, 0), stoppingToken);
            }
            await Task.Delay(tick, stoppingToken);
        }
    }

    private async Task Enqueue(ChannelWriter<WorkItem> queue, WorkItem item, CancellationToken stoppingToken)
    {
        if (_queued.TryAdd(item.RelativeName, 0)) await queue.WriteAsync(item, stoppingToken);
    }

    private async Task Read(Channel<WorkItem> queue, CancellationToken stoppingToken)
    {
        await foreach (var item in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (stoppingToken.IsCancellationRequested) continue;
            var path = Path.Combine(data.Work, item.RelativeName);
            IngestResult result;
            try
            {
                result = File.Exists(path)
                    ? ingest.Ingest(path, item.RelativeName, OriginalHandling.Move, stoppingToken)
                    : new IngestResult(IngestStatus.Processed, null, null, []);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.Warning("{File}: {Reason}; will retry", item.RelativeName, e.Message);
                result = IngestResult.Retry(e.Message);
            }
            _queued.TryRemove(item.RelativeName, out _);
            if (result.Status == IngestStatus.Retry) _ = RetryLater(queue.Writer, item, stoppingToken);
        }
    }

    /// <summary>Transient failures wait 1, 2, 4 … seconds (up to the configured maximum) and go back in the queue.</summary>
    private async Task RetryLater(ChannelWriter<WorkItem> queue, WorkItem item, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempt), options.Worker.MaxRetrySeconds));
        try
        {
            await Task.Delay(delay, stoppingToken);
            await Enqueue(queue, item with { Attempt = item.Attempt + 1 }, stoppingToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Stopping: the file stays in work/ and is read at the next start.
        }
    }
}
