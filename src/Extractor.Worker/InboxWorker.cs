using System.Collections.Concurrent;
using System.Threading.Channels;
using Extractor.Files;
using Extractor.Store;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Extractor.Worker;

/// <summary>
/// The inbox service. Discovery (a walk of the inbox at start, again whenever the file watcher sees a change, and
/// periodically) finds files in inbox/; a ready file moves into work/ and waits in a bounded queue for one of the
/// readers (one per core by default). Whatever is in work/ at start — a crash, a stop — is read again; the ledger and
/// atomic writes make that safe. Transient failures wait and retry with back-off; an unreadable file goes to quarantine/.
/// The inbox is confined: links are never followed (a link is quarantined as it is), FIFOs, sockets and devices are
/// never opened, and names the store cannot keep are renamed to safe ones, the original kept in the ledger.
/// </summary>
public sealed class InboxWorker(PipelineOptions options, DataFolder data, FileIngest ingest, Store.Ledger.Ledger ledger, ILogger log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);
    private readonly FileReadiness _readiness = new(TimeSpan.FromSeconds(options.Worker.ReadySeconds), TimeProvider.System);
    private readonly RetryDelay _retry = new(TimeSpan.FromSeconds(options.Worker.MaxRetrySeconds));
    private volatile bool _changed = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Until(stoppingToken, "the data folder cannot be prepared", () =>
        {
            data.Ensure();
            ingest.Recover();
        });
        log.Information("Watching {Inbox} (outbox {Outbox}, {Readers} readers): drop files into the inbox", data.Inbox, data.Outbox, options.EffectiveParallelism);

        var queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, options.Worker.QueueCapacity)) { SingleWriter = false });
        // Readers first: what a crash left in work/ may be more than the queue holds.
        var readers = Enumerable.Range(0, options.EffectiveParallelism).Select(_ => Task.Run(() => Read(queue, stoppingToken), CancellationToken.None)).ToList();
        using var watcher = Watch();
        try
        {
            await RequeueWork(queue.Writer, stoppingToken);
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

    /// <summary>Files a stopped or crashed run left in work/, read again.</summary>
    private async Task RequeueWork(ChannelWriter<WorkItem> queue, CancellationToken stoppingToken)
    {
        var left = FolderWalk.Entries(data.Work).Where(e => !DataFolder.IsIgnoredName(e.Name)).ToList();
        if (left.Count > 0) log.Information("{Count} files left in {Work} by the last run are read again", left.Count, data.Work);
        foreach (var entry in left)
            await Enqueue(queue, new WorkItem(entry.SafeRelativeName, 0), stoppingToken);
    }

    /// <summary>
    /// Any change under the inbox asks for a walk; the walk, not the event, says what is there. (The watcher does not
    /// follow a link to a folder either.)
    /// </summary>
    private FileSystemWatcher? Watch()
    {
        try
        {
            var watcher = new FileSystemWatcher(data.Inbox) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024 };
            FileSystemEventHandler seen = (_, _) => _changed = true;
            watcher.Created += seen;
            watcher.Changed += seen;
            watcher.Renamed += (_, _) => _changed = true;
            watcher.Error += (_, e) => log.Warning("Inbox watcher lost events ({Reason}); the periodic walk catches up", e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            log.Warning("The inbox cannot be watched ({Reason}); it is walked every {Seconds} s instead", e.Message, options.Worker.RescanSeconds);
            return null;
        }
    }

    /// <summary>
    /// Moves ready inbox files into work/ and queues them. The inbox is walked on a change and periodically; files
    /// seen but not ready yet (a copy in progress) are looked at again every tick without a walk.
    /// </summary>
    private async Task Discover(ChannelWriter<WorkItem> queue, CancellationToken stoppingToken)
    {
        var lastWalk = DateTimeOffset.MinValue;
        var rescan = TimeSpan.FromSeconds(options.Worker.RescanSeconds);
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(options.Worker.ReadySeconds * 250, 50, 250));
        List<FolderEntry> waiting = [];
        while (!stoppingToken.IsCancellationRequested)
        {
            var walk = _changed || DateTimeOffset.UtcNow - lastWalk >= rescan;
            IEnumerable<FolderEntry> entries = waiting;
            if (walk)
            {
                _changed = false;
                lastWalk = DateTimeOffset.UtcNow;
                entries = Walk();
            }
            var stillWaiting = new List<FolderEntry>();
            foreach (var entry in entries)
                if (await Take(entry, queue, stoppingToken) == false) stillWaiting.Add(entry);
            waiting = stillWaiting;
            _readiness.Keep(waiting.Select(e => e.Printable));
            await Task.Delay(tick, stoppingToken);
        }
    }

    private List<FolderEntry> Walk()
    {
        try
        {
            return FolderWalk.Entries(data.Inbox).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error("The inbox cannot be walked ({Reason}); trying again in {Seconds} s", e.Message, options.Worker.RescanSeconds);
            return [];
        }
    }

    /// <summary>
    /// One inbox entry: a regular file that is ready moves into work/ and is queued (true); one not ready yet waits
    /// (false); anything else is quarantined as it is or left alone (null).
    /// </summary>
    private async Task<bool?> Take(FolderEntry entry, ChannelWriter<WorkItem> queue, CancellationToken stoppingToken)
    {
        if (DataFolder.IsIgnoredName(entry.Name)) return null;
        var relative = entry.SafeRelativeName;
        try
        {
            if (entry.Problem is not null)
            {
                log.Warning("{Folder}: {Reason}", entry.Printable, entry.Problem);
                return null;
            }
            if (entry.Kind != EntryKind.File)
            {
                RememberOriginal(entry);
                ingest.Refuse(entry.Path, relative, entry.Refusal!, OriginalHandling.Move);
                return null;
            }
            if (!_readiness.IsReady(entry)) return false;
            var workPath = Path.Combine(data.Work, relative);
            if (File.Exists(workPath)) return false;
            Directory.CreateDirectory(Path.GetDirectoryName(workPath)!);
            RememberOriginal(entry);
            NativeFiles.Rename(entry.Path, RawName.Bytes(workPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.Debug("{File}: not taken yet ({Reason})", entry.Printable, e.Message);
            return false;
        }
        await Enqueue(queue, new WorkItem(relative, 0), stoppingToken);
        return true;
    }

    /// <summary>A name the store had to change: the original, printable, goes into the ledger first.</summary>
    private void RememberOriginal(FolderEntry entry)
    {
        if (entry.NameIsSafe) return;
        ledger.RecordOriginalName(entry.SafeRelativeName, entry.Printable);
        log.Warning("{Original}: kept as {Name} (the name is not UTF-8, holds control characters, or is too long)", entry.Printable, entry.SafeRelativeName);
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
                result = NativeFiles.Stat(RawName.Bytes(path)).Kind != EntryKind.Missing
                    ? ingest.Ingest(path, item.RelativeName, OriginalHandling.Move, stoppingToken)
                    : new IngestResult(IngestStatus.Processed, null, null, []);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception e)
            {
                // The ledger's disk full, archive/ unwritable, anything: the file stays in work/ and is tried again.
                var delay = _retry.After(item.Attempt);
                log.Error("{File}: {Reason}; trying again in {Seconds:0} s", item.RelativeName, e.Message, delay.TotalSeconds);
                result = IngestResult.Retry(e.Message);
            }
            _queued.TryRemove(item.RelativeName, out _);
            if (result.Status == IngestStatus.Retry) _ = RetryLater(queue.Writer, item, stoppingToken);
        }
    }

    /// <summary>Transient failures wait 1, 2, 4 … seconds (up to the configured maximum) and go back in the queue.</summary>
    private async Task RetryLater(ChannelWriter<WorkItem> queue, WorkItem item, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_retry.After(item.Attempt), stoppingToken);
            await Enqueue(queue, item with { Attempt = item.Attempt + 1 }, stoppingToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Stopping: the file stays in work/ and is read at the next start.
        }
    }

    /// <summary>Runs a start-up step until it succeeds, with the worker's back-off: a full disk at start is waited out.</summary>
    private async Task Until(CancellationToken stoppingToken, string what, Action step)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                step();
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                var delay = _retry.After(attempt);
                log.Error("{What} ({Reason}); trying again in {Seconds:0} s", what, e.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
