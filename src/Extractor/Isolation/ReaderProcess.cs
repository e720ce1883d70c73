using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Serilog;

namespace Extractor.Isolation;

/// <summary>
/// One reader process, supervised: a request is sent, and while the reply is awaited the process is watched; over
/// its time or its resident memory it is killed. A process that was killed or ended is not used again.
/// </summary>
internal sealed class ReaderProcess : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly Process _process;
    private readonly ReaderOptions _options;
    private readonly Queue<string> _lastErrors = new();

    private ReaderProcess(Process process, ReaderOptions options, ILogger log)
    {
        _process = process;
        _options = options;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Debug("reader {Pid}: {Line}", _process.Id, e.Data);
            lock (_lastErrors)
            {
                _lastErrors.Enqueue(e.Data);
                if (_lastErrors.Count > 5) _lastErrors.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
    }

    public bool IsAlive => !_process.HasExited;

    public static ReaderProcess Start(ReaderCommand command, ReaderOptions options, ILogger log)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        // The managed heap is capped below the limit (OCR engines hold native memory besides); past the cap the
        // reader refuses the file cleanly instead of being killed.
        var heapBytes = (long)options.MemoryLimitMegabytes * 1024 * 1024 * 3 / 4;
        start.Environment["DOTNET_GCHeapHardLimit"] = heapBytes.ToString("x");
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new IOException($"cannot start a reader process ({command.FileName})");
        var reader = new ReaderProcess(process, options, log);
        reader.AwaitReady();
        return reader;
    }

    /// <summary>Waits for the process to say it is set up, so that its start-up does not count against a file's time.</summary>
    private void AwaitReady()
    {
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(_options.TimeoutSeconds)) || line.Result != ReaderChild.Ready)
        {
            Kill();
            throw new IOException($"a reader process did not start ({Ending()})");
        }
    }

    public ReaderReply Read(byte[] path, string name, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new ReaderRequest(path, name), ReaderJsonContext.Default.ReaderRequest);
        try
        {
            _process.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw new ReaderStoppedException("the reader process ended before it took the file");
        }
        var reply = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        var clock = Stopwatch.StartNew();
        var limit = (long)_options.MemoryLimitMegabytes * 1024 * 1024;
        while (!reply.Wait(Poll))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Kill();
                throw new OperationCanceledException(cancellationToken);
            }
            if (clock.Elapsed.TotalSeconds > _options.TimeoutSeconds)
            {
                Kill();
                throw new ReaderStoppedException($"reading it took longer than {_options.TimeoutSeconds:0.#} s (Extractor:Readers:TimeoutSeconds); the reader was stopped");
            }
            if (ResidentBytes() is { } resident && resident > limit)
            {
                Kill();
                throw new ReaderStoppedException($"reading it took more than {_options.MemoryLimitMegabytes} MiB of memory (Extractor:Readers:MemoryLimitMegabytes, {resident / (1024 * 1024)} MiB seen); the reader was stopped");
            }
        }
        var line = reply.Result;
        if (line is null)
        {
            _process.WaitForExit(1000);
            throw new ReaderStoppedException($"the reader process ended while reading it ({Ending()})");
        }
        return JsonSerializer.Deserialize(line, ReaderJsonContext.Default.ReaderReply)
            ?? throw new ReaderStoppedException("the reader process answered nothing");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.StandardInput.Close();
            if (!_process.WaitForExit(2000)) Kill();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Kill();
        }
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Resident memory of the process (from /proc), or null once it is gone.</summary>
    private long? ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{_process.Id}/statm").Split(' ');
            return long.Parse(fields[1]) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private string Ending()
    {
        var code = _process.HasExited ? _process.ExitCode : (int?)null;
        // A process killed by a signal ends with 128 + the signal's number as its code.
        var how = code is > 128 and < 160 ? $"killed by signal {code - 128}" : code is { } c ? $"exit code {c}" : "still running";
        string? last;
        lock (_lastErrors) last = _lastErrors.LastOrDefault(l => l.Trim().Length > 0);
        return last is null ? how : $"{how}; it said: {(last.Length > 200 ? last[..200] + "…" : last)}";
    }
}
