using System.Diagnostics;
using System.Text;

namespace Extractor.Worker.Tests;

/// <summary>
/// The real worker (`extractor watch`) as a child process on a real temporary data folder, with short timings
/// so tests are quick; the data folder outlives a kill so a restart sees what the crash left.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public WorkerProcess(string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("extractor-worker-").FullName;
        ConfigPath = Path.Combine(Root, "pipeline.json");
        File.WriteAllText(ConfigPath, """
            { "Extractor": { "DataFolder": "data", "Parallelism": 2,
                             "Worker": { "RescanSeconds": 1, "ReadySeconds": 0.4, "MaxRetrySeconds": 1 } } }
            """);
    }

    public string Root { get; }
    public string ConfigPath { get; }
    public string Data => Path.Combine(Root, "data");
    public string Inbox => Path.Combine(Data, "inbox");
    public string Outbox => Path.Combine(Data, "outbox");
    public string Archive => Path.Combine(Data, "archive");
    public string Quarantine => Path.Combine(Data, "quarantine");
    public string Work => Path.Combine(Data, "work");

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string Fixtures { get; } = FindFixtures();

    public WorkerProcess Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "extractor.dll"));
        foreach (var arg in new[] { "watch", "--config", ConfigPath }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntil(() => Log.Contains("Watching"), TimeSpan.FromSeconds(30), "the worker to start");
        return this;
    }

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or Ctrl-C would stop it; returns the exit code.</summary>
    public int Stop()
    {
        Process.Start("kill", ["-TERM", _process!.Id.ToString()])!.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(40))) throw new TimeoutException("the worker did not stop on SIGTERM");
        return _process.ExitCode;
    }

    public string[] Files(string folder, string pattern = "*") =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern, SearchOption.AllDirectories) : [];

    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}; worker log:\n{Log}");
            if (_process is { HasExited: true }) throw new InvalidOperationException($"the worker exited ({_process.ExitCode}) while waiting for {what}:\n{Log}");
            Thread.Sleep(100);
        }
    }

    /// <summary>Drops a file the way a user's copy does: written elsewhere, then moved into the inbox.</summary>
    public void Drop(string relativeName, byte[] content)
    {
        var target = Path.Combine(Inbox, relativeName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(temp, content);
        File.Move(temp, target);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) Kill();
        _process?.Dispose();
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return Path.Combine(dir.FullName, "fixtures");
        throw new InvalidOperationException("Extractor.sln not found");
    }
}
